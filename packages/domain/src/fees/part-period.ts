import { dayNumberOf, isIsoDate } from './calendar-dates';
import { countDays, countWholeMonths, dayRangeOf, intersect, isWholeMonths, subtract, type DayRange } from './day-ranges';
import type { FeeSchedule, ProRataRule } from './fee-schedule';
import type { QuoteOptions } from './quote-types';
import { boundedMemo } from './memo';
import { scaleAndRound } from './rounding';

/**
 * Which days of the schedule's period are being paid for. Shared between
 * quotes (see memo.ts), so it is read-only.
 */
export interface PartOfPeriod {
  /** Identifies these days, for caches of what is derived from them. */
  readonly key: string;
  readonly period: DayRange;
  /** The days asked for (options.from/to), within the period; null if none are. */
  readonly covered: DayRange | null;
  /** The days of `covered` inside the introductory free period, if any. */
  readonly free: DayRange | null;
  /** Days that are charged: `covered` less `free` (two ranges if the free period is in the middle). */
  readonly chargeable: readonly DayRange[];
  /** True when the whole period is charged, so no pro rata applies. */
  readonly whole: boolean;
}

const PARTS = boundedMemo<PartOfPeriod>(1000);

export function partOfPeriod(schedule: FeeSchedule, options: QuoteOptions): PartOfPeriod {
  const { period, freePeriod } = schedule;
  const key = `${period.start}|${period.end}|${freePeriod?.from}|${freePeriod?.to}|${options.from}|${options.to}`;
  return PARTS(key, () => workOutPart(key, schedule, options));
}

function workOutPart(key: string, schedule: FeeSchedule, options: QuoteOptions): PartOfPeriod {
  for (const date of [options.from, options.to]) {
    if (date !== undefined && !isIsoDate(date)) throw new RangeError(`Dates must be real dates written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  const period = dayRangeOf({ from: schedule.period.start, to: schedule.period.end });
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new RangeError(`The start date ${options.from} is after the end date ${options.to}`);
  }
  // A missing end is open, so a date given on its own past either end of the period simply misses it.
  const asked = {
    first: options.from === undefined ? -Infinity : dayNumberOf(options.from),
    last: options.to === undefined ? Infinity : dayNumberOf(options.to),
  };
  const covered = intersect(period, asked);
  const free = covered && schedule.freePeriod ? intersect(covered, dayRangeOf(schedule.freePeriod)) : null;
  const chargeable = !covered ? [] : free ? subtract(covered, free) : [covered];
  const whole = chargeable.length === 1 && chargeable[0]!.first === period.first && chargeable[0]!.last === period.last;
  return { key, period, covered, free, chargeable, whole };
}

export interface ProRata {
  method: ProRataRule['method'];
  units: number;
  totalUnits: number;
  /** True when 'month' pro rata left part months uncharged, so the line can say so. */
  partMonthsLeftOut: boolean;
  amountPence: number;
}

/**
 * The share of the annual fee for the chargeable days. By month, only whole
 * calendar months count (a part month is free); if the period itself is not
 * whole months (only possible in an unvalidated schedule), days are used,
 * because a month count would then be meaningless.
 */
export function proRata(annualPence: number, part: PartOfPeriod, rule: ProRataRule): ProRata {
  const byMonth = rule.method === 'month' && isWholeMonths(part.period);
  const measure = byMonth ? countWholeMonths : countDays;
  const units = part.chargeable.reduce((total, range) => total + measure(range), 0);
  const totalUnits = measure(part.period);
  const partMonthsLeftOut = byMonth && part.chargeable.some((range) => !isWholeMonths(range));
  const amountPence = scaleAndRound(annualPence, units, totalUnits, rule.rounding);
  return { method: byMonth ? 'month' : 'day', units, totalUnits, partMonthsLeftOut, amountPence };
}
