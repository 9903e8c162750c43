// Named exports only: the package index re-exports this with `export *`, and
// other modules (fees) keep their own date helpers, so we publish a chosen set
// of names to avoid clashes.
export type { DateParts, IsoDateString } from './iso-date';
export {
  addDays,
  addMonthsClamped,
  compareDates,
  daysInMonthOf,
  earlierOf,
  formatUkDate,
  fromDateParts,
  fromDayNumber,
  isLastDayOfMonth,
  isLeapYear,
  isValidIsoDate,
  lastDayOfMonth,
  laterOf,
  toDateParts,
  toDayNumber,
} from './iso-date';
export type { Weekday } from './weekdays';
export { dayOfWeek, firstWeekdayOnOrAfter, isWeekend, lastWeekdayOnOrBefore, weekdayOnOrAfter, weekdayOnOrBefore } from './weekdays';
export { easterSunday } from './easter';
export type { YearSpan } from './school-years';
export { academicYearOf, academicYearStarting, financialYearOf, financialYearStarting, yearLabel } from './school-years';
export type { HalfTerm, HalfTermName, TermName } from './term-dates';
export { HALF_TERM_NAMES, TERM_NAMES, isHalfTermName, termDateProblems, termOfHalfTerm, typicalTermDates } from './term-dates';
export type { TermDatesSource, YearTermDates } from './term-lookup';
export { endOfTerm, halfTermOf, termDatesForYear } from './term-lookup';
export { daysBetween, daysInPeriod, periodEndAfterMonths, wholeMonthsBetween } from './date-spans';
export type { DatePeriod, FinancialYearShare, SchoolFinanceKind } from './school-financial-year';
export { schoolFinancialYearOf, splitBySchoolFinancialYear } from './school-financial-year';
export { londonDateOfUnix, londonToday } from './london-today';
