import { EARLIEST_YEAR, fromDateParts, LATEST_YEAR, type IsoDateString } from './iso-date';

/**
 * Easter Sunday in the Gregorian calendar (the "anonymous Gregorian" or
 * Meeus/Jones/Butcher algorithm). The spring and summer terms are arranged
 * around Easter, so a fixed guess such as "early April" would put the holiday
 * in the wrong weeks in roughly half of all years.
 */
export function easterSunday(year: number): IsoDateString {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    throw new RangeError(`Easter can only be worked out for years ${EARLIEST_YEAR}–${LATEST_YEAR}, got ${year}`);
  }
  const a = year % 19; // place in the 19-year lunar (Metonic) cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the paschal full moon (roughly)
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the following Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDateParts(year, month, day);
}
