import { DomainRefusal, refusal } from '../refusal';
import {
  academicYearOf,
  academicYearStarting,
  compareDates,
  endOfTerm,
  formatUkDate,
  fromDateParts,
  halfTermOf,
  periodEndAfterMonths,
  termDatesForYear,
  daysInMonthOf,
  type HalfTerm,
  type IsoDateString,
  type TermDatesSource,
} from '../calendar';
import { noticeRuleProblems } from './notice-rule-checks';
import { noticePeriodPhrase } from './notice-rule-wording';

/** When a school on a notice period actually leaves, once the period has run out. */
export type LeaveAt = 'period-end' | 'end-of-term' | 'end-of-academic-year';
export const LEAVE_AT_OPTIONS: readonly LeaveAt[] = ['period-end', 'end-of-term', 'end-of-academic-year'];

/** "One year's notice": the notice runs for a number of months from the day it is given. */
export interface PeriodNoticeRule {
  kind: 'period';
  months: number;
  leaveAt: LeaveAt;
}

/**
 * Renewal by notice: membership rolls over each academic year unless notice
 * arrives by a deadline. `deadline` is 'end-of-autumn-term' or a fixed day
 * written 'MM-DD' (e.g. '03-31'), taken within the academic year the notice
 * is given in; 29 February means 28 February in other years.
 */
export interface DeadlineNoticeRule {
  kind: 'deadline';
  deadline: 'end-of-autumn-term' | string;
  leaveAt: 'end-of-academic-year';
}

/** A window when schools may leave at once (THE Partnership until 31 December 2016), then another rule. */
export interface AnyTimeUntilNoticeRule {
  kind: 'any-time-until';
  until: IsoDateString;
  then: NoticeRule;
}

export type NoticeRule = PeriodNoticeRule | DeadlineNoticeRule | AnyTimeUntilNoticeRule;

export interface LeavingDate {
  /** The last day of membership. */
  date: IsoDateString;
  /** What the school is shown before it confirms its notice. */
  explanation: string;
}

/**
 * The day a school's membership ends if it gives notice on `noticeGivenOn`,
 * with the reasoning in plain English. `terms` are the partnership's
 * published half terms (any number of years); typical dates fill any gaps.
 * Throws a 'no_notice_rule' DomainRefusal on a rule that `noticeRuleProblems` would reject: rules should be
 * checked when they are saved, not when a school gives notice.
 */
export function effectiveLeavingDate(rule: NoticeRule, noticeGivenOn: IsoDateString, terms: readonly HalfTerm[] = []): LeavingDate {
  const problems = noticeRuleProblems(rule);
  if (problems.length > 0) throw new DomainRefusal(refusal('no_notice_rule', `The notice rule cannot be used: ${problems.join(' ')}`));
  return leavingDateUnder(rule, noticeGivenOn, terms);
}

function leavingDateUnder(rule: NoticeRule, given: IsoDateString, terms: readonly HalfTerm[]): LeavingDate {
  switch (rule.kind) {
    case 'period':
      return underPeriod(rule, given, terms);
    case 'deadline':
      return underDeadline(rule, given, terms);
    case 'any-time-until':
      return underAnyTimeUntil(rule, given, terms);
  }
}

function underAnyTimeUntil(rule: AnyTimeUntilNoticeRule, given: IsoDateString, terms: readonly HalfTerm[]): LeavingDate {
  if (compareDates(given, rule.until) <= 0) {
    return {
      date: given,
      explanation: `Until ${formatUkDate(rule.until)} a school may withdraw at any time. Notice given on ${formatUkDate(given)} takes effect straight away, so the membership ends on ${formatUkDate(given)}.`,
    };
  }
  const after = leavingDateUnder(rule.then, given, terms);
  return { date: after.date, explanation: `Schools could withdraw at any time only until ${formatUkDate(rule.until)}. ${after.explanation}` };
}

function underPeriod(rule: PeriodNoticeRule, given: IsoDateString, terms: readonly HalfTerm[]): LeavingDate {
  if (rule.months === 0) {
    return { date: given, explanation: `No notice period is needed, so the membership ends on the day notice is given, ${formatUkDate(given)}.` };
  }
  const runsOut = periodEndAfterMonths(given, rule.months);
  const opening = `${noticePeriodPhrase(rule.months)} given on ${formatUkDate(given)} runs until ${formatUkDate(runsOut)}.`;
  if (rule.leaveAt === 'period-end') return { date: runsOut, explanation: `${opening} The membership ends on that day, ${formatUkDate(runsOut)}.` };
  if (rule.leaveAt === 'end-of-academic-year') {
    const year = academicYearOf(runsOut);
    return {
      date: year.end,
      explanation: `${opening} Schools leave at the end of the academic year in which their notice runs out, so the membership ends on ${formatUkDate(year.end)}, the end of the ${year.label} academic year.`,
    };
  }
  return endOfTermOnOrAfter(runsOut, opening, terms);
}

/**
 * The end of the term in which the notice runs out. Notice running out in
 * the Christmas or Easter holidays carries on to the end of the next term
 * (leaving before the notice has run would cut it short); notice running out
 * in the summer holidays ends with the academic year on 31 August.
 */
function endOfTermOnOrAfter(runsOut: IsoDateString, opening: string, terms: readonly HalfTerm[]): LeavingDate {
  const year = academicYearOf(runsOut);
  const dates = termDatesForYear(year.startYear, terms);
  const inHoliday = halfTermOf(runsOut, dates.halfTerms) === undefined;
  const next = (['autumn', 'spring', 'summer'] as const)
    .map((term) => ({ term, end: endOfTerm(term, year.startYear, terms) }))
    .find((candidate) => compareDates(candidate.end, runsOut) >= 0);
  const caveat = termDatesCaveat(dates.source, year.label);
  if (!next) {
    return {
      date: year.end,
      explanation: `${opening} That is in the summer holidays, after the last term of the year, so the membership ends on ${formatUkDate(year.end)}, the end of the ${year.label} academic year.${caveat}`,
    };
  }
  const why = inHoliday
    ? `That is in the holidays, so the membership carries on to the end of the next term, the ${next.term} term, and ends on ${formatUkDate(next.end)}.`
    : `Schools leave at the end of the term in which their notice runs out, so the membership ends on ${formatUkDate(next.end)}, the end of the ${next.term} term.`;
  return { date: next.end, explanation: `${opening} ${why}${caveat}` };
}

function underDeadline(rule: DeadlineNoticeRule, given: IsoDateString, terms: readonly HalfTerm[]): LeavingDate {
  const year = academicYearOf(given);
  const deadline = deadlineDate(rule.deadline, year.startYear, terms);
  const deadlineText =
    rule.deadline === 'end-of-autumn-term' ? `the end of the autumn term (${formatUkDate(deadline)})` : formatUkDate(deadline);
  const opening = `Notice must be given by ${deadlineText} to leave at the end of that academic year.`;
  const caveat = rule.deadline === 'end-of-autumn-term' ? termDatesCaveat(termDatesForYear(year.startYear, terms).source, year.label) : '';
  if (compareDates(given, deadline) <= 0) {
    return {
      date: year.end,
      explanation: `${opening} Notice given on ${formatUkDate(given)} is in time, so the membership ends on ${formatUkDate(year.end)}, the end of the ${year.label} academic year.${caveat}`,
    };
  }
  const following = academicYearStarting(year.startYear + 1);
  return {
    date: following.end,
    explanation: `${opening} Notice given on ${formatUkDate(given)} is after that date, so the membership carries on through the following academic year and ends on ${formatUkDate(following.end)}, the end of the ${following.label} academic year.${caveat}`,
  };
}

/** The deadline that applies to notice given in the academic year starting in September of `academicYearStart`. */
export function deadlineDate(deadline: DeadlineNoticeRule['deadline'], academicYearStart: number, terms: readonly HalfTerm[] = []): IsoDateString {
  if (deadline === 'end-of-autumn-term') return endOfTerm('autumn', academicYearStart, terms);
  const [month, day] = deadline.split('-').map(Number) as [number, number];
  const year = month >= 9 ? academicYearStart : academicYearStart + 1;
  return fromDateParts(year, month, Math.min(day, daysInMonthOf(year, month)));
}

function termDatesCaveat(source: TermDatesSource, yearLabel: string): string {
  if (source === 'partnership') return '';
  if (source === 'mixed') return ` Some ${yearLabel} term dates used here are typical dates because the partnership has not entered them all yet.`;
  return ` This uses typical term dates for ${yearLabel} because the partnership has not entered its own yet.`;
}
