import { describe, expect, it } from 'vitest';
import { EVENT_WORDING, currentStateClause } from './lifecycle-wording';
import { possibleEvents, transition } from './membership-lifecycle';
import type { Actor, Membership, MembershipApplication, MembershipEvent, MembershipState, TransitionContext } from './membership-types';
import { THE_PARTNERSHIP_NOTICE_RULE } from './published-notice-rules';
import type { Refusal } from '../refusal';

/** The refusals read as one: the first refusal's code and sentence, and every field any of them names. */
function refusalOf(refusals: Refusal[]) {
  const fields = refusals.flatMap((r) => (r.field ? [r.field] : []));
  return { code: refusals[0]!.code, message: refusals[0]!.message, ...(fields.length ? { fields } : {}) };
}

const officer: Actor = { id: 'user-officer', name: 'Priya Shah' };
const head: Actor = { id: 'user-head', name: 'Tom Okafor' };
const AT = '2026-10-01'; // after every fixture's `since` and after the fixtures' leaving date

const application: MembershipApplication = {
  contact: { name: 'Tom Okafor', role: 'Headteacher', email: 'head@bowprimary.sch.uk' },
  contactDetailsConfirmed: true,
  pupilNumber: 420,
  termsAccepted: { by: head, at: '2025-01-20' },
  liabilityGuaranteeAccepted: { by: head, at: '2025-01-20', amountPence: 2500 },
};
const notice = { givenOn: '2025-09-10', givenBy: head, leavingOn: '2026-09-09', explanation: "One year's notice…" };
const context: TransitionContext = { liabilityGuaranteePence: 2500, noticeRule: THE_PARTNERSHIP_NOTICE_RULE };

/** One membership in every state, with suspended split by where it was suspended from. */
const FIXTURES: Record<string, Membership> = {
  prospect: { state: 'prospect' },
  invited: { state: 'invited', since: '2025-01-10' },
  applied: { state: 'applied', since: '2025-01-20', application },
  approved: { state: 'approved', since: '2025-02-01', application },
  active: { state: 'active', since: '2025-04-01', startedOn: '2025-04-01', application },
  'notice-given': { state: 'notice-given', since: '2025-09-10', startedOn: '2025-04-01', application, notice },
  left: { state: 'left', since: '2026-09-10', startedOn: '2025-04-01', application, notice, leftOn: '2026-09-09' },
  'suspended (was active)': { state: 'suspended', since: '2025-05-01', startedOn: '2025-04-01', application, suspendedFrom: 'active' },
  'suspended (was under notice)': { state: 'suspended', since: '2025-10-01', startedOn: '2025-04-01', application, notice, suspendedFrom: 'notice-given' },
  rejected: { state: 'rejected', since: '2025-01-25', application },
  withdrawn: { state: 'withdrawn', since: '2025-01-25', application },
};

/** One valid event of every kind, rejoin in both of its forms. */
const EVENTS: Record<string, MembershipEvent> = {
  invite: { type: 'invite', by: officer, at: AT },
  apply: { type: 'apply', by: head, at: AT, application },
  approve: { type: 'approve', by: officer, at: AT },
  reject: { type: 'reject', by: officer, at: AT, note: 'Not a Tower Hamlets school' },
  'withdraw-application': { type: 'withdraw-application', by: head, at: AT },
  activate: { type: 'activate', by: officer, at: AT },
  'give-notice': { type: 'give-notice', by: head, at: AT },
  'withdraw-notice': { type: 'withdraw-notice', by: head, at: AT, note: 'Governors changed their minds' },
  suspend: { type: 'suspend', by: officer, at: AT, note: 'Invoice unpaid after the agreed terms' },
  reinstate: { type: 'reinstate', by: officer, at: AT },
  leave: { type: 'leave', by: officer, at: AT },
  'rejoin (invited)': { type: 'rejoin', to: 'invited', by: officer, at: AT },
  'rejoin (applied)': { type: 'rejoin', to: 'applied', by: head, at: AT, application },
};

/** Every legal move: the next state and the effects the application must carry out. Anything not listed must be refused. */
const LEGAL: Record<string, Record<string, { to: MembershipState; effects: string[] }>> = {
  prospect: { invite: { to: 'invited', effects: ['send-invitation'] } },
  invited: { apply: { to: 'applied', effects: ['record-liability-guarantee', 'notify'] } },
  applied: {
    approve: { to: 'approved', effects: ['notify'] },
    reject: { to: 'rejected', effects: ['notify'] },
    'withdraw-application': { to: 'withdrawn', effects: ['notify'] },
  },
  approved: {
    'withdraw-application': { to: 'withdrawn', effects: ['notify'] },
    activate: { to: 'active', effects: ['grant-access', 'notify'] },
  },
  active: {
    'give-notice': { to: 'notice-given', effects: ['leaving-date-set', 'notify', 'notify'] },
    suspend: { to: 'suspended', effects: ['suspend-access', 'notify'] },
  },
  'notice-given': {
    'withdraw-notice': { to: 'active', effects: ['leaving-date-cleared', 'notify'] },
    suspend: { to: 'suspended', effects: ['suspend-access', 'notify'] },
    leave: { to: 'left', effects: ['end-access', 'notify'] },
  },
  left: {
    'rejoin (invited)': { to: 'invited', effects: ['send-invitation'] },
    'rejoin (applied)': { to: 'applied', effects: ['record-liability-guarantee', 'notify'] },
  },
  'suspended (was active)': { reinstate: { to: 'active', effects: ['grant-access', 'notify'] } },
  'suspended (was under notice)': {
    reinstate: { to: 'notice-given', effects: ['grant-access', 'notify'] },
    leave: { to: 'left', effects: ['end-access', 'notify'] },
  },
  rejected: { invite: { to: 'invited', effects: ['send-invitation'] } },
  withdrawn: { invite: { to: 'invited', effects: ['send-invitation'] } },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const pairs = Object.keys(FIXTURES).flatMap((state) => Object.keys(EVENTS).map((event) => ({ state, event, legal: LEGAL[state]?.[event] })));
const legalPairs = pairs.filter((pair) => pair.legal).map((pair) => [pair.state, pair.event, pair.legal!.to, pair.legal!] as const);
const illegalPairs = pairs.filter((pair) => !pair.legal).map((pair) => [pair.state, pair.event] as const);

describe('membership lifecycle: every state against every event', () => {
  it('covers every pair exactly once', () => {
    expect(pairs).toHaveLength(11 * 13);
    expect(legalPairs).toHaveLength(19);
    expect(illegalPairs).toHaveLength(124);
  });

  it.each(legalPairs)('from %s, %s moves to %s with a history entry', (state, eventName, to, legal) => {
    const membership = deepFreeze(structuredClone(FIXTURES[state]!));
    const event = deepFreeze(structuredClone(EVENTS[eventName]!));
    const before = structuredClone(membership);
    const result = transition(membership, event, context);
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    expect(result.value.membership.state).toBe(to);
    expect(result.value.membership.since).toBe(AT);
    expect(result.value.historyEntry).toEqual({ from: membership.state, to, event: event.type, by: event.by, at: AT, ...(event.note ? { note: event.note } : {}) });
    expect(result.value.effects.map((effect) => effect.type)).toEqual(legal.effects);
    expect(membership).toEqual(before);
  });

  it.each(illegalPairs)('from %s, %s is refused with a reason and the membership is untouched', (state, eventName) => {
    const membership = deepFreeze(structuredClone(FIXTURES[state]!));
    const event = deepFreeze(structuredClone(EVENTS[eventName]!));
    const before = structuredClone(membership);
    const result = transition(membership, event, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const wording = EVENT_WORDING[event.type];
    expect(refusalOf(result.refusals)).toEqual({ code: 'not_allowed', message: `${wording.cannot} because ${currentStateClause(membership)}. ${wording.onlyWhen}` });
    expect(membership).toEqual(before);
  });

  it('says plainly why an active membership cannot be approved', () => {
    const result = transition(FIXTURES.active!, EVENTS.approve!, context);
    expect(!result.ok && result.refusals[0]!.message).toBe(
      'The application cannot be approved because the membership is active. Only an application waiting for a decision can be approved.',
    );
  });

  it('says plainly why a school under notice cannot give notice again', () => {
    const result = transition(FIXTURES['notice-given']!, EVENTS['give-notice']!, context);
    expect(!result.ok && result.refusals[0]!.message).toBe(
      'The school cannot give notice because the school has given notice and leaves on 9 September 2026. Only an active member can give notice.',
    );
  });

  it.each(Object.entries(LEGAL))('offers from %s only the events that are legal there', (state, legal) => {
    const types = new Set(Object.keys(legal).map((name) => EVENTS[name]!.type));
    expect(possibleEvents(FIXTURES[state]!)).toEqual([...new Set(Object.values(EVENTS).map((event) => event.type))].filter((type) => types.has(type)));
  });
});

describe('what each move records', () => {
  const ok = (membership: Membership, event: MembershipEvent, ctx: TransitionContext = context) => {
    const result = transition(membership, event, ctx);
    if (!result.ok) throw new Error(result.refusals[0]!.message);
    return result.value;
  };

  it('keeps the application, with the guarantee accepted, and asks for the guarantee to be recorded', () => {
    const result = ok(FIXTURES.invited!, EVENTS.apply!);
    expect(result.membership.application).toEqual(application);
    expect(result.membership.application).not.toBe(application);
    expect(result.effects[0]).toEqual({ type: 'record-liability-guarantee', amountPence: 2500, by: head, at: '2025-01-20' });
  });

  it('does not ask for a guarantee to be recorded when the partnership has none', () =>
    expect(ok(FIXTURES.invited!, EVENTS.apply!, {}).effects).toEqual([{ type: 'notify', audience: 'partnership', about: 'apply' }]));

  it('records the start date on activation', () => expect(ok(FIXTURES.approved!, EVENTS.activate!).membership.startedOn).toBe(AT));

  it("works out the leaving date from the partnership's notice rule when notice is given", () => {
    const result = ok(FIXTURES.active!, { type: 'give-notice', by: head, at: '2025-10-10' });
    expect(result.membership.notice).toEqual({
      givenOn: '2025-10-10',
      givenBy: head,
      leavingOn: '2026-10-09',
      explanation:
        "Schools could withdraw at any time only until 31 December 2016. One year's notice given on 10 October 2025 runs until 9 October 2026. The membership ends on that day, 9 October 2026.",
    });
    expect(result.effects[0]).toEqual({ type: 'leaving-date-set', leavingOn: '2026-10-09', explanation: result.membership.notice!.explanation });
  });

  it('lets a school leave at once while withdrawal at any time was allowed', () => {
    const noticeGiven = ok({ state: 'active', since: '2016-09-01', startedOn: '2016-09-01' }, { type: 'give-notice', by: head, at: '2016-11-15' });
    expect(noticeGiven.membership.notice!.leavingOn).toBe('2016-11-15');
    expect(ok(noticeGiven.membership, { type: 'leave', by: officer, at: '2016-11-15' }).membership.leftOn).toBe('2016-11-15');
  });

  it('drops the notice when it is withdrawn', () => expect(ok(FIXTURES['notice-given']!, EVENTS['withdraw-notice']!).membership.notice).toBeUndefined());

  it('remembers where a suspension came from and returns there, keeping the notice', () => {
    const suspended = ok(FIXTURES['notice-given']!, EVENTS.suspend!).membership;
    expect(suspended.suspendedFrom).toBe('notice-given');
    const back = ok(suspended, { ...EVENTS.reinstate!, at: '2026-10-02' }).membership;
    expect(back).toMatchObject({ state: 'notice-given', notice });
    expect(back.suspendedFrom).toBeUndefined();
  });

  it('records the leaving date, not the day the leaving was processed, as the day the school left', () =>
    expect(ok(FIXTURES['notice-given']!, EVENTS.leave!).membership).toMatchObject({ state: 'left', leftOn: '2026-09-09', since: AT }));

  it('starts afresh when a school that left rejoins', () => {
    expect(ok(FIXTURES.left!, EVENTS['rejoin (invited)']!).membership).toEqual({ state: 'invited', since: AT });
    expect(ok(FIXTURES.left!, EVENTS['rejoin (applied)']!).membership).toEqual({ state: 'applied', since: AT, application });
  });

  it('clears an old application when a turned-down school is invited again', () =>
    expect(ok(FIXTURES.rejected!, EVENTS.invite!).membership).toEqual({ state: 'invited', since: AT }));

  it('keeps a trimmed note on the history entry and leaves it out when blank', () => {
    expect(ok(FIXTURES.active!, { ...EVENTS.suspend!, note: '  Unpaid  ' } as MembershipEvent).historyEntry.note).toBe('Unpaid');
    expect('note' in ok(FIXTURES.applied!, { ...EVENTS.approve!, note: '   ' }).historyEntry).toBe(false);
  });

  it('follows a whole membership from prospect to rejoining, building the audit trail', () => {
    const steps: MembershipEvent[] = [
      { type: 'invite', by: officer, at: '2016-07-01' },
      { type: 'apply', by: head, at: '2016-07-05', application },
      { type: 'approve', by: officer, at: '2016-07-10' },
      { type: 'activate', by: officer, at: '2016-09-01' },
      { type: 'give-notice', by: head, at: '2018-03-01' },
      { type: 'leave', by: officer, at: '2019-03-01' },
      { type: 'rejoin', to: 'invited', by: officer, at: '2021-01-05', note: 'New head keen to rejoin' },
    ];
    let membership: Membership = { state: 'prospect' };
    const trail = steps.map((step) => {
      const result = ok(membership, step);
      membership = result.membership;
      return `${result.historyEntry.from} → ${result.historyEntry.to} (${result.historyEntry.event} by ${result.historyEntry.by.name} on ${result.historyEntry.at})`;
    });
    expect(trail).toEqual([
      'prospect → invited (invite by Priya Shah on 2016-07-01)',
      'invited → applied (apply by Tom Okafor on 2016-07-05)',
      'applied → approved (approve by Priya Shah on 2016-07-10)',
      'approved → active (activate by Priya Shah on 2016-09-01)',
      'active → notice-given (give-notice by Tom Okafor on 2018-03-01)',
      'notice-given → left (leave by Priya Shah on 2019-03-01)',
      'left → invited (rejoin by Priya Shah on 2021-01-05)',
    ]);
  });
});

describe('guards with clear refusals', () => {
  const refused = (membership: Membership, event: MembershipEvent, ctx: TransitionContext = context) => {
    const frozen = deepFreeze(structuredClone(membership));
    const result = transition(frozen, deepFreeze(structuredClone(event)), ctx);
    expect(frozen).toEqual(membership);
    if (result.ok) throw new Error('expected a refusal');
    return refusalOf(result.refusals);
  };

  it('names every missing piece of an application', () =>
    expect(refused(FIXTURES.invited!, { type: 'apply', by: head, at: AT, application: {} })).toEqual({
      code: 'application_incomplete',
      message:
        'The application cannot be made yet. It still needs: the name of the person applying for the school; a contact email address; confirmation that the contact details are correct; the number of pupils on roll, as a whole number from 0 to 10,000; acceptance of the membership terms, recording who accepted them and when; acceptance of the £25 liability guarantee, recording who accepted it and when.',
      fields: ['contact.name', 'contact.email', 'contactDetailsConfirmed', 'pupilNumber', 'termsAccepted', 'liabilityGuaranteeAccepted'],
    }));

  it.each([
    ['contact.name', { contact: { ...application.contact!, name: '  ' } }],
    ['contact.email', { contact: { ...application.contact!, email: 'head at school' } }],
    ['contactDetailsConfirmed', { contactDetailsConfirmed: false }],
    ['pupilNumber', { pupilNumber: 420.5 }],
    ['pupilNumber', { pupilNumber: -1 }],
    ['pupilNumber', { pupilNumber: 10_001 }],
    ['pupilNumber', { pupilNumber: undefined }],
    ['termsAccepted', { termsAccepted: { by: { id: 'user-head', name: '' }, at: '2025-01-20' } }],
    ['termsAccepted', { termsAccepted: { by: head, at: 'yesterday' } }],
    ['liabilityGuaranteeAccepted', { liabilityGuaranteeAccepted: undefined }],
    ['liabilityGuaranteeAccepted', { liabilityGuaranteeAccepted: { by: head, at: '2025-01-20', amountPence: 2000 } }],
  ] as const)('refuses an application with a bad %s', (field, change) =>
    expect(refused(FIXTURES.invited!, { type: 'apply', by: head, at: AT, application: { ...application, ...change } })).toMatchObject({
      code: 'application_incomplete',
      fields: [field],
    }),
  );

  it('says which guarantee amount was wrongly accepted', () =>
    expect(
      refused(FIXTURES.invited!, { type: 'apply', by: head, at: AT, application: { ...application, liabilityGuaranteeAccepted: { by: head, at: AT, amountPence: 2000 } } }).message,
    ).toBe('The application cannot be made yet. It still needs: acceptance of the liability guarantee of £25 (the acceptance given was for £20).'));

  it('does not ask for a guarantee the partnership does not have', () => {
    const result = transition(FIXTURES.invited!, { type: 'apply', by: head, at: AT, application: { ...application, liabilityGuaranteeAccepted: undefined } }, {});
    expect(result.ok).toBe(true);
  });

  it('checks a rejoining application just as strictly', () =>
    expect(refused(FIXTURES.left!, { type: 'rejoin', to: 'applied', by: head, at: AT, application: { ...application, pupilNumber: undefined } })).toMatchObject({
      code: 'application_incomplete',
      fields: ['pupilNumber'],
    }));

  it('needs a reason to turn down an application', () =>
    expect(refused(FIXTURES.applied!, { type: 'reject', by: officer, at: AT, note: ' ' })).toEqual({
      code: 'reason_needed',
      message: 'Say why the application is being turned down; the school will be told.',
      fields: ['note'],
    }));

  it('needs a reason to suspend', () =>
    expect(refused(FIXTURES.active!, { type: 'suspend', by: officer, at: AT } as MembershipEvent)).toMatchObject({ code: 'reason_needed', fields: ['note'] }));

  it('cannot take notice until the partnership has a notice rule', () =>
    expect(refused(FIXTURES.active!, EVENTS['give-notice']!, {})).toEqual({
      code: 'no_notice_rule',
      message: 'Notice cannot be worked out because the partnership has not set its notice rule yet.',
    }));

  it('cannot take notice under a broken notice rule', () =>
    expect(refused(FIXTURES.active!, EVENTS['give-notice']!, { noticeRule: { kind: 'period', months: 0.5, leaveAt: 'period-end' } }).message).toBe(
      "Notice cannot be worked out because the partnership's notice rule needs fixing: The notice period must be a whole number of months from 0 to 60.",
    ));

  it('cannot record a school as left before its leaving date', () =>
    expect(refused(FIXTURES['notice-given']!, { type: 'leave', by: officer, at: '2026-09-08' })).toEqual({
      code: 'leaving_date_not_reached',
      message: 'The school cannot be recorded as having left on 8 September 2026: its notice runs until 9 September 2026.',
    }));

  it('lets a school leave on its leaving date itself', () => expect(transition(FIXTURES['notice-given']!, { type: 'leave', by: officer, at: '2026-09-09' }).ok).toBe(true));

  it('refuses a move dated before the current state began', () =>
    expect(refused(FIXTURES.active!, { type: 'give-notice', by: head, at: '2025-03-31' })).toEqual({
      code: 'dated_before_current_state',
      message: 'This cannot be dated 31 March 2025: the membership has been active since 1 April 2025.',
    }));

  it.each([
    ['an unknown event', { type: 'promote', by: officer, at: AT }, '"promote" is not something that can happen to a membership.'],
    ['nobody named', { type: 'invite', by: { id: 'u1', name: ' ' }, at: AT }, 'Say who is doing this: the person’s name and id are both needed for the audit trail.'],
    ['no actor at all', { type: 'invite', at: AT }, 'Say who is doing this: the person’s name and id are both needed for the audit trail.'],
    ['an impossible date', { type: 'invite', by: officer, at: '2026-02-30' }, 'The date must be a real date written YYYY-MM-DD (got "2026-02-30").'],
    ['a rejoin with nowhere to go', { type: 'rejoin', to: 'active', by: officer, at: AT }, 'Say whether the rejoining school is being invited or is applying.'],
  ])('refuses %s', (_, event, message) => expect(refused(FIXTURES.prospect!, event as unknown as MembershipEvent)).toEqual({ code: 'invalid_event', message }));
});
