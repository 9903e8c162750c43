import { easterSunday } from '../calendar/easter';
import { addDays, fromDateParts, type IsoDateString } from '../calendar/iso-date';
import { dayOfWeek, MONDAY, weekdayOnOrAfter, weekdayOnOrBefore } from '../calendar/weekdays';

/** One-off changes proclaimed for particular years: days moved away, and extra days. */
const MOVED: Record<string, IsoDateString> = {
  '2020-05-04': '2020-05-08', // early May, moved for the 75th anniversary of VE Day
  '2022-05-30': '2022-06-02', // spring bank holiday, moved for the Platinum Jubilee
};
const EXTRA: IsoDateString[] = ['2022-06-03', '2022-09-19', '2023-05-08', '2011-04-29', '2012-06-05', '1999-12-31'];

/** Christmas, Boxing Day and New Year's Day falling at a weekend give a substitute weekday. */
function withSubstitutes(dates: IsoDateString[]): IsoDateString[] {
  const taken = new Set<IsoDateString>();
  const out: IsoDateString[] = [];
  for (const date of dates) {
    let day = date;
    while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push(day);
  }
  return out;
}

/** Bank holidays in England and Wales in a calendar year, in date order. */
export function englandBankHolidays(year: number): IsoDateString[] {
  const easter = easterSunday(year);
  const fixed = [
    ...withSubstitutes([fromDateParts(year, 1, 1)]),
    addDays(easter, -2),
    addDays(easter, 1),
    weekdayOnOrAfter(fromDateParts(year, 5, 1), MONDAY),
    weekdayOnOrBefore(fromDateParts(year, 5, 31), MONDAY),
    weekdayOnOrBefore(fromDateParts(year, 8, 31), MONDAY),
    ...withSubstitutes([fromDateParts(year, 12, 25), fromDateParts(year, 12, 26)]),
  ].map((date) => MOVED[date] ?? date);
  const extra = EXTRA.filter((date) => date.startsWith(`${year}-`));
  return [...new Set([...fixed, ...extra])].sort();
}
