import { DAY } from '../util/clock.js';

export type Interval = 'day' | 'week' | 'month' | 'year';

/** Adds `count` intervals to a Unix timestamp, calendar-aware for months and years (end-of-month clamped). */
export function addInterval(timestamp: number, interval: Interval | (string & Record<never, never>), count = 1): number {
  if (interval === 'day') return timestamp + count * DAY;
  if (interval === 'week') return timestamp + count * 7 * DAY;
  const date = new Date(timestamp * 1000);
  const months = interval === 'year' ? count * 12 : count;
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return Math.floor(date.getTime() / 1000);
}
