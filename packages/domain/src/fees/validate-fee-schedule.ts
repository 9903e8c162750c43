import { formatPence } from '../money/format-pence';
import { calendarDateOf, dayNumberOf } from './calendar-dates';
import { dayRangeOf, isWholeMonths } from './day-ranges';
import {
  BASIS_POINTS_WHOLE,
  MAX_AMOUNT_PENCE,
  PAYMENT_KINDS,
  FEE_PERIOD_KINDS,
  PRO_RATA_METHODS,
  ROUNDING_MODES,
  ROUNDING_UNITS,
  type FeeDateRange,
  type FeeComponent,
  type FeePeriod,
  type FeeSchedule,
  type InstalmentPart,
  type PaymentTerms,
  type ProRataRule,
  type FeeRounding,
  type FeeTier,
} from './fee-schedule';
import { readComponent } from './validate-components';
import {
  at,
  isObject,
  Problems,
  readArray,
  readChoice,
  readDate,
  readObject,
  readPence,
  readText,
  readWhole,
  rejectUnknownFields,
  type JsonObject,
} from './validation-reader';
import { refuseAll, type Result } from '../refusal';

/** The schedule, or every problem as an 'invalid_value' refusal whose field is its path (none for the whole document). */
export type FeeScheduleValidation = Result<FeeSchedule>;

const TOP_LEVEL_FIELDS = ['formatVersion', 'name', 'period', 'rounding', 'components', 'tiers', 'proRata', 'payment', 'freePeriod', 'liabilityGuarantee'];

/**
 * Check an unknown document (an imported file, a form post, a database row)
 * and return a FeeSchedule, or every problem found with its path and a
 * message a partnership officer can act on. The schedule returned is a fresh
 * copy holding only known fields, so later changes to the input cannot
 * reach it. Hand-written rather than schema-generated so that each message
 * can say what is wrong in the partnership's terms.
 */
export function validateFeeSchedule(input: unknown): FeeScheduleValidation {
  const problems = new Problems();
  if (!isObject(input)) {
    problems.add('', 'A fee schedule must be a group of fields (a JSON object) starting with "formatVersion": 1.');
    return refuseAll(problems.errors);
  }
  rejectUnknownFields(input, '', TOP_LEVEL_FIELDS, problems);
  if (input['formatVersion'] !== 1) {
    problems.add('formatVersion', `This must be 1, the only format version this product reads; found ${JSON.stringify(input['formatVersion'] ?? null)}.`);
  }
  const name = readText({ obj: input, key: 'name', path: '', what: 'The name of the schedule', problems });
  const period = readPeriod(input, problems);
  const rounding = readRounding(input, 'rounding', '', 'The rounding', problems);
  const tiers = readTiers(input, problems);
  const tierCodes = new Set((tiers ?? []).map((t) => t.code));
  const components = readComponents(input, tierCodes, problems);
  const proRata = readProRata(input, period, problems);
  const payment = readPayment(input, problems);
  const freePeriod = readFreePeriod(input, period, problems);
  const guaranteeObj = readObject({ obj: input, key: 'liabilityGuarantee', path: '', what: 'The liability guarantee', problems, optional: true });
  const liabilityGuarantee = guaranteeObj && readGuarantee(guaranteeObj, problems);
  if (freePeriod && !input['proRata']) problems.add('freePeriod', 'A free period needs a pro rata rule ("proRata") to work out the fee for the rest of the period.');

  if (problems.errors.length > 0 || !name || !period || !rounding || !components || !payment) return refuseAll(problems.errors);
  const schedule: FeeSchedule = {
    formatVersion: 1,
    name,
    period,
    rounding,
    components,
    ...(tiers ? { tiers } : {}),
    ...(proRata ? { proRata } : {}),
    payment,
    ...(freePeriod ? { freePeriod } : {}),
    ...(liabilityGuarantee ? { liabilityGuarantee } : {}),
  };
  return { ok: true, value: schedule };
}

function readPeriod(input: JsonObject, problems: Problems): FeePeriod | undefined {
  const obj = readObject({ obj: input, key: 'period', path: '', what: 'The period', problems });
  if (!obj) return undefined;
  const path = 'period';
  rejectUnknownFields(obj, path, ['kind', 'start', 'end', 'label'], problems);
  const kind = readChoice({ obj, key: 'kind', path, what: 'The kind of period', problems, choices: FEE_PERIOD_KINDS });
  const start = readDate({ obj, key: 'start', path, what: 'The start of the period', problems });
  const end = readDate({ obj, key: 'end', path, what: 'The end of the period', problems });
  const label = readText({ obj, key: 'label', path, what: 'The label of the period', problems, maxLength: 60 });
  if (!kind || !start || !end || !label) return undefined;
  const first = dayNumberOf(start);
  const last = dayNumberOf(end);
  if (first > last) return void problems.add(path, 'The period ends before it starts.');
  if (last - first > 5 * 366) return void problems.add(path, 'The period is longer than five years; a fee schedule covers one year or part of one.');
  const s = calendarDateOf(first);
  const e = calendarDateOf(last);
  const oneYearFrom = (month: number, day: number, endMonth: number, endDay: number) =>
    s.month === month && s.day === day && e.month === endMonth && e.day === endDay && e.year === s.year + 1;
  if (kind === 'academic-year' && !oneYearFrom(9, 1, 8, 31)) return void problems.add(path, 'An academic year runs from 1 September to 31 August the next year; use "custom" for other dates.');
  if (kind === 'financial-year' && !oneYearFrom(4, 1, 3, 31)) return void problems.add(path, 'A financial year runs from 1 April to 31 March the next year; use "custom" for other dates.');
  return { kind, start, end, label };
}

function readRounding(obj: JsonObject, key: string, path: string, what: string, problems: Problems): FeeRounding | undefined {
  const rounding = readObject({ obj, key, path, what, problems });
  if (!rounding) return undefined;
  const here = at(path, key);
  rejectUnknownFields(rounding, here, ['unit', 'mode'], problems);
  const unit = readChoice({ obj: rounding, key: 'unit', path: here, what: 'The unit to round to', problems, choices: ROUNDING_UNITS });
  const mode = readChoice({ obj: rounding, key: 'mode', path: here, what: 'The way of rounding', problems, choices: ROUNDING_MODES });
  return unit && mode ? { unit, mode } : undefined;
}

function readTiers(input: JsonObject, problems: Problems): FeeTier[] | undefined {
  const list = readArray({ obj: input, key: 'tiers', path: '', what: 'The list of service levels', problems, optional: true, nonEmpty: true });
  if (!list) return undefined;
  const tiers: FeeTier[] = [];
  list.forEach((item, i) => {
    const path = at('tiers', i);
    if (!isObject(item)) return problems.add(path, 'Each service level must be a group of fields: code and name.');
    rejectUnknownFields(item, path, ['code', 'name'], problems);
    const code = readText({ obj: item, key: 'code', path, what: 'The code of the service level', problems, maxLength: 60 });
    const name = readText({ obj: item, key: 'name', path, what: 'The name of the service level', problems, maxLength: 100 });
    if (code && tiers.some((t) => t.code === code)) problems.add(at(path, 'code'), `The service level code "${code}" is used twice.`);
    if (code && name) tiers.push({ code, name });
  });
  return tiers.length === list.length ? tiers : undefined;
}

function readComponents(input: JsonObject, tierCodes: ReadonlySet<string>, problems: Problems): FeeComponent[] | undefined {
  const list = readArray({ obj: input, key: 'components', path: '', what: 'The list of components', problems, nonEmpty: true });
  if (!list) return undefined;
  const components = list.map((item, i) => readComponent(item, at('components', i), tierCodes, problems));
  if (components.some((c) => c === undefined)) return undefined;
  const valid = components as FeeComponent[];
  checkLimitsAgree(valid, problems);
  return valid;
}

/** A minimum above a maximum for every school is a mistake: the maximum would always win. */
function checkLimitsAgree(components: FeeComponent[], problems: Problems): void {
  const everyone = (kind: FeeComponent['kind']) => components.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === kind && !c.when);
  for (const min of everyone('minimum-fee')) {
    for (const max of everyone('maximum-fee')) {
      const low = (min.c as { amountPence: number }).amountPence;
      const high = (max.c as { amountPence: number }).amountPence;
      if (low > high) problems.add(at(at('components', min.i), 'amountPence'), `This minimum fee of ${formatPence(low)} is more than the maximum fee of ${formatPence(high)} in components[${max.i}], so the maximum would always win.`);
    }
  }
}

function readProRata(input: JsonObject, period: FeePeriod | undefined, problems: Problems): ProRataRule | undefined {
  const obj = readObject({ obj: input, key: 'proRata', path: '', what: 'The pro rata rule', problems, optional: true });
  if (!obj) return undefined;
  rejectUnknownFields(obj, 'proRata', ['method', 'rounding'], problems);
  const method = readChoice({ obj, key: 'method', path: 'proRata', what: 'The pro rata method', problems, choices: PRO_RATA_METHODS });
  const rounding = readRounding(obj, 'rounding', 'proRata', 'The rounding of the pro rata amount', problems);
  if (method === 'month' && period && !isWholeMonths(dayRangeOf({ from: period.start, to: period.end }))) {
    problems.add('proRata.method', 'Pro rata by month needs a period that starts on the first of a month and ends on the last day of one; use "day" instead, or change the period.');
  }
  return method && rounding ? { method, rounding } : undefined;
}

function readPayment(input: JsonObject, problems: Problems): PaymentTerms | undefined {
  const obj = readObject({ obj: input, key: 'payment', path: '', what: 'The payment section', problems });
  if (!obj) return undefined;
  const kind = readChoice({ obj, key: 'kind', path: 'payment', what: 'The kind of payment', problems, choices: PAYMENT_KINDS });
  if (!kind) return undefined;
  rejectUnknownFields(obj, 'payment', kind === 'instalments' ? ['kind', 'parts'] : ['kind'], problems);
  if (kind !== 'instalments') return { kind };
  const list = readArray({ obj, key: 'parts', path: 'payment', what: 'The list of instalments', problems, nonEmpty: true });
  if (!list) return undefined;
  const parts: InstalmentPart[] = [];
  list.forEach((item, i) => {
    const path = at('payment.parts', i);
    if (!isObject(item)) return problems.add(path, 'Each instalment must be a group of fields: label, dueDate and shareBasisPoints.');
    rejectUnknownFields(item, path, ['label', 'dueDate', 'shareBasisPoints'], problems);
    const label = readText({ obj: item, key: 'label', path, what: 'The label of the instalment', problems, maxLength: 100 });
    const dueDate = readDate({ obj: item, key: 'dueDate', path, what: 'The due date', problems });
    const shareBasisPoints = readWhole({ obj: item, key: 'shareBasisPoints', path, what: 'The share of the fee', problems, min: 1, max: BASIS_POINTS_WHOLE, unit: 'basis points (2500 is 25%)' });
    if (label && dueDate && shareBasisPoints !== undefined) parts.push({ label, dueDate, shareBasisPoints });
  });
  if (parts.length !== list.length) return undefined;
  const total = parts.reduce((sum, p) => sum + p.shareBasisPoints, 0);
  if (total !== BASIS_POINTS_WHOLE) {
    return void problems.add('payment.parts', `The shares add up to ${total} basis points (${total / 100}%); they must add up to exactly 10000 (100%).`);
  }
  return { kind, parts };
}

function readFreePeriod(input: JsonObject, period: FeePeriod | undefined, problems: Problems): FeeDateRange | undefined {
  const obj = readObject({ obj: input, key: 'freePeriod', path: '', what: 'The free period', problems, optional: true });
  if (!obj) return undefined;
  rejectUnknownFields(obj, 'freePeriod', ['from', 'to'], problems);
  const from = readDate({ obj, key: 'from', path: 'freePeriod', what: 'The first free day', problems });
  const to = readDate({ obj, key: 'to', path: 'freePeriod', what: 'The last free day', problems });
  if (!from || !to) return undefined;
  if (from > to) return void problems.add('freePeriod', 'The free period ends before it starts.');
  if (period && (from < period.start || to > period.end)) return void problems.add('freePeriod', `The free period must fall within the period, ${period.start} to ${period.end}.`);
  return { from, to };
}

function readGuarantee(obj: JsonObject, problems: Problems): { amountPence: number; note: string } | undefined {
  rejectUnknownFields(obj, 'liabilityGuarantee', ['amountPence', 'note'], problems);
  const amountPence = readPence({ obj, key: 'amountPence', path: 'liabilityGuarantee', what: 'The liability guarantee', problems, max: MAX_AMOUNT_PENCE });
  const note = readText({ obj, key: 'note', path: 'liabilityGuarantee', what: 'The note explaining the guarantee', problems, maxLength: 500 });
  return amountPence !== undefined && note ? { amountPence, note } : undefined;
}
