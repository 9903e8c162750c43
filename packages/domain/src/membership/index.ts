// Named exports only, so internal helpers stay internal and no name clashes
// with other modules when the package index re-exports this with `export *`.
export type {
  Acceptance,
  Actor,
  GuaranteeAcceptance,
  Membership,
  MembershipApplication,
  MembershipEffect,
  MembershipEvent,
  MembershipEventType,
  MembershipHistoryEntry,
  MembershipNotice,
  MembershipState,
  NamedContact,
  TransitionContext,
  Transitioned,
  TransitionResult,
} from './membership-types';
export { MEMBERSHIP_EVENT_TYPES, MEMBERSHIP_STATES } from './membership-types';
export { newProspect, possibleEvents, transition } from './membership-lifecycle';
export { MEMBERSHIP_STATE_LABELS } from './lifecycle-wording';
export type { ApplicationProblem } from './application-checks';
export { applicationProblems } from './application-checks';
export type { AnyTimeUntilNoticeRule, DeadlineNoticeRule, LeaveAt, LeavingDate, NoticeRule, PeriodNoticeRule } from './notice-rules';
export { LEAVE_AT_OPTIONS, deadlineDate, effectiveLeavingDate } from './notice-rules';
export { MAX_NOTICE_MONTHS, noticeRuleProblems } from './notice-rule-checks';
export { describeNoticeRule, noticePeriodPhrase } from './notice-rule-wording';
export { THE_PARTNERSHIP_NOTICE_RULE } from './published-notice-rules';
