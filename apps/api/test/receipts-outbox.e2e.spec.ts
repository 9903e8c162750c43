import { JobName, type JobQueue, receiptJobId } from '@partnerships/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';
import { eventually, json } from './support/wait';

/**
 * A payment's receipt (to the school) and notice (to the partnership) when the queue fails after
 * the payment committed (ADR 0004, "Receipts: an outbox on the payment"): the payment records
 * `receipt_due` in its own transaction, the receipts sweep queues what was never queued, a retried
 * Stripe event queues it again, and the receipt job sends once under the payment's row lock.
 * Real Postgres, Redis (BullMQ and its worker) and SMTP capture; only the queue's `enqueue` is made
 * to fail, as Redis would.
 */
let t: TestApp;
let admin: Session;
let headA: Session;
let accountId: string;

interface Invoice {
  id: string;
  number: string;
  status: string;
  part: number;
  totalPence: number;
  urn: string;
}

const unfold = (raw: string) => raw.replace(/=\r?\n/g, '');
/** The receipts (to the school) and notices (to the partnership) that went out for an invoice. */
function mailsFor(number: string, how: string) {
  const all = t.smtp.messages.map((m) => ({ to: m.to, text: unfold(m.raw) }));
  return {
    receipts: all.filter((m) => new RegExp(`received .+ by ${how} on .+ for invoice ${number}\\.`).test(m.text)),
    notices: all.filter((m) => m.to.includes('hello@ealing.demo.test') && new RegExp(`paid .+ by ${how} on .+ against invoice ${number}\\.`).test(m.text)),
  };
}

/** Makes the queue refuse the next `times` receipt jobs, as a Redis outage would; answers how many it refused. */
function failReceiptEnqueues(times: number): { refused: () => number; restore: () => void } {
  const queue = t.runtime.queue as JobQueue & { enqueue: JobQueue['enqueue'] };
  const real = queue.enqueue.bind(queue);
  let refused = 0;
  queue.enqueue = (async (name, payload, options) => {
    if (name === JobName.SendInvoice && (payload as { kind?: string }).kind === 'receipt' && refused < times) {
      refused += 1;
      throw new Error('Connection is closed (injected)');
    }
    return real(name, payload, options);
  }) as JobQueue['enqueue'];
  return { refused: () => refused, restore: () => void (queue.enqueue = real) };
}

const sweep = () => t.runtime.handlers[JobName.ReceiptsSweep]({ at: new Date().toISOString(), minAgeSeconds: 0 }, { jobId: 'test-sweep', attempt: 1 });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openInvoice(urn: string): Promise<Invoice> {
  const page = await json(await admin.get(`/api/v1/tenants/ealing/invoices?urn=${urn}&status=open`), 200);
  const invoice = page.items[0] as Invoice | undefined;
  if (!invoice) throw new Error(`no open invoice for ${urn}`);
  return invoice;
}

async function receiptState(paymentId: string): Promise<{ receipt_due: boolean; sent: boolean }> {
  const [row] = await t.owner.query(`SELECT receipt_due, receipt_sent_at IS NOT NULL AS sent FROM invoice_payments WHERE id = $1`, [paymentId]);
  return row;
}

async function lastPaymentOf(invoiceId: string): Promise<string> {
  const [row] = await t.owner.query(`SELECT id FROM invoice_payments WHERE invoice_id = $1 ORDER BY created_at DESC LIMIT 1`, [invoiceId]);
  return row.id;
}

/** Every webhook the fake has sent has been stored and processed. */
async function settled(): Promise<void> {
  await t.stripe.waitForDeliveries();
  await eventually(async () => (await t.owner.query(`SELECT count(*)::int AS n FROM stripe_events WHERE processed_at IS NULL`))[0].n === 0, 'Stripe events to be processed');
}

beforeAll(async () => {
  t = await startTestApp('receipts');
  admin = await t.signIn('admin@ealing.demo.test');
  headA = await t.signIn('head.920001@demo.test');
  const created = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19', dryRun: false }), 202);
  await eventually(async () => (await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${created.id}`), 200)).status === 'completed', 'the billing run');
});

afterAll(async () => {
  await t?.close();
});

describe('bank transfers', () => {
  it('records the payment when the receipt cannot be queued, and the sweep sends one receipt and one notice', async () => {
    const invoice = await openInvoice('920003');
    const failing = failReceiptEnqueues(1);
    try {
      const paid = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/payments`, { date: '2026-11-20', reference: 'BACS outbox 1', amountPence: 10_000 }), 201);
      expect(paid).toMatchObject({ amountPaidPence: 10_000 });
    } finally {
      failing.restore();
    }
    expect(failing.refused()).toBe(1);
    const paymentId = await lastPaymentOf(invoice.id);
    // Committed with the receipt owed; nothing was queued, so nothing goes out.
    expect(await receiptState(paymentId)).toEqual({ receipt_due: true, sent: false });
    await pause(500);
    expect(mailsFor(invoice.number, 'bank transfer').receipts).toHaveLength(0);
    // The request succeeded, so it is not repeated: the money is recorded once.
    const [{ n: payments }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoice_payments WHERE invoice_id = $1`, [invoice.id]);
    expect(payments).toBe(1);

    await sweep();
    await eventually(async () => (await receiptState(paymentId)).sent, 'the receipt to be sent');
    await sweep(); // owed no longer: queues nothing
    await pause(500);
    const mails = mailsFor(invoice.number, 'bank transfer');
    expect(mails.receipts).toHaveLength(1);
    expect(mails.notices).toHaveLength(1);
    expect(mails.receipts[0]!.text).toMatch(/by bank transfer on 20 November 2026/);
  });

  it('sends one receipt when the sweep, the normal path and a second copy of the job race', async () => {
    const invoice = await openInvoice('920003');
    const before = mailsFor(invoice.number, 'bank transfer');
    const failing = failReceiptEnqueues(1);
    try {
      await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/payments`, { date: '2026-11-21', reference: 'BACS outbox 2', amountPence: 20_000 }), 201);
    } finally {
      failing.restore();
    }
    const paymentId = await lastPaymentOf(invoice.id);
    const payload = { tenantId: (await t.owner.query(`SELECT id FROM tenants WHERE slug = 'ealing'`))[0].id as string, invoiceId: invoice.id, kind: 'receipt' as const, paymentId };
    // The sweep and the normal path queue it (BullMQ job ids collapse), and the job itself runs twice
    // more at once with ids of its own (as after BullMQ forgot a completed job): the row lock decides.
    await Promise.all([
      sweep(),
      t.runtime.queue.enqueue(JobName.SendInvoice, payload, { jobId: receiptJobId(paymentId) }),
      t.runtime.queue.enqueue(JobName.SendInvoice, payload, { jobId: `${receiptJobId(paymentId)}-again` }),
      t.runtime.handlers[JobName.SendInvoice](payload, { jobId: 'direct-1', attempt: 1 }),
      t.runtime.handlers[JobName.SendInvoice](payload, { jobId: 'direct-2', attempt: 1 }),
    ]);
    await eventually(async () => (await receiptState(paymentId)).sent, 'the receipt to be sent');
    await pause(1000);
    const after = mailsFor(invoice.number, 'bank transfer');
    expect(after.receipts.length - before.receipts.length).toBe(1);
    expect(after.notices.length - before.notices.length).toBe(1);
  });
});

describe('Stripe', () => {
  beforeAll(async () => {
    accountId = (await json(await admin.send('POST', '/api/v1/tenants/ealing/stripe/connect'), 200)).accountId;
    t.stripe.completeOnboarding(accountId);
    await settled();
  });

  it('sends the receipt once when queueing it fails after the payment committed and the event job is retried', async () => {
    const [invoice] = ((await json(await headA.get('/api/v1/school-portal/920001/invoices'), 200)).items as Invoice[]).filter((i) => i.part === 0);
    const checkout = await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'card' }), 200);
    // Every event about this payment fails to queue the receipt the first time (each records the
    // error and is retried by BullMQ); before the outbox the retry found the payment recorded and queued nothing.
    const failing = failReceiptEnqueues(2);
    try {
      expect(t.stripe.completeCheckout(checkout.sessionId, { method: 'card' }).ok).toBe(true);
      await settled();
      await eventually(async () => failing.refused() === 2, 'both refusals');
    } finally {
      failing.restore();
    }
    // The events whose queueing failed were processed on a later attempt.
    const [failed] = await t.owner.query(`SELECT count(*)::int AS n FROM stripe_events WHERE attempts >= 2 AND processed_at IS NOT NULL`);
    expect(failed.n).toBeGreaterThanOrEqual(1);
    const paymentId = await lastPaymentOf(invoice!.id);
    await eventually(async () => (await receiptState(paymentId)).sent, 'the receipt to be sent');
    await pause(1000);
    const mails = mailsFor(invoice!.number, 'card');
    expect(mails.receipts).toHaveLength(1);
    expect(mails.notices).toHaveLength(1);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoice_payments WHERE invoice_id = $1`, [invoice!.id]);
    expect(n).toBe(1);
  });
});
