import type { FeeSchedule } from './fee-schedule';

/**
 * Real, published fee models (see docs DOMAIN.md, "Fee models") as
 * schedules, used by the golden tests and the demo seed. Where a partnership
 * did not publish a detail the engine needs (payment terms, pro rata
 * rounding) the choice is marked "assumed". They are frozen so that no
 * caller can change the figures the tests pin down; clone to edit.
 */

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const THE_GUARANTEE = {
  amountPence: 2500,
  note: 'Joining commits the school to pay up to £25 if the company is wound up owing debts.',
};

/**
 * THE Partnership (Tower Hamlets), first year: £5 per pupil for a full
 * academic year, in advance; no fees from 1 September 2016 to 31 March 2017;
 * 1 April to 31 August 2017 charged pro rata (5 of 12 months).
 */
export const THE_PARTNERSHIP_2016_17: FeeSchedule = deepFreeze({
  formatVersion: 1,
  name: 'Tower Hamlets Education Partnership',
  period: { kind: 'academic-year', start: '2016-09-01', end: '2017-08-31', label: '2016–17' },
  rounding: { unit: 'penny', mode: 'half-up' },
  components: [{ kind: 'per-pupil', ratePence: 500 }],
  proRata: { method: 'month', rounding: { unit: 'penny', mode: 'down' } }, // rounding assumed: never overcharge
  payment: { kind: 'in-advance' },
  freePeriod: { from: '2016-09-01', to: '2017-03-31' },
  liabilityGuarantee: THE_GUARANTEE,
});

/** THE Partnership from 1 September 2017: full annual fees of £5 per pupil, in advance. */
export const THE_PARTNERSHIP_2017_18: FeeSchedule = deepFreeze({
  formatVersion: 1,
  name: 'Tower Hamlets Education Partnership',
  period: { kind: 'academic-year', start: '2017-09-01', end: '2018-08-31', label: '2017–18' },
  rounding: { unit: 'penny', mode: 'half-up' },
  components: [{ kind: 'per-pupil', ratePence: 500 }],
  proRata: { method: 'month', rounding: { unit: 'penny', mode: 'down' } }, // assumed, as for 2016–17
  payment: { kind: 'in-advance' },
  liabilityGuarantee: THE_GUARANTEE,
});

/** Ealing's two 2018–19 scenarios differ only in the primary rate and the special school flat fee. */
function ealing2018(scenario: string, primaryRatePence: number, specialFlatPence: number): FeeSchedule {
  return deepFreeze({
    formatVersion: 1,
    name: `Ealing Learning Partnership, ${scenario}`,
    period: { kind: 'academic-year', start: '2018-09-01', end: '2019-08-31', label: '2018–19' },
    rounding: { unit: 'pound', mode: 'half-up' }, // published in whole pounds
    components: [
      { kind: 'base-fee', amountPence: 400_000, when: { phase: ['primary'] } },
      { kind: 'per-pupil', ratePence: primaryRatePence, when: { phase: ['primary'] } },
      { kind: 'base-fee', amountPence: 650_000, when: { phase: ['secondary'] } },
      { kind: 'per-pupil', ratePence: 340, when: { phase: ['secondary'] } },
      { kind: 'flat-fee', amountPence: specialFlatPence, when: { phase: ['special'] } },
    ],
    proRata: { method: 'month', rounding: { unit: 'pound', mode: 'half-up' } }, // assumed
    payment: { kind: 'split-by-school-financial-year' }, // assumed: the council matches along school budgets
  });
}

/** Scenario 1 (60 primary + 14 high schools subscribe): primary £4,000 + £3.36 per pupil; secondary £6,500 + £3.40; special £4,500 flat. */
export const EALING_2018_19_SCENARIO_1: FeeSchedule = ealing2018('scenario 1 (60 primary and 14 high schools)', 336, 450_000);

/** Scenario 2 (50 primary + 14 high schools): primary £4,000 + £6.11 per pupil; secondary £6,500 + £3.40; special £5,000 flat. */
export const EALING_2018_19_SCENARIO_2: FeeSchedule = ealing2018('scenario 2 (50 primary and 14 high schools)', 611, 500_000);

/** Haringey Education Partnership core offer: £19 per pupil per year. Termly instalments and dates assumed. */
export const HARINGEY_CORE: FeeSchedule = deepFreeze({
  formatVersion: 1,
  name: 'Haringey Education Partnership core offer',
  period: { kind: 'academic-year', start: '2019-09-01', end: '2020-08-31', label: '2019–20' },
  rounding: { unit: 'penny', mode: 'half-up' },
  components: [{ kind: 'per-pupil', ratePence: 1900, label: 'Core offer' }],
  proRata: { method: 'month', rounding: { unit: 'penny', mode: 'down' } },
  payment: {
    kind: 'instalments',
    parts: [
      { label: 'Autumn term', dueDate: '2019-09-30', shareBasisPoints: 3334 },
      { label: 'Spring term', dueDate: '2020-01-31', shareBasisPoints: 3333 },
      { label: 'Summer term', dueDate: '2020-04-30', shareBasisPoints: 3333 },
    ],
  },
});

/**
 * Redbridge-style subscription by school size (bands invented: REP does not
 * publish them): full members pay by band, special schools a flat fee, and
 * associate members a lower flat fee.
 */
export const REDBRIDGE_SIZE_BANDED: FeeSchedule = deepFreeze({
  formatVersion: 1,
  name: 'Redbridge Education Partnership subscription',
  period: { kind: 'financial-year', start: '2019-04-01', end: '2020-03-31', label: '2019–20' },
  rounding: { unit: 'penny', mode: 'half-up' },
  components: [
    {
      kind: 'size-bands',
      label: 'Subscription',
      bands: [
        { minPupils: 0, maxPupils: 209, amountPence: 180_000 },
        { minPupils: 210, maxPupils: 419, amountPence: 260_000 },
        { minPupils: 420, maxPupils: 629, amountPence: 340_000 },
        { minPupils: 630, amountPence: 420_000 },
      ],
    },
    { kind: 'flat-fee', amountPence: 200_000, label: 'Special school subscription', when: { phase: ['special'] } },
    { kind: 'flat-fee', amountPence: 100_000, label: 'Associate membership', when: { category: ['associate'] } },
  ],
  proRata: { method: 'day', rounding: { unit: 'penny', mode: 'down' } },
  payment: { kind: 'in-advance' },
});

/**
 * Camden-style service levels (prices invented): every school pays a small
 * per-pupil core fee and the level it chooses; "core only" chooses none.
 * A second school in a federation gets 10% off; nobody pays under £500.
 */
export const SERVICE_LEVELS_EXAMPLE: FeeSchedule = deepFreeze({
  formatVersion: 1,
  name: 'Service levels example',
  period: { kind: 'financial-year', start: '2019-04-01', end: '2020-03-31', label: '2019–20' },
  rounding: { unit: 'pound', mode: 'half-up' },
  tiers: [
    { code: 'basic', name: 'Basic' },
    { code: 'standard', name: 'Standard' },
    { code: 'advanced', name: 'Advanced' },
  ],
  components: [
    { kind: 'per-pupil', ratePence: 150, label: 'Core entitlement' },
    { kind: 'tier-price', prices: [{ tier: 'basic', amountPence: 100_000 }, { tier: 'standard', amountPence: 250_000 }, { tier: 'advanced', amountPence: 400_000 }] },
    { kind: 'minimum-fee', amountPence: 50_000 },
    { kind: 'discount', code: 'federation-second-school', reason: 'second school in a federation', basisPoints: 1000 },
  ],
  payment: { kind: 'in-advance' },
});
