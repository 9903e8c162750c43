import { formatUkDate } from '../calendar';
import type { NoticeRule } from './notice-rules';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function counted(n: number, singular: string, plural: string): string {
  const number = n < WORDS.length ? WORDS[n]! : String(n);
  return n === 1 ? `${number} ${singular}` : `${number} ${plural}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "One year's notice", "Six months' notice", "18 months' notice": whole years read as years, as schools say them. */
export function noticePeriodPhrase(months: number): string {
  const phrase = months > 0 && months % 12 === 0 ? counted(months / 12, "year's", "years'") : counted(months, "month's", "months'");
  return capitalise(`${phrase} notice`);
}

/** A one-line summary of a rule for settings screens and the school's membership page. */
export function describeNoticeRule(rule: NoticeRule): string {
  switch (rule.kind) {
    case 'period': {
      if (rule.months === 0) return 'Schools may leave at any time; membership ends on the day notice is given.';
      const when = {
        'period-end': 'membership ends when the notice runs out',
        'end-of-term': 'membership ends at the end of the term in which the notice runs out',
        'end-of-academic-year': 'membership ends at the end of the academic year in which the notice runs out',
      }[rule.leaveAt];
      return `${noticePeriodPhrase(rule.months)}; ${when}.`;
    }
    case 'deadline': {
      const by = rule.deadline === 'end-of-autumn-term' ? 'the end of the autumn term' : dayOfYear(rule.deadline);
      return `Membership renews each academic year unless notice is given by ${by}; notice given in time ends membership on 31 August that academic year, later notice a year after that.`;
    }
    case 'any-time-until':
      return `Schools may withdraw at any time until ${formatUkDate(rule.until)}. After that: ${lowerFirst(describeNoticeRule(rule.then))}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function dayOfYear(monthDay: string): string {
  // Any leap year will do: only the day and month are shown.
  return formatUkDate(`2024-${monthDay}`).replace(/ 2024$/, '');
}
