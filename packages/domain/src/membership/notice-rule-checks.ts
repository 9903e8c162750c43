import { daysInMonthOf, formatUkDate, isValidIsoDate } from '../calendar';
import type { NoticeRule } from './notice-rules';

/** A generous ceiling: no partnership asks for more than five years' notice, and a bigger number is almost surely a typo. */
export const MAX_NOTICE_MONTHS = 60;

const LEAVE_AT = ['period-end', 'end-of-term', 'end-of-academic-year'];

/**
 * Problems with a notice rule an admin has configured, in plain English
 * (empty when the rule is usable). Takes `unknown` pieces because rules
 * arrive as JSON from the settings screen and the database.
 */
export function noticeRuleProblems(rule: NoticeRule): string[] {
  const value = rule as unknown as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null) return ['A notice rule is needed.'];
  switch (value['kind']) {
    case 'period': {
      const problems: string[] = [];
      const months = value['months'];
      if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > MAX_NOTICE_MONTHS) {
        problems.push(`The notice period must be a whole number of months from 0 to ${MAX_NOTICE_MONTHS}.`);
      }
      if (!LEAVE_AT.includes(value['leaveAt'] as string)) {
        problems.push('Say when a school leaves once its notice runs out: when the period ends, at the end of that term, or at the end of that academic year.');
      }
      return problems;
    }
    case 'deadline': {
      const problems: string[] = [];
      const deadline = value['deadline'];
      if (deadline !== 'end-of-autumn-term' && !isMonthDay(deadline)) {
        problems.push('The notice deadline must be the end of the autumn term or a day of the year written MM-DD, such as 03-31.');
      }
      if (value['leaveAt'] !== 'end-of-academic-year') problems.push('With a notice deadline, schools leave at the end of the academic year.');
      return problems;
    }
    case 'any-time-until': {
      const problems: string[] = [];
      if (!isValidIsoDate(value['until'])) problems.push('The last day schools may withdraw at any time must be a real date written YYYY-MM-DD.');
      const then = value['then'] as NoticeRule | undefined;
      const inner = then === undefined ? ['A rule for notice given after that day is needed.'] : noticeRuleProblems(then);
      const until = isValidIsoDate(value['until']) ? `after ${formatUkDate(value['until'])}` : 'afterwards';
      return [...problems, ...inner.map((problem) => `For notice given ${until}: ${problem}`)];
    }
    default:
      return ['A notice rule must be a notice period, a notice deadline, or withdrawal at any time until a date.'];
  }
}

function isMonthDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{2}-\d{2}$/.test(value)) return false;
  const [month, day] = value.split('-').map(Number) as [number, number];
  // 29 February is allowed (it is read as 28 February in ordinary years), so check against a leap year.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthOf(2024, month);
}
