/** Form -> document: the editor's fields as a fee schedule, with a message per field for whatever cannot be read. */
import { isOneOf } from '../../vocabulary.ts';
import { basisPointsToInput, parsePercent, parsePounds, parseWhole } from '../money.ts';
import { FACT_PATHS, factCondition } from './school-facts.ts';
import { type ComponentKind, type FeeComponent, type FeeCondition, type FeeRounding, type FeeSchedule, MAX_AMOUNT_PENCE, MAX_PUPILS, MAX_RATE_PENCE, PHASES } from '../schedule.ts';
import type { EditorState, PeriodKind } from './state.ts';

export interface BuildResult {
  /** The document, when every field could be read (the API still checks the whole). */
  document: FeeSchedule | null;
  /** Messages by field id (the key '' is for the schedule as a whole). */
  errors: Record<string, string>;
  /** The field id for a document path such as `components[2].ratePence`. */
  paths: Record<string, string>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function realDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2018-09-01" as an academic year -> end "2019-08-31", label "2018–19". */
export function periodDefaults(kind: PeriodKind, start: string): { end: string; label: string } | null {
  if (!realDate(start) || kind === 'custom') return null;
  const year = Number(start.slice(0, 4));
  const end = kind === 'academic-year' ? `${year + 1}-08-31` : `${year + 1}-03-31`;
  return { end, label: `${year}–${String((year + 1) % 100).padStart(2, '0')}` };
}

function parseRounding(value: string): FeeRounding {
  const [unit, mode] = value.split(':');
  return { unit: unit === 'pound' ? 'pound' : 'penny', mode: mode === 'down' || mode === 'up' ? mode : 'half-up' };
}

const codesFrom = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** What each kind's amount is called in messages ("Enter the base fee, like £4,000"). */
const AMOUNT_WORDS: Record<ComponentKind, string> = {
  'per-pupil': 'the rate per pupil',
  'base-fee': 'the base fee',
  'flat-fee': 'the flat fee',
  'fixed-fee': 'the fixed fee',
  'size-bands': 'the fee for this band',
  'tier-price': 'the price',
  'minimum-fee': 'the minimum fee',
  'maximum-fee': 'the maximum fee',
  discount: 'the discount',
};

export function documentFromState(state: EditorState): BuildResult {
  const errors: Record<string, string> = {};
  const paths: Record<string, string> = {
    '': '',
    formatVersion: '',
    name: 'name',
    period: 'period-start',
    'period.kind': 'period-kind',
    'period.start': 'period-start',
    'period.end': 'period-end',
    'period.label': 'period-label',
    rounding: 'rounding',
    components: 'components',
    tiers: 'tiers',
    proRata: 'pro-rata-method',
    'proRata.method': 'pro-rata-method',
    'proRata.rounding': 'pro-rata-rounding',
    payment: 'payment-kind',
    'payment.parts': 'parts',
    freePeriod: 'free-from',
    'freePeriod.from': 'free-from',
    'freePeriod.to': 'free-to',
    liabilityGuarantee: 'guarantee-amount',
    'liabilityGuarantee.amountPence': 'guarantee-amount',
    'liabilityGuarantee.note': 'guarantee-note',
  };
  const fail = (id: string, message: string) => {
    errors[id] ??= message;
  };

  const name = state.name.trim();
  if (!name) fail('name', 'Enter a name for the schedule, like “Ealing Learning Partnership 2018–19”');

  // The period: for an academic or financial year the end and label follow from the start.
  const start = state.periodStart.trim();
  let end = state.periodEnd.trim();
  let label = state.periodLabel.trim();
  if (!start) fail('period-start', 'Enter the first day of the period');
  else if (!realDate(start)) fail('period-start', 'Enter the first day of the period as a real date');
  const defaults = periodDefaults(state.periodKind, start);
  if (!end && defaults) end = defaults.end;
  if (!label && defaults) label = defaults.label;
  if (!end && state.periodKind === 'custom') fail('period-end', 'Enter the last day of the period');
  else if (end && !realDate(end)) fail('period-end', 'Enter the last day of the period as a real date');
  if (!label && (state.periodKind === 'custom' || !start)) fail('period-label', 'Enter what schools call the period, like 2018–19');
  if (label.length > 60) fail('period-label', 'The label of the period can be at most 60 characters');

  // Service levels.
  const tiers = state.tiers.map((t, k) => {
    paths[`tiers[${k}]`] = `tier-${k}-name`;
    paths[`tiers[${k}].code`] = `tier-${k}-code`;
    paths[`tiers[${k}].name`] = `tier-${k}-name`;
    const code = t.code.trim();
    const tierName = t.name.trim();
    if (!tierName) fail(`tier-${k}-name`, `Enter a name for service level ${k + 1}, like “Standard”`);
    if (!code) fail(`tier-${k}-code`, `Enter a short code for service level ${k + 1}, like “standard”`);
    return { code, name: tierName };
  });

  // Components.
  if (state.components.length === 0) fail('components', 'Add at least one component, such as a rate per pupil');
  const components: FeeComponent[] = state.components.map((c, i) => {
    const p = `c-${i}`;
    const at = `components[${i}]`;
    paths[at] = p;
    paths[`${at}.kind`] = p;
    paths[`${at}.label`] = `${p}-label`;
    paths[`${at}.ratePence`] = `${p}-amount`;
    paths[`${at}.amountPence`] = `${p}-amount`;
    paths[`${at}.basisPoints`] = `${p}-percent`;
    paths[`${at}.code`] = `${p}-code`;
    paths[`${at}.reason`] = `${p}-reason`;
    paths[`${at}.bands`] = `${p}-bands`;
    paths[`${at}.prices`] = `${p}-prices`;
    paths[`${at}.when`] = `${p}-when`;
    paths[`${at}.when.phase`] = `${p}-when`;
    paths[`${at}.when.category`] = `${p}-when`;
    paths[`${at}.when.tier`] = `${p}-when`;
    paths[`${at}.when.schoolType`] = `${p}-school-types`;
    paths[`${at}.when.pupils`] = `${p}-min-pupils`;
    paths[`${at}.when.pupils.min`] = `${p}-min-pupils`;
    paths[`${at}.when.pupils.max`] = `${p}-max-pupils`;
    for (const [key, field] of Object.entries(FACT_PATHS)) paths[`${at}.when.${key}`] = `${p}-${field}`;

    const component: FeeComponent = { kind: c.kind };
    const what = AMOUNT_WORDS[c.kind];
    const money = (text: string, id: string, words: string, max = MAX_AMOUNT_PENCE) => {
      const parsed = parsePounds(text, words, { max });
      if (!parsed.ok) {
        fail(id, parsed.message);
        return 0;
      }
      return parsed.value;
    };
    switch (c.kind) {
      case 'per-pupil':
        component.ratePence = money(c.amount, `${p}-amount`, what, MAX_RATE_PENCE);
        break;
      case 'size-bands':
        if (c.bands.length === 0) fail(`${p}-bands`, 'Add at least one size band');
        component.bands = c.bands.map((b, j) => {
          const bp = `${p}-band-${j}`;
          paths[`${at}.bands[${j}]`] = `${bp}-amount`;
          paths[`${at}.bands[${j}].minPupils`] = `${bp}-min`;
          paths[`${at}.bands[${j}].maxPupils`] = `${bp}-max`;
          paths[`${at}.bands[${j}].amountPence`] = `${bp}-amount`;
          const min = parseWhole(b.min, `the smallest size in band ${j + 1}`, { max: MAX_PUPILS });
          if (!min.ok) fail(`${bp}-min`, min.message);
          let maxPupils: number | undefined;
          if (b.max.trim()) {
            const max = parseWhole(b.max, `the largest size in band ${j + 1}`, { max: MAX_PUPILS });
            if (!max.ok) fail(`${bp}-max`, max.message);
            else maxPupils = max.value;
          }
          const amountPence = money(b.amount, `${bp}-amount`, `the fee for band ${j + 1}`);
          return { minPupils: min.ok ? min.value : 0, ...(maxPupils !== undefined ? { maxPupils } : {}), amountPence };
        });
        break;
      case 'tier-price': {
        if (tiers.length === 0) fail(`${p}-prices`, 'Add the service levels first (under “Service levels”), then price them here');
        const prices: { tier: string; amountPence: number }[] = [];
        tiers.forEach((t, k) => {
          const text = c.prices[k] ?? '';
          if (!text.trim()) return;
          paths[`${at}.prices[${prices.length}]`] = `${p}-price-${k}`;
          paths[`${at}.prices[${prices.length}].amountPence`] = `${p}-price-${k}`;
          paths[`${at}.prices[${prices.length}].tier`] = `${p}-price-${k}`;
          prices.push({ tier: t.code, amountPence: money(text, `${p}-price-${k}`, `the price of ${t.name || `service level ${k + 1}`}`) });
        });
        if (tiers.length > 0 && prices.length === 0) fail(`${p}-prices`, 'Enter a price for at least one service level');
        component.prices = prices;
        break;
      }
      case 'discount': {
        component.code = c.code.trim();
        component.reason = c.reason.trim();
        if (!component.code) fail(`${p}-code`, 'Enter a short code for the discount, like “federation”');
        else if (component.code.length > 60) fail(`${p}-code`, 'The discount code can be at most 60 characters');
        if (!component.reason) fail(`${p}-reason`, 'Say who the discount is for, like “second school in a federation”');
        if (c.discountBy === 'percent') {
          const parsed = parsePercent(c.percent, what);
          if (!parsed.ok) fail(`${p}-percent`, parsed.message);
          else component.basisPoints = parsed.value;
        } else {
          component.amountPence = money(c.amount, `${p}-amount`, what);
        }
        break;
      }
      default:
        component.amountPence = money(c.amount, `${p}-amount`, what);
    }

    const when: FeeCondition = {};
    if (c.when.phases.length) when.phase = c.when.phases.filter((x) => isOneOf(PHASES, x));
    if (c.when.categories.length) when.category = [...c.when.categories];
    if (c.when.tiers.length) when.tier = [...c.when.tiers];
    const types = codesFrom(c.when.schoolTypes);
    if (types.length) when.schoolType = types;
    const pupils: { min?: number; max?: number } = {};
    if (c.when.minPupils.trim()) {
      const parsed = parseWhole(c.when.minPupils, 'the smallest number of pupils', { max: MAX_PUPILS });
      if (!parsed.ok) fail(`${p}-min-pupils`, parsed.message);
      else pupils.min = parsed.value;
    }
    if (c.when.maxPupils.trim()) {
      const parsed = parseWhole(c.when.maxPupils, 'the largest number of pupils', { max: MAX_PUPILS });
      if (!parsed.ok) fail(`${p}-max-pupils`, parsed.message);
      else pupils.max = parsed.value;
    }
    if (pupils.min !== undefined && pupils.max !== undefined && pupils.min > pupils.max) {
      fail(`${p}-max-pupils`, `The largest number of pupils (${pupils.max}) is less than the smallest (${pupils.min}), so no school would match`);
    }
    if (pupils.min !== undefined || pupils.max !== undefined) when.pupils = pupils;
    const facts = factCondition(c.when);
    if (facts.openedOnOrAfter !== undefined && !realDate(facts.openedOnOrAfter)) fail(`${p}-opened-on`, 'Enter the earliest opening date as a real date, like 2025-09-01');
    if (facts.inTrust === false && facts.trust) fail(`${p}-trusts`, 'Name federations or trusts only for schools in one: choose “In a federation or trust” or leave it blank');
    Object.assign(when, facts);
    if (Object.keys(when).length) component.when = when;
    const componentLabel = c.label.trim();
    if (componentLabel) component.label = componentLabel;
    return component;
  });

  // Pro rata.
  const proRata = state.proRataMethod ? { method: state.proRataMethod, rounding: parseRounding(state.proRataRounding) } : undefined;

  // Payment.
  let payment: FeeSchedule['payment'] = { kind: 'in-advance' };
  if (state.paymentKind === 'split-by-school-financial-year') payment = { kind: 'split-by-school-financial-year' };
  if (state.paymentKind === 'at-school-financial-year-start') payment = { kind: 'at-school-financial-year-start' };
  if (state.paymentKind === 'instalments') {
    if (state.parts.length === 0) fail('parts', 'Add at least one instalment');
    let total = 0;
    const parts = state.parts.map((part, k) => {
      const pp = `part-${k}`;
      paths[`payment.parts[${k}]`] = `${pp}-label`;
      paths[`payment.parts[${k}].label`] = `${pp}-label`;
      paths[`payment.parts[${k}].dueDate`] = `${pp}-due`;
      paths[`payment.parts[${k}].shareBasisPoints`] = `${pp}-share`;
      if (!part.label.trim()) fail(`${pp}-label`, `Enter a name for instalment ${k + 1}, like “Autumn term”`);
      if (!part.dueDate.trim()) fail(`${pp}-due`, `Enter the date instalment ${k + 1} is due`);
      else if (!realDate(part.dueDate.trim())) fail(`${pp}-due`, `Enter the date instalment ${k + 1} is due as a real date`);
      const share = parsePercent(part.share, `the share of instalment ${k + 1}`);
      if (!share.ok) fail(`${pp}-share`, share.message);
      else total += share.value;
      return { label: part.label.trim(), dueDate: part.dueDate.trim(), shareBasisPoints: share.ok ? share.value : 0 };
    });
    if (parts.length && !Object.keys(errors).some((id) => id.startsWith('part-')) && total !== 10_000) {
      fail('parts', `The shares add up to ${basisPointsToInput(total)}%; they must add up to exactly 100%`);
    }
    payment = { kind: 'instalments', parts };
  }

  // Free period.
  let freePeriod: FeeSchedule['freePeriod'];
  const freeFrom = state.freeFrom.trim();
  const freeTo = state.freeTo.trim();
  if (freeFrom || freeTo) {
    if (!freeFrom) fail('free-from', 'Enter the first day with no fee, or leave both free period dates blank');
    else if (!realDate(freeFrom)) fail('free-from', 'Enter the first day with no fee as a real date');
    if (!freeTo) fail('free-to', 'Enter the last day with no fee, or leave both free period dates blank');
    else if (!realDate(freeTo)) fail('free-to', 'Enter the last day with no fee as a real date');
    if (!proRata) fail('pro-rata-method', 'A free period needs pro rata: choose how the rest of the period is charged');
    freePeriod = { from: freeFrom, to: freeTo };
  }

  // Liability guarantee.
  let liabilityGuarantee: FeeSchedule['liabilityGuarantee'];
  const note = state.guaranteeNote.trim();
  if (state.guaranteeAmount.trim() || note) {
    const parsed = parsePounds(state.guaranteeAmount, 'the liability guarantee', { max: MAX_AMOUNT_PENCE });
    if (!parsed.ok) fail('guarantee-amount', parsed.message);
    if (!note) fail('guarantee-note', 'Explain the guarantee to schools, like “Joining commits the school to pay up to £25 if the company is wound up owing debts.”');
    else if (note.length > 500) fail('guarantee-note', 'The explanation can be at most 500 characters');
    liabilityGuarantee = { amountPence: parsed.ok ? parsed.value : 0, note };
  }

  if (Object.keys(errors).length) return { document: null, errors, paths };
  const document: FeeSchedule = {
    formatVersion: 1,
    name,
    period: { kind: state.periodKind, start, end, label },
    rounding: parseRounding(state.rounding),
    components,
    ...(tiers.length ? { tiers } : {}),
    ...(proRata ? { proRata } : {}),
    payment,
    ...(freePeriod ? { freePeriod } : {}),
    ...(liabilityGuarantee ? { liabilityGuarantee } : {}),
  };
  return { document, errors, paths };
}
