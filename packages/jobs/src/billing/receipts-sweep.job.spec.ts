import { describe, expect, it } from 'vitest';
import { receiptJobId } from './stripe-events.job';
import { sweptReceiptJobId } from './receipts-sweep.job';

describe('sweptReceiptJobId', () => {
  const payment = '6f1d2c3b-0000-4000-8000-000000000001';
  const created = new Date('2026-12-06T10:00:00Z');
  const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000);

  it('is the payment’s own receipt job id while the payment is under ten minutes old (collapses with the normal path’s job)', () => {
    expect(sweptReceiptJobId(payment, created, at(0))).toBe(receiptJobId(payment));
    expect(sweptReceiptJobId(payment, created, at(9.9))).toBe(`payment-receipt-${payment}`);
  });

  it('is a fresh id per ten-minute window after that (a job that gave up is tried again), the same within a window', () => {
    const first = sweptReceiptJobId(payment, created, at(10));
    expect(first).toMatch(new RegExp(`^payment-receipt-${payment}-sweep-\\d+$`));
    expect(sweptReceiptJobId(payment, created, at(10))).toBe(first);
    expect(sweptReceiptJobId(payment, created, at(20))).not.toBe(first);
    expect(sweptReceiptJobId(payment, created, at(25))).not.toBe(sweptReceiptJobId(payment, created, at(35)));
  });
});
