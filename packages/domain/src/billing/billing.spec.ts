import { describe, expect, it } from 'vitest';
import { EALING_2018_19_SCENARIO_1, THE_PARTNERSHIP_2016_17 } from '../fees/examples';
import { quoteFee } from '../fees/quote-fee';
import { applicationFeePence } from './application-fee';
import { billingWindow, samePeriodLabel } from './billing-window';
import { correctionCreditPence, creditNoteAmounts, creditNoteProblem } from './credit-note';
import { invoiceDueDate, isOverdue, isWithinTerms } from './due-date';
import { invoiceDraftsFromQuote } from './invoice-drafts';
import { formatCreditNoteNumber, formatInvoiceNumber, invoicePrefixProblem, parseInvoiceNumber } from './invoice-number';
import { invoiceTotals } from './invoice-totals';
import { reminderSchedule, remindersToSend } from './reminders';
import { financialYearStartMonthForType } from './school-finance';
import { manualPaymentProblem, onlinePaymentProblem, outstandingPence, settledStatus, voidProblem } from './settlement';
import { NOT_VAT_REGISTERED, vatOn, vatSettingsProblems } from './vat';

const VAT20 = { registered: true, rateBasisPoints: 2000, number: 'GB123456789' };
const EALING_CONTEXT = { scheduleName: EALING_2018_19_SCENARIO_1.name, periodLabel: '2018–19' };

describe('invoice numbers', () => {
  it.each([
    ['ELP', 1, 'ELP-000001'],
    ['ELP', 42, 'ELP-000042'],
    ['INV-2026', 999_999, 'INV-2026-999999'],
    ['INV', 1_234_567, 'INV-1234567'],
  ])('writes %s number %i as %s, and reads it back', (prefix, sequence, text) => {
    expect(formatInvoiceNumber(prefix, sequence)).toBe(text);
    expect(parseInvoiceNumber(text)).toEqual({ prefix, sequence });
  });

  it('numbers credit notes in their own series', () => {
    expect(formatCreditNoteNumber('ELP', 3)).toBe('ELP-CN-000003');
    expect(parseInvoiceNumber('ELP-CN-000003')).toBeNull();
  });

  it.each(['', 'elp', 'E LP', 'ELP-', 'A-B-C', 'TOOLONGPREFIX1', 'CN', 'ELP-CN'])('refuses the prefix %j', (prefix) => {
    expect(invoicePrefixProblem(prefix)).not.toBeNull();
  });

  it('refuses sequence numbers below 1', () => {
    expect(() => formatInvoiceNumber('INV', 0)).toThrow(RangeError);
  });
});

describe('VAT', () => {
  it.each([
    [NOT_VAT_REGISTERED, 470_600, 0],
    [VAT20, 470_600, 94_120],
    [VAT20, 1, 0],
    [VAT20, 3, 1],
    [{ registered: true, rateBasisPoints: 500 }, 10, 1],
    [{ registered: true, rateBasisPoints: 0 }, 470_600, 0],
    [VAT20, -470_600, -94_120],
  ])('VAT under %j on %ip is %ip', (settings, net, vat) => {
    expect(vatOn(net, settings)).toBe(vat);
  });

  it('needs a VAT number when registered, and a rate in basis points', () => {
    expect(vatSettingsProblems({ registered: true, rateBasisPoints: 2000, number: 'gb 123 4567 89' })).toEqual([]);
    expect(vatSettingsProblems({ registered: true, rateBasisPoints: 2000, number: '' }).map((p) => p.field)).toEqual(['vatNumber']);
    expect(vatSettingsProblems({ registered: false, rateBasisPoints: 20.5 }).map((p) => p.field)).toEqual(['vatRateBasisPoints']);
  });

  it('totals an invoice: lines, then VAT once on their sum', () => {
    const lines = [
      { kind: 'charge' as const, description: 'Membership', amountPence: 470_600 },
      { kind: 'note' as const, description: '210 pupils × £3.36 = £705.60', amountPence: 0 },
      { kind: 'charge' as const, description: 'Conference place', amountPence: 5_001 },
    ];
    expect(invoiceTotals(lines, VAT20)).toEqual({ subtotalPence: 475_601, vatRateBasisPoints: 2000, vatPence: 95_120, totalPence: 570_721 });
    expect(invoiceTotals(lines, NOT_VAT_REGISTERED)).toEqual({ subtotalPence: 475_601, vatRateBasisPoints: 0, vatPence: 0, totalPence: 475_601 });
  });
});

describe('due dates', () => {
  it.each([
    ['2026-11-25', 30, undefined, '2026-12-25'],
    ['2026-11-25', 0, undefined, '2026-11-25'],
    ['2026-11-25', 30, '2027-04-01', '2027-04-01'],
    ['2026-11-25', 30, '2018-09-01', '2026-12-25'],
    ['2027-02-15', 14, undefined, '2027-03-01'],
  ])('issued %s on %i days’ terms (schedule asks from %s) falls due %s', (issued, terms, scheduleDue, due) => {
    expect(invoiceDueDate(issued, terms, scheduleDue)).toBe(due);
  });

  it('an open invoice is within its terms up to and including its due date', () => {
    expect(isWithinTerms({ status: 'open', dueOn: '2026-12-25' }, '2026-12-25')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-25' }, '2026-12-26')).toBe(true);
    expect(isOverdue({ status: 'paid', dueOn: '2026-12-25' }, '2027-01-26')).toBe(false);
  });
});

describe('invoices from a fee quote', () => {
  it('charges a 1 FE academy £4,706 on one invoice under Ealing scenario 1, with the working as notes', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210, schoolType: 'Academy converter', financialYearStartMonth: 9 });
    const drafts = invoiceDraftsFromQuote(quote, EALING_CONTEXT);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.lines[0]).toEqual({ kind: 'charge', description: 'Membership subscription 2018–19', amountPence: 470_600 });
    expect(drafts[0]!.lines.map((l) => l.description)).toContain('210 pupils × £3.36 = £705.60');
    expect(invoiceTotals(drafts[0]!.lines, NOT_VAT_REGISTERED).totalPence).toBe(470_600);
  });

  it('splits a maintained school’s fee 7/12 and 5/12 along its April–March year', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210, financialYearStartMonth: 4 });
    const drafts = invoiceDraftsFromQuote(quote, EALING_CONTEXT);
    expect(drafts.map((d) => [d.part, d.partCount, d.scheduleDueOn, d.lines[0]!.amountPence])).toEqual([
      [0, 2, '2018-09-01', 274_517],
      [1, 2, '2019-04-01', 196_083],
    ]);
    expect(drafts[0]!.lines[0]!.description).toMatch(/^Membership subscription 2018–19 \(part 1 of 2: /);
  });

  it('issues nothing when there is nothing to pay', () => {
    const quote = quoteFee(THE_PARTNERSHIP_2016_17, { phase: 'primary', pupils: 420 }, { to: '2017-03-31' });
    expect(invoiceDraftsFromQuote(quote, EALING_CONTEXT)).toEqual([]);
  });

  it('knows academies keep September–August books', () => {
    expect(financialYearStartMonthForType('Academy sponsor led')).toBe(9);
    expect(financialYearStartMonthForType('Free schools')).toBe(9);
    expect(financialYearStartMonthForType('Community school')).toBe(4);
    expect(financialYearStartMonthForType(null)).toBe(4);
  });
});

describe('who is billed for which part of the period', () => {
  const period = { start: '2018-09-01', end: '2019-08-31', label: '2018–19' };

  it.each([
    [{ status: 'active' }, { bill: true }],
    [{ status: 'active', joinedOn: '2018-09-01' }, { bill: true }],
    [{ status: 'active', joinedOn: '2019-04-01' }, { bill: true, from: '2019-04-01' }],
    [{ status: 'active', joinedOn: '2025-09-01' }, { bill: true }],
    [{ status: 'notice-given', leavingOn: '2019-03-31' }, { bill: true, to: '2019-03-31' }],
    [{ status: 'notice-given', leavingOn: '2018-08-31' }, { bill: false }],
    [{ status: 'suspended' }, { bill: false }],
    [{ status: 'applied' }, { bill: false }],
    [{ status: 'active', feesApply: false }, { bill: false }],
  ])('%j → %j', (member, expected) => {
    expect(billingWindow(period, member)).toMatchObject(expected);
  });

  it('explains a part-way joiner in words', () => {
    expect(billingWindow(period, { status: 'active', joinedOn: '2019-04-01' }).reason).toBe('Billed: joined on 1 April 2019, part-way through 2018–19: charged from that day');
  });

  it('charges a school joining THE Partnership on 1 April 2017 five twelfths, through the fee engine', () => {
    const decision = billingWindow({ start: '2016-09-01', end: '2017-08-31', label: '2016–17' }, { status: 'active', joinedOn: '2017-04-01' });
    if (!decision.bill) throw new Error('should bill');
    const quote = quoteFee(THE_PARTNERSHIP_2016_17, { phase: 'primary', pupils: 420 }, { from: decision.from, to: decision.to });
    expect(quote.totalPence).toBe(87_500); // 420 × £5 × 5/12
  });

  it.each([
    ['2018-19', '2018–19', true],
    ['2018/19', '2018–19', true],
    [' 2018 — 19 ', '2018–19', true],
    ['2019-20', '2018–19', false],
  ])('%j names the billing year %j: %s', (a, b, same) => {
    expect(samePeriodLabel(a, b)).toBe(same);
  });
});

describe('credit notes', () => {
  const invoice = { status: 'open', totalPence: 564_720, vatPence: 94_120, creditedPence: 0 };

  it('splits a credit into net and VAT in the invoice’s proportion', () => {
    expect(creditNoteAmounts(invoice, 120_000)).toEqual({ subtotalPence: 100_000, vatPence: 20_000, totalPence: 120_000 });
    expect(creditNoteAmounts({ ...invoice, vatPence: 0, totalPence: 470_600 }, 100)).toEqual({ subtotalPence: 100, vatPence: 0, totalPence: 100 });
  });

  it('never credits more than the invoice', () => {
    expect(creditNoteProblem({ ...invoice, creditedPence: 564_000 }, 721)).toBe('At most £7.20 can still be credited on this invoice.');
    expect(creditNoteProblem(invoice, 0)).not.toBeNull();
    expect(creditNoteProblem({ ...invoice, status: 'void' }, 100)).not.toBeNull();
    expect(() => creditNoteAmounts(invoice, 564_721)).toThrow(RangeError);
  });

  it('credits the difference when a pupil number is corrected downwards, and nothing upwards', () => {
    const before = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 420 }).totalPence;
    const after = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210 }).totalPence;
    expect(correctionCreditPence(before, after)).toBe(541_100 - 470_600);
    expect(correctionCreditPence(after, before)).toBe(0);
  });
});

describe('settlement', () => {
  const open = { status: 'open' as const, totalPence: 10_000, amountPaidPence: 0, amountCreditedPence: 0 };

  it('counts payments and credits, and never goes below zero', () => {
    expect(outstandingPence({ ...open, amountPaidPence: 4_000, amountCreditedPence: 1_000 })).toBe(5_000);
    expect(outstandingPence({ ...open, amountPaidPence: 12_000 })).toBe(0);
  });

  it.each([
    [{ ...open, amountPaidPence: 9_999 }, 'open'],
    [{ ...open, amountPaidPence: 10_000 }, 'paid'],
    [{ ...open, amountPaidPence: 6_000, amountCreditedPence: 4_000 }, 'paid'],
    [{ ...open, status: 'paid' as const, amountPaidPence: 0 }, 'paid'],
    [{ ...open, status: 'void' as const, amountPaidPence: 10_000 }, 'void'],
    [{ ...open, status: 'uncollectible' as const, amountPaidPence: 10_000 }, 'paid'],
  ])('%j settles as %s', (invoice, status) => {
    expect(settledStatus(invoice)).toBe(status);
  });

  it('takes part payments by transfer up to what is outstanding', () => {
    expect(manualPaymentProblem(open, 4_000)).toBeNull();
    expect(manualPaymentProblem({ ...open, amountPaidPence: 4_000 }, 6_001)).toBe('Only £60.00 is outstanding on this invoice.');
    expect(manualPaymentProblem({ ...open, status: 'void' }, 1)).not.toBeNull();
    expect(manualPaymentProblem({ ...open, status: 'paid' }, 1)).not.toBeNull();
  });

  it('voids only invoices no money has reached', () => {
    expect(voidProblem(open)).toBeNull();
    expect(voidProblem({ ...open, amountPaidPence: 1 })).not.toBeNull();
    expect(onlinePaymentProblem(open)).toBeNull();
    expect(onlinePaymentProblem({ ...open, status: 'paid' })).not.toBeNull();
  });
});

describe('reminders', () => {
  it('lays the schedule out around the due date', () => {
    expect(reminderSchedule('2026-12-25', [7, -7, 0, 30]).map((s) => [s.key, s.kind, s.sendOn])).toEqual([
      ['due-7', 'before-due', '2026-12-18'],
      ['due', 'on-due', '2026-12-25'],
      ['due+7', 'overdue', '2027-01-01'],
      ['due+30', 'overdue', '2027-01-24'],
    ]);
  });

  it('sends the latest step that has come, once, and nothing once paid', () => {
    const invoice = { status: 'open', dueOn: '2026-12-25' };
    expect(remindersToSend(invoice, [-7, 0, 7], '2026-12-17', new Set()).send).toBeNull();
    expect(remindersToSend(invoice, [-7, 0, 7], '2026-12-18', new Set()).send?.key).toBe('due-7');
    const late = remindersToSend(invoice, [-7, 0, 7], '2027-01-02', new Set(['due-7']));
    expect([late.send?.key, late.passed.map((p) => p.key)]).toEqual(['due+7', ['due']]);
    expect(remindersToSend(invoice, [-7, 0, 7], '2027-01-02', new Set(['due-7', 'due', 'due+7'])).send).toBeNull();
    expect(remindersToSend({ ...invoice, status: 'paid' }, [-7, 0, 7], '2027-01-02', new Set()).send).toBeNull();
  });
});

describe('application fees', () => {
  it.each([
    [470_600, 100, 4_706],
    [470_600, 0, 0],
    [49, 100, 0],
    [50, 100, 1],
    [274_517, 75, 2_059],
  ])('on %ip at %i basis points the platform takes %ip', (amount, bps, fee) => {
    expect(applicationFeePence(amount, bps)).toBe(fee);
  });
});
