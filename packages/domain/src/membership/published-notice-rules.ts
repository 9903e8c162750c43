import type { NoticeRule } from './notice-rules';

/**
 * THE Partnership (Tower Hamlets), as published: a school could withdraw at
 * any time up to 31 December 2016; after that it must give one year's notice.
 * The published wording does not tie leaving to the academic year, so the
 * membership ends when the year's notice runs out.
 */
export const THE_PARTNERSHIP_NOTICE_RULE: NoticeRule = {
  kind: 'any-time-until',
  until: '2016-12-31',
  then: { kind: 'period', months: 12, leaveAt: 'period-end' },
};
