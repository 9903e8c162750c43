import { formatUkDate, type IsoDateString } from '../calendar/iso-date';
import type { FeeSchedule } from '../fees/fee-schedule';
import { quoteFee } from '../fees/quote-fee';
import type { SchoolForFees } from '../fees/quote-types';
import { formatPence } from '../money/format-pence';

export interface ServiceLevelChange {
  /** What the rest of the period costs at the old level and at the new one (the fee engine's pro rata). */
  oldRemainderPence: number;
  newRemainderPence: number;
  /** Positive: invoice the school this much more; negative: credit it; zero: nothing to do. */
  adjustmentPence: number;
  sentence: string;
}

function tierName(schedule: FeeSchedule, code: string | null): string {
  if (code === null) return 'no service level';
  return schedule.tiers?.find((t) => t.code === code)?.name ?? code;
}

/**
 * A change of service level (tier) from a date part-way through the schedule's period. The rest of
 * the period is priced at both levels by the fee engine, with the schedule's own pro rata rule
 * (whole months or days, its rounding), and the difference is the adjustment: an invoice when the
 * new level costs more, a credit note when it costs less.
 */
export function serviceLevelChange(schedule: FeeSchedule, school: Omit<SchoolForFees, 'tier'>, from: string | null, to: string | null, fromDate: IsoDateString): ServiceLevelChange {
  if (fromDate > schedule.period.end) return { oldRemainderPence: 0, newRemainderPence: 0, adjustmentPence: 0, sentence: 'The change starts after this fee period, so nothing changes in it.' };
  const start = fromDate < schedule.period.start ? schedule.period.start : fromDate;
  const price = (tier: string | null) => quoteFee(schedule, { ...school, ...(tier === null ? {} : { tier }) }, { from: start }).totalPence;
  const oldRemainderPence = price(from);
  const newRemainderPence = price(to);
  const adjustmentPence = newRemainderPence - oldRemainderPence;
  const range = `from ${formatUkDate(start)} to ${formatUkDate(schedule.period.end)}`;
  const change = `${tierName(schedule, from)} to ${tierName(schedule, to)}`;
  const sentence = adjustmentPence === 0
    ? `Changing from ${change} ${range} costs the same (${formatPence(newRemainderPence)}).`
    : adjustmentPence > 0
      ? `Changing from ${change} ${range}: ${formatPence(newRemainderPence)} instead of ${formatPence(oldRemainderPence)}, so ${formatPence(adjustmentPence)} more is invoiced.`
      : `Changing from ${change} ${range}: ${formatPence(newRemainderPence)} instead of ${formatPence(oldRemainderPence)}, so ${formatPence(-adjustmentPence)} is credited.`;
  return { oldRemainderPence, newRemainderPence, adjustmentPence, sentence };
}
