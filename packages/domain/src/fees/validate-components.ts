import { PHASES, type Phase } from '../schools/phase';
import {
  BASIS_POINTS_WHOLE,
  COMPONENT_KINDS,
  MAX_AMOUNT_PENCE,
  MAX_PUPILS,
  MAX_RATE_PENCE,
  SCHOOL_FACT_CONDITIONS,
  type FeeComponentKind,
  type FeeCondition,
  type FeeComponent,
  type SizeBand,
  type TierPrice,
} from './fee-schedule';
import { at, isObject, Problems, readArray, readChoice, readDate, readObject, readPence, readText, readWhole, rejectUnknownFields, type JsonObject } from './validation-reader';

/** The fields each kind of component may have, besides kind, when and label. */
const FIELDS_BY_KIND: Record<FeeComponentKind, readonly string[]> = {
  'per-pupil': ['ratePence'],
  'base-fee': ['amountPence'],
  'flat-fee': ['amountPence'],
  'fixed-fee': ['amountPence'],
  'size-bands': ['bands'],
  'tier-price': ['prices'],
  'minimum-fee': ['amountPence'],
  'maximum-fee': ['amountPence'],
  discount: ['code', 'reason', 'basisPoints', 'amountPence'],
};

/** How each kind's amount is named in messages. */
const AMOUNT_WORDS: Record<FeeComponentKind, string> = {
  'per-pupil': 'The rate per pupil',
  'base-fee': 'The base fee',
  'flat-fee': 'The flat fee',
  'fixed-fee': 'The fixed fee',
  'size-bands': 'The band fee',
  'tier-price': 'The price',
  'minimum-fee': 'The minimum fee',
  'maximum-fee': 'The maximum fee',
  discount: 'The discount',
};

/** One component, checked against its kind; undefined (with problems recorded) if anything is wrong. */
export function readComponent(value: unknown, path: string, tierCodes: ReadonlySet<string>, problems: Problems): FeeComponent | undefined {
  if (!isObject(value)) {
    problems.add(path, 'Each component must be a group of fields with a "kind", such as {"kind": "per-pupil", "ratePence": 336}.');
    return undefined;
  }
  const before = problems.errors.length;
  const kind = readChoice({ obj: value, key: 'kind', path, what: 'The kind of component', problems, choices: COMPONENT_KINDS });
  if (!kind) return undefined;
  rejectUnknownFields(value, path, ['kind', 'when', 'label', ...FIELDS_BY_KIND[kind]], problems);
  const whenObj = readObject({ obj: value, key: 'when', path, what: 'The condition', problems, optional: true });
  const when = whenObj ? readCondition(whenObj, at(path, 'when'), tierCodes, problems) : undefined;
  const label = readText({ obj: value, key: 'label', path, what: 'The label', problems, optional: true });
  const body = readBody(kind, value, path, tierCodes, problems);
  if (!body || problems.errors.length > before) return undefined;
  // Key order kind, ...body, when, label keeps exported files tidy; absent options stay absent.
  return { kind, ...body, ...(when ? { when } : {}), ...(label !== undefined ? { label } : {}) } as FeeComponent;
}

function readBody(kind: FeeComponentKind, obj: JsonObject, path: string, tierCodes: ReadonlySet<string>, problems: Problems): JsonObject | undefined {
  const what = AMOUNT_WORDS[kind];
  switch (kind) {
    case 'per-pupil': {
      const ratePence = readPence({ obj, key: 'ratePence', path, what, problems, max: MAX_RATE_PENCE });
      return ratePence === undefined ? undefined : { ratePence };
    }
    case 'size-bands': {
      const bands = readBands(obj, path, problems);
      return bands && { bands };
    }
    case 'tier-price': {
      const prices = readTierPrices(obj, path, tierCodes, problems);
      return prices && { prices };
    }
    case 'discount':
      return readDiscount(obj, path, problems);
    default: {
      const amountPence = readPence({ obj, key: 'amountPence', path, what, problems, max: MAX_AMOUNT_PENCE });
      return amountPence === undefined ? undefined : { amountPence };
    }
  }
}

function readDiscount(obj: JsonObject, path: string, problems: Problems): JsonObject | undefined {
  const code = readText({ obj, key: 'code', path, what: 'The discount code', problems, maxLength: 60 });
  const reason = readText({ obj, key: 'reason', path, what: 'The reason for the discount', problems });
  const hasPercent = obj['basisPoints'] !== undefined;
  const hasAmount = obj['amountPence'] !== undefined;
  if (hasPercent === hasAmount) {
    problems.add(path, 'A discount needs either "basisPoints" (a percentage: 1000 is 10%) or "amountPence" (a sum of money), and not both.');
    return undefined;
  }
  const off = hasPercent
    ? readWhole({ obj, key: 'basisPoints', path, what: 'The discount', problems, min: 1, max: BASIS_POINTS_WHOLE, unit: 'basis points (1000 is 10%)' })
    : readPence({ obj, key: 'amountPence', path, what: 'The discount', problems, max: MAX_AMOUNT_PENCE });
  if (code === undefined || reason === undefined || off === undefined) return undefined;
  return hasPercent ? { code, reason, basisPoints: off } : { code, reason, amountPence: off };
}

/** Bands must start at 0, follow on without gaps or overlaps, and end open, so every school size has exactly one fee. */
function readBands(obj: JsonObject, path: string, problems: Problems): SizeBand[] | undefined {
  const list = readArray({ obj, key: 'bands', path, what: 'The list of size bands', problems, nonEmpty: true });
  if (!list) return undefined;
  const before = problems.errors.length;
  const bands: SizeBand[] = [];
  // The band before, once read cleanly; without it the no-gap check for this band is skipped rather than guessed.
  let previous: SizeBand | undefined;
  list.forEach((item, i) => {
    const bandPath = at(at(path, 'bands'), i);
    const prior = previous;
    previous = undefined;
    if (!isObject(item)) return problems.add(bandPath, 'Each size band must be a group of fields: minPupils, maxPupils (except the last) and amountPence.');
    rejectUnknownFields(item, bandPath, ['minPupils', 'maxPupils', 'amountPence'], problems);
    const minPupils = readWhole({ obj: item, key: 'minPupils', path: bandPath, what: 'The smallest size in the band', problems, min: 0, max: MAX_PUPILS, unit: 'pupils' });
    const maxPupils = readWhole({ obj: item, key: 'maxPupils', path: bandPath, what: 'The largest size in the band', problems, min: 0, max: MAX_PUPILS, unit: 'pupils', optional: true });
    const amountPence = readPence({ obj: item, key: 'amountPence', path: bandPath, what: 'The band fee', problems, max: MAX_AMOUNT_PENCE });
    if (minPupils === undefined || amountPence === undefined) return;
    if (i === 0 && minPupils !== 0) problems.add(at(bandPath, 'minPupils'), 'The first band must start at 0 pupils, so that every school falls into a band.');
    if (prior?.maxPupils !== undefined && minPupils !== prior.maxPupils + 1) {
      const expected = prior.maxPupils + 1;
      problems.add(at(bandPath, 'minPupils'), `This band must start at ${expected} pupils, one more than the end of the band before, so there is no gap or overlap.`);
    }
    const last = i === list.length - 1;
    if (last && maxPupils !== undefined) problems.add(at(bandPath, 'maxPupils'), 'The last band must have no largest size, so that the biggest schools fall into a band too.');
    if (!last && maxPupils === undefined) problems.add(at(bandPath, 'maxPupils'), 'Only the last band can be open-ended; give the largest size in this band.');
    if (maxPupils !== undefined && maxPupils < minPupils) problems.add(at(bandPath, 'maxPupils'), 'The largest size in the band is smaller than the smallest.');
    const band = maxPupils === undefined ? { minPupils, amountPence } : { minPupils, maxPupils, amountPence };
    bands.push(band);
    previous = band;
  });
  return problems.errors.length > before ? undefined : bands;
}

function readTierPrices(obj: JsonObject, path: string, tierCodes: ReadonlySet<string>, problems: Problems): TierPrice[] | undefined {
  const list = readArray({ obj, key: 'prices', path, what: 'The list of prices by service level', problems, nonEmpty: true });
  if (!list) return undefined;
  const before = problems.errors.length;
  const seen = new Set<string>();
  const prices: TierPrice[] = [];
  list.forEach((item, i) => {
    const pricePath = at(at(path, 'prices'), i);
    if (!isObject(item)) return problems.add(pricePath, 'Each price must be a group of fields: tier and amountPence.');
    rejectUnknownFields(item, pricePath, ['tier', 'amountPence'], problems);
    const tier = readText({ obj: item, key: 'tier', path: pricePath, what: 'The service level', problems, maxLength: 60 });
    const amountPence = readPence({ obj: item, key: 'amountPence', path: pricePath, what: 'The price', problems, max: MAX_AMOUNT_PENCE });
    if (tier === undefined || amountPence === undefined) return;
    if (!tierCodes.has(tier)) problems.add(at(pricePath, 'tier'), `There is no service level "${tier}" in this schedule's tiers.`);
    if (seen.has(tier)) problems.add(at(pricePath, 'tier'), `The service level "${tier}" is priced twice.`);
    seen.add(tier);
    prices.push({ tier, amountPence });
  });
  return problems.errors.length > before ? undefined : prices;
}

export function readCondition(obj: JsonObject, path: string, tierCodes: ReadonlySet<string>, problems: Problems): FeeCondition | undefined {
  const before = problems.errors.length;
  rejectUnknownFields(obj, path, ['phase', 'category', 'schoolType', 'tier', 'pupils', ...SCHOOL_FACT_CONDITIONS], problems);
  if (Object.keys(obj).length === 0) problems.add(path, 'This condition has no criteria, so it would match every school; leave "when" out instead.');
  const condition: FeeCondition = {};
  const phase = readCodes(obj, 'phase', path, 'The phases', problems, PHASES);
  if (phase) condition.phase = phase as Phase[];
  for (const key of ['category', 'schoolType', 'tier'] as const) {
    const codes = readCodes(obj, key, path, key === 'tier' ? 'The service levels' : key === 'category' ? 'The categories' : 'The school types', problems);
    if (key === 'tier') codes?.forEach((code, i) => tierCodes.has(code) || problems.add(at(at(path, 'tier'), i), `There is no service level "${code}" in this schedule's tiers.`));
    if (codes) condition[key] = codes;
  }
  const pupils = readObject({ obj, key: 'pupils', path, what: 'The size band of the condition', problems, optional: true });
  if (pupils) {
    const pupilsPath = at(path, 'pupils');
    rejectUnknownFields(pupils, pupilsPath, ['min', 'max'], problems);
    const min = readWhole({ obj: pupils, key: 'min', path: pupilsPath, what: 'The smallest number of pupils', problems, min: 0, max: MAX_PUPILS, unit: 'pupils', optional: true });
    const max = readWhole({ obj: pupils, key: 'max', path: pupilsPath, what: 'The largest number of pupils', problems, min: 0, max: MAX_PUPILS, unit: 'pupils', optional: true });
    if (pupils['min'] === undefined && pupils['max'] === undefined) problems.add(pupilsPath, 'Give a smallest ("min") or largest ("max") number of pupils, or both.');
    if (min !== undefined && max !== undefined && min > max) problems.add(pupilsPath, `The smallest number of pupils (${min}) is more than the largest (${max}), so no school would match.`);
    condition.pupils = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  readSchoolFacts(obj, path, condition, problems);
  return problems.errors.length > before ? undefined : condition;
}

/** Facts about the school beyond phase and size: sixth form, opening date, federation or trust, diocese, area. */
function readSchoolFacts(obj: JsonObject, path: string, condition: FeeCondition, problems: Problems): void {
  for (const key of ['sixthForm', 'inTrust'] as const) {
    const value = obj[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') condition[key] = value;
    else problems.add(at(path, key), `${key === 'sixthForm' ? 'Whether the school has a sixth form' : 'Whether the school is in a federation or trust'} must be true or false, not ${JSON.stringify(value)}.`);
  }
  const opened = readDate({ obj, key: 'openedOnOrAfter', path, what: 'The earliest opening date', problems, optional: true });
  if (opened !== undefined) condition.openedOnOrAfter = opened;
  const names = { trust: 'The federations or trusts', diocese: 'The dioceses', area: 'The areas' } as const;
  for (const key of ['trust', 'diocese', 'area'] as const) {
    const codes = readCodes(obj, key, path, names[key], problems);
    codes?.forEach((name, i) => name.length > 200 && problems.add(at(at(path, key), i), `${names[key]} must each be at most 200 characters long.`));
    if (codes) condition[key] = codes;
  }
  if (condition.inTrust === false && condition.trust) problems.add(at(path, 'trust'), 'This condition asks for schools in no federation or trust and for schools in a named one, so no school would match.');
}

/** A non-empty list of codes; when `allowed` is given, each must be one of them. */
function readCodes(obj: JsonObject, key: string, path: string, what: string, problems: Problems, allowed?: readonly string[]): string[] | undefined {
  const list = readArray({ obj, key, path, what, problems, optional: true, nonEmpty: true });
  if (!list) return undefined;
  const codes: string[] = [];
  list.forEach((item, i) => {
    const itemPath = at(at(path, key), i);
    if (typeof item !== 'string' || item.trim() === '') return problems.add(itemPath, `${what} must be listed as text codes.`);
    if (allowed && !allowed.includes(item)) return problems.add(itemPath, `"${item}" is not a phase; use one of: ${allowed.join(', ')}.`);
    codes.push(item);
  });
  return codes.length === list.length ? codes : undefined;
}
