// Offers pricing benchmark: price a 50-offer catalogue for 20,000 schools (one million prices),
// as the school portal's shop, the public catalogue or a buy-back rollover would, with prices by
// membership, phase, school type and category, two years of price lists and VAT. Pure domain:
// imports the BUILT package (run `pnpm --filter @partnerships/domain build` first).
// Writes bench/results/offers-pricing.json.
import { join } from 'node:path';
import { here, random, requireBuiltDomain, seededChoices, writeResult } from './support.mjs';

const domain = requireBuiltDomain();
const { priceFor, defaultQuantity, formatPence } = domain;

const NAME = 'offers: price a 50-offer catalogue for every school';
const SCHOOLS = 20_000;
const OFFERS = 50;
const GOAL_MS = 3000;

const next = random(20_261_205);
const { pick, between } = seededChoices(next);

const PHASES = [['primary', 60, [90, 840]], ['secondary', 14, [600, 1800]], ['special', 5, [40, 250]], ['nursery', 6, [40, 120]], ['all-through', 3, [900, 2200]], ['alternative-provision', 4, [20, 120]], ['post-16', 3, [300, 3000]], ['middle', 5, [300, 700]]];

function makeSchool() {
  const [phase, , [min, max]] = pick(PHASES.map((row) => [row, row[1]]));
  const member = next() < 0.8;
  return {
    member,
    category: member ? pick([['full', 85], ['associate', 15]]) : null,
    phase,
    schoolType: pick([['Community school', 40], ['Academy converter', 35], ['Voluntary aided school', 15], ['Foundation school', 10]]),
    pupils: between(min, max),
  };
}

const member = (pence) => ({ label: 'Member price', buyer: { membership: 'member' }, pence, vat: 'standard' });
const nonMember = (pence) => ({ label: 'Non-member price', buyer: { membership: 'non-member' }, pence, vat: 'standard' });

/** A catalogue like a large partnership's: entitlements, traded services with phase and type rules, pools, digital products. */
function makeOffer(i) {
  const kind = pick([['traded_service', 60], ['core_entitlement', 8], ['pool', 6], ['digital', 16], ['bespoke', 4], ['event', 6]]);
  const unit = kind === 'digital' ? 'per_pupil' : kind === 'pool' ? 'per_day' : pick([['per_school', 50], ['per_day', 30], ['per_delegate', 10], ['per_session', 10]]);
  const base = unit === 'per_pupil' ? between(50, 400) : between(50, 2_000) * 100;
  const rules = [];
  if (i % 7 === 0) rules.push({ label: 'Free to primary and special', buyer: { phases: ['primary', 'special'] }, pence: 0, vat: 'standard' });
  if (i % 5 === 0) rules.push({ label: 'Academies', buyer: { membership: 'member', schoolTypes: ['academy'] }, pence: Math.round(base * 0.9), vat: 'standard' });
  if (i % 4 === 0) rules.push({ label: 'Full members', buyer: { membership: 'member', categories: ['full'] }, pence: Math.round(base * 0.85), vat: 'exempt' });
  rules.push(member(base), nonMember(Math.round(base * 1.3)));
  const prices = [2025, 2026].flatMap((year) => rules.map((r, position) => ({ ...r, year, position, pence: year === 2026 ? Math.round(r.pence * 1.03) : r.pence })));
  return { id: `offer-${i}`, kind, title: `Offer ${i}`, unit, categories: kind === 'core_entitlement' ? ['full'] : [], prices: kind === 'bespoke' ? [] : prices };
}

const catalogue = Array.from({ length: OFFERS }, (_, i) => makeOffer(i));
const schools = Array.from({ length: SCHOOLS }, makeSchool);
const vat = { registered: true, rateBasisPoints: 2000 };
const DATE = '2026-10-01';

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
let priced = 0;
let refused = 0;
let included = 0;
let totalPence = 0;
for (const school of schools) {
  for (const offer of catalogue) {
    const answer = priceFor(offer, school, defaultQuantity(offer, school), DATE, vat);
    if (!answer.available) refused += 1;
    else {
      priced += 1;
      if (answer.included) included += 1;
      totalPence += answer.grossPence;
    }
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
globalThis.gc?.();
const heapUsed = process.memoryUsage().heapUsed;

const result = {
  name: NAME,
  schools: SCHOOLS,
  offers: OFFERS,
  prices: SCHOOLS * OFFERS,
  ms: Math.round(ms * 10) / 10,
  heapUsedMB: Math.round((heapUsed / 1024 / 1024) * 10) / 10,
  goalMs: GOAL_MS,
  date: new Date().toISOString(),
};
writeResult(join(here, 'results', 'offers-pricing.json'), result);

const within = result.ms <= GOAL_MS ? 'within' : 'OVER';
console.log(`${NAME}
  catalogue:            ${OFFERS} offers, ${catalogue.reduce((n, o) => n + o.prices.length, 0)} price rules over two years
  prices worked out:    ${(SCHOOLS * OFFERS).toLocaleString('en-GB')} (${priced.toLocaleString('en-GB')} offered, ${included.toLocaleString('en-GB')} included in membership, ${refused.toLocaleString('en-GB')} not offered)
  time:                 ${result.ms} ms, ${within} the ${GOAL_MS} ms goal (${((ms * 1000) / (SCHOOLS * OFFERS)).toFixed(2)} µs a price)
  heap used:            ${result.heapUsedMB} MB (${((heapUsed - heapBefore) / 1024 / 1024).toFixed(1)} MB more)
  catalogue value:      ${formatPence(totalPence)} if every school bought one of everything
  written to:           bench/results/offers-pricing.json`);
