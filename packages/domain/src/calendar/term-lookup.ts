import { compareDates, type IsoDateString } from './iso-date';
import { academicYearOf, academicYearStarting } from './school-years';
import { HALF_TERM_NAMES, termOfHalfTerm, typicalTermDates, type HalfTerm, type TermName } from './term-dates';

/** Where a year's dates came from, so explanations can warn when they are only typical dates. */
export type TermDatesSource = 'partnership' | 'typical' | 'mixed';

export interface YearTermDates {
  academicYearStart: number;
  halfTerms: HalfTerm[];
  source: TermDatesSource;
}

function isWithin(date: IsoDateString, start: IsoDateString, end: IsoDateString): boolean {
  return compareDates(start, date) <= 0 && compareDates(date, end) <= 0;
}

/**
 * All six half terms of one academic year. Published dates in `terms` (which
 * may cover any number of years) win by name; any half term they leave out is
 * filled from typical dates, so callers always get a whole year.
 */
export function termDatesForYear(academicYearStart: number, terms: readonly HalfTerm[] = []): YearTermDates {
  const year = academicYearStarting(academicYearStart);
  const published = terms.filter((term) => isWithin(term.start, year.start, year.end));
  const typical = typicalTermDates(academicYearStart);
  const halfTerms = HALF_TERM_NAMES.map((name) => published.find((term) => term.name === name) ?? typical.find((term) => term.name === name)!);
  const publishedCount = HALF_TERM_NAMES.filter((name) => published.some((term) => term.name === name)).length;
  const source: TermDatesSource = publishedCount === HALF_TERM_NAMES.length ? 'partnership' : publishedCount === 0 ? 'typical' : 'mixed';
  return { academicYearStart, halfTerms: halfTerms.map((term) => ({ ...term })), source };
}

/**
 * The half term whose days include `date`, or undefined during the holidays.
 * Without `terms`, typical dates for the date's academic year are used.
 */
export function halfTermOf(date: IsoDateString, terms?: readonly HalfTerm[]): HalfTerm | undefined {
  const candidates = terms ?? typicalTermDates(academicYearOf(date).startYear);
  const found = candidates.find((term) => isWithin(date, term.start, term.end));
  return found && { ...found };
}

/** The last day of a term (the end of its second half term) in the given academic year. */
export function endOfTerm(term: TermName, academicYearStart: number, terms?: readonly HalfTerm[]): IsoDateString {
  const halves = termDatesForYear(academicYearStart, terms).halfTerms.filter((half) => termOfHalfTerm(half.name) === term);
  return halves.map((half) => half.end).sort().at(-1)!;
}
