// Fee engine benchmark: quote ~20,000 schools of mixed phases and sizes under
// a schedule that uses every kind of component, as a year-end billing run or
// a scenario planner sweep would. Imports the BUILT package (run
// `pnpm --filter @partnerships/domain build` first) so it measures what the
// API actually runs. Writes bench/results/fees.json.
import { join } from 'node:path';
import { here, random, requireBuiltDomain, seededChoices, writeResult } from './support.mjs';

const domain = requireBuiltDomain();
const { quoteFee, validateFeeSchedule, formatPence } = domain;

const NAME = 'fees: quote every school under an every-component schedule';
const SCHOOLS = 20_000;
const GOAL_MS = 1000;

const next = random(20_180_901);
const { pick, between } = seededChoices(next);

// Roughly the mix of an English borough, with rolls typical of each phase.
const PHASE_MIX = [
  ['primary', 60, [90, 840]],
  ['secondary', 14, [600, 1800]],
  ['special', 5, [40, 250]],
  ['nursery', 6, [40, 120]],
  ['all-through', 3, [900, 2200]],
  ['alternative-provision', 4, [20, 120]],
  ['post-16', 3, [300, 3000]],
  ['middle', 5, [300, 700]],
];

function makeSchool() {
  const [phase, , [min, max]] = pick(PHASE_MIX.map((row) => [row, row[1]]));
  const schoolType = pick([['maintained', 55], ['academy', 40], ['college', phase === 'post-16' ? 20 : 0], ['sixth-form', phase === 'secondary' ? 5 : 0]]);
  const school = {
    phase,
    pupils: between(min, max),
    category: pick([['full-member', 90], ['associate', 10]]),
    schoolType,
    financialYearStartMonth: schoolType === 'maintained' ? 4 : 9,
  };
  const tier = pick([[undefined, 30], ['basic', 30], ['standard', 30], ['advanced', 10]]);
  if (tier) school.tier = tier;
  const discounts = [];
  if (next() < 0.08) discounts.push('federation-second-school');
  if (next() < 0.05) discounts.push('founding-member');
  if (discounts.length) school.discounts = discounts;
  return school;
}

// Every component kind, a free period, pro rata and a split along each school's financial year.
const SCHEDULE_DOCUMENT = {
  formatVersion: 1,
  name: 'Benchmark partnership',
  period: { kind: 'academic-year', start: '2019-09-01', end: '2020-08-31', label: '2019–20' },
  rounding: { unit: 'pound', mode: 'half-up' },
  tiers: [
    { code: 'basic', name: 'Basic' },
    { code: 'standard', name: 'Standard' },
    { code: 'advanced', name: 'Advanced' },
  ],
  components: [
    { kind: 'base-fee', amountPence: 400_000, when: { phase: ['primary', 'middle'] } },
    { kind: 'per-pupil', ratePence: 336, when: { phase: ['primary', 'middle'] } },
    { kind: 'base-fee', amountPence: 650_000, when: { phase: ['secondary', 'all-through'] } },
    { kind: 'per-pupil', ratePence: 340, when: { phase: ['secondary', 'all-through'] } },
    {
      kind: 'size-bands',
      label: 'Early years and alternative provision',
      when: { phase: ['nursery', 'alternative-provision'] },
      bands: [
        { minPupils: 0, maxPupils: 49, amountPence: 80_000 },
        { minPupils: 50, maxPupils: 99, amountPence: 120_000 },
        { minPupils: 100, amountPence: 160_000 },
      ],
    },
    { kind: 'tier-price', prices: [{ tier: 'basic', amountPence: 50_000 }, { tier: 'standard', amountPence: 120_000 }, { tier: 'advanced', amountPence: 250_000 }] },
    { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['special'] } },
    { kind: 'flat-fee', amountPence: 150_000, label: 'Associate membership', when: { category: ['associate'] } },
    { kind: 'fixed-fee', amountPence: 300_000, label: 'College fixed fee', when: { schoolType: ['college'] } },
    { kind: 'fixed-fee', amountPence: 900_000, label: 'Secondary with a sixth form', when: { schoolType: ['sixth-form'] } },
    { kind: 'minimum-fee', amountPence: 100_000 },
    { kind: 'maximum-fee', amountPence: 1_200_000, when: { pupils: { min: 1500 } } },
    { kind: 'discount', code: 'federation-second-school', reason: 'second school in a federation', basisPoints: 1000 },
    { kind: 'discount', code: 'founding-member', reason: 'founding member', amountPence: 25_000 },
  ],
  proRata: { method: 'month', rounding: { unit: 'pound', mode: 'half-up' } },
  payment: { kind: 'split-by-school-financial-year' },
  freePeriod: { from: '2019-09-01', to: '2019-10-31' },
  liabilityGuarantee: { amountPence: 2500, note: 'Payable only if the company is wound up owing debts.' },
};

const validation = validateFeeSchedule(SCHEDULE_DOCUMENT);
if (!validation.ok) {
  console.error('The benchmark schedule is not valid:', validation.errors);
  process.exit(1);
}
const schedule = validation.schedule;
const usedKinds = new Set(schedule.components.map((c) => c.kind));
const schools = Array.from({ length: SCHOOLS }, makeSchool);
// One school in ten joins part way through the year, to exercise pro rata as well.
const joiningDates = schools.map((_, i) => (i % 10 === 0 ? { from: `2020-0${1 + (i % 7)}-15` } : undefined));

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
const quotes = new Array(SCHOOLS);
for (let i = 0; i < SCHOOLS; i++) quotes[i] = quoteFee(schedule, schools[i], joiningDates[i]);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
// Measured while every quote (lines, explanation, instalments) is still held, as a billing run
// would hold them, after a collection so the figure is what is live rather than GC timing.
globalThis.gc?.();
const heapUsed = process.memoryUsage().heapUsed;

let totalPence = 0;
let instalments = 0;
for (const quote of quotes) {
  totalPence += quote.totalPence;
  instalments += quote.instalments.length;
}

const result = {
  name: NAME,
  schools: SCHOOLS,
  ms: Math.round(ms * 10) / 10,
  heapUsedMB: Math.round((heapUsed / 1024 / 1024) * 10) / 10,
  goalMs: GOAL_MS,
  date: new Date().toISOString(),
};
writeResult(join(here, 'results', 'fees.json'), result);

const within = result.ms <= GOAL_MS ? 'within' : 'OVER';
console.log(`${NAME}
  component kinds used: ${usedKinds.size} (${[...usedKinds].join(', ')})
  schools quoted:       ${SCHOOLS.toLocaleString('en-GB')} (${quotes.filter((_, i) => joiningDates[i]).length.toLocaleString('en-GB')} joining part way through)
  time:                 ${result.ms} ms, ${within} the ${GOAL_MS} ms goal (${((ms * 1000) / SCHOOLS).toFixed(1)} µs a school)
  heap used:            ${result.heapUsedMB} MB (${((heapUsed - heapBefore) / 1024 / 1024).toFixed(1)} MB for the quotes held)
  income quoted:        ${formatPence(totalPence)} in ${instalments.toLocaleString('en-GB')} instalments
  written to:           bench/results/fees.json`);
