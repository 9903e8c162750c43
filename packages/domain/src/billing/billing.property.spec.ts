import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED } from '../fees/examples';
import { quoteFee } from '../fees/quote-fee';
import { PHASES } from '../schools/phase';
import { creditNoteAmounts, creditNoteProblem } from './credit-note';
import { invoiceDraftsFromQuote } from './invoice-drafts';
import { invoiceTotals, type InvoiceLine } from './invoice-totals';
import { remindersToSend } from './reminders';
import { settledStatus, type InvoiceStatus } from './settlement';
import { vatOn, type VatSettings } from './vat';
import { addDays } from '../calendar/iso-date';

const vatSettings: fc.Arbitrary<VatSettings> = fc.oneof(
  fc.constant({ registered: false, rateBasisPoints: 0 }),
  fc.record({ registered: fc.constant(true), rateBasisPoints: fc.oneof(fc.constantFrom(0, 500, 2000), fc.integer({ min: 0, max: 10_000 })) }),
);
const line: fc.Arbitrary<InvoiceLine> = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), description: fc.string(), amountPence: fc.integer({ min: 0, max: 100_000_000 }) }),
  fc.record({ kind: fc.constant('note' as const), description: fc.string(), amountPence: fc.constant(0) }),
);

describe('billing properties', () => {
  it('an invoice total is the sum of its lines plus VAT, and VAT is within half a penny of the exact rate', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), vatSettings, (lines, vat) => {
        const totals = invoiceTotals(lines, vat);
        const sum = lines.reduce((t, l) => t + l.amountPence, 0);
        expect(totals.subtotalPence).toBe(sum);
        expect(totals.totalPence).toBe(sum + totals.vatPence);
        expect(totals.vatPence).toBe(vatOn(sum, vat));
        const exact = vat.registered ? (sum * vat.rateBasisPoints) / 10_000 : 0;
        expect(Math.abs(totals.vatPence - exact)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('credit notes never exceed the invoice, in total or in VAT, however they are split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: -10, max: 60_000_000 }), { maxLength: 20 }),
        (net, rate, requests) => {
          const vat = vatOn(net, { registered: true, rateBasisPoints: rate });
          const invoice = { status: 'open', totalPence: net + vat, vatPence: vat, creditedPence: 0 };
          let creditedVat = 0;
          for (const request of requests) {
            if (creditNoteProblem(invoice, request) !== null) {
              expect(() => creditNoteAmounts(invoice, request)).toThrow(RangeError);
              continue;
            }
            const note = creditNoteAmounts(invoice, request);
            expect(note.subtotalPence + note.vatPence).toBe(note.totalPence);
            expect(note.subtotalPence).toBeGreaterThanOrEqual(0);
            expect(note.vatPence).toBeGreaterThanOrEqual(0);
            invoice.creditedPence += note.totalPence;
            creditedVat += note.vatPence;
          }
          expect(invoice.creditedPence).toBeLessThanOrEqual(invoice.totalPence);
          expect(creditedVat).toBeLessThanOrEqual(invoice.vatPence);
          if (invoice.creditedPence === invoice.totalPence) expect(creditedVat).toBe(invoice.vatPence);
        },
      ),
    );
  });

  it('the invoices for a quote add up exactly to the quote, whatever the school and part of the year', () => {
    const schedules = [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED];
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.constantFrom(...PHASES),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(4, 9),
        fc.integer({ min: 0, max: 364 }),
        (schedule, phase, pupils, startMonth, offset) => {
          const from = addDays(schedule.period.start, offset);
          const quote = quoteFee(schedule, { phase, pupils, financialYearStartMonth: startMonth }, { from: from > schedule.period.end ? schedule.period.end : from });
          const drafts = invoiceDraftsFromQuote(quote, { scheduleName: schedule.name, periodLabel: schedule.period.label });
          const charged = drafts.reduce((t, d) => t + invoiceTotals(d.lines, { registered: false, rateBasisPoints: 0 }).totalPence, 0);
          expect(charged).toBe(quote.totalPence);
          expect(drafts.map((d) => d.part)).toEqual(drafts.map((_, i) => i));
        },
      ),
    );
  });

  it('a paid invoice is never reopened, whatever arrives after', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('pay' as const), pence: fc.integer({ min: 0, max: 20_000 }) }),
      fc.record({ kind: fc.constant('credit' as const), pence: fc.integer({ min: 0, max: 20_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.array(step, { maxLength: 20 }), (total, steps) => {
        let invoice = { status: 'open' as InvoiceStatus, totalPence: total, amountPaidPence: 0, amountCreditedPence: 0 };
        let wasPaid = false;
        for (const s of steps) {
          invoice = s.kind === 'pay' ? { ...invoice, amountPaidPence: invoice.amountPaidPence + s.pence } : { ...invoice, amountCreditedPence: invoice.amountCreditedPence + s.pence };
          invoice.status = settledStatus(invoice);
          if (wasPaid) expect(invoice.status).toBe('paid');
          wasPaid ||= invoice.status === 'paid';
          expect(invoice.status === 'paid').toBe(wasPaid);
        }
      }),
    );
  });

  it('each reminder step is sent at most once, in date order, however the days are visited', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -30, max: 60 }), { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), (offsets, gaps) => {
        const invoice = { status: 'open', dueOn: '2026-12-25' };
        const sent = new Set<string>();
        const order: number[] = [];
        let today = '2026-11-01';
        for (const gap of gaps) {
          today = addDays(today, gap);
          const { send, passed } = remindersToSend(invoice, offsets, today, sent);
          for (const p of passed) sent.add(p.key);
          if (send) {
            expect(sent.has(send.key)).toBe(false);
            sent.add(send.key);
            order.push(send.offsetDays);
          }
        }
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }),
    );
  });
});
