import { describe, expect, it } from 'vitest';
import { formatPence } from './format-pence';

describe('formatPence', () => {
  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [470560, '£4,705.60'],
    [123456789, '£1,234,567.89'],
    [-2500, '-£25.00'],
  ])('formats %i pence as %s', (pence, text) => expect(formatPence(pence)).toBe(text));

  it('drops pennies for whole pounds when asked', () => expect(formatPence(470600, { wholePounds: true })).toBe('£4,706'));
  it('refuses fractions of a penny', () => expect(() => formatPence(1.5)).toThrow(/whole pence/));
});
