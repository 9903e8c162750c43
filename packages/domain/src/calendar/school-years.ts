import { fromDateParts, lastDayOfMonth, toDateParts, type IsoDateString } from './iso-date';

/** A year that starts on the 1st of some month and runs for twelve months, e.g. an academic or financial year. */
export interface YearSpan {
  /** The calendar year in which it starts: 2025 for 2025-26. */
  startYear: number;
  start: IsoDateString;
  end: IsoDateString;
  label: string;
}

/** Schools write years as "2025-26"; the second half is always two digits (1999-00, 2099-00). */
export function yearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of the twelve-month year beginning on the 1st of `startMonth` that contains `date`. */
export function startYearOfYearContaining(date: IsoDateString, startMonth: number): number {
  const { year, month } = toDateParts(date);
  return month >= startMonth ? year : year - 1;
}

function yearSpan(startYear: number, startMonth: number, label: string): YearSpan {
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  const end = lastDayOfMonth(endYear, endMonth);
  return { startYear, start: fromDateParts(startYear, startMonth, 1), end, label };
}

export const ACADEMIC_YEAR_START_MONTH = 9;
export const FINANCIAL_YEAR_START_MONTH = 4;

/** 1 September to 31 August: pupils, terms and most partnership fees run on this year. */
export function academicYearStarting(startYear: number): YearSpan {
  return yearSpan(startYear, ACADEMIC_YEAR_START_MONTH, yearLabel(startYear));
}

export function academicYearOf(date: IsoDateString): YearSpan {
  return academicYearStarting(startYearOfYearContaining(date, ACADEMIC_YEAR_START_MONTH));
}

/** 1 April to 31 March: councils, maintained schools and many partnerships budget on this year. */
export function financialYearStarting(startYear: number): YearSpan {
  return yearSpan(startYear, FINANCIAL_YEAR_START_MONTH, `${yearLabel(startYear)} financial year`);
}

export function financialYearOf(date: IsoDateString): YearSpan {
  return financialYearStarting(startYearOfYearContaining(date, FINANCIAL_YEAR_START_MONTH));
}
