import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../schools/phase';
import { computeAnnualFee } from './annual-fee';
import { EALING_2018_19_SCENARIO_1 } from './examples';
import { dayNumberOf, isoDateOf } from './calendar-dates';
import type { FeeComponent, FeeCondition, FeeSchedule, PaymentTerms } from './fee-schedule';
import { exportFeeSchedule, importFeeSchedule } from './fee-schedule-json';
import { quoteFee } from './quote-fee';
import type { QuoteOptions, SchoolForFees } from './quote-types';
import { scaleAndRound, unitPence } from './rounding';
import { solveForTarget, totalIncome } from './solve-rate';
import { validateFeeSchedule } from './validate-fee-schedule';

/**
 * Properties that must hold for every valid schedule, not just the examples.
 * The generators below build random but valid schedules (checked with the
 * validator), schools and date ranges.
 */

const TIERS = [
  { code: 'basic', name: 'Basic' },
  { code: 'standard', name: 'Standard' },
];
const DISCOUNT_CODES = ['federation', 'founder'];

/** Records as ordinary objects, like parsed JSON (fast-check otherwise gives them no prototype). */
const PLAIN = { noNullPrototype: true } as const;

const rounding = fc.record({ unit: fc.constantFrom('penny' as const, 'pound' as const), mode: fc.constantFrom('half-up' as const, 'down' as const, 'up' as const) }, PLAIN);
const pence = (max: number) => fc.integer({ min: 0, max });

interface Shape {
  /** Allow conditions on pupil numbers and size bands, which may rightly make a fee fall as a school grows. */
  sizeDependent: boolean;
}

function condition({ sizeDependent }: Shape): fc.Arbitrary<FeeCondition> {
  const pupils = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
  const criteria = {
    phase: fc.subarray([...PHASES], { minLength: 1 }),
    category: fc.constant(['associate']),
    schoolType: fc.subarray(['academy', 'maintained', 'college'], { minLength: 1 }),
    tier: fc.subarray(['basic', 'standard'], { minLength: 1 }),
    ...(sizeDependent ? { pupils } : {}),
  };
  // Mostly one criterion, as in real schedules, sometimes several (which rarely all match a random school).
  const single = Object.entries(criteria).map(([key, arb]) => (arb as fc.Arbitrary<unknown>).map((value) => ({ [key]: value }) as FeeCondition));
  const several = fc.record(criteria, { requiredKeys: [], ...PLAIN }).filter((c) => Object.keys(c).length > 0);
  return fc.oneof({ arbitrary: fc.oneof(...single), weight: 4 }, { arbitrary: several as fc.Arbitrary<FeeCondition>, weight: 1 });
}

function component(shape: Shape): fc.Arbitrary<FeeComponent> {
  const common = fc
    .tuple(fc.option(condition(shape), { freq: 2, nil: undefined }), fc.option(fc.constantFrom('Core offer', 'Special arrangement'), { freq: 3, nil: undefined }))
    .map(([when, label]) => ({ ...(when ? { when } : {}), ...(label ? { label } : {}) }));
  const sizeBands = fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { maxLength: 4 }).chain((cuts) => {
    const starts = [0, ...cuts.sort((a, b) => a - b)];
    return fc.tuple(...starts.map(() => pence(800_000))).map((amounts) => ({
      kind: 'size-bands' as const,
      bands: starts.map((minPupils, i) => (i < starts.length - 1 ? { minPupils, maxPupils: starts[i + 1]! - 1, amountPence: amounts[i]! } : { minPupils, amountPence: amounts[i]! })),
    }));
  });
  const body: fc.Arbitrary<FeeComponent>[] = [
    pence(2_000).map((ratePence) => ({ kind: 'per-pupil' as const, ratePence })),
    pence(1_000_000).map((amountPence) => ({ kind: 'base-fee' as const, amountPence })),
    pence(1_000_000).map((amountPence) => ({ kind: 'flat-fee' as const, amountPence })),
    pence(1_000_000).map((amountPence) => ({ kind: 'fixed-fee' as const, amountPence })),
    fc.subarray(TIERS, { minLength: 1 }).chain((tiers) => fc.tuple(...tiers.map(() => pence(500_000))).map((amounts) => ({ kind: 'tier-price' as const, prices: tiers.map((t, i) => ({ tier: t.code, amountPence: amounts[i]! })) }))),
    pence(1_000_000).map((amountPence) => ({ kind: 'minimum-fee' as const, amountPence })),
    pence(2_000_000).map((amountPence) => ({ kind: 'maximum-fee' as const, amountPence })),
    fc.tuple(fc.constantFrom(...DISCOUNT_CODES), fc.integer({ min: 1, max: 10_000 })).map(([code, basisPoints]) => ({ kind: 'discount' as const, code, reason: `${code} discount`, basisPoints })),
    fc.tuple(fc.constantFrom(...DISCOUNT_CODES), pence(300_000)).map(([code, amountPence]) => ({ kind: 'discount' as const, code, reason: `${code} discount`, amountPence })),
    ...(shape.sizeDependent ? [sizeBands] : []),
  ];
  return fc.tuple(fc.oneof(...body), common).map(([c, extra]) => ({ ...c, ...extra }) as FeeComponent);
}

/** A period: an academic or financial year, or a custom run of days. */
const period = fc.oneof(
  fc.integer({ min: 2016, max: 2030 }).map((y) => ({ kind: 'academic-year' as const, start: `${y}-09-01`, end: `${y + 1}-08-31`, label: `${y}–${(y + 1) % 100}` })),
  fc.integer({ min: 2016, max: 2030 }).map((y) => ({ kind: 'financial-year' as const, start: `${y}-04-01`, end: `${y + 1}-03-31`, label: `${y}–${(y + 1) % 100}` })),
  fc.tuple(fc.integer({ min: dayNumberOf('2016-01-01'), max: dayNumberOf('2030-12-31') }), fc.integer({ min: 0, max: 500 })).map(([first, length]) => ({
    kind: 'custom' as const,
    start: isoDateOf(first),
    end: isoDateOf(first + length),
    label: 'Custom period',
  })),
);

/** Two days within [first, last], in order. */
const daysWithin = (first: number, last: number) =>
  fc.tuple(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

function payment(first: number, last: number): fc.Arbitrary<PaymentTerms> {
  const parts = fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 3 }).chain((cuts) => {
    const edges = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return fc.tuple(...edges.slice(1).map(() => fc.integer({ min: first - 30, max: last }))).map((due) => ({
      kind: 'instalments' as const,
      parts: edges.slice(1).map((edge, i) => ({ label: `Part ${i + 1}`, dueDate: isoDateOf(due[i]!), shareBasisPoints: edge - edges[i]! })),
    }));
  });
  return fc.oneof(fc.constant({ kind: 'in-advance' as const }), fc.constant({ kind: 'split-by-school-financial-year' as const }), fc.constant({ kind: 'at-school-financial-year-start' as const }), parts);
}

function schedule(shape: Shape = { sizeDependent: true }): fc.Arbitrary<FeeSchedule> {
  /** An optional part, present about half the time and otherwise left out (not undefined), as in parsed JSON. */
  const sometimes = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 2, nil: undefined });
  return period
    .chain((p) => {
      const [first, last] = [dayNumberOf(p.start), dayNumberOf(p.end)];
      return fc
        .tuple(
          rounding,
          fc.array(component(shape), { minLength: 1, maxLength: 6 }),
          fc.option(fc.record({ method: fc.constantFrom('day' as const, 'month' as const), rounding }, PLAIN), { freq: 4, nil: undefined }),
          payment(first, last),
          sometimes(daysWithin(first, last).map(([a, b]) => ({ from: isoDateOf(a), to: isoDateOf(b) }))),
          sometimes(pence(10_000).map((amountPence) => ({ amountPence, note: 'Payable only if the company is wound up owing debts.' }))),
          fc.boolean(),
        )
        .map(([r, components, proRata, pay, freePeriod, liabilityGuarantee, withTiers]): FeeSchedule => ({
          formatVersion: 1,
          name: 'Generated partnership',
          period: p,
          rounding: r,
          components,
          ...(withTiers || components.some((c) => c.kind === 'tier-price' || c.when?.tier) ? { tiers: TIERS } : {}),
          ...(proRata ? { proRata } : {}),
          payment: pay,
          ...(freePeriod && proRata ? { freePeriod } : {}),
          ...(liabilityGuarantee ? { liabilityGuarantee } : {}),
        }));
    })
    .filter((s) => validateFeeSchedule(s).ok);
}

const school: fc.Arbitrary<SchoolForFees> = fc.record(
  {
    phase: fc.constantFrom(...PHASES),
    pupils: fc.integer({ min: 0, max: 3000 }),
    category: fc.constantFrom('full-member', 'associate'),
    schoolType: fc.constantFrom('academy', 'maintained', 'college'),
    tier: fc.constantFrom('basic', 'standard'),
    discounts: fc.subarray(DISCOUNT_CODES),
    financialYearStartMonth: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: ['phase', 'pupils'], ...PLAIN },
);

/** A schedule with some dates in (and around) its period to quote for. */
const scheduleWithDates = (shape?: Shape) =>
  schedule(shape).chain((s) => {
    const [first, last] = [dayNumberOf(s.period.start), dayNumberOf(s.period.end)];
    const options: fc.Arbitrary<QuoteOptions> = fc.oneof(
      fc.constant({}),
      daysWithin(first - 40, last + 40).map(([a, b]) => ({ from: isoDateOf(a), to: isoDateOf(b) })),
      fc.integer({ min: first, max: last }).map((a) => ({ from: isoDateOf(a) })),
    );
    return fc.tuple(fc.constant(s), options);
  });

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('fee properties', () => {
  it('a fee is never negative, and nor is any line of payment', () => {
    fc.assert(
      fc.property(scheduleWithDates(), school, ([s, options], sch) => {
        const quote = quoteFee(s, sch, options);
        expect(quote.totalPence).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(quote.totalPence)).toBe(true);
        for (const instalment of quote.instalments) expect(instalment.amountPence).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a fee never falls as pupils rise, when nothing in the schedule depends on size bands (a cap can only hold it level)', () => {
    fc.assert(
      fc.property(scheduleWithDates({ sizeDependent: false }), school, fc.integer({ min: 0, max: 2000 }), ([s, options], sch, extra) => {
        const smaller = quoteFee(s, sch, options).totalPence;
        const larger = quoteFee(s, { ...sch, pupils: sch.pupils + extra }, options).totalPence;
        expect(larger).toBeGreaterThanOrEqual(smaller);
      }),
      { numRuns: 300 },
    );
  });

  /** Cut the period into consecutive parts and quote each: what a school pays joining and leaving at those dates. */
  const partsOfPeriod = schedule().chain((s) => {
    const [first, last] = [dayNumberOf(s.period.start), dayNumberOf(s.period.end)];
    const cuts = fc.uniqueArray(fc.integer({ min: first + 1, max: Math.max(first + 1, last) }), { maxLength: 4 }).map((c) => c.filter((d) => d <= last).sort((a, b) => a - b));
    return fc.tuple(fc.constant(s), cuts.map((c) => [first, ...c, last + 1]));
  });
  const quoteParts = (s: FeeSchedule, sch: SchoolForFees, edges: number[]) =>
    edges.slice(1).map((edge, i) => quoteFee(s, sch, { from: isoDateOf(edges[i]!), to: isoDateOf(edge - 1) }).totalPence);

  it('pro-rata parts of a year never sum to more than the whole when the pro rata rounds down', () => {
    fc.assert(
      fc.property(partsOfPeriod, school, ([s, edges], sch) => {
        const roundsDown: FeeSchedule = { ...s, proRata: { method: s.proRata?.method ?? 'day', rounding: { unit: 'penny', mode: 'down' } } };
        expect(sum(quoteParts(roundsDown, sch, edges))).toBeLessThanOrEqual(quoteFee(roundsDown, sch).totalPence);
      }),
      { numRuns: 300 },
    );
  });

  // Each part may round up by a unit, and the whole (when it is itself pro rata) may round down by one.
  it('pro-rata parts of a year exceed the whole by at most one rounding unit per part (plus one) under any rounding', () => {
    fc.assert(
      fc.property(partsOfPeriod, school, ([s, edges], sch) => {
        fc.pre(s.proRata !== undefined);
        const parts = quoteParts(s, sch, edges);
        expect(sum(parts)).toBeLessThanOrEqual(quoteFee(s, sch).totalPence + (parts.length + 1) * unitPence(s.proRata!.rounding));
      }),
      { numRuns: 300 },
    );
  });

  it("rounding never moves the annual fee by more than the schedule's unit, and only in the stated direction", () => {
    fc.assert(
      fc.property(schedule(), school, (s, sch) => {
        const { beforeRoundingPence, annualPence } = computeAnnualFee(s, sch);
        const drift = annualPence - beforeRoundingPence;
        expect(Math.abs(drift)).toBeLessThan(unitPence(s.rounding));
        if (s.rounding.mode === 'down') expect(drift).toBeLessThanOrEqual(0);
        if (s.rounding.mode === 'up') expect(drift).toBeGreaterThanOrEqual(0);
        expect(annualPence % unitPence(s.rounding)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a rounded share is within one unit of the exact share, in the stated direction, even beyond exact double arithmetic', () => {
    fc.assert(
      fc.property(fc.oneof(pence(1_000_000_000), pence(Number.MAX_SAFE_INTEGER)), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), rounding, (amount, a, b, r) => {
        const [numerator, denominator] = [Math.min(a, b), Math.max(a, b)];
        const rounded = BigInt(scaleAndRound(amount, numerator, denominator, r));
        const exact = BigInt(amount) * BigInt(numerator);
        const drift = rounded * BigInt(denominator) - exact; // in pence × denominator
        const unit = BigInt(unitPence(r)) * BigInt(denominator);
        expect(drift < unit && drift > -unit).toBe(true);
        if (r.mode === 'down') expect(drift <= 0n).toBe(true);
        if (r.mode === 'up') expect(drift >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('instalments always add up exactly to the total', () => {
    fc.assert(
      fc.property(scheduleWithDates(), school, ([s, options], sch) => {
        const quote = quoteFee(s, sch, options);
        expect(sum(quote.instalments.map((i) => i.amountPence))).toBe(quote.totalPence);
      }),
      { numRuns: 300 },
    );
  });

  it('importing an exported schedule gives back exactly the same schedule', () => {
    fc.assert(
      fc.property(schedule(), (s) => {
        expect(importFeeSchedule(exportFeeSchedule(s))).toStrictEqual({ ok: true, value: s });
      }),
      { numRuns: 300 },
    );
  });

  it('the solved rate is the smallest that raises the target: one penny less raises too little', () => {
    const schools = fc.array(fc.record({ phase: fc.constantFrom('primary' as const, 'secondary' as const, 'special' as const), pupils: fc.integer({ min: 0, max: 1500 }) }, PLAIN), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(schools, fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom(0, 1, 2, 3, 4), (set, targetPence, componentIndex) => {
        const field = EALING_2018_19_SCENARIO_1.components[componentIndex]!.kind === 'per-pupil' ? 'ratePence' : 'amountPence';
        const solved = solveForTarget(EALING_2018_19_SCENARIO_1, set, { componentIndex, field, targetPence });
        if (!solved.ok) return;
        const result = solved.value;
        expect(result.totalPence).toBeGreaterThanOrEqual(targetPence);
        expect(totalIncome(result.schedule, set)).toBe(result.totalPence);
        if (result.valuePence > 0) {
          const oneLess = { ...result.schedule, components: result.schedule.components.map((c, i) => (i === componentIndex ? { ...c, [field]: result.valuePence - 1 } : c)) } as FeeSchedule;
          expect(totalIncome(oneLess, set)).toBeLessThan(targetPence);
        }
      }),
      { numRuns: 60 },
    );
  });
});
