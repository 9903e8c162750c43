import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../schools/phase';
import { orderInvoiceParts, remindersDue, splitPence } from './buyback';
import { entitlementBalance } from './entitlement';
import type { Buyer, OfferForPricing, OfferPrice } from './offer-types';
import { poolBookingDecision } from './pool';
import { priceFor } from './price-for';

const buyer: fc.Arbitrary<Buyer> = fc.record({
  member: fc.boolean(),
  category: fc.constantFrom('full', 'associate', null),
  phase: fc.constantFrom(...PHASES),
  schoolType: fc.constantFrom('Academy converter', 'Community school', null),
  pupils: fc.integer({ min: 1, max: 3000 }),
});
const price: fc.Arbitrary<OfferPrice> = fc.record({
  year: fc.integer({ min: 2024, max: 2028 }),
  position: fc.integer({ min: 0, max: 5 }),
  buyer: fc.record({ membership: fc.constantFrom('member' as const, 'non-member' as const), phases: fc.subarray([...PHASES]) }, { requiredKeys: [] }),
  pence: fc.integer({ min: 0, max: 5_000_000 }),
  vat: fc.constantFrom('standard' as const, 'zero' as const, 'exempt' as const),
});
const offer: fc.Arbitrary<OfferForPricing> = fc.record({
  id: fc.constant('o'),
  kind: fc.constantFrom('traded_service' as const, 'digital' as const),
  title: fc.constant('Offer'),
  unit: fc.constantFrom('per_school' as const, 'per_day' as const, 'per_pupil' as const),
  prices: fc.array(price, { maxLength: 8 }),
});
const date = fc.integer({ min: 0, max: 365 * 5 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

describe('offers properties', () => {
  it('a price is whole pence, quantity × unit, and names its rule', () => {
    fc.assert(fc.property(offer, buyer, fc.integer({ min: 1, max: 500 }), date, fc.boolean(), (o, b, q, d, registered) => {
      const answer = priceFor(o, b, q, d, { registered, rateBasisPoints: 2000 });
      if (!answer.available) {
        expect(answer.reason.length).toBeGreaterThan(0);
        return;
      }
      expect(answer.netPence).toBe(answer.unitPence * q);
      expect(Number.isInteger(answer.vatPence)).toBe(true);
      expect(answer.grossPence).toBe(answer.netPence + answer.vatPence);
      if (!registered || answer.vat !== 'standard') expect(answer.vatPence).toBe(0);
      expect(answer.year).toBeLessThanOrEqual(Number(d.slice(0, 4)));
      expect(answer.sentence.endsWith('.')).toBe(true);
    }));
  });

  it('a member never pays more than a non-member when the only difference is membership', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), buyer, (member, extra, b) => {
      const o: OfferForPricing = { id: 'o', kind: 'traded_service', title: 'T', unit: 'per_school', prices: [
        { year: 2026, position: 0, buyer: { membership: 'member' }, pence: member, vat: 'standard' },
        { year: 2026, position: 1, buyer: { membership: 'non-member' }, pence: member + extra, vat: 'standard' },
      ] };
      const asMember = priceFor(o, { ...b, member: true }, 1, '2026-10-01');
      const asOther = priceFor(o, { ...b, member: false }, 1, '2026-10-01');
      expect(asMember.available && asOther.available).toBe(true);
      if (asMember.available && asOther.available) expect(asMember.netPence).toBeLessThanOrEqual(asOther.netPence);
    }));
  });

  it('invoice parts add up exactly to the order', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 2020, max: 2040 }), fc.constantFrom('academy' as const, 'maintained' as const), fc.constantFrom('once' as const, 'school_financial_year' as const), (amount, year, kind, invoicing) => {
      const parts = orderInvoiceParts(amount, year, invoicing, kind);
      expect(parts.reduce((t, p) => t + p.amountPence, 0)).toBe(amount);
      expect(parts.every((p) => p.amountPence >= 0)).toBe(true);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), (amount, numerators) => {
      const denominator = numerators.reduce((a, b) => a + b, 0);
      fc.pre(denominator > 0);
      expect(splitPence(amount, numerators.map((n) => ({ numerator: n, denominator }))).reduce((a, b) => a + b, 0)).toBe(amount);
    }));
  });

  it('a pool never goes over capacity, however bookings arrive', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }), (capacity, requests) => {
      let booked = 0;
      for (const places of requests) {
        const decision = poolBookingDecision(capacity, booked, places, '2026-11-02');
        if (decision.ok) booked += places;
      }
      expect(booked).toBeLessThanOrEqual(capacity);
    }));
  });

  it('the balance is the allowance less what was used', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }), (allowance, used) => {
      const balance = entitlementBalance(allowance, used.map((quantity) => ({ quantity })));
      expect(balance.used - balance.over + balance.remaining!).toBe(allowance);
    }));
  });

  it('each reminder step is sent at most once, and never after the deadline', () => {
    fc.assert(fc.property(fc.subarray([56, 28, 14, 7, 1], { minLength: 1 }), (steps) => {
      const window = { cancelDeadline: '2026-12-18', reminderDays: steps };
      const sent: number[] = [];
      for (let day = 0; day < 90; day++) {
        const today = new Date(Date.UTC(2026, 9, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const due = remindersDue(window, today, sent);
        if (today > window.cancelDeadline) expect(due).toEqual([]);
        sent.push(...due);
      }
      expect(new Set(sent).size).toBe(sent.length);
    }));
  });
});
