/**
 * The schedule editor's form, as plain strings exactly as people typed them, and the
 * conversions around it: document -> form (to edit), form post -> form (no JavaScript),
 * form -> document (with a message per field for whatever cannot be read), the editing
 * steps (add, remove, move), and API error paths -> the field they belong to.
 *
 * The same functions run in the browser (live preview) and on the server (form actions),
 * so the page behaves the same with and without JavaScript.
 */
import {
  COMPONENT_KINDS,
  type ComponentKind,
  type FeeComponent,
  type FeeCondition,
  type FeeRounding,
  type FeeSchedule,
  KIND_NAMES,
  MAX_AMOUNT_PENCE,
  MAX_PUPILS,
  MAX_RATE_PENCE,
  PHASES,
  roundingValue,
} from './schedule.ts';
import { basisPointsToInput, parsePercent, parsePounds, parseWhole, penceToInput } from './money.ts';
import { isOneOf } from '../vocabulary.ts';

export type PeriodKind = 'academic-year' | 'financial-year' | 'custom';
export type PaymentKind = 'in-advance' | 'instalments' | 'split-by-school-financial-year';
export type ProRataMethod = '' | 'day' | 'month';

export interface BandState {
  min: string;
  max: string;
  amount: string;
}

export interface ConditionState {
  phases: string[];
  categories: string[];
  tiers: string[];
  schoolTypes: string;
  minPupils: string;
  maxPupils: string;
}

export interface ComponentState {
  kind: ComponentKind;
  label: string;
  /** The money of the component: rate per pupil, base, flat, fixed, minimum, maximum fee, or a discount in money. */
  amount: string;
  code: string;
  reason: string;
  discountBy: 'percent' | 'amount';
  percent: string;
  bands: BandState[];
  /** One price per service level, in the order of `tiers`; blank means not priced. */
  prices: string[];
  when: ConditionState;
}

export interface EditorState {
  name: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  rounding: string;
  components: ComponentState[];
  tiers: { code: string; name: string }[];
  proRataMethod: ProRataMethod;
  proRataRounding: string;
  paymentKind: PaymentKind;
  parts: { label: string; dueDate: string; share: string }[];
  freeFrom: string;
  freeTo: string;
  guaranteeAmount: string;
  guaranteeNote: string;
  addKind: ComponentKind;
}

export const emptyCondition = (): ConditionState => ({ phases: [], categories: [], tiers: [], schoolTypes: '', minPupils: '', maxPupils: '' });

export function newComponent(kind: ComponentKind, tiers: number): ComponentState {
  return {
    kind,
    label: '',
    amount: '',
    code: '',
    reason: '',
    discountBy: 'percent',
    percent: '',
    bands: kind === 'size-bands' ? [{ min: '0', max: '', amount: '' }] : [],
    prices: Array.from({ length: tiers }, () => ''),
    when: emptyCondition(),
  };
}

/* ------------------------------------------------------------------ document -> form */

function conditionState(when: FeeCondition | undefined): ConditionState {
  return {
    phases: [...(when?.phase ?? [])],
    categories: [...(when?.category ?? [])],
    tiers: [...(when?.tier ?? [])],
    schoolTypes: (when?.schoolType ?? []).join(', '),
    minPupils: when?.pupils?.min === undefined ? '' : String(when.pupils.min),
    maxPupils: when?.pupils?.max === undefined ? '' : String(when.pupils.max),
  };
}

export function stateFromDocument(doc: FeeSchedule): EditorState {
  const tiers = (doc.tiers ?? []).map((t) => ({ code: t.code, name: t.name }));
  return {
    name: doc.name ?? '',
    periodKind: doc.period?.kind ?? 'academic-year',
    periodStart: doc.period?.start ?? '',
    periodEnd: doc.period?.end ?? '',
    periodLabel: doc.period?.label ?? '',
    rounding: roundingValue(doc.rounding),
    components: (doc.components ?? []).map((c) => {
      const state = newComponent(c.kind, tiers.length);
      state.label = c.label ?? '';
      state.when = conditionState(c.when);
      if (c.kind === 'per-pupil') state.amount = penceToInput(c.ratePence);
      else if (c.amountPence !== undefined) state.amount = penceToInput(c.amountPence);
      if (c.kind === 'discount') {
        state.code = c.code ?? '';
        state.reason = c.reason ?? '';
        state.discountBy = c.basisPoints !== undefined ? 'percent' : 'amount';
        state.percent = basisPointsToInput(c.basisPoints);
      }
      if (c.kind === 'size-bands') {
        state.bands = (c.bands ?? []).map((b) => ({ min: String(b.minPupils), max: b.maxPupils === undefined ? '' : String(b.maxPupils), amount: penceToInput(b.amountPence) }));
      }
      if (c.kind === 'tier-price') {
        state.prices = tiers.map((t) => penceToInput(c.prices?.find((p) => p.tier === t.code)?.amountPence));
      }
      return state;
    }),
    tiers,
    proRataMethod: doc.proRata?.method ?? '',
    proRataRounding: roundingValue(doc.proRata?.rounding),
    paymentKind: doc.payment?.kind ?? 'in-advance',
    parts: doc.payment?.kind === 'instalments' ? doc.payment.parts.map((p) => ({ label: p.label, dueDate: p.dueDate, share: basisPointsToInput(p.shareBasisPoints) })) : [],
    freeFrom: doc.freePeriod?.from ?? '',
    freeTo: doc.freePeriod?.to ?? '',
    guaranteeAmount: doc.liabilityGuarantee ? penceToInput(doc.liabilityGuarantee.amountPence) : '',
    guaranteeNote: doc.liabilityGuarantee?.note ?? '',
    addKind: 'per-pupil',
  };
}

/* ------------------------------------------------------------------ form post -> form */

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
const all = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
const indexes = (form: FormData, pattern: RegExp) =>
  [...new Set([...form.keys()].map((k) => pattern.exec(k)?.[1]).filter((v): v is string => v !== undefined).map(Number))].sort((a, b) => a - b);
const oneOf = <T extends string>(value: string, choices: readonly T[], fallback: T): T => ((choices as readonly string[]).includes(value) ? (value as T) : fallback);

/** The editor's fields from a form post (the page without JavaScript). */
export function stateFromForm(form: FormData): EditorState {
  const tiers = indexes(form, /^tier-(\d+)-code$/).map((k) => ({ code: str(form, `tier-${k}-code`), name: str(form, `tier-${k}-name`) }));
  const components = indexes(form, /^c-(\d+)-kind$/).map((i) => {
    const p = `c-${i}`;
    const kind = oneOf(str(form, `${p}-kind`), COMPONENT_KINDS, 'per-pupil');
    const state = newComponent(kind, tiers.length);
    state.label = str(form, `${p}-label`);
    state.amount = str(form, `${p}-amount`);
    state.code = str(form, `${p}-code`);
    state.reason = str(form, `${p}-reason`);
    state.discountBy = str(form, `${p}-discount-by`) === 'amount' ? 'amount' : 'percent';
    state.percent = str(form, `${p}-percent`);
    state.bands = indexes(form, new RegExp(`^${p}-band-(\\d+)-amount$`)).map((j) => ({
      min: str(form, `${p}-band-${j}-min`),
      max: str(form, `${p}-band-${j}-max`),
      amount: str(form, `${p}-band-${j}-amount`),
    }));
    state.prices = tiers.map((_, k) => str(form, `${p}-price-${k}`));
    state.when = {
      phases: all(form, `${p}-phase`),
      categories: all(form, `${p}-category`),
      tiers: all(form, `${p}-tier`),
      schoolTypes: str(form, `${p}-school-types`),
      minPupils: str(form, `${p}-min-pupils`),
      maxPupils: str(form, `${p}-max-pupils`),
    };
    return state;
  });
  return {
    name: str(form, 'name'),
    periodKind: oneOf(str(form, 'period-kind'), ['academic-year', 'financial-year', 'custom'] as const, 'academic-year'),
    periodStart: str(form, 'period-start'),
    periodEnd: str(form, 'period-end'),
    periodLabel: str(form, 'period-label'),
    rounding: str(form, 'rounding') || 'penny:half-up',
    components,
    tiers,
    proRataMethod: oneOf(str(form, 'pro-rata-method'), ['', 'day', 'month'] as const, ''),
    proRataRounding: str(form, 'pro-rata-rounding') || 'penny:down',
    paymentKind: oneOf(str(form, 'payment-kind'), ['in-advance', 'instalments', 'split-by-school-financial-year'] as const, 'in-advance'),
    parts: indexes(form, /^part-(\d+)-label$/).map((k) => ({ label: str(form, `part-${k}-label`), dueDate: str(form, `part-${k}-due`), share: str(form, `part-${k}-share`) })),
    freeFrom: str(form, 'free-from'),
    freeTo: str(form, 'free-to'),
    guaranteeAmount: str(form, 'guarantee-amount'),
    guaranteeNote: str(form, 'guarantee-note'),
    addKind: oneOf(str(form, 'add-kind'), COMPONENT_KINDS, 'per-pupil'),
  };
}

/* ------------------------------------------------------------------ form -> document */

export interface BuildResult {
  /** The document, when every field could be read (the API still checks the whole). */
  document: FeeSchedule | null;
  /** Messages by field id (the key '' is for the schedule as a whole). */
  errors: Record<string, string>;
  /** The field id for a document path such as `components[2].ratePence`. */
  paths: Record<string, string>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(value: string): boolean {
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

/**
 * The field an API error belongs to: `document.components[2].ratePence` -> `c-2-amount`.
 * A path without a field of its own goes to the nearest enclosing one, and anything else
 * to '' (the schedule as a whole).
 */
export function fieldForPath(path: string, paths: Record<string, string>): string {
  let rest = path.replace(/^document\.?/, '');
  for (;;) {
    if (rest in paths) return paths[rest];
    const shorter = rest.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === rest) return '';
    rest = shorter;
  }
}

/** The engine's messages name places in the document ("components[6]"); people count components from 1. */
export const plainMessage = (message: string) => message.replace(/\bcomponents\[(\d+)\]/g, (_, n: string) => `component ${Number(n) + 1}`);

/** API field messages (keyed by document path) as messages by field id; the first message per field wins. */
export function errorsByField(apiFields: Record<string, string>, paths: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(apiFields)) out[fieldForPath(path, paths)] ??= plainMessage(message);
  return out;
}

/* ------------------------------------------------------------------ editing steps */

/**
 * The buttons that change the form's shape, as `op` values: add, remove-2, up-2, down-2,
 * add-band-2, remove-band-2-1, add-tier, remove-tier-0, add-part, remove-part-1.
 * Returns a new state and the id of the field that should take focus next.
 */
export function applyOp(input: EditorState, op: string): { state: EditorState; focus: string | null } {
  const state: EditorState = structuredClone(input);
  const n = (s: string | undefined) => Number(s);
  let m: RegExpExecArray | null;
  if (op === 'add') {
    state.components.push(newComponent(state.addKind, state.tiers.length));
    return { state, focus: `c-${state.components.length - 1}-title` };
  }
  if ((m = /^remove-(\d+)$/.exec(op)) && state.components[n(m[1])]) {
    state.components.splice(n(m[1]), 1);
    return { state, focus: 'components' };
  }
  if ((m = /^up-(\d+)$/.exec(op)) && n(m[1]) > 0 && state.components[n(m[1])]) {
    const i = n(m[1]);
    [state.components[i - 1], state.components[i]] = [state.components[i], state.components[i - 1]];
    return { state, focus: `c-${i - 1}-up` };
  }
  if ((m = /^down-(\d+)$/.exec(op)) && n(m[1]) < state.components.length - 1) {
    const i = n(m[1]);
    [state.components[i + 1], state.components[i]] = [state.components[i], state.components[i + 1]];
    return { state, focus: `c-${i + 1}-down` };
  }
  if ((m = /^add-band-(\d+)$/.exec(op)) && state.components[n(m[1])]) {
    const i = n(m[1]);
    const bands = state.components[i].bands;
    const last = bands.at(-1);
    const lastMax = last ? Number(last.max.replace(/,/g, '')) : NaN;
    bands.push({ min: last && last.max.trim() && Number.isInteger(lastMax) ? String(lastMax + 1) : bands.length ? '' : '0', max: '', amount: '' });
    return { state, focus: `c-${i}-band-${bands.length - 1}-${bands.length === 1 ? 'min' : last?.max.trim() ? 'max' : 'min'}` };
  }
  if ((m = /^remove-band-(\d+)-(\d+)$/.exec(op)) && state.components[n(m[1])]?.bands[n(m[2])]) {
    state.components[n(m[1])].bands.splice(n(m[2]), 1);
    return { state, focus: `c-${m[1]}-bands` };
  }
  if (op === 'add-tier') {
    state.tiers.push({ code: '', name: '' });
    for (const c of state.components) c.prices.push('');
    return { state, focus: `tier-${state.tiers.length - 1}-name` };
  }
  if ((m = /^remove-tier-(\d+)$/.exec(op)) && state.tiers[n(m[1])]) {
    const k = n(m[1]);
    const [removed] = state.tiers.splice(k, 1);
    for (const c of state.components) {
      c.prices.splice(k, 1);
      c.when.tiers = c.when.tiers.filter((t) => t !== removed.code);
    }
    return { state, focus: 'tiers' };
  }
  if (op === 'add-part') {
    state.parts.push({ label: '', dueDate: '', share: '' });
    return { state, focus: `part-${state.parts.length - 1}-label` };
  }
  if ((m = /^remove-part-(\d+)$/.exec(op)) && state.parts[n(m[1])]) {
    state.parts.splice(n(m[1]), 1);
    return { state, focus: 'parts' };
  }
  return { state, focus: null };
}

/** A short title for a component in the editor: "2. Base fee per school". */
export const componentTitle = (c: ComponentState, i: number) => `${i + 1}. ${KIND_NAMES[c.kind]}${c.label.trim() ? `: ${c.label.trim()}` : ''}`;

/** A document to start from scratch: one rate per pupil for the academic year starting in `year`. */
export function blankDocument(name: string, kind: PeriodKind, start: string, end: string, label: string): FeeSchedule {
  return {
    formatVersion: 1,
    name,
    period: { kind, start, end, label },
    rounding: { unit: 'penny', mode: 'half-up' },
    components: [{ kind: 'per-pupil', ratePence: 0 }],
    payment: { kind: 'in-advance' },
  };
}

/**
 * A template moved to another period: its dates (period, instalments, free period) move by
 * the same number of years, so a 2018–19 example becomes a 2026–27 draft with sensible dates.
 */
export function moveToPeriod(doc: FeeSchedule, name: string, kind: PeriodKind, start: string, end: string, label: string): FeeSchedule {
  const years = Number(start.slice(0, 4)) - Number(doc.period.start.slice(0, 4));
  const shift = (date: string) => {
    if (!realDate(date) || years === 0) return date;
    const moved = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
    return realDate(moved) ? moved : `${moved.slice(0, 8)}28`;
  };
  const copy: FeeSchedule = structuredClone(doc);
  copy.name = name;
  copy.period = { kind, start, end, label };
  if (copy.payment.kind === 'instalments') copy.payment.parts = copy.payment.parts.map((p) => ({ ...p, dueDate: shift(p.dueDate) }));
  if (copy.freePeriod) copy.freePeriod = { from: shift(copy.freePeriod.from), to: shift(copy.freePeriod.to) };
  return copy;
}

/** JSON with keys in a fixed order, to tell whether two documents say the same thing. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The editor's field ids in page order, so the error summary lists problems as the page shows them. */
export function fieldOrder(state: EditorState): string[] {
  const ids = ['', 'name', 'period-kind', 'period-start', 'period-end', 'period-label', 'rounding', 'tiers'];
  state.tiers.forEach((_, k) => ids.push(`tier-${k}-name`, `tier-${k}-code`));
  ids.push('components');
  state.components.forEach((c, i) => {
    const p = `c-${i}`;
    ids.push(p, `${p}-amount`, `${p}-bands`);
    c.bands.forEach((_, j) => ids.push(`${p}-band-${j}-min`, `${p}-band-${j}-max`, `${p}-band-${j}-amount`));
    ids.push(`${p}-prices`, ...state.tiers.map((_, k) => `${p}-price-${k}`), `${p}-reason`, `${p}-code`, `${p}-percent`, `${p}-label`, `${p}-when`, `${p}-school-types`, `${p}-min-pupils`, `${p}-max-pupils`);
  });
  ids.push('pro-rata-method', 'pro-rata-rounding', 'free-from', 'free-to', 'payment-kind', 'parts');
  state.parts.forEach((_, k) => ids.push(`part-${k}-label`, `part-${k}-due`, `part-${k}-share`));
  ids.push('guarantee-amount', 'guarantee-note');
  return ids;
}
