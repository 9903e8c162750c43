import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter';
import { dayOfWeek } from './weekdays';

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2017, '2017-04-16'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('puts Easter %i on %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2999; year++) {
      const easter = easterSunday(year);
      expect(dayOfWeek(easter)).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });

  it('refuses years outside the supported range', () => expect(() => easterSunday(1066)).toThrow(RangeError));
});
