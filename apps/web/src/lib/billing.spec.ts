import { describe, expect, it } from 'vitest';
import { invoiceStatusLabel, invoiceTone, parseDay } from './billing.ts';

describe('billing words', () => {
  it('names an open invoice past its due date as overdue', () => {
    expect(invoiceStatusLabel('open', true)).toBe('Overdue');
    expect(invoiceStatusLabel('paid', true)).toBe('Paid');
    expect(invoiceTone('paid')).toBe('good');
    expect(invoiceTone('open', true)).toBe('warn');
  });
  it('reads dates typed either way and refuses impossible ones', () => {
    expect(parseDay('2026-11-30')).toBe('2026-11-30');
    expect(parseDay('3/9/2026')).toBe('2026-09-03');
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('soon')).toBeNull();
  });
});
