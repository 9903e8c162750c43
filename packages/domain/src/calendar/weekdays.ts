import { addDays, toDayNumber, type IsoDateString } from './iso-date';

/** 0 = Sunday … 6 = Saturday, the same numbering as JavaScript's getDay(). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const SUNDAY: Weekday = 0;
export const MONDAY: Weekday = 1;
export const WEDNESDAY: Weekday = 3;
export const FRIDAY: Weekday = 5;
export const SATURDAY: Weekday = 6;

export function dayOfWeek(date: IsoDateString): Weekday {
  // Day 0 (1 January 1970) was a Thursday.
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function weekdayOnOrAfter(date: IsoDateString, weekday: Weekday): IsoDateString {
  return addDays(date, (weekday - dayOfWeek(date) + 7) % 7);
}

export function weekdayOnOrBefore(date: IsoDateString, weekday: Weekday): IsoDateString {
  return addDays(date, -((dayOfWeek(date) - weekday + 7) % 7));
}

export function isWeekend(date: IsoDateString): boolean {
  const day = dayOfWeek(date);
  return day === SATURDAY || day === SUNDAY;
}

/** Monday to Friday; bank holidays are not modelled because term dates are set around them anyway. */
export function lastWeekdayOnOrBefore(date: IsoDateString): IsoDateString {
  let day = date;
  while (isWeekend(day)) day = addDays(day, -1);
  return day;
}

export function firstWeekdayOnOrAfter(date: IsoDateString): IsoDateString {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}
