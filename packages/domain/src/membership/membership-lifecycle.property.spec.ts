import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../calendar';
import { possibleEvents, transition } from './membership-lifecycle';
import { MEMBERSHIP_STATES, type Membership, type MembershipApplication, type MembershipEvent } from './membership-types';

const by = { id: 'u1', name: 'Sam Patel' };
const application: MembershipApplication = {
  contact: { name: 'Sam Patel', email: 'sam@school.org.uk' },
  contactDetailsConfirmed: true,
  pupilNumber: 210,
  termsAccepted: { by, at: '2020-01-01' },
};
const context = { noticeRule: { kind: 'deadline', deadline: 'end-of-autumn-term', leaveAt: 'end-of-academic-year' } as const };

/** Any event shape, valid or not for the state it meets; `step` days after the previous one. */
const anyStep = fc.record({
  type: fc.constantFrom('invite', 'apply', 'approve', 'reject', 'withdraw-application', 'activate', 'give-notice', 'withdraw-notice', 'suspend', 'reinstate', 'leave', 'rejoin-invited', 'rejoin-applied'),
  step: fc.integer({ min: 0, max: 400 }),
});

function eventFor(type: string, at: string): MembershipEvent {
  if (type === 'rejoin-invited') return { type: 'rejoin', to: 'invited', by, at };
  if (type === 'rejoin-applied') return { type: 'rejoin', to: 'applied', by, at, application };
  return { type, by, at, application, note: 'reason' } as MembershipEvent;
}

describe('membership lifecycle under any sequence of events', () => {
  it('never throws, never changes its input, and keeps the membership consistent', () =>
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 40 }), (steps) => {
        let membership: Membership = { state: 'prospect' };
        let at = '2020-01-01';
        for (const { type, step } of steps) {
          at = addDays(at, step);
          const before = structuredClone(membership);
          const offered = possibleEvents(membership);
          const result = transition(membership, eventFor(type, at), context);
          expect(membership).toEqual(before);
          if (!result.ok) {
            expect(result.refusals[0]!.message.length).toBeGreaterThan(0);
            continue;
          }
          expect(offered).toContain(result.value.historyEntry.event);
          membership = result.value.membership;
          expect(MEMBERSHIP_STATES).toContain(membership.state);
          expect(membership.state === 'suspended').toBe(membership.suspendedFrom !== undefined);
          if (membership.state === 'notice-given') expect(compareDates(membership.notice!.leavingOn, membership.notice!.givenOn)).toBeGreaterThanOrEqual(0);
          if (membership.state === 'active') expect(membership.startedOn).toBeDefined();
          if (membership.state === 'left') expect(compareDates(membership.leftOn!, membership.since!)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    ));
});
