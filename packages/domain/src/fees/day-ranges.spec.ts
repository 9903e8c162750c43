import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatLongDate, isIsoDate, isoDateOf } from './calendar-dates';
import { countDays, countWholeMonths, dayRangeOf, describeDayRange, splitAtYearStarts, subtract } from './day-ranges';

const range = (from: string, to: string) => dayRangeOf({ from, to });
const describeAll = (ranges: ReturnType<typeof range>[]) => ranges.map(describeDayRange);

describe('calendar days', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(['2020-02-29', '2017-04-01'].every(isIsoDate)).toBe(true);
    expect(['2019-02-29', '2017-4-1', '2017-13-01', '01/04/2017', 20170401].some(isIsoDate)).toBe(false);
  });

  it('writes dates the way schools read them', () => {
    expect(formatLongDate(dayNumberOf('2017-04-01'))).toBe('1 April 2017');
  });
});

describe('day ranges', () => {
  it('counts days inclusively, leap days included', () => {
    expect(countDays(range('2019-09-01', '2020-08-31'))).toBe(366);
  });

  it('counts only whole calendar months', () => {
    expect(countWholeMonths(range('2017-04-01', '2017-08-31'))).toBe(5);
    expect(countWholeMonths(range('2017-04-02', '2017-08-31'))).toBe(4);
    expect(countWholeMonths(range('2017-04-01', '2017-08-30'))).toBe(4);
    expect(countWholeMonths(range('2017-04-10', '2017-04-20'))).toBe(0);
    expect(countWholeMonths(range('2016-09-01', '2017-08-31'))).toBe(12);
  });

  it('takes a free period out of the middle, leaving the two sides', () => {
    expect(describeAll(subtract(range('2016-09-01', '2017-08-31'), range('2017-01-01', '2017-03-31')))).toEqual([
      '1 September 2016 to 31 December 2016',
      '1 April 2017 to 31 August 2017',
    ]);
    expect(subtract(range('2017-01-01', '2017-01-31'), range('2016-01-01', '2018-01-01'))).toEqual([]);
  });

  it("cuts an academic year at the start of a maintained school's April financial year", () => {
    expect(describeAll(splitAtYearStarts(range('2018-09-01', '2019-08-31'), 4))).toEqual([
      '1 September 2018 to 31 March 2019',
      '1 April 2019 to 31 August 2019',
    ]);
    expect(splitAtYearStarts(range('2018-09-01', '2019-08-31'), 9)).toHaveLength(1);
    expect(splitAtYearStarts(range('2018-09-01', '2021-08-31'), 1)).toHaveLength(4);
  });
});

describe('day numbers', () => {
  it('agree with the JavaScript calendar for every day from 2000 to 2100, and every 13th day from 1900 to 2999', () => {
    const MS_PER_DAY = 86_400_000;
    const days: number[] = [];
    for (let n = Date.UTC(2000, 0, 1) / MS_PER_DAY; n <= Date.UTC(2100, 11, 31) / MS_PER_DAY; n++) days.push(n);
    for (let n = Date.UTC(1900, 0, 1) / MS_PER_DAY; n <= Date.UTC(2999, 11, 31) / MS_PER_DAY; n += 13) days.push(n);
    for (const n of days) {
      const date = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
      if (isoDateOf(n) !== date || dayNumberOf(date) !== n) throw new Error(`${n} should be ${date}`);
    }
  });
});
