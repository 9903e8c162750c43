/**
 * Public types of the governance rules: bodies, seats defined by rules, meetings
 * planned on the partnership's term dates, quorum, one-school-one-vote motions,
 * elections with reserved seats, calendar feeds and the structure diagram.
 *
 * Plain data only (no classes), so the API, seeds and jobs can build these from
 * rows and JSON columns directly. Identifiers are opaque strings (uuids in the
 * database); dates are 'YYYY-MM-DD'; local times are 'HH:MM' in Europe/London.
 */
import type { IsoDateString } from '../calendar/iso-date';
import type { HalfTermName, TermName } from '../calendar/term-dates';
import type { Phase } from '../schools/phase';

// ---------------------------------------------------------------------------
// Bodies, seats and offices
// ---------------------------------------------------------------------------

export const BODY_KINDS = [
  'board',
  'strategy_board',
  'advisory_council',
  'committee',
  'cluster',
  'forum',
  'working_party',
  'task_group',
  'general_meeting',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SEAT_VOTING = ['voting', 'non_voting', 'observer'] as const;
export type SeatVoting = (typeof SEAT_VOTING)[number];

export const OFFICES = ['chair', 'vice_chair', 'secretary'] as const;
export type Office = (typeof OFFICES)[number];
/** How an office is filled: by annual election within the body, or by appointment. */
export type OfficeFilledBy = 'election' | 'appointment';

export const SEAT_RULE_KINDS = ['school_representative', 'office_holder', 'role_at_schools', 'appointed', 'elected', 'ex_officio'] as const;
export type SeatRuleKind = (typeof SEAT_RULE_KINDS)[number];

interface SeatRuleBase {
  /** Stable id of the rule (the seat_rule row); seat keys start with it. */
  id: string;
  voting: SeatVoting;
  /** Length of a holder's term in months (e.g. 36 for a director); absent = no fixed term. */
  termMonths?: number;
  /** What the seat is called ("Headteacher representative", "LA officer"). */
  label: string;
}

/** Which member schools a school_representative rule covers. */
export type SchoolScope =
  | { type: 'partnership' }
  | { type: 'cluster'; bodyId: string }
  | { type: 'category'; category: string }
  | { type: 'phase'; phase: Phase };

/** One representative from each member school in the scope (the headteacher unless `role` says otherwise; a named deputy may stand in). */
export interface SchoolRepresentativeRule extends SeatRuleBase {
  kind: 'school_representative';
  scope: SchoolScope;
  /** The school role that holds the seat; default 'headteacher'. */
  role?: string;
}

/** The holders of an office in every body of a kind ("the chair of each cluster"). */
export interface OfficeHolderRule extends SeatRuleBase {
  kind: 'office_holder';
  office: Office;
  bodyKind: BodyKind;
}

/** Everyone with a role at schools of a kind ("all special school headteachers"). */
export interface RoleAtSchoolsRule extends SeatRuleBase {
  kind: 'role_at_schools';
  role: string;
  phases?: Phase[];
  schoolTypes?: string[];
}

/** Named appointees up to a number ("up to 4 LA officers"). */
export interface AppointedRule extends SeatRuleBase {
  kind: 'appointed';
  max: number;
}

/** A group of seats within an elected rule kept for candidates of a kind. A candidate matches when every given list includes them. */
export interface SeatReservation {
  label: string;
  count: number;
  phases?: Phase[];
  characters?: string[];
  areas?: string[];
}

/** Seats filled by election, some reserved by phase, character or area. */
export interface ElectedRule extends SeatRuleBase {
  kind: 'elected';
  seats: number;
  reservations?: SeatReservation[];
}

/** Held by virtue of a tenant role ("officer") or a title ("Executive Director"). */
export interface ExOfficioRule extends SeatRuleBase {
  kind: 'ex_officio';
  tenantRole?: string;
  title?: string;
}

export type SeatRule = SchoolRepresentativeRule | OfficeHolderRule | RoleAtSchoolsRule | AppointedRule | ElectedRule | ExOfficioRule;

// ---------------------------------------------------------------------------
// Facts for seat resolution
// ---------------------------------------------------------------------------

export interface GovernanceSchool {
  id: string;
  urn: string;
  name: string;
  phase: Phase;
  /** Establishment type as the register gives it ('academy', 'community', ...). */
  type: string;
  /** Religious character or other character ('Church of England', 'Roman Catholic', 'None'). */
  character: string | null;
  /** Locality or area within the partnership ('Acton', 'Southall'). */
  area: string | null;
  /** Membership category code ('full', 'associate'). Only member schools should be listed. */
  categoryCode: string;
  /** Whether the school's category carries votes at general meetings. */
  votes: boolean;
  /** Clusters (bodies of kind 'cluster') the school belongs to. */
  clusterBodyIds: string[];
}

/** A person with a role: a school role when `schoolId` is set, a tenant role otherwise. */
export interface GovernancePerson {
  userId: string;
  name: string;
  schoolId: string | null;
  role: string;
}

/** A person a school names to stand in for its representative (for all rules, or for one rule). */
export interface NamedDeputy {
  schoolId: string;
  userId: string;
  name: string;
  ruleId?: string;
}

export interface OfficeHolding {
  bodyId: string;
  bodyKind: BodyKind;
  /** For labels: "Chair of Acton cluster". */
  bodyName?: string;
  office: Office;
  userId: string;
  /** The holder's name, used when they are not among `people`. */
  name?: string;
}

/** A named appointee or an election winner under a rule. */
export interface NamedSeatHolder {
  ruleId: string;
  userId: string;
  name: string;
  schoolUrn?: string | null;
}

export interface ExOfficioHolder {
  userId: string;
  name: string;
  /** Matches a rule with this tenantRole ... */
  tenantRole?: string;
  /** ... or this title. */
  title?: string;
  /** Or a rule by id. */
  ruleId?: string;
}

export interface SeatFacts {
  schools: GovernanceSchool[];
  /** Bodies of the partnership, so an office_holder rule shows a vacant seat for a body whose office is empty. */
  bodies?: { id: string; kind: BodyKind; name: string }[];
  people: GovernancePerson[];
  deputies?: NamedDeputy[];
  officeHolders?: OfficeHolding[];
  appointees?: NamedSeatHolder[];
  electionWinners?: NamedSeatHolder[];
  exOfficio?: ExOfficioHolder[];
}

export interface SeatHolder {
  userId: string;
  name: string;
  schoolUrn: string | null;
  /** True when a named deputy stands in for the school's usual representative. */
  standingIn?: boolean;
}

export interface ResolvedSeat {
  /** Stable: `${ruleId}:school:${urn}`, `${ruleId}:office:${bodyId}`, `${ruleId}:person:${userId}`, `${ruleId}:${n}` ... */
  key: string;
  ruleId: string;
  label: string;
  voting: SeatVoting;
  holder: SeatHolder | null;
  /** The school the seat represents, when it represents one. */
  schoolId: string | null;
  termMonths?: number;
}

/** Who holds (held) which seat from when: the history of a body's membership. */
export interface SeatHolding {
  seatKey: string;
  userId: string;
  startsOn: IsoDateString;
  /** Null while current. */
  endsOn: IsoDateString | null;
}

export interface SeatChanges {
  /** Current holdings to close: set endsOn to the given date (the day before today). */
  end: { seatKey: string; userId: string; endsOn: IsoDateString }[];
  /** New holdings starting today. */
  begin: { seatKey: string; userId: string; startsOn: IsoDateString; endsOn: null }[];
}

// ---------------------------------------------------------------------------
// Planning meetings on the school calendar
// ---------------------------------------------------------------------------

export type MeetingRhythm =
  | { type: 'half_termly' }
  /** Once a term, in its first half (default) or its second. */
  | { type: 'termly'; half?: 1 | 2 }
  /** Once a year in the given term (first half by default). */
  | { type: 'annually'; term: TermName; half?: 1 | 2 }
  /** Once: on a date, or in a half term (by the preferred week and weekday). */
  | { type: 'one_off'; date?: IsoDateString; halfTerm?: HalfTermName };

/** Week of the half term: 1 = the week holding its first day, 2 = the next ..., or 'last'. */
export type PreferredWeek = number | 'last';

export interface BodyToPlan {
  bodyId: string;
  name: string;
  rhythm: MeetingRhythm;
  week: PreferredWeek;
  /** 1 = Monday ... 5 = Friday. */
  weekday: 1 | 2 | 3 | 4 | 5;
  /** 'HH:MM', Europe/London. */
  startTime: string;
  endTime: string;
  /** Bodies that this body meets before, strictly earlier within the same half term. */
  meetsBefore?: string[];
  /** Host-school rotation in order (school ids); empty = no host. */
  hostSchoolIds?: string[];
  /** The last school that hosted, so the rotation continues from the one after it. */
  lastHostSchoolId?: string | null;
  /** Note-taker at each host school (school id -> user id). */
  noteTakers?: Record<string, string>;
  /** A task-and-finish group ends; no meetings after this date. */
  endsOn?: IsoDateString | null;
  /** No meetings before this date (a body set up mid-year). */
  startsOn?: IsoDateString | null;
}

export type MeetingStatus = 'planned' | 'moved' | 'cancelled' | 'held';

/** A meeting already stored; its key says which planned slot it fills. */
export interface ExistingMeeting {
  key: string;
  bodyId: string;
  date: IsoDateString;
  status: MeetingStatus;
  hostSchoolId?: string | null;
}

export interface PlannedMeeting {
  /** `${bodyId}:${academicYearStart}:${halfTerm}:${n}`, e.g. 'b1:2026:Autumn 1:1'. */
  key: string;
  bodyId: string;
  academicYearStart: number;
  halfTerm: HalfTermName;
  n: number;
  date: IsoDateString;
  /** 'YYYY-MM-DDTHH:MM' in Europe/London. */
  startsAtLocal: string;
  endsAtLocal: string;
  /** ISO instants in UTC ('2026-10-07T15:30:00.000Z'). */
  startsAt: string;
  endsAt: string;
  hostSchoolId: string | null;
  noteTakerUserId: string | null;
  /** True when this slot already exists (kept as it is; a moved or cancelled meeting is never re-planned). */
  existing: boolean;
}

export interface PlanProblem {
  bodyId: string | null;
  halfTerm?: HalfTermName;
  code: 'ordering_impossible' | 'ordering_cycle' | 'no_school_day' | 'bad_time' | 'unknown_body' | 'outside_term';
  message: string;
}

export interface PlanOptions {
  /** Dates with no meetings (bank holidays, partnership closure days); defaults to England's bank holidays. */
  closedDates?: IsoDateString[];
}

export interface PlanResult {
  meetings: PlannedMeeting[];
  problems: PlanProblem[];
}

// ---------------------------------------------------------------------------
// Quorum
// ---------------------------------------------------------------------------

export type QuorumRule =
  | { type: 'count'; n: number; mustIncludeChair?: boolean; proxiesCountForPresence?: boolean }
  | { type: 'fraction'; numerator: number; denominator: number; mustIncludeChair?: boolean; proxiesCountForPresence?: boolean };

export const ATTENDANCE_STATUSES = ['present', 'deputy', 'apologies', 'absent', 'in_attendance'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface QuorumSeat {
  key: string;
  voting: SeatVoting;
  /** The seat held by the body's chair. */
  isChair?: boolean;
}

export interface AttendanceEntry {
  /** Null for someone in attendance who holds no seat. */
  seatKey: string | null;
  status: AttendanceStatus;
  /** The seat whose holder carries this (absent) seat's proxy, when one was given. */
  proxyHolderSeatKey?: string | null;
}

export interface QuorumResult {
  met: boolean;
  /** Voting seats needed. */
  required: number;
  /** Voting seats counted as present (including deputies and, if allowed, proxies). */
  counted: number;
  votingSeats: number;
  countedSeatKeys: string[];
  chairPresent: boolean;
  /** Plain English, e.g. "Quorate: 5 of 8 voting seats present (5 needed)." */
  explanation: string;
}

// ---------------------------------------------------------------------------
// Motions: one school, one vote
// ---------------------------------------------------------------------------

export interface ElectorateEntry {
  schoolId: string;
  schoolUrn: string;
  schoolName: string;
  /** The school's designated voter (the headteacher unless the school names another). */
  voterUserId: string;
}

export type MotionChoice = 'for' | 'against' | 'abstain';

export interface Ballot {
  id: string;
  /** The school whose vote this is. */
  schoolId: string;
  /** Who cast it (the school's voter, or its proxy). */
  castByUserId: string;
  choice: MotionChoice;
  /** ISO instant. */
  castAt: string;
}

/** School A (grantor) appoints school B's voter or the chair to vote for it. */
export interface Proxy {
  grantorSchoolId: string;
  holder: { type: 'school'; schoolId: string } | { type: 'chair' };
  /** The meeting it is for (a proxy is for one meeting). */
  meetingId: string;
  grantedAt: string;
  revokedAt?: string | null;
}

export type Majority = 'simple' | 'two_thirds';
export type TieBreak = 'chair_casting_vote' | 'motion_falls';

export interface MotionOptions {
  meetingId: string;
  majority: Majority;
  tieBreak: TieBreak;
  /** The chair's casting vote when tieBreak is 'chair_casting_vote' (by convention against change: 'against'). */
  chairCastingVote?: 'for' | 'against';
  chairUserId?: string | null;
  secret: boolean;
  /** A later ballot from the same school replaces the earlier one before close. */
  allowChangeBeforeClose: boolean;
  /** ISO instants; the poll is open from opensAt (inclusive) to closesAt (exclusive). */
  opensAt: string;
  closesAt: string;
  /** Salt for secret-ballot receipts (kept secret until the result is published). */
  receiptSalt?: string;
  /** Whether a proxy may cast the school's vote (default true); when false proxies count for presence only. */
  proxiesCountForVote?: boolean;
}

/** A school that names someone other than its headteacher to vote for it. */
export interface DesignatedVoter {
  schoolId: string;
  userId: string;
}

export interface ElectorateResult {
  electorate: ElectorateEntry[];
  /** Voting member schools with nobody to vote for them (no headteacher and no one named). */
  withoutVoter: { schoolId: string; schoolName: string }[];
}

export type BallotRefusalCode = 'poll_not_open' | 'poll_closed' | 'not_in_electorate' | 'already_voted' | 'not_designated_voter_or_proxy';

export interface BallotRefusal {
  code: BallotRefusalCode;
  message: string;
}

export interface SchoolVote {
  schoolId: string;
  schoolUrn: string;
  schoolName: string;
  choice: MotionChoice | null;
  /** The user who voted as the school's proxy, if a proxy voted. */
  proxyUserId: string | null;
}

export interface TallyEntry {
  receipt: string;
  choice: MotionChoice;
}

export interface MotionResult {
  /** 'not_quorate': counted at a meeting without its quorum, so nothing was decided whatever the votes. */
  outcome: 'carried' | 'fallen' | 'not_quorate';
  for: number;
  against: number;
  abstain: number;
  notVoted: number;
  electorate: number;
  /** Ballots counted that were cast by proxies. */
  byProxy: number;
  tie: boolean;
  tieSettledBy: TieBreak | null;
  /** Named ballot: how each school voted. Secret ballot: null. */
  votes: SchoolVote[] | null;
  /** Schools that voted (both kinds of ballot), without their choices. */
  schoolsVoted: string[];
  /**
   * Secret ballot: one entry per counted ballot, sorted by receipt: anyone can
   * add up the choices, and each voter can find their own receipt (from their
   * ballot id, choice and the published salt) with the right choice, while
   * nobody can tell which school chose what.
   */
  receipts: TallyEntry[] | null;
  /** Ballots that were not counted and why. */
  refused: { ballotId: string; refusal: BallotRefusal }[];
  explanation: string;
}

// ---------------------------------------------------------------------------
// Elections
// ---------------------------------------------------------------------------

export interface ElectionCandidate {
  candidateId: string;
  userId: string;
  name: string;
  schoolId: string;
  phase: Phase;
  character: string | null;
  area: string | null;
  /** When they began continuous service on the body (for 'longest_serving' ties); null = never. */
  servingSince?: IsoDateString | null;
}

export interface ElectionBallot {
  id: string;
  schoolId: string;
  /** Candidate ids, at most `maxChoices`, no repeats. */
  choices: string[];
}

export type ElectionTieBreak = { rule: 'lot'; seed: string } | { rule: 'longest_serving'; seed?: string };

export interface ElectionInput {
  seats: number;
  reservations?: SeatReservation[];
  candidates: ElectionCandidate[];
  ballots: ElectionBallot[];
  /** Choices allowed per ballot (defaults to seats). */
  maxChoices?: number;
  /** Schools that may vote (one school, one vote); ballots from others are refused. */
  electorateSchoolIds: string[];
  tieBreak: ElectionTieBreak;
}

export interface ElectedCandidate {
  candidateId: string;
  userId: string;
  name: string;
  votes: number;
  /** The reservation the seat was filled under, or null for an open seat. */
  reservation: string | null;
}

export interface ElectionResult {
  elected: ElectedCandidate[];
  tallies: { candidateId: string; votes: number }[];
  /** Ties decided by the rule, in plain English. */
  tiesSettled: string[];
  /** Reservations that could not be filled, seats left empty, ballots refused. */
  problems: string[];
  refusedBallots: { ballotId: string; reason: string }[];
}

export interface NominationCandidate {
  userId: string;
  schoolId: string | null;
  role: string;
  /** The school is a member in good standing (not suspended, no overdue notice, ...). */
  schoolInGoodStanding: boolean;
  /** Already holds a seat on the body. */
  alreadyHolding: boolean;
  /** Consecutive terms already served on the body. */
  termsServed: number;
  /** Already nominated in this election. */
  alreadyNominated?: boolean;
}

export interface NominationRules {
  /** Roles that may stand (e.g. ['headteacher']). */
  roles: string[];
  /** Consecutive terms allowed (absent = no limit). */
  maxTerms?: number;
  /**
   * Whether someone holding a seat that continues past this election may stand
   * (default false). Pass alreadyHolding only for seats that continue: a holder
   * whose term ends at this election stands again, subject to maxTerms.
   */
  holdersMayStand?: boolean;
}

export type NominationRefusalCode = 'not_member_school' | 'school_not_in_good_standing' | 'role_not_eligible' | 'already_holding' | 'term_limit' | 'already_nominated';

export interface NominationRefusal {
  code: NominationRefusalCode;
  message: string;
}

// ---------------------------------------------------------------------------
// Calendar feeds
// ---------------------------------------------------------------------------

export interface CalendarEvent {
  /** Stable for the life of the meeting, e.g. 'meeting-<uuid>@partnerships.example'. */
  uid: string;
  /** Raised on every change. */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  /** 'YYYY-MM-DDTHH:MM' (seconds optional) in Europe/London. */
  startsAtLocal: string;
  endsAtLocal: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** ISO instant of the last change (DTSTAMP / LAST-MODIFIED); defaults to the feed's `now`. */
  updatedAt?: string;
}

export interface CalendarFeed {
  calendarName: string;
  events: CalendarEvent[];
  /** ISO instant used for DTSTAMP; pass it for deterministic output. */
  now?: string;
  /** PRODID; a default is used when absent. */
  productId?: string;
}

export interface MeetingInvitation {
  method: 'REQUEST' | 'CANCEL';
  event: CalendarEvent;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  now?: string;
  productId?: string;
}

// ---------------------------------------------------------------------------
// Structure diagram
// ---------------------------------------------------------------------------

export interface StructureBody {
  id: string;
  name: string;
  kind: BodyKind;
}

/** The child body reports to the parent body. A body may have several parents. */
export interface StructureLink {
  childId: string;
  parentId: string;
}

export interface LayoutNode {
  id: string;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  childId: string;
  parentId: string;
  /** Points of the line, from the parent's bottom to the child's top. */
  points: { x: number; y: number }[];
}

export interface StructureLayout {
  /** Body ids by layer; layer 0 holds the bodies with no parent. */
  layers: string[][];
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
  problems: string[];
}

export interface StructureLabels {
  /** Body id -> name shown in the box. */
  names: Record<string, string>;
  /** Body id -> second line (kind, seat count, chair ...). */
  details?: Record<string, string>;
  /** Title of the diagram ("How Ealing Learning Partnership is governed"). */
  title: string;
}
