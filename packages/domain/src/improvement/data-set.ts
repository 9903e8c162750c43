import { type Refusal, refusal, type Result, refuseAll, succeed } from '../refusal';
import { INDICATOR_UNITS, type DataSetDefinition, type Indicator, type SubmissionValues } from './types';

const CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Everything wrong with a data set definition, field by field (empty when it is usable). */
export function dataSetProblems(set: DataSetDefinition): Refusal[] {
  const out: Refusal[] = [];
  if (typeof set.name !== 'string' || !set.name.trim()) out.push(refusal('invalid_value', 'Give the data set a name.', 'name'));
  if (!Array.isArray(set.indicators) || set.indicators.length === 0) {
    out.push(refusal('invalid_value', 'Add at least one indicator.', 'indicators'));
    return out;
  }
  if (set.indicators.length > 60) out.push(refusal('invalid_value', 'A data set has at most 60 indicators.', 'indicators'));
  const seen = new Set<string>();
  set.indicators.forEach((ind, i) => {
    const at = (f: string) => `indicators[${i}].${f}`;
    if (!CODE.test(ind.code ?? '')) out.push(refusal('invalid_value', 'A code is lower-case letters, digits and underscores, starting with a letter.', at('code')));
    else if (seen.has(ind.code)) out.push(refusal('invalid_value', `The code ${ind.code} is used twice.`, at('code')));
    seen.add(ind.code);
    if (!ind.name?.trim()) out.push(refusal('invalid_value', 'Give the indicator a name.', at('name')));
    if (!ind.definition?.trim()) out.push(refusal('invalid_value', 'Say what the indicator counts.', at('definition')));
    if (!(INDICATOR_UNITS as readonly string[]).includes(ind.unit)) out.push(refusal('invalid_value', 'The unit is percent, count, score or pence.', at('unit')));
    if (!Number.isInteger(ind.decimals) || ind.decimals < 0 || ind.decimals > 3) out.push(refusal('invalid_value', 'Decimal places are a whole number from 0 to 3.', at('decimals')));
    else if ((ind.unit === 'pence' || ind.unit === 'count') && ind.decimals !== 0) out.push(refusal('invalid_value', 'Counts and pence are whole numbers: no decimal places.', at('decimals')));
    if (!Number.isFinite(ind.min) || !Number.isFinite(ind.max) || ind.min >= ind.max) out.push(refusal('invalid_value', 'The lowest valid value must be below the highest.', at('max')));
    else if (ind.unit === 'percent' && (ind.min < 0 || ind.max > 100)) out.push(refusal('invalid_value', 'A percentage lies between 0 and 100.', at('max')));
    if (!CODE.test(ind.area ?? '')) out.push(refusal('invalid_value', 'Name the area it belongs to (e.g. phonics, reading).', at('area')));
  });
  return out;
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  if (text.includes('e')) return 20;
  return text.split('.')[1]?.length ?? 0;
}

/** One formatter per number of decimals, built on first use and kept (values are formatted per school and indicator). */
const decimalFormats = new Map<number, Intl.NumberFormat>();
function decimalFormat(decimals: number): Intl.NumberFormat {
  let format = decimalFormats.get(decimals);
  if (!format) decimalFormats.set(decimals, (format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format;
}

/** Formats a value as the indicator shows it (`72.4%`, `£1,250.00`, `31`). */
export function formatIndicatorValue(ind: Pick<Indicator, 'unit' | 'decimals'>, value: number | null): string {
  if (value === null) return 'no figure';
  if (ind.unit === 'pence') return `£${decimalFormat(2).format(value / 100)}`;
  const text = decimalFormat(ind.decimals).format(value);
  return ind.unit === 'percent' ? `${text}%` : text;
}

/**
 * A school's submission checked against the data set, field by field (`values.gld`): every
 * indicator is given (a number, or null for "no figure": no pupils in that cohort), within its
 * range and with no more decimals than agreed; codes not in the data set are refused.
 */
export function validateSubmission(indicators: readonly Indicator[], values: Record<string, unknown>): Result<SubmissionValues> {
  const out: Refusal[] = [];
  const clean: SubmissionValues = {};
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return refuseAll([refusal('invalid_value', 'Give the figures as one value per indicator.', 'values')]);
  }
  const known = new Set(indicators.map((i) => i.code));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) out.push(refusal('invalid_value', `${key} is not an indicator of this data set.`, `values.${key}`));
  }
  for (const ind of indicators) {
    const field = `values.${ind.code}`;
    if (!(ind.code in values)) {
      out.push(refusal('invalid_value', `Give a figure for ${ind.name}, or leave it empty on purpose (null) if you have none.`, field));
      continue;
    }
    const raw = values[ind.code];
    if (raw === null || raw === '') {
      clean[ind.code] = null;
      continue;
    }
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim().replace(/%$/, '')) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      out.push(refusal('invalid_value', `${ind.name} must be a number.`, field));
      continue;
    }
    if (value < ind.min || value > ind.max) {
      out.push(refusal('invalid_value', `${ind.name} must be between ${formatIndicatorValue(ind, ind.min)} and ${formatIndicatorValue(ind, ind.max)}.`, field));
      continue;
    }
    if (decimalsOf(value) > ind.decimals) {
      out.push(refusal('invalid_value', ind.decimals === 0 ? `${ind.name} is a whole number.` : `${ind.name} has at most ${ind.decimals} decimal place${ind.decimals === 1 ? '' : 's'}.`, field));
      continue;
    }
    clean[ind.code] = value;
  }
  return out.length ? refuseAll(out) : succeed(clean);
}
