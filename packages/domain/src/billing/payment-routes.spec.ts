import { describe, expect, it } from 'vitest';
import { invoicesToSend, paymentRouteWarning } from './payment-routes';

describe('paymentRouteWarning', () => {
  it.each([
    { bankDetails: false, onlinePayments: false, warns: true },
    { bankDetails: true, onlinePayments: false, warns: false },
    { bankDetails: false, onlinePayments: true, warns: false },
    { bankDetails: true, onlinePayments: true, warns: false },
  ])('bank details $bankDetails, online $onlinePayments: warns $warns', ({ warns, ...routes }) => {
    const warning = paymentRouteWarning(routes);
    expect(warning !== null).toBe(warns);
    if (warning) expect(warning).toMatch(/bank details.*Stripe/);
  });
});

describe('invoicesToSend', () => {
  const invoices = [
    { id: 'a', status: 'open', sentAt: null },
    { id: 'b', status: 'open', sentAt: '2026-12-01T10:00:00Z' },
    { id: 'c', status: 'paid', sentAt: null },
    { id: 'd', status: 'void', sentAt: null },
    { id: 'e', status: 'draft', sentAt: null },
  ];
  it.each([
    { resend: false, ids: ['a', 'c'] },
    { resend: true, ids: ['a', 'b', 'c'] },
  ])('resend $resend sends $ids', ({ resend, ids }) => {
    expect(invoicesToSend(invoices, resend).map((i) => i.id)).toEqual(ids);
  });
  it('never sends an invoice twice unless asked', () => {
    const once = invoicesToSend(invoices, false).map((i) => ({ ...i, sentAt: 'now' }));
    expect(invoicesToSend(once, false)).toEqual([]);
  });
});
