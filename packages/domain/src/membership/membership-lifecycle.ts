import { compareDates, formatUkDate, isValidIsoDate } from '../calendar';
import { applicationProblems } from './application-checks';
import { currentStateClause, EVENT_WORDING, MEMBERSHIP_STATE_LABELS } from './lifecycle-wording';
import { noticeRuleProblems } from './notice-rule-checks';
import { effectiveLeavingDate } from './notice-rules';
import {
  MEMBERSHIP_EVENT_TYPES,
  type Membership,
  type MembershipApplication,
  type MembershipEffect,
  type MembershipEvent,
  type MembershipEventType,
  type TransitionContext,
  type TransitionResult,
} from './membership-types';
import { refusal, refuse, type Refusal, type RefusalCode } from '../refusal';

/**
 * The membership lifecycle as a pure state machine:
 *
 *   prospect → invited → applied → approved → active → notice-given → left
 *                           ↘ rejected  ↘ withdrawn (from applied or approved)
 *   active | notice-given ⇄ suspended (reinstating returns to where it was)
 *   left → invited | applied (rejoin);  rejected | withdrawn → invited
 *
 * Nothing here reads a clock or a database: the event says who and when, the
 * context carries the partnership's settings, and the caller stores the new
 * membership and the history entry and carries out the effects.
 */
export function transition(membership: Membership, event: MembershipEvent, context: TransitionContext = {}): TransitionResult {
  const invalid = eventProblem(event);
  if (invalid) return refuse('invalid_event', invalid);
  const rule = RULES[event.type];
  if (!rule.allowedFrom(membership)) {
    const wording = EVENT_WORDING[event.type];
    return refuse('not_allowed', `${wording.cannot} because ${currentStateClause(membership)}. ${wording.onlyWhen}`);
  }
  if (membership.since && compareDates(event.at, membership.since) < 0) {
    return refuse(
      'dated_before_current_state',
      `This cannot be dated ${formatUkDate(event.at)}: the membership has been ${MEMBERSHIP_STATE_LABELS[membership.state].toLowerCase()} since ${formatUkDate(membership.since)}.`,
    );
  }
  const outcome = rule.apply(membership, event as never, context);
  if (Array.isArray(outcome)) return { ok: false, refusals: outcome };
  const note = event.note?.trim();
  return {
    ok: true,
    value: {
      membership: outcome.membership,
      historyEntry: { from: membership.state, to: outcome.membership.state, event: event.type, by: { ...event.by }, at: event.at, ...(note ? { note } : {}) },
      effects: outcome.effects,
    },
  };
}

/** The events that could happen now, for offering only the buttons that will work (guards may still refuse). */
export function possibleEvents(membership: Membership): MembershipEventType[] {
  return MEMBERSHIP_EVENT_TYPES.filter((type) => RULES[type].allowedFrom(membership));
}

/** A school the partnership has on its list but has not yet invited. */
export function newProspect(): Membership {
  return { state: 'prospect' };
}

type EventOf<T extends MembershipEventType> = Extract<MembershipEvent, { type: T }>;
/** The new membership and its effects, or the refusals (a list, so it is told apart by Array.isArray). */
type Outcome = { membership: Membership; effects: MembershipEffect[] } | Refusal[];

interface Rule<T extends MembershipEventType> {
  allowedFrom(membership: Membership): boolean;
  apply(membership: Membership, event: EventOf<T>, context: TransitionContext): Outcome;
}

const inState = (...states: Membership['state'][]) => (membership: Membership) => states.includes(membership.state);
const notifySchool = (about: MembershipEventType): MembershipEffect => ({ type: 'notify', audience: 'school', about });
const notifyPartnership = (about: MembershipEventType): MembershipEffect => ({ type: 'notify', audience: 'partnership', about });

const RULES: { [T in MembershipEventType]: Rule<T> } = {
  invite: {
    allowedFrom: inState('prospect', 'rejected', 'withdrawn'),
    // A fresh invitation starts a new attempt, so anything from an earlier application is dropped.
    apply: (_, event) => ({ membership: { state: 'invited', since: event.at }, effects: [{ type: 'send-invitation' }] }),
  },
  apply: {
    allowedFrom: inState('invited'),
    apply: (membership, event, context) => applied(membership, event, event.application, context),
  },
  approve: {
    allowedFrom: inState('applied'),
    apply: (membership, event) => ({ membership: { ...membership, state: 'approved', since: event.at }, effects: [notifySchool('approve')] }),
  },
  reject: {
    allowedFrom: inState('applied'),
    apply: (membership, event) =>
      needsReason(event.note, 'Say why the application is being turned down; the school will be told.') ?? {
        membership: { ...membership, state: 'rejected', since: event.at },
        effects: [notifySchool('reject')],
      },
  },
  'withdraw-application': {
    allowedFrom: inState('applied', 'approved'),
    apply: (membership, event) => ({ membership: { ...membership, state: 'withdrawn', since: event.at }, effects: [notifyPartnership('withdraw-application')] }),
  },
  activate: {
    allowedFrom: inState('approved'),
    apply: (membership, event) => ({
      membership: { ...membership, state: 'active', since: event.at, startedOn: event.at },
      effects: [{ type: 'grant-access', from: event.at }, notifySchool('activate')],
    }),
  },
  'give-notice': {
    allowedFrom: inState('active'),
    apply: (membership, event, context) => {
      if (!context.noticeRule) return error('no_notice_rule', 'Notice cannot be worked out because the partnership has not set its notice rule yet.');
      const problems = noticeRuleProblems(context.noticeRule);
      if (problems.length > 0) return error('no_notice_rule', `Notice cannot be worked out because the partnership's notice rule needs fixing: ${problems.join(' ')}`);
      const leaving = effectiveLeavingDate(context.noticeRule, event.at, context.terms);
      return {
        membership: {
          ...membership,
          state: 'notice-given',
          since: event.at,
          notice: { givenOn: event.at, givenBy: { ...event.by }, leavingOn: leaving.date, explanation: leaving.explanation },
        },
        effects: [{ type: 'leaving-date-set', leavingOn: leaving.date, explanation: leaving.explanation }, notifyPartnership('give-notice'), notifySchool('give-notice')],
      };
    },
  },
  'withdraw-notice': {
    allowedFrom: inState('notice-given'),
    apply: (membership, event) => {
      const { notice: _withdrawn, ...rest } = membership;
      return { membership: { ...rest, state: 'active', since: event.at }, effects: [{ type: 'leaving-date-cleared' }, notifyPartnership('withdraw-notice')] };
    },
  },
  suspend: {
    allowedFrom: inState('active', 'notice-given'),
    apply: (membership, event) =>
      needsReason(event.note, 'Say why the membership is being suspended; it is kept in the audit trail.') ?? {
        membership: { ...membership, state: 'suspended', since: event.at, suspendedFrom: membership.state as 'active' | 'notice-given' },
        effects: [{ type: 'suspend-access', from: event.at }, notifySchool('suspend')],
      },
  },
  reinstate: {
    allowedFrom: (membership) => membership.state === 'suspended' && membership.suspendedFrom !== undefined,
    apply: (membership, event) => {
      const { suspendedFrom, ...rest } = membership;
      return { membership: { ...rest, state: suspendedFrom!, since: event.at }, effects: [{ type: 'grant-access', from: event.at }, notifySchool('reinstate')] };
    },
  },
  leave: {
    // A suspended school that had already given notice still leaves on its leaving date.
    allowedFrom: (membership) =>
      (membership.state === 'notice-given' || (membership.state === 'suspended' && membership.suspendedFrom === 'notice-given')) && membership.notice !== undefined,
    apply: (membership, event) => {
      const leavingOn = membership.notice!.leavingOn;
      if (compareDates(event.at, leavingOn) < 0) {
        return error('leaving_date_not_reached', `The school cannot be recorded as having left on ${formatUkDate(event.at)}: its notice runs until ${formatUkDate(leavingOn)}.`);
      }
      const { suspendedFrom: _cleared, ...rest } = membership;
      return { membership: { ...rest, state: 'left', since: event.at, leftOn: leavingOn }, effects: [{ type: 'end-access', after: leavingOn }, notifySchool('leave')] };
    },
  },
  rejoin: {
    allowedFrom: inState('left'),
    // Rejoining starts afresh: the old application, notice and dates stay in the history, not on the new membership.
    apply: (membership, event, context) =>
      event.to === 'applied'
        ? applied(membership, event, event.application, context)
        : { membership: { state: 'invited', since: event.at }, effects: [{ type: 'send-invitation' }] },
  },
};

function applied(membership: Membership, event: MembershipEvent, application: MembershipApplication | undefined, context: TransitionContext): Outcome {
  const problems = applicationProblems(application, context.liabilityGuaranteePence);
  if (problems.length > 0) {
    // The first refusal says it all in one sentence; the rest name each field for a form.
    return [
      refusal('application_incomplete', `The application cannot be made yet. It still needs: ${problems.map((problem) => problem.needs).join('; ')}.`),
      ...problems.map((problem) => refusal('application_incomplete', `Still needed: ${problem.needs}.`, problem.field)),
    ];
  }
  const app = structuredClone(application!);
  const effects: MembershipEffect[] = [notifyPartnership(event.type)];
  if (context.liabilityGuaranteePence && app.liabilityGuaranteeAccepted) {
    const { amountPence, by, at } = app.liabilityGuaranteeAccepted;
    effects.unshift({ type: 'record-liability-guarantee', amountPence, by, at });
  }
  const base = event.type === 'rejoin' ? {} : membership;
  return { membership: { ...base, state: 'applied', since: event.at, application: app }, effects };
}

function eventProblem(event: MembershipEvent): string | undefined {
  if (!MEMBERSHIP_EVENT_TYPES.includes(event?.type)) return `${JSON.stringify(event?.type)} is not something that can happen to a membership.`;
  if (typeof event.by?.id !== 'string' || event.by.id.trim() === '' || typeof event.by.name !== 'string' || event.by.name.trim() === '') {
    return 'Say who is doing this: the person’s name and id are both needed for the audit trail.';
  }
  if (!isValidIsoDate(event.at)) return `The date must be a real date written YYYY-MM-DD (got ${JSON.stringify(event.at)}).`;
  if (event.type === 'rejoin' && event.to !== 'invited' && event.to !== 'applied') return 'Say whether the rejoining school is being invited or is applying.';
  return undefined;
}

function needsReason(note: string | undefined, message: string): Refusal[] | undefined {
  return typeof note === 'string' && note.trim() !== '' ? undefined : [refusal('reason_needed', message, 'note')];
}

function error(code: RefusalCode, message: string): Refusal[] {
  return [refusal(code, message)];
}
