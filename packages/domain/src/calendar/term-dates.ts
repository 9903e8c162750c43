import { refusal, type Refusal } from '../refusal';
import { easterSunday } from './easter';
import { addDays, compareDates, fromDateParts, isValidIsoDate, type IsoDateString } from './iso-date';
import { academicYearOf } from './school-years';
import { firstWeekdayOnOrAfter, lastWeekdayOnOrBefore, MONDAY, WEDNESDAY, weekdayOnOrAfter, weekdayOnOrBefore } from './weekdays';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];

export const HALF_TERM_NAMES = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'] as const;
export type HalfTermName = (typeof HALF_TERM_NAMES)[number];

/**
 * One half term, first to last day inclusive. Partnerships publish their own
 * (their council's) dates, so this plain shape is what an admin edits;
 * `typicalTermDates` only supplies a sensible starting point.
 */
export interface HalfTerm {
  name: HalfTermName;
  start: IsoDateString;
  end: IsoDateString;
}

export function termOfHalfTerm(name: HalfTermName): TermName {
  return name.slice(0, name.indexOf(' ')).toLowerCase() as TermName;
}

export function isHalfTermName(value: unknown): value is HalfTermName {
  return typeof value === 'string' && (HALF_TERM_NAMES as readonly string[]).includes(value);
}

/**
 * Typical English term dates for the academic year starting in September of
 * `academicYearStart`. Councils each set their own, so these follow the common
 * pattern rather than any one council:
 * - Autumn starts on the first Wednesday in September (after INSET days);
 *   October half term is the week of the last Monday in October; autumn ends
 *   on 20 December, or the Friday before when that is a weekend.
 * - Spring starts on the first weekday from 4 January (after New Year);
 *   February half term is the week of the Monday between 12 and 18 February;
 *   the Easter holiday is the fortnight around Easter (Holy Week and Easter
 *   week), so spring ends on the Friday before Palm Sunday and summer starts
 *   eight days after Easter Sunday.
 * - Summer half term is the week of the late May bank holiday (last Monday in
 *   May); summer ends on 22 July, or the Friday before when that is a weekend.
 */
export function typicalTermDates(academicYearStart: number): HalfTerm[] {
  const y = academicYearStart;
  const octoberBreak = weekdayOnOrBefore(fromDateParts(y, 10, 31), MONDAY);
  const februaryBreak = weekdayOnOrAfter(fromDateParts(y + 1, 2, 12), MONDAY);
  const easter = easterSunday(y + 1);
  const mayBreak = weekdayOnOrBefore(fromDateParts(y + 1, 5, 31), MONDAY);
  return [
    { name: 'Autumn 1', start: weekdayOnOrAfter(fromDateParts(y, 9, 1), WEDNESDAY), end: addDays(octoberBreak, -3) },
    { name: 'Autumn 2', start: addDays(octoberBreak, 7), end: lastWeekdayOnOrBefore(fromDateParts(y, 12, 20)) },
    { name: 'Spring 1', start: firstWeekdayOnOrAfter(fromDateParts(y + 1, 1, 4)), end: addDays(februaryBreak, -3) },
    { name: 'Spring 2', start: addDays(februaryBreak, 7), end: addDays(easter, -9) },
    { name: 'Summer 1', start: addDays(easter, 8), end: addDays(mayBreak, -3) },
    { name: 'Summer 2', start: addDays(mayBreak, 7), end: lastWeekdayOnOrBefore(fromDateParts(y + 1, 7, 22)) },
  ];
}

/**
 * Problems with a list of half terms an admin has entered, as 'invalid_value'
 * refusals about the list as a whole (empty when the list is usable). The list
 * may cover several academic years.
 */
export function termDateProblems(terms: readonly HalfTerm[]): Refusal[] {
  return termDateSentences(terms).map((message) => refusal('invalid_value', message));
}

function termDateSentences(terms: readonly HalfTerm[]): string[] {
  const problems: string[] = [];
  const usable: HalfTerm[] = [];
  for (const term of terms) {
    const label = isHalfTermName(term.name) ? term.name : `A half term called ${JSON.stringify(term.name)}`;
    if (!isHalfTermName(term.name)) problems.push(`${label} is not one of ${HALF_TERM_NAMES.join(', ')}.`);
    if (!isValidIsoDate(term.start) || !isValidIsoDate(term.end)) {
      problems.push(`${label} needs real start and end dates written YYYY-MM-DD.`);
      continue;
    }
    if (compareDates(term.start, term.end) > 0) {
      problems.push(`${label} ends (${term.end}) before it starts (${term.start}).`);
      continue;
    }
    if (academicYearOf(term.start).startYear !== academicYearOf(term.end).startYear) {
      problems.push(`${label} (${term.start} to ${term.end}) runs across the end of an academic year on 31 August.`);
      continue;
    }
    usable.push(term);
  }
  const seen = new Set<string>();
  for (const term of usable) {
    const key = `${academicYearOf(term.start).label} ${term.name}`;
    if (seen.has(key)) problems.push(`${term.name} appears more than once in ${academicYearOf(term.start).label}.`);
    seen.add(key);
  }
  const sorted = [...usable].sort((a, b) => compareDates(a.start, b.start));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (compareDates(after.start, before.end) <= 0) {
      problems.push(`${before.name} (${before.start} to ${before.end}) overlaps ${after.name} (${after.start} to ${after.end}).`);
    }
  }
  return problems;
}
