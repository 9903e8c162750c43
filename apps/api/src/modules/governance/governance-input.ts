import type { AnnualRhythmItem, BodyRhythm } from '@partnerships/db';
import { BODY_KINDS, HALF_TERM_NAMES, isPhase, isValidIsoDate, OFFICES, type QuorumRule, SEAT_RULE_KINDS, type SeatRule, TENANT_ROLES } from '@partnerships/domain';

/**
 * Checks of the JSON parts of governance input (seat rules, rhythms, quorum rules) that
 * class-validator cannot express: each problem names its field, so the form can show it.
 */
export type FieldProblem = { field: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkSeatRule(value: unknown, field = 'rule'): { rule: Omit<SeatRule, 'id' | 'voting' | 'label' | 'termMonths'> | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!isObject(value)) return { rule: null, problems: [{ field, message: 'Describe the seat rule' }] };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(SEAT_RULE_KINDS as readonly string[]).includes(kind)) {
    return { rule: null, problems: [{ field: `${field}.kind`, message: `The kind of rule is one of: ${SEAT_RULE_KINDS.join(', ')}` }] };
  }
  switch (kind) {
    case 'school_representative': {
      const scope = value.scope;
      if (!isObject(scope) || !['partnership', 'cluster', 'category', 'phase'].includes(String(scope.type))) {
        problems.push({ field: `${field}.scope`, message: 'Choose whose schools: the partnership, a cluster, a category or a phase' });
      } else if (scope.type === 'cluster' && typeof scope.bodyId !== 'string') problems.push({ field: `${field}.scope.bodyId`, message: 'Choose the cluster' });
      else if (scope.type === 'category' && typeof scope.category !== 'string') problems.push({ field: `${field}.scope.category`, message: 'Choose the category' });
      else if (scope.type === 'phase' && !isPhase(scope.phase)) problems.push({ field: `${field}.scope.phase`, message: 'Choose the phase' });
      if (value.role !== undefined && typeof value.role !== 'string') problems.push({ field: `${field}.role`, message: 'The role is a school role such as headteacher' });
      break;
    }
    case 'office_holder':
      if (!(OFFICES as readonly string[]).includes(String(value.office))) problems.push({ field: `${field}.office`, message: `The office is one of: ${OFFICES.join(', ')}` });
      if (!(BODY_KINDS as readonly string[]).includes(String(value.bodyKind))) problems.push({ field: `${field}.bodyKind`, message: `The kind of body is one of: ${BODY_KINDS.join(', ')}` });
      break;
    case 'role_at_schools':
      if (typeof value.role !== 'string' || !value.role) problems.push({ field: `${field}.role`, message: 'Give the school role, such as headteacher' });
      if (value.phases !== undefined && (!Array.isArray(value.phases) || !value.phases.every(isPhase))) problems.push({ field: `${field}.phases`, message: 'Phases must be from the list of phases' });
      if (value.schoolTypes !== undefined && (!Array.isArray(value.schoolTypes) || !value.schoolTypes.every((t) => typeof t === 'string'))) {
        problems.push({ field: `${field}.schoolTypes`, message: 'School types are a list of names' });
      }
      break;
    case 'appointed':
      if (!Number.isInteger(value.max) || (value.max as number) < 1 || (value.max as number) > 100) problems.push({ field: `${field}.max`, message: 'Give the number of appointees, 1 to 100' });
      break;
    case 'elected': {
      const seats = value.seats;
      if (!Number.isInteger(seats) || (seats as number) < 1 || (seats as number) > 100) problems.push({ field: `${field}.seats`, message: 'Give the number of elected seats, 1 to 100' });
      if (value.reservations !== undefined) {
        if (!Array.isArray(value.reservations)) problems.push({ field: `${field}.reservations`, message: 'Reservations are a list' });
        else {
          let reserved = 0;
          value.reservations.forEach((r: unknown, i: number) => {
            if (!isObject(r) || typeof r.label !== 'string' || !Number.isInteger(r.count) || (r.count as number) < 1) {
              problems.push({ field: `${field}.reservations.${i}`, message: 'Each reservation has a label and a number of seats' });
            } else reserved += r.count as number;
          });
          if (Number.isInteger(seats) && reserved > (seats as number)) problems.push({ field: `${field}.reservations`, message: 'More seats are reserved than there are seats' });
        }
      }
      break;
    }
    case 'ex_officio':
      if (value.tenantRole !== undefined && !(TENANT_ROLES as readonly string[]).includes(String(value.tenantRole))) {
        problems.push({ field: `${field}.tenantRole`, message: `The role is one of: ${TENANT_ROLES.join(', ')}` });
      }
      if (value.tenantRole === undefined && typeof value.title !== 'string') problems.push({ field: `${field}.tenantRole`, message: 'Give the role (or title) that holds the seat' });
      break;
  }
  const { id: _id, voting: _v, label: _l, termMonths: _t, ...rest } = value;
  return { rule: problems.length ? null : (rest as unknown as Omit<SeatRule, 'id' | 'voting' | 'label' | 'termMonths'>), problems };
}

export function checkRhythm(value: unknown, field = 'rhythm'): { rhythm: BodyRhythm | null; problems: FieldProblem[] } {
  if (value === null || value === undefined) return { rhythm: null, problems: [] };
  const problems: FieldProblem[] = [];
  if (!isObject(value)) return { rhythm: null, problems: [{ field, message: 'Describe when the body meets' }] };
  const r = value.rhythm;
  if (!isObject(r) || !['half_termly', 'termly', 'annually', 'one_off'].includes(String(r.type))) {
    problems.push({ field: `${field}.rhythm.type`, message: 'How often: half_termly, termly, annually or one_off' });
  } else if (r.type === 'annually' && !['autumn', 'spring', 'summer'].includes(String(r.term))) {
    problems.push({ field: `${field}.rhythm.term`, message: 'Choose the term: autumn, spring or summer' });
  } else if (r.type === 'one_off' && r.date !== undefined && !isValidIsoDate(r.date)) {
    problems.push({ field: `${field}.rhythm.date`, message: 'Give the date as YYYY-MM-DD' });
  }
  const week = value.week ?? 2;
  if (!(week === 'last' || (Number.isInteger(week) && (week as number) >= 1 && (week as number) <= 8))) problems.push({ field: `${field}.week`, message: 'The week of the half term is 1 to 8 or "last"' });
  const weekday = value.weekday ?? 3;
  if (!Number.isInteger(weekday) || (weekday as number) < 1 || (weekday as number) > 5) problems.push({ field: `${field}.weekday`, message: 'The weekday is 1 (Monday) to 5 (Friday)' });
  const startTime = value.startTime ?? '16:00';
  const endTime = value.endTime ?? '17:30';
  if (typeof startTime !== 'string' || !TIME.test(startTime)) problems.push({ field: `${field}.startTime`, message: 'Give the start time as HH:MM' });
  if (typeof endTime !== 'string' || !TIME.test(endTime)) problems.push({ field: `${field}.endTime`, message: 'Give the end time as HH:MM' });
  else if (typeof startTime === 'string' && endTime <= startTime) problems.push({ field: `${field}.endTime`, message: 'The meeting must end after it starts' });
  if (value.meetsBefore !== undefined && (!Array.isArray(value.meetsBefore) || !value.meetsBefore.every((id) => typeof id === 'string'))) {
    problems.push({ field: `${field}.meetsBefore`, message: 'List the bodies this one meets before' });
  }
  if (problems.length) return { rhythm: null, problems };
  return {
    rhythm: {
      rhythm: r as unknown as BodyRhythm['rhythm'],
      week: week as BodyRhythm['week'],
      weekday: weekday as BodyRhythm['weekday'],
      startTime: startTime as string,
      endTime: endTime as string,
      meetsBefore: (value.meetsBefore as string[] | undefined) ?? [],
      rotateHost: value.rotateHost === true,
      location: typeof value.location === 'string' ? value.location : null,
    },
    problems,
  };
}

export function checkQuorum(value: unknown, field = 'quorumRule'): { quorum: QuorumRule | null; problems: FieldProblem[] } {
  if (value === null || value === undefined) return { quorum: null, problems: [] };
  if (!isObject(value)) return { quorum: null, problems: [{ field, message: 'Describe the quorum' }] };
  if (value.type === 'count') {
    if (!Number.isInteger(value.n) || (value.n as number) < 1) return { quorum: null, problems: [{ field: `${field}.n`, message: 'The quorum is a number of voting seats, at least 1' }] };
    return { quorum: { type: 'count', n: value.n as number, mustIncludeChair: value.mustIncludeChair === true }, problems: [] };
  }
  if (value.type === 'fraction') {
    const n = value.numerator;
    const d = value.denominator;
    if (!Number.isInteger(n) || !Number.isInteger(d) || (n as number) < 1 || (d as number) < 1 || (n as number) > (d as number)) {
      return { quorum: null, problems: [{ field: `${field}.numerator`, message: 'The quorum is a fraction such as 1/2 or 2/3 of voting seats' }] };
    }
    return { quorum: { type: 'fraction', numerator: n as number, denominator: d as number, mustIncludeChair: value.mustIncludeChair === true }, problems: [] };
  }
  return { quorum: null, problems: [{ field: `${field}.type`, message: 'The quorum is a count or a fraction of voting seats' }] };
}

export function checkAnnualRhythm(value: unknown, field = 'annualRhythm'): { items: AnnualRhythmItem[]; problems: FieldProblem[] } {
  if (value === null || value === undefined) return { items: [], problems: [] };
  if (!Array.isArray(value)) return { items: [], problems: [{ field, message: 'The annual rhythm is a list of items by half term' }] };
  const problems: FieldProblem[] = [];
  value.forEach((item: unknown, i: number) => {
    if (!isObject(item) || !(HALF_TERM_NAMES as readonly string[]).includes(String(item.halfTerm))) problems.push({ field: `${field}.${i}.halfTerm`, message: `The half term is one of: ${HALF_TERM_NAMES.join(', ')}` });
    else if (typeof item.title !== 'string' || !item.title.trim() || item.title.length > 300) problems.push({ field: `${field}.${i}.title`, message: 'Give the item a title (up to 300 characters)' });
  });
  return { items: problems.length ? [] : (value as AnnualRhythmItem[]).map((i) => ({ halfTerm: i.halfTerm, title: i.title.trim() })), problems };
}
