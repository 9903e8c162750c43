import { describe, expect, it } from 'vitest';
import { basisPointsToInput, formatChange, formatPence, parsePercent, parsePounds, parseWhole, penceToInput } from './money.ts';

const pence = (text: string, options = {}) => {
  const result = parsePounds(text, 'the rate per pupil', options);
  return result.ok ? result.value : result.message;
};

describe('pounds and pence as people type them', () => {
  it.each([
    ['£3.36', 336],
    ['3.36', 336],
    ['£4,000', 400_000],
    ['4000', 400_000],
    ['£4,000.00', 400_000],
    ['  £ 1,234.56 ', 123_456],
    ['£0.5', 50],
    ['.5', 50],
    ['£5', 500],
    ['50p', 50],
    ['0', 0],
    ['£1,000,000', 100_000_000],
  ])('reads %s as %i pence', (text, expected) => {
    expect(pence(text)).toBe(expected);
  });

  it('never goes through floating point: £0.29 and £1.15 are exact', () => {
    expect(pence('0.29')).toBe(29);
    expect(pence('1.15')).toBe(115);
    expect(pence('4705.60')).toBe(470_560);
  });

  it.each([
    ['', 'Enter the rate per pupil, like £4,000 or £3.36'],
    ['£3.365', 'The rate per pupil can have at most 2 digits after the point (whole pence)'],
    ['-5', 'The rate per pupil cannot be negative'],
    ['£-5', 'The rate per pupil cannot be negative'],
    ['three pounds', 'Enter the rate per pupil as an amount of money, like £4,000 or £3.36'],
    ['4,00', 'Check the commas in the rate per pupil: write £4,000 or 4000'],
    ['1.2.3', 'Enter the rate per pupil as an amount of money, like £4,000 or £3.36'],
    ['£', 'Enter the rate per pupil as an amount of money, like £4,000 or £3.36'],
  ])('explains what is wrong with %j', (text, message) => {
    expect(pence(text)).toBe(message);
  });

  it('says the limit in pounds', () => {
    expect(pence('£10,000.01', { max: 1_000_000 })).toBe('The rate per pupil cannot be more than £10,000');
    expect(pence('0', { allowZero: false })).toBe('The rate per pupil must be more than £0');
  });

  it('writes pence back as people would type them', () => {
    expect(penceToInput(400_000)).toBe('4,000');
    expect(penceToInput(336)).toBe('3.36');
    expect(penceToInput(340)).toBe('3.40');
    expect(penceToInput(5)).toBe('0.05');
    expect(penceToInput(undefined)).toBe('');
    for (const value of [0, 1, 99, 100, 336, 340, 470_560, 123_456_789]) expect(pence(penceToInput(value))).toBe(value);
  });
});

describe('showing money', () => {
  it('shows pounds and pence with thousands commas', () => {
    expect(formatPence(470_560)).toBe('£4,705.60');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(-500)).toBe('-£5.00');
  });

  it('shows whole pounds where the schedule rounds to pounds, but never hides pence', () => {
    expect(formatPence(470_600, { wholePounds: true })).toBe('£4,706');
    expect(formatPence(470_560, { wholePounds: true })).toBe('£4,705.60');
  });

  it('signs a change', () => {
    expect(formatChange(57_700, { wholePounds: true })).toBe('+£577');
    expect(formatChange(-128_340)).toBe('-£1,283.40');
    expect(formatChange(0)).toBe('No change');
  });
});

describe('percentages and whole numbers', () => {
  it('reads percentages as basis points', () => {
    expect(parsePercent('10%', 'the discount')).toEqual({ ok: true, value: 1000 });
    expect(parsePercent('33.34', 'the share')).toEqual({ ok: true, value: 3334 });
    expect(parsePercent('0.5', 'the share')).toEqual({ ok: true, value: 50 });
    expect(parsePercent('101', 'the share')).toEqual({ ok: false, message: 'The share must be more than 0% and at most 100%' });
    expect(parsePercent('12.345', 'the share').ok).toBe(false);
    expect(basisPointsToInput(3334)).toBe('33.34');
    expect(basisPointsToInput(1000)).toBe('10');
    expect(basisPointsToInput(50)).toBe('0.5');
  });

  it('reads whole numbers with commas', () => {
    expect(parseWhole('1,000', 'pupils')).toEqual({ ok: true, value: 1000 });
    expect(parseWhole('2.5', 'pupils')).toEqual({ ok: false, message: 'Enter pupils as a whole number, like 210' });
    expect(parseWhole('200000', 'the number of pupils', { max: 100_000 })).toEqual({ ok: false, message: 'The number of pupils must be from 0 to 100,000' });
  });
});
