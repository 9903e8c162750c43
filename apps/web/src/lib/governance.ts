/**
 * Words for governance: kinds of body, seats, offices, attendance, meetings, motions and
 * elections, and times in London. The API sends codes; pages show these.
 */
import type { Schemas } from '@partnerships/api-client';
import { phaseLabel } from './labels.ts';
import { valuesOf } from './vocabulary.ts';
import { tenantCan } from './access.ts';

export type BodyKind = Schemas['BodyInputDto']['kind'];
export type SeatVoting = Schemas['SeatRuleInputDto']['voting'];
export type Office = Schemas['OfficeInputDto']['office'];
export type AttendanceStatus = Schemas['AttendanceEntryDto']['status'];

const BODY_KIND_LABELS: Record<BodyKind, string> = {
  board: 'Board',
  strategy_board: 'Strategy board',
  advisory_council: 'Advisory council',
  committee: 'Committee',
  cluster: 'Cluster',
  forum: 'Forum',
  working_party: 'Working party',
  task_group: 'Task-and-finish group',
  general_meeting: 'General meeting of members',
};
export const BODY_KINDS = valuesOf(BODY_KIND_LABELS);

const SEAT_VOTING_LABELS: Record<SeatVoting, string> = { voting: 'Voting', non_voting: 'Non-voting', observer: 'Observer' };
export const SEAT_VOTINGS = valuesOf(SEAT_VOTING_LABELS);

const OFFICE_LABELS: Record<Office, string> = { chair: 'Chair', vice_chair: 'Vice-chair', secretary: 'Secretary' };
export const OFFICES = valuesOf(OFFICE_LABELS);

const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  deputy: 'Deputy standing in',
  apologies: 'Apologies',
  absent: 'Absent',
  in_attendance: 'In attendance (not a member)',
};
export const ATTENDANCE_STATUSES = valuesOf(ATTENDANCE_LABELS);

const MEETING_STATUS_LABELS: Record<string, string> = { scheduled: 'Planned', moved: 'Moved', cancelled: 'Cancelled', held: 'Held' };
const MINUTES_STATUS_LABELS: Record<string, string> = { draft: 'Draft', circulated: 'Circulated', approved: 'Approved' };
const MOTION_STATUS_LABELS: Record<string, string> = { draft: 'Draft (poll not open)', open: 'Poll open', closed: 'Counted' };
const ELECTION_STATUS_LABELS: Record<string, string> = { nominations: 'Taking nominations', voting: 'Voting open', closed: 'Counted' };
const CHOICE_LABELS: Record<string, string> = { for: 'For', against: 'Against', abstain: 'Abstain' };

const tidy = (code: string) => {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const bodyKindLabel = (code: string) => BODY_KIND_LABELS[code as BodyKind] ?? tidy(code);
export const seatVotingLabel = (code: string) => SEAT_VOTING_LABELS[code as SeatVoting] ?? tidy(code);
export const officeLabel = (code: string) => OFFICE_LABELS[code as Office] ?? tidy(code);
export const attendanceLabel = (code: string) => ATTENDANCE_LABELS[code as AttendanceStatus] ?? tidy(code);
export const meetingStatusLabel = (code: string) => MEETING_STATUS_LABELS[code] ?? tidy(code);
export const minutesStatusLabel = (code: string) => MINUTES_STATUS_LABELS[code] ?? tidy(code);
export const motionStatusLabel = (code: string) => MOTION_STATUS_LABELS[code] ?? tidy(code);

/** A counted motion's outcome, as the result's heading says it ("Result: carried"). */
export const motionOutcomeLabel = (outcome: string) => (outcome === 'carried' ? 'carried' : outcome === 'not_quorate' ? 'not decided (the meeting was not quorate)' : 'the motion fell');
/** The same outcome in a table cell. */
export const motionOutcomeTag = (outcome: string) => (outcome === 'carried' ? 'Carried' : outcome === 'not_quorate' ? 'Not quorate' : 'Fell');
export const electionStatusLabel = (code: string) => ELECTION_STATUS_LABELS[code] ?? tidy(code);
export const choiceLabel = (code: string | null) => (code ? (CHOICE_LABELS[code] ?? tidy(code)) : 'Did not vote');

const londonDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const londonIsoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "Tuesday 5 December 2026" in London. */
export const meetingDay = (iso: string) => londonDateTime.format(new Date(iso)).replace(",", "");
/** "16:00" in London. */
export const meetingTime = (iso: string) => londonTime.format(new Date(iso));
/** "Tuesday 5 December 2026, 16:00 to 17:30" in London. */
export const meetingWhen = (startsAt: string, endsAt?: string | null) => `${meetingDay(startsAt)}, ${meetingTime(startsAt)}${endsAt ? ` to ${meetingTime(endsAt)}` : ''}`;
/** YYYY-MM-DD and HH:MM in London, for the move form. */
export const londonDayOf = (iso: string) => londonIsoDay.format(new Date(iso));

/** The academic year a day falls in, by its starting calendar year (September to August). */
export function academicYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}
export const academicYearLabel = (start: number) => `${start} to ${start + 1}`;

type Rule = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** A seat rule in plain English, e.g. "One representative (headteacher) from each member school in a phase: primary". */
export function seatRuleText(rule: Rule, bodyNames: Map<string, string> = new Map()): string {
  switch (rule.kind) {
    case 'school_representative': {
      const scope = (rule.scope ?? {}) as Rule;
      const role = typeof rule.role === 'string' ? rule.role.replace(/-/g, ' ') : 'headteacher';
      const where =
        scope.type === 'cluster'
          ? `in ${bodyNames.get(String(scope.bodyId)) ?? 'the cluster'}`
          : scope.type === 'category'
            ? `in the ${String(scope.category)} membership category`
            : scope.type === 'phase'
              ? `of the ${phaseLabel(String(scope.phase)).toLowerCase()} phase`
              : 'in the partnership';
      return `One representative (the ${role}, or a named deputy) from each member school ${where}`;
    }
    case 'office_holder':
      return `The ${officeLabel(String(rule.office)).toLowerCase()} of each ${bodyKindLabel(String(rule.bodyKind)).toLowerCase()}`;
    case 'role_at_schools': {
      const phases = list(rule.phases).map((p) => phaseLabel(p).toLowerCase());
      return `All ${phases.length ? `${phases.join(' and ')} school ` : ''}${String(rule.role ?? 'headteacher').replace(/-/g, ' ')}s`;
    }
    case 'appointed':
      return `Named appointees, up to ${Number(rule.max ?? 0)}`;
    case 'elected': {
      const reservations = Array.isArray(rule.reservations) ? (rule.reservations as Rule[]) : [];
      const reserved = reservations.map((r) => `${Number(r.count)} for ${String(r.label)}`).join('; ');
      return `${Number(rule.seats ?? 0)} elected seats${reserved ? ` (reserved: ${reserved})` : ''}`;
    }
    case 'ex_officio':
      return rule.tenantRole ? `Ex officio: everyone with the partnership role “${String(rule.tenantRole).replace(/-/g, ' ')}”` : `Ex officio: ${String(rule.title ?? 'by position')}`;
    default:
      return 'A seat rule';
  }
}

/** How a body meets, in plain English. */
export function rhythmText(rhythm: Rule | null | undefined): string {
  if (!rhythm) return 'No regular meetings';
  const r = (rhythm.rhythm ?? {}) as Rule;
  const weekday = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][Number(rhythm.weekday ?? 0)] ?? '';
  const week = rhythm.week === 'last' ? 'the last week' : rhythm.week ? `week ${String(rhythm.week)}` : null;
  const how =
    r.type === 'half_termly' ? 'Every half term' : r.type === 'termly' ? 'Every term' : r.type === 'annually' ? `Once a year, in the ${String(r.term ?? 'autumn')} term` : r.type === 'one_off' ? 'Once' : 'As arranged';
  const when = [week ? `in ${week}` : null, weekday ? `on a ${weekday}` : null].filter(Boolean).join(' ');
  const time = rhythm.startTime ? `, ${String(rhythm.startTime)} to ${String(rhythm.endTime ?? '')}` : '';
  return `${how}${when ? ` ${when}` : ''}${time}`;
}

/** A quorum rule in plain English. */
export function quorumText(rule: Rule | null | undefined): string {
  if (!rule) return 'Half of the voting members';
  if (rule.type === 'count') return `${Number(rule.n)} voting members`;
  if (rule.type === 'fraction') return `${Number(rule.numerator)} in ${Number(rule.denominator)} of the voting members`;
  return 'As the terms of reference say';
}

/** Whether the signed-in person runs governance here (admins and officers, as the API allows). */
export const managesGovernance = (roles: readonly string[]) => tenantCan(roles, 'manage', 'Governance');
