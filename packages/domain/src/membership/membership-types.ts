import type { Result } from '../refusal';
import type { HalfTerm, IsoDateString } from '../calendar';
import type { NoticeRule } from './notice-rules';

export const MEMBERSHIP_STATES = ['prospect', 'invited', 'applied', 'approved', 'active', 'notice-given', 'left', 'suspended', 'rejected', 'withdrawn'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** Who did something, as the audit trail records it. */
export interface Actor {
  id: string;
  name: string;
}

/** Agreement to something, kept with who agreed and when, because a school may later dispute it. */
export interface Acceptance {
  by: Actor;
  at: IsoDateString;
}

/** The one-off liability guarantee (THE Partnership: up to £25 if wound up owing debts), with the amount agreed to. */
export interface GuaranteeAcceptance extends Acceptance {
  amountPence: number;
}

export interface NamedContact {
  name: string;
  role?: string;
  email: string;
  phone?: string;
}

/**
 * What a school sends when it applies. Every piece is optional in the type
 * because it arrives from a form; `transition` names whatever is missing.
 */
export interface MembershipApplication {
  contact?: NamedContact;
  contactDetailsConfirmed?: boolean;
  /** Pupils on roll, normally from the October census. */
  pupilNumber?: number;
  termsAccepted?: Acceptance;
  liabilityGuaranteeAccepted?: GuaranteeAcceptance;
}

export interface MembershipNotice {
  givenOn: IsoDateString;
  givenBy: Actor;
  /** The last day of membership, worked out from the partnership's notice rule. */
  leavingOn: IsoDateString;
  explanation: string;
}

/** One school's membership of one partnership. A plain value: `transition` returns a new one and never changes it. */
export interface Membership {
  state: MembershipState;
  /** The day the current state began; later events cannot be dated before it. */
  since?: IsoDateString;
  /** Where a suspended membership returns to when reinstated. */
  suspendedFrom?: 'active' | 'notice-given';
  application?: MembershipApplication;
  startedOn?: IsoDateString;
  notice?: MembershipNotice;
  leftOn?: IsoDateString;
}

interface EventBase {
  by: Actor;
  at: IsoDateString;
  note?: string;
}

export type MembershipEvent =
  | (EventBase & { type: 'invite' })
  | (EventBase & { type: 'apply'; application: MembershipApplication })
  | (EventBase & { type: 'approve' })
  /** Turning an application down needs a reason the school can be given. */
  | (EventBase & { type: 'reject'; note: string })
  | (EventBase & { type: 'withdraw-application' })
  | (EventBase & { type: 'activate' })
  /** `at` is the day notice is given; the leaving date follows from the notice rule. */
  | (EventBase & { type: 'give-notice' })
  | (EventBase & { type: 'withdraw-notice' })
  /** Suspending needs a reason for the audit trail. */
  | (EventBase & { type: 'suspend'; note: string })
  | (EventBase & { type: 'reinstate' })
  | (EventBase & { type: 'leave' })
  | (EventBase & { type: 'rejoin'; to: 'invited' })
  | (EventBase & { type: 'rejoin'; to: 'applied'; application: MembershipApplication });

export type MembershipEventType = MembershipEvent['type'];
export const MEMBERSHIP_EVENT_TYPES: readonly MembershipEventType[] = [
  'invite', 'apply', 'approve', 'reject', 'withdraw-application', 'activate',
  'give-notice', 'withdraw-notice', 'suspend', 'reinstate', 'leave', 'rejoin',
];

/** The partnership's settings that some transitions depend on. */
export interface TransitionContext {
  /** The one-off liability guarantee a joining school must accept, if the partnership has one. */
  liabilityGuaranteePence?: number;
  /** Needed to give notice. */
  noticeRule?: NoticeRule;
  /** The partnership's published half terms, for notice rules tied to terms. */
  terms?: readonly HalfTerm[];
}

export interface MembershipHistoryEntry {
  from: MembershipState;
  to: MembershipState;
  event: MembershipEventType;
  by: Actor;
  at: IsoDateString;
  note?: string;
}

/** Things the application should do because of a transition; the domain only says what, never how. */
export type MembershipEffect =
  | { type: 'send-invitation' }
  | { type: 'notify'; audience: 'school' | 'partnership'; about: MembershipEventType }
  | { type: 'record-liability-guarantee'; amountPence: number; by: Actor; at: IsoDateString }
  | { type: 'grant-access'; from: IsoDateString }
  | { type: 'suspend-access'; from: IsoDateString }
  | { type: 'end-access'; after: IsoDateString }
  | { type: 'leaving-date-set'; leavingOn: IsoDateString; explanation: string }
  | { type: 'leaving-date-cleared' };

/** What a transition produces when it is allowed. */
export interface Transitioned {
  membership: Membership;
  historyEntry: MembershipHistoryEntry;
  effects: MembershipEffect[];
}

/**
 * Transitioned, or refusals with codes 'invalid_event', 'not_allowed', 'dated_before_current_state',
 * 'application_incomplete' (a summary, then one per field), 'reason_needed' (field 'note'),
 * 'no_notice_rule' or 'leaving_date_not_reached'.
 */
export type TransitionResult = Result<Transitioned>;
