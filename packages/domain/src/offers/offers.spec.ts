import { describe, expect, it } from 'vitest';
import type { FeeSchedule } from '../fees/fee-schedule';
import { bespokeTransition } from './bespoke';
import { buybackPhase, buybackWindowProblems, canCancelRollover, orderInvoiceParts, remindersDue, rolloverDecision } from './buyback';
import { buyerRuleProblems, describeBuyerRule } from './buyer-rules';
import { entitlementBalance, entitlementUseProblem } from './entitlement';
import type { Buyer, OfferForPricing } from './offer-types';
import { approvalProblem, orderTransition, poNumberProblem } from './order-rules';
import { poolBookingDecision } from './pool';
import { priceFor } from './price-for';
import { serviceLevelChange } from './service-level-change';

const primaryMember: Buyer = { member: true, category: 'full', phase: 'primary', schoolType: 'Community school', pupils: 210 };
const secondaryMember: Buyer = { member: true, category: 'full', phase: 'secondary', schoolType: 'Academy converter', pupils: 1100 };
const specialNonMember: Buyer = { member: false, phase: 'special', schoolType: 'Community special school', pupils: 80 };
const primaryNonMember: Buyer = { member: false, phase: 'primary', schoolType: 'Voluntary aided school', pupils: 300 };

const ectSupport: OfferForPricing = {
  id: 'ect', kind: 'traded_service', title: 'ECT support', unit: 'per_school',
  prices: [
    { year: 2026, position: 0, label: 'Free to primary and special', buyer: { phases: ['primary', 'special'] }, pence: 0, vat: 'standard' },
    { year: 2026, position: 1, label: 'Member price', buyer: { membership: 'member' }, pence: 45_000, vat: 'standard' },
    { year: 2026, position: 2, label: 'Non-member price', buyer: { membership: 'non-member' }, pence: 60_000, vat: 'standard' },
  ],
};
const adviserDays: OfferForPricing = {
  id: 'days', kind: 'traded_service', title: 'Adviser days', unit: 'per_day',
  prices: [
    { year: 2025, position: 0, buyer: { membership: 'member' }, pence: 50_000, vat: 'standard' },
    { year: 2025, position: 1, buyer: { membership: 'non-member' }, pence: 65_000, vat: 'standard' },
    { year: 2026, position: 0, buyer: { membership: 'member' }, pence: 52_000, vat: 'standard' },
    { year: 2026, position: 1, buyer: { membership: 'non-member' }, pence: 68_000, vat: 'standard' },
  ],
};
const linkAdviser: OfferForPricing = { id: 'core', kind: 'core_entitlement', title: 'Link adviser', unit: 'per_day', categories: ['full'], prices: [] };
const perPupil: OfferForPricing = {
  id: 'pp', kind: 'digital', title: 'Reading platform', unit: 'per_pupil', yearBasis: 'financial',
  prices: [{ year: 2026, position: 0, buyer: {}, pence: 150, vat: 'standard' }],
};
const vat20 = { registered: true, rateBasisPoints: 2000 };

describe('priceFor', () => {
  it.each([
    ['a primary member pays nothing for ECT support', ectSupport, primaryMember, 1, 0, 'Free to primary and special: free for primary and special schools.'],
    ['a special non-member pays nothing either', ectSupport, specialNonMember, 1, 0, 'Free to primary and special: free for primary and special schools.'],
    ['a secondary member pays the member price', ectSupport, secondaryMember, 1, 45_000, 'Member price: £450.00 per school for member schools.'],
    ['a primary non-member is free by phase before membership', ectSupport, primaryNonMember, 1, 0, 'Free to primary and special: free for primary and special schools.'],
    ['member days in 2026/27 use the new price', adviserDays, primaryMember, 3, 156_000, '£520.00 per day for member schools, × 3 days = £1,560.00.'],
    ['non-member days', adviserDays, primaryNonMember, 2, 136_000, '£680.00 per day for non-member schools, × 2 days = £1,360.00.'],
  ])('%s', (_name, offer, buyer, quantity, pence, sentence) => {
    const price = priceFor(offer, buyer, quantity, '2026-10-01');
    expect(price.available).toBe(true);
    if (!price.available) return;
    expect(price.netPence).toBe(pence);
    expect(price.sentence).toBe(sentence);
  });

  it('uses the year the date falls in, and carries the last price list forward', () => {
    const old = priceFor(adviserDays, primaryMember, 1, '2026-08-31');
    expect(old.available && old.unitPence).toBe(50_000);
    const later = priceFor(adviserDays, primaryMember, 1, '2028-01-10');
    expect(later.available && later.unitPence).toBe(52_000);
    expect(later.available && later.sentence).toContain('2026-27 prices still in force');
  });

  it('prices by financial year when the offer says so', () => {
    expect(priceFor(perPupil, primaryMember, 210, '2026-03-31').available).toBe(false);
    const april = priceFor(perPupil, primaryMember, 210, '2026-04-01', vat20);
    expect(april.available && [april.netPence, april.vatPence, april.grossPence]).toEqual([31_500, 6_300, 37_800]);
  });

  it('includes a core entitlement for members of its categories only', () => {
    const member = priceFor(linkAdviser, primaryMember, 3, '2026-10-01');
    expect(member.available && member.included).toBe(true);
    expect(priceFor(linkAdviser, { ...primaryMember, category: 'associate' }, 1, '2026-10-01')).toMatchObject({ available: false, reason: 'Not included in your membership category.' });
    expect(priceFor(linkAdviser, primaryNonMember, 1, '2026-10-01')).toMatchObject({ available: false, reason: 'Only for member schools.' });
  });

  it('says who an offer is for when no rule matches', () => {
    const membersOnly: OfferForPricing = { ...ectSupport, prices: [{ year: 2026, position: 0, buyer: { membership: 'member', schoolTypes: ['academy'] }, pence: 100, vat: 'standard' }] };
    expect(priceFor(membersOnly, primaryNonMember, 1, '2026-10-01')).toMatchObject({ available: false, reason: 'Not offered to this school: it is for member academy schools.' });
    expect(priceFor(membersOnly, secondaryMember, 1, '2026-10-01').available).toBe(true);
  });

  it('charges VAT only on standard-rated prices of a registered partnership', () => {
    const price = priceFor(ectSupport, secondaryMember, 1, '2026-10-01', vat20);
    expect(price.available && price.vatPence).toBe(9_000);
    const exempt = priceFor({ ...ectSupport, prices: ectSupport.prices.map((p) => ({ ...p, vat: 'exempt' as const })) }, secondaryMember, 1, '2026-10-01', vat20);
    expect(exempt.available && exempt.vatPence).toBe(0);
  });
});

describe('buyer rules', () => {
  it('describes and checks rules', () => {
    expect(describeBuyerRule({ membership: 'non-member', phases: ['secondary'] })).toBe('non-member secondary schools');
    expect(describeBuyerRule({})).toBe('every school');
    expect(buyerRuleProblems({ phases: ['infant'] })).toEqual([{ field: 'buyer.phases', message: expect.stringContaining('Phases are from') }]);
    expect(buyerRuleProblems({ membership: 'friend' })[0]!.field).toBe('buyer.membership');
    expect(buyerRuleProblems({ colour: 'red' })[0]!.field).toBe('buyer.colour');
  });
});

describe('entitlement balance', () => {
  it.each([
    [3, [1, 1], 2, 1, 0, '2 of 3 days used, 1 left.'],
    [3, [2, 2], 4, 0, 1, '4 of 3 days used: 1 over the allowance.'],
    [3, [2, -1], 1, 2, 0, '1 of 3 days used, 2 left.'],
    [null, [5], 5, null, 0, '5 days used; no limit.'],
  ])('allowance %s with %j', (allowance, quantities, used, remaining, over, sentence) => {
    const balance = entitlementBalance(allowance, quantities.map((quantity) => ({ quantity })), 'days');
    expect(balance).toEqual({ allowance, used, remaining, over, sentence });
  });

  it('refuses use beyond the allowance and returns beyond use', () => {
    const balance = entitlementBalance(3, [{ quantity: 2 }], 'days');
    expect(entitlementUseProblem(balance, 1)).toBeNull();
    expect(entitlementUseProblem(balance, 2)).toBe('Only 1 left of the allowance of 3.');
    expect(entitlementUseProblem(balance, -3)).toBe('More units would be given back than have been used.');
    expect(entitlementUseProblem(balance, 0)).toContain('not 0');
  });
});

const tiered: FeeSchedule = {
  formatVersion: 1,
  name: 'Tiers',
  period: { kind: 'academic-year', start: '2026-09-01', end: '2027-08-31', label: '2026/27' },
  rounding: { unit: 'penny', mode: 'half-up' },
  tiers: [{ code: 'bronze', name: 'Bronze' }, { code: 'gold', name: 'Gold' }],
  components: [
    { kind: 'base-fee', amountPence: 120_000 },
    { kind: 'tier-price', prices: [{ tier: 'bronze', amountPence: 120_000 }, { tier: 'gold', amountPence: 360_000 }] },
  ],
  proRata: { method: 'month', rounding: { unit: 'penny', mode: 'half-up' } },
  payment: { kind: 'in-advance' },
} as FeeSchedule;

describe('service level change', () => {
  it('charges the difference for the whole months left, pro rata', () => {
    const change = serviceLevelChange(tiered, { phase: 'primary', pupils: 200 }, 'bronze', 'gold', '2027-03-01');
    // March to August is 6 of 12 months: (3,600 - 1,200) × 6/12 = 1,200
    expect(change.adjustmentPence).toBe(120_000);
    expect(change.sentence).toBe('Changing from Bronze to Gold from 1 March 2027 to 31 August 2027: £2,400.00 instead of £1,200.00, so £1,200.00 more is invoiced.');
  });

  it('credits a move down', () => {
    const change = serviceLevelChange(tiered, { phase: 'primary', pupils: 200 }, 'gold', 'bronze', '2027-06-01');
    expect(change.adjustmentPence).toBe(-60_000);
    expect(change.sentence).toContain('£600.00 is credited');
  });

  it('changes nothing after the period', () => {
    expect(serviceLevelChange(tiered, { phase: 'primary', pupils: 200 }, 'gold', 'bronze', '2027-09-01').adjustmentPence).toBe(0);
  });
});

const window = { year: 2027, opensOn: '2027-01-04', closesOn: '2027-03-31', cancelDeadline: '2026-12-18', reminderDays: [28, 14, 7] };

describe('buy-back', () => {
  it('knows when the window is open', () => {
    expect(buybackPhase(window, '2027-01-03')).toBe('not-open');
    expect(buybackPhase(window, '2027-01-04')).toBe('open');
    expect(buybackPhase(window, '2027-03-31')).toBe('open');
    expect(buybackPhase(window, '2027-04-01')).toBe('closed');
  });

  it.each([
    [{ lastYear: 2026, cancelledOn: null }, true, 'Not cancelled by 18 December 2026, so it rolls over into 2027-28.'],
    [{ lastYear: 2026, cancelledOn: '2026-12-18' }, false, 'Cancelled on 18 December 2026, by the deadline of 18 December 2026.'],
    [{ lastYear: 2026, cancelledOn: '2026-12-19' }, true, 'Cancelled on 19 December 2026, after the deadline of 18 December 2026: it rolls over for 2027-28 and ends after it.'],
    [{ lastYear: 2027, cancelledOn: null }, false, 'Already bought for 2027-28.'],
    [{ lastYear: 2025, cancelledOn: null }, false, 'Not bought for 2026-27, so there is nothing to roll over.'],
  ])('rollover of %j', (service, rollOver, reason) => {
    expect(rolloverDecision(service, window)).toEqual({ rollOver, reason });
  });

  it('lets schools cancel until the deadline only', () => {
    expect(canCancelRollover(window, '2026-12-18')).toBe(true);
    expect(canCancelRollover(window, '2026-12-19')).toBe(false);
  });

  it('reminds once per step, nearest step first, never after the deadline', () => {
    expect(remindersDue(window, '2026-11-19', [])).toEqual([]);
    expect(remindersDue(window, '2026-11-20', [])).toEqual([28]);
    expect(remindersDue(window, '2026-11-21', [28])).toEqual([]);
    expect(remindersDue(window, '2026-12-12', [28])).toEqual([7]);
    expect(remindersDue(window, '2026-12-12', [28, 7])).toEqual([]);
    expect(remindersDue(window, '2026-12-19', [])).toEqual([]);
  });

  it('invoices once, or in 7/12 and 5/12 along a maintained school’s financial year', () => {
    expect(orderInvoiceParts(120_001, 2027, 'once', 'maintained').map((p) => p.amountPence)).toEqual([120_001]);
    const parts = orderInvoiceParts(120_001, 2027, 'school_financial_year', 'maintained');
    expect(parts.map((p) => [p.start, p.end, p.amountPence])).toEqual([
      ['2027-09-01', '2028-03-31', 70_001],
      ['2028-04-01', '2028-08-31', 50_000],
    ]);
    expect(orderInvoiceParts(120_001, 2027, 'school_financial_year', 'academy')).toHaveLength(1);
  });

  it('checks windows', () => {
    expect(buybackWindowProblems(window)).toEqual([]);
    expect(buybackWindowProblems({ ...window, closesOn: '2026-01-01' })[0]!.field).toBe('closesOn');
    expect(buybackWindowProblems({ ...window, cancelDeadline: '2027-09-01' })[0]!.field).toBe('cancelDeadline');
    expect(buybackWindowProblems({ ...window, opensOn: '2027-02-30' })[0]!.field).toBe('opensOn');
  });
});

describe('bespoke requests', () => {
  it('moves request → quote → accepted → invoiced and refuses the rest', () => {
    expect(bespokeTransition('requested', 'quote')).toEqual({ ok: true, to: 'quoted' });
    expect(bespokeTransition('quoted', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(bespokeTransition('accepted', 'invoice')).toEqual({ ok: true, to: 'invoiced' });
    expect(bespokeTransition('requested', 'accept')).toMatchObject({ ok: false });
    expect(bespokeTransition('invoiced', 'decline')).toMatchObject({ ok: false });
    expect(bespokeTransition('quoted', 'accept', { today: '2027-01-02', quoteValidUntil: '2027-01-01' })).toEqual({ ok: false, reason: 'The quote has expired; ask the partnership for a new one.' });
  });
});

describe('pools', () => {
  it('books up to capacity and no further', () => {
    expect(poolBookingDecision(13, 12, 1, '2026-11-02')).toEqual({ ok: true, left: 0 });
    expect(poolBookingDecision(13, 13, 1, '2026-11-02')).toEqual({ ok: false, reason: 'The pool is fully booked on 2 November 2026.', left: 0 });
    expect(poolBookingDecision(13, 11, 3, '2026-11-02')).toEqual({ ok: false, reason: 'Only 2 of 13 places are left on 2 November 2026.', left: 2 });
  });
});

describe('orders', () => {
  it('is invoiced only after approval', () => {
    expect(orderTransition('draft', 'submit', 0)).toMatchObject({ ok: false });
    expect(orderTransition('draft', 'submit', 2)).toEqual({ ok: true, to: 'awaiting_approval' });
    expect(orderTransition('awaiting_approval', 'invoice')).toEqual({ ok: false, reason: 'An order is invoiced only once it has been approved.' });
    expect(orderTransition('awaiting_approval', 'approve')).toEqual({ ok: true, to: 'approved' });
    expect(orderTransition('approved', 'invoice')).toEqual({ ok: true, to: 'invoiced' });
    expect(orderTransition('invoiced', 'cancel')).toMatchObject({ ok: false });
  });

  it('is approved by the head or business manager, never by staff', () => {
    expect(approvalProblem({ userId: 'u1', schoolRoles: ['staff'] }, 'u1')).toBe('You cannot approve your own request: your headteacher or business manager approves it.');
    expect(approvalProblem({ userId: 'u2', schoolRoles: ['staff'] }, 'u1')).toBe('Only the headteacher or business manager can approve orders.');
    expect(approvalProblem({ userId: 'u3', schoolRoles: ['business-manager'] }, 'u1')).toBeNull();
    expect(approvalProblem({ userId: 'u3', schoolRoles: ['headteacher'] }, 'u3')).toBeNull();
  });

  it('checks PO numbers', () => {
    expect(poNumberProblem('PO-2027/0042')).toBeNull();
    expect(poNumberProblem('')).not.toBeNull();
    expect(poNumberProblem('<script>')).not.toBeNull();
  });
});
