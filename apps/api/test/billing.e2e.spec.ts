import { JobName, runBillingRun, SimulatedCrashError, startBullMqWorker } from '@partnerships/jobs';
import pino from 'pino';
import { TEST_REDIS_URL } from './support/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';
import { eventually, json } from './support/wait';

/**
 * Billing without Stripe (issue 6): dry run and real run with progress, idempotent whether
 * repeated, resumed or killed half-way; invoices, PDFs, bank transfers, credit notes, void, PO
 * numbers, e-mail with the PDF, reminders, settings, and the school's view of its own invoices.
 */
let t: TestApp;
let admin: Session;
let head: Session;
let ids: Record<string, string>;
/** The worker started again after the simulated crash. */
let restarted: ReturnType<typeof startBullMqWorker> | undefined;

async function runToCompletion(session: Session, slug: string, body: Record<string, unknown>) {
  const created = await json(await session.send('POST', `/api/v1/tenants/${slug}/billing-runs`, { ...body, dryRun: false }), 202);
  return eventually(async () => {
    const run = await json(await session.get(`/api/v1/tenants/${slug}/billing-runs/${created.id}`), 200);
    return run.status === 'completed' || run.status === 'failed' ? run : null;
  }, 'the billing run');
}

beforeAll(async () => {
  t = await startTestApp('billing');
  admin = await t.signIn('admin@ealing.demo.test');
  head = await t.signIn('head.920001@demo.test');
  const tenants: { slug: string; id: string }[] = await t.owner.query(`SELECT slug, id FROM tenants`);
  ids = Object.fromEntries(tenants.map((r) => [r.slug, r.id]));
});

afterAll(async () => {
  await restarted?.close();
  await t?.close();
});

describe('billing runs', () => {
  it('dry-runs the Ealing year: each school’s amount and why, totals, and nothing written', async () => {
    const dry = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19', dryRun: true }), 200);
    expect(dry.schedule).toMatchObject({ periodLabel: '2018–19', version: 1 });
    expect(dry.totals).toMatchObject({ members: 6, toInvoice: 6, skipped: 0, alreadyInvoiced: 0, invoices: 10, vatPence: 0 });
    const byUrn = Object.fromEntries(dry.members.map((m: { school: { urn: string } }) => [m.school.urn, m]));
    // A 1 FE maintained primary: £4,706 (as published), split 7/12 and 5/12 along its April–March year.
    expect(byUrn['920001']).toMatchObject({ outcome: 'invoice', amountPence: 470_600 });
    expect(byUrn['920001'].invoices.map((i: { totalPence: number }) => i.totalPence)).toEqual([274_517, 196_083]);
    expect(byUrn['920001'].explanation).toContain('210 pupils × £3.36 = £705.60');
    // An academy keeps September–August books: one invoice. Secondary: £6,500 + 1,200 × £3.40.
    expect(byUrn['920005']).toMatchObject({ amountPence: 1_058_000 });
    expect(byUrn['920005'].invoices).toHaveLength(1);
    expect(byUrn['920006']).toMatchObject({ amountPence: 450_000 });
    expect(dry.totals.totalPence).toBe(dry.members.reduce((t: number, m: { amountPence: number }) => t + m.amountPence, 0));
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoices`);
    expect(n).toBe(0);
  });

  it('charges a school that joined part-way from its joining day, pro rata through the fee engine', async () => {
    await t.owner.query(`UPDATE memberships SET joined_on = '2018-04-01' WHERE school_id = (SELECT id FROM schools WHERE urn = '930002')`);
    await t.owner.query(`UPDATE memberships SET status = 'suspended' WHERE school_id = (SELECT id FROM schools WHERE urn = '930005')`);
    const th = await t.signIn('admin@tower-hamlets.demo.test');
    const dry = await json(await th.send('POST', '/api/v1/tenants/tower-hamlets/billing-runs', { period: '2017-18' }), 200);
    const byUrn = Object.fromEntries(dry.members.map((m: { school: { urn: string } }) => [m.school.urn, m]));
    // THE Partnership: £5 a pupil a year; 210 pupils from 1 April 2018 is 5 of 12 months: £437.50.
    expect(byUrn['930002']).toMatchObject({ outcome: 'invoice', amountPence: 43_750 });
    expect(byUrn['930002'].reason).toMatch(/^Billed: joined on 1 April 2018, part-way through 2017–18: charged from that day/);
    expect(byUrn['930001']).toMatchObject({ outcome: 'invoice', amountPence: 210_000 });
    expect(byUrn['930005']).toMatchObject({ outcome: 'skip', reason: 'Not billed: the membership is suspended' });
  });

  it('refuses a period nobody has published, and a draft schedule', async () => {
    const res = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2031-32', dryRun: true }), 400);
    expect(res.errors[0].field).toBe('period');
    const [draft] = await t.owner.query(`SELECT id FROM fee_schedules WHERE tenant_id = $1 AND status = 'draft'`, [ids.ealing]);
    const bad = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { scheduleId: draft.id, dryRun: true }), 400);
    expect(bad.errors[0].message).toMatch(/published/);
  });

  it('issues one invoice per member and part, numbered in sequence, with progress x of N', async () => {
    const run = await runToCompletion(admin, 'ealing', { period: '2018-19' });
    expect(run).toMatchObject({ status: 'completed', counts: { members: 6, invoiced: 6, skipped: 0, failed: 0 }, progress: { processed: 6, total: 6, percent: 100 }, invoicesCreated: 10 });
    const list = await json(await admin.get('/api/v1/tenants/ealing/invoices?pageSize=50'), 200);
    expect(list.total).toBe(10);
    expect(list.items.map((i: { number: string }) => i.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `INV-${String(i + 1).padStart(6, '0')}`));
    expect(list.items[0]).toMatchObject({ status: 'open', school: { urn: expect.any(String) }, totalPence: expect.any(Number) });
    expect(list.totals.totalPence).toBe(run.totalPence);
    const items = await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${run.id}/items`), 200);
    expect(items.items.every((i: { status: string; invoiceIds: string[] }) => i.status === 'invoiced' && i.invoiceIds.length >= 1)).toBe(true);
  });

  it('issues nothing more when the run is repeated, and the dry run says why', async () => {
    const again = await runToCompletion(admin, 'ealing', { period: '2018–19' });
    expect(again.counts).toMatchObject({ members: 6, invoiced: 0, skipped: 6 });
    expect(again.invoicesCreated).toBe(0);
    const dry = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19' }), 200);
    expect(dry.totals).toMatchObject({ toInvoice: 0, alreadyInvoiced: 6 });
    expect(dry.members[0].reason).toMatch(/^Already invoiced under this schedule: INV-/);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoices WHERE tenant_id = $1`, [ids.ealing]);
    expect(n).toBe(10);
  });

  it('says a run sent nothing, warns that schools have no way to pay, and "Send all" e-mails each invoice once', async () => {
    const runs = (await json(await admin.get('/api/v1/tenants/ealing/billing-runs'), 200)).items;
    const run = runs.find((r: { invoicesCreated: number }) => r.invoicesCreated === 10);
    expect(run).toMatchObject({ sendInvoices: false, invoicesSent: 0 });
    // Ealing has neither bank details nor Stripe yet: the run, the dry run and the send all say so.
    expect(run.paymentWarning).toMatch(/no way to pay/);
    expect((await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19' }), 200)).paymentWarning).toMatch(/no way to pay/);
    const sent = await json(await admin.send('POST', `/api/v1/tenants/ealing/billing-runs/${run.id}/send`, {}), 202);
    expect(sent).toMatchObject({ queued: 10, alreadySent: 0, paymentWarning: expect.stringMatching(/bank details/) });
    // Pressed twice before the first has finished: still one e-mail per invoice.
    await json(await admin.send('POST', `/api/v1/tenants/ealing/billing-runs/${run.id}/send`, {}), 202);
    await eventually(async () => (await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${run.id}`), 200)).invoicesSent === 10, 'every invoice to be e-mailed');
    const again = await json(await admin.send('POST', `/api/v1/tenants/ealing/billing-runs/${run.id}/send`, {}), 202);
    expect(again).toMatchObject({ queued: 0, alreadySent: 10 });
    await new Promise((r) => setTimeout(r, 500));
    const invoices = (await json(await admin.get('/api/v1/tenants/ealing/invoices?pageSize=50'), 200)).items as { id: string; number: string }[];
    for (const invoice of invoices) {
      expect(t.smtp.messages.filter((m) => new RegExp(`filename=.?${invoice.number}\\.pdf`).test(m.raw)).length).toBe(1);
      expect((await json(await admin.get(`/api/v1/tenants/ealing/invoices/${invoice.id}`), 200)).sentAt).toEqual(expect.any(String));
    }
  });

  it('e-mails every invoice when the run is asked to at issue time', async () => {
    const th = await t.signIn('admin@tower-hamlets.demo.test');
    const run = await runToCompletion(th, 'tower-hamlets', { period: '2017-18', sendInvoices: true });
    expect(run).toMatchObject({ status: 'completed', sendInvoices: true });
    expect(run.invoicesCreated).toBeGreaterThan(0);
    const done = await eventually(async () => {
      const now = await json(await th.get(`/api/v1/tenants/tower-hamlets/billing-runs/${run.id}`), 200);
      return now.invoicesSent === run.invoicesCreated ? now : null;
    }, 'the run’s invoices to be e-mailed');
    expect(done.invoicesSent).toBe(run.invoicesCreated);
    const send = await json(await th.send('POST', `/api/v1/tenants/tower-hamlets/billing-runs/${run.id}/send`, {}), 202);
    expect(send).toMatchObject({ queued: 0, alreadySent: run.invoicesCreated });
  });

  it('a run killed part-way and restarted yields exactly one invoice per member', async () => {
    const redbridge = await t.signIn('admin@redbridge.demo.test');
    // No worker takes jobs while the "crash" happens (closing it waits for any job it holds).
    await t.worker.close();
    const created = await json(await redbridge.send('POST', '/api/v1/tenants/redbridge/billing-runs', { period: '2019-20', dryRun: false }), 202);
    // Asking again while it waits answers the same run.
    const [schedule] = await t.owner.query(`SELECT schedule_id FROM billing_runs WHERE id = $1`, [created.id]);
    const twice = await json(await redbridge.send('POST', '/api/v1/tenants/redbridge/billing-runs', { scheduleId: schedule.schedule_id, dryRun: false }), 202);
    expect(twice).toEqual({ id: created.id, status: 'queued', existing: true });
    // The process dies after two members were committed.
    await expect(runBillingRun(t.runtime.db, { tenantId: ids.redbridge, runId: created.id }, undefined, { batchSize: 1, failAfterItems: 2 })).rejects.toBeInstanceOf(SimulatedCrashError);
    const half = await json(await redbridge.get(`/api/v1/tenants/redbridge/billing-runs/${created.id}`), 200);
    expect(half).toMatchObject({ status: 'failed', progress: { processed: 2, total: 6 } });
    // The queued job now runs (the worker "restarts"), and a resume is asked for too: both finish the same run.
    restarted = startBullMqWorker(TEST_REDIS_URL, t.runtime.handlers, pino({ level: 'silent' }), { queueName: t.runtime.env.QUEUE_NAME });
    await json(await redbridge.send('POST', `/api/v1/tenants/redbridge/billing-runs/${created.id}/resume`), 202);
    const done = await eventually(async () => {
      const run = await json(await redbridge.get(`/api/v1/tenants/redbridge/billing-runs/${created.id}`), 200);
      return run.status === 'completed' ? run : null;
    }, 'the resumed run');
    expect(done.counts.invoiced + done.counts.skipped).toBe(6);
    const perMember: { membership_id: string; n: number }[] = await t.owner.query(
      `SELECT membership_id, count(*)::int AS n FROM invoices WHERE tenant_id = $1 GROUP BY membership_id, part`,
      [ids.redbridge],
    );
    expect(perMember.every((r) => r.n === 1)).toBe(true);
    const invoiced = new Set(perMember.map((r) => r.membership_id));
    expect(invoiced.size).toBe(done.counts.invoiced);
    const numbers: { sequence: number }[] = await t.owner.query(`SELECT sequence FROM invoices WHERE tenant_id = $1 ORDER BY sequence`, [ids.redbridge]);
    expect(numbers.map((r) => r.sequence)).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('invoices', () => {
  let invoices: { id: string; number: string; school: { urn: string }; totalPence: number; part: number }[];
  const find = (urn: string, part = 0) => invoices.find((i) => i.school.urn === urn && i.part === part)!;

  beforeAll(async () => {
    invoices = (await json(await admin.get('/api/v1/tenants/ealing/invoices?pageSize=50'), 200)).items;
  });

  it('shows an invoice with its lines from the fee explanation, and its PDF', async () => {
    const invoice = await json(await admin.get(`/api/v1/tenants/ealing/invoices/${find('920001').id}`), 200);
    expect(invoice.lines[0]).toMatchObject({ kind: 'charge', amountPence: 274_517 });
    expect(invoice.lines.map((l: { description: string }) => l.description)).toContain('210 pupils × £3.36 = £705.60');
    expect(invoice).toMatchObject({ partCount: 2, vatPence: 0, totalPence: 274_517, outstandingPence: 274_517, payOnline: false, bankTransfer: { reference: invoice.number } });
    const pdf = await admin.get(`/api/v1/tenants/ealing/invoices/${find('920001').id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('filters by status, school and overdue, and exports CSV for Xero', async () => {
    const bySchool = await json(await admin.get('/api/v1/tenants/ealing/invoices?urn=920001'), 200);
    expect(bySchool.total).toBe(2);
    // The totals cover every invoice the filter matches, on any page and past the end (ADR 0009).
    const bySchoolSum = bySchool.items.reduce((t: number, i: { totalPence: number }) => t + i.totalPence, 0);
    expect(bySchool.totals.totalPence).toBe(bySchoolSum);
    const bySchoolPast = await json(await admin.get('/api/v1/tenants/ealing/invoices?urn=920001&pageSize=1&page=4'), 200);
    expect(bySchoolPast).toMatchObject({ items: [], total: 2, totals: bySchool.totals });
    const bySchoolSecond = await json(await admin.get('/api/v1/tenants/ealing/invoices?urn=920001&pageSize=1&page=2'), 200);
    expect(bySchoolSecond).toMatchObject({ total: 2, totals: bySchool.totals });
    expect(bySchoolSecond.items).toHaveLength(1);
    expect((await json(await admin.get('/api/v1/tenants/ealing/invoices?status=paid'), 200)).total).toBe(0);
    expect((await json(await admin.get('/api/v1/tenants/ealing/invoices?overdue=true'), 200)).total).toBe(0);
    const csv = await admin.get('/api/v1/tenants/ealing/invoices.csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('*InvoiceNumber');
    expect(text).toContain('INV-000001');
  });

  it('records bank transfers, part by part, up to what is owed', async () => {
    const id = find('920002').id;
    const total = find('920002').totalPence;
    const part = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${id}/payments`, { date: '2026-11-20', reference: 'BACS 123', amountPence: 100_000 }), 201);
    expect(part).toMatchObject({ status: 'open', amountPaidPence: 100_000, outstandingPence: total - 100_000 });
    const over = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${id}/payments`, { date: '2026-11-21', reference: 'BACS 124', amountPence: total }), 400);
    expect(over.errors[0].field).toBe('amountPence');
    const rest = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${id}/payments`, { date: '2026-11-21', reference: 'BACS 124', amountPence: total - 100_000 }), 201);
    expect(rest).toMatchObject({ status: 'paid', outstandingPence: 0 });
    expect(rest.payments.map((p: { reference: string }) => p.reference)).toEqual(['BACS 123', 'BACS 124']);
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${id}/payments`, { date: '2026-11-21', reference: 'again', amountPence: 1 }), 409);
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${id}/payments`, { date: '2099-01-01', reference: 'x', amountPence: 1 }), 400);
  });

  it('sends the school a receipt and the partnership a notice for each payment, once', async () => {
    const unfold = (raw: string) => raw.replace(/=\r?\n/g, '');
    const receipts = () => t.smtp.messages.filter((m) => m.to.includes('head.920002@demo.test') && /by bank transfer on 2[01] November 2026 for invoice INV-\d+/.test(unfold(m.raw)));
    const notices = () => t.smtp.messages.filter((m) => m.to.includes('hello@ealing.demo.test') && /paid .+ by bank transfer on 2[01] November 2026 against invoice INV-\d+/.test(unfold(m.raw)));
    await eventually(async () => receipts().length >= 2 && notices().length >= 2, 'the receipts and notices');
    await new Promise((r) => setTimeout(r, 500));
    expect(receipts()).toHaveLength(2);
    expect(notices()).toHaveLength(2);
    expect(unfold(receipts().map((m) => m.raw).join('\n'))).toMatch(/is now paid in full/);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoice_payments WHERE invoice_id = $1 AND receipt_sent_at IS NOT NULL`, [find('920002').id]);
    expect(n).toBe(2);
  });

  it('credits a corrected pupil number, never more than the invoice', async () => {
    const invoice = find('920003'); // 630 pupils, maintained: part 1 of 2
    const credited = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/credit-notes`, { correctedPupils: 600, reason: 'October census corrected to 600' }), 201);
    // 30 pupils × £3.36 = £100.80 a year, rounded to the pound as published; this part is 7/12 of the difference.
    expect(credited.creditNotes).toHaveLength(1);
    expect(credited.creditNotes[0]).toMatchObject({ number: 'INV-CN-000001', vatPence: 0 });
    expect(credited.amountCreditedPence).toBe(credited.creditNotes[0].totalPence);
    expect(credited.creditNotes[0].totalPence).toBeGreaterThan(5_000);
    const tooMuch = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/credit-notes`, { amountPence: invoice.totalPence, reason: 'Too much' }), 400);
    expect(tooMuch.errors[0].message).toMatch(/^At most £/);
    const rest = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/credit-notes`, { amountPence: credited.outstandingPence, reason: 'Waived' }), 201);
    expect(rest).toMatchObject({ status: 'paid', outstandingPence: 0, amountCreditedPence: invoice.totalPence });
  });

  it('voids an invoice no money has reached, and refuses one that has been paid', async () => {
    const voided = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${find('920004', 1).id}/void`, { reason: 'Billed twice by hand' }), 200);
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Billed twice by hand' });
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${find('920002').id}/void`, { reason: 'Not wanted' }), 409);
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${find('920004', 1).id}/payments`, { date: '2026-11-21', reference: 'x', amountPence: 1 }), 409);
  });

  it('e-mails the invoice with its PDF to the school’s finance contact', async () => {
    const sent = await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${find('920001').id}/send`, {}), 202);
    expect(sent.to).toEqual(['head.920001@demo.test']);
    const mail = await t.smtp.waitFor((m) => m.to.includes('head.920001@demo.test') && /Invoice INV-/.test(m.raw));
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/i);
    expect(mail.raw).toMatch(/filename=.?INV-\d{6}\.pdf/);
  });

  it('answers 404 for another partnership’s invoice', async () => {
    const redbridgeInvoice = (await t.owner.query(`SELECT id FROM invoices WHERE tenant_id = $1 LIMIT 1`, [ids.redbridge]))[0].id;
    await json(await admin.get(`/api/v1/tenants/ealing/invoices/${redbridgeInvoice}`), 404);
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${redbridgeInvoice}/payments`, { date: '2026-11-21', reference: 'x', amountPence: 1 }), 404);
  });
});

describe('the school’s invoices', () => {
  it('shows a school only its own invoices, from every partnership', async () => {
    const mine = await json(await head.get('/api/v1/school-portal/920001/invoices'), 200);
    expect(mine.items).toHaveLength(2);
    expect(mine.items.every((i: { school: { urn: string }; partnership: { slug: string } }) => i.school.urn === '920001' && i.partnership.slug === 'ealing')).toBe(true);
    expect(mine).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    // Paged like every list: one invoice a page, the same two in the same order, and what is left to pay counts all of them.
    const first = await json(await head.get('/api/v1/school-portal/920001/invoices?pageSize=1'), 200);
    const second = await json(await head.get('/api/v1/school-portal/920001/invoices?pageSize=1&page=2'), 200);
    expect([first.items.length, second.items.length, first.total]).toEqual([1, 1, 2]);
    expect([first.items[0].id, second.items[0].id]).toEqual(mine.items.map((i: { id: string }) => i.id));
    expect(first.outstandingPence).toBe(mine.outstandingPence);
    // No invoices from Redbridge: none listed, nothing outstanding, and still the current fees from Ealing.
    const fromRedbridge = await json(await head.get('/api/v1/school-portal/920001/invoices?partnership=redbridge'), 200);
    expect(fromRedbridge).toMatchObject({ items: [], total: 0, outstandingPence: 0, currentFees: mine.currentFees });
    expect(mine.currentFees.length).toBeGreaterThan(0);
    expect(await json(await head.get('/api/v1/school-portal/920001/invoices?pageSize=1&page=3'), 200)).toMatchObject({ items: [], total: 2, outstandingPence: mine.outstandingPence, currentFees: mine.currentFees });
    expect((await json(await head.get('/api/v1/school-portal/920001/invoices?partnership=ealing'), 200)).total).toBe(2);
    expect((await json(await head.get('/api/v1/school-portal/920001/invoices?pageSize=500'), 400)).errors[0].field).toBe('pageSize');
    await json(await head.get('/api/v1/school-portal/920002/invoices'), 404);
    const other = (await t.owner.query(`SELECT i.id FROM invoices i JOIN schools s ON s.id = i.school_id WHERE s.urn = '920002' LIMIT 1`))[0].id;
    await json(await head.get(`/api/v1/school-portal/920001/invoices/${other}`), 404);
    await json(await head.get(`/api/v1/school-portal/920001/invoices/${other}.pdf`), 404);
    await json(await head.send('PUT', `/api/v1/school-portal/920001/invoices/${other}/po-number`, { poNumber: 'PO-1' }), 404);
  });

  it('lets the school add a purchase order number and choose bank transfer', async () => {
    const [invoice] = (await json(await head.get('/api/v1/school-portal/920001/invoices'), 200)).items;
    const withPo = await json(await head.send('PUT', `/api/v1/school-portal/920001/invoices/${invoice.id}/po-number`, { poNumber: ' PO-2026-17 ' }), 200);
    expect(withPo.poNumber).toBe('PO-2026-17');
    expect((await json(await admin.get(`/api/v1/tenants/ealing/invoices/${invoice.id}`), 200)).poNumber).toBe('PO-2026-17');
    const transfer = await json(await head.send('POST', `/api/v1/school-portal/920001/invoices/${invoice.id}/bank-transfer`), 200);
    expect(transfer).toMatchObject({ reference: invoice.number, amountPence: invoice.outstandingPence });
    const pdf = await head.get(`/api/v1/school-portal/920001/invoices/${invoice.id}.pdf`);
    expect(pdf.status).toBe(200);
    // Ealing has not connected Stripe: paying online is refused with the reason, bank transfer still works.
    const online = await json(await head.send('POST', `/api/v1/school-portal/920001/invoices/${invoice.id}/checkout`, { method: 'card' }), 409);
    expect(online.detail).toMatch(/bank transfer/);
  });
});

describe('settings and reminders', () => {
  it('keeps VAT, terms, reminders, numbering and bank details, refusing what is wrong', async () => {
    const defaults = await json(await admin.get('/api/v1/tenants/ealing/billing-settings'), 200);
    expect(defaults).toMatchObject({ vatRegistered: false, paymentTermsDays: 30, reminderOffsets: [-7, 0, 7, 30], invoicePrefix: 'INV', nextInvoiceNumber: 'INV-000011' });
    const bad = await json(await admin.send('PUT', '/api/v1/tenants/ealing/billing-settings', { vatRegistered: true, invoicePrefix: 'e l p', reminderOffsets: [1, 1] }), 400);
    expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual(['invoicePrefix', 'reminderOffsets', 'vatNumber']);
    const saved = await json(
      await admin.send('PUT', '/api/v1/tenants/ealing/billing-settings', { vatRegistered: true, vatNumber: 'gb 123 4567 89', invoicePrefix: 'elp', bankAccountName: 'Ealing Learning Partnership', bankSortCode: '123456', bankAccountNumber: '12345678', paymentTermsDays: 14 }),
      200,
    );
    expect(saved).toMatchObject({ vatRegistered: true, vatNumber: 'GB123456789', invoicePrefix: 'ELP', nextInvoiceNumber: 'ELP-000011', bankSortCode: '12-34-56', paymentTermsDays: 14 });
    // Back to not registered for the rest of the suite.
    await json(await admin.send('PUT', '/api/v1/tenants/ealing/billing-settings', { vatRegistered: false, paymentTermsDays: 30 }), 200);
  });

  it('sends each reminder step once, only while the invoice is open', async () => {
    const [open] = await t.owner.query(
      `SELECT i.id, i.number, to_char(i.due_on, 'YYYY-MM-DD') AS due FROM invoices i JOIN schools s ON s.id = i.school_id WHERE s.urn = '920001' AND i.status = 'open' ORDER BY i.part LIMIT 1`,
    );
    const sweep = (date: string) => t.runtime.handlers[JobName.BillingSweep]({ date }, { jobId: `test-${date}`, attempt: 1 });
    const reminders = () =>
      t.smtp.messages.filter((m) => m.to.includes('head.920001@demo.test') && new RegExp(`${open.number} is (\\d+ days? overdue|due today|due in)`).test(m.raw.replace(/=\r?\n/g, '')));
    const before = reminders().length;
    const lateDate = new Date(Date.parse(`${open.due}T12:00:00Z`) + 8 * 86_400_000).toISOString().slice(0, 10);
    await sweep(lateDate);
    await eventually(async () => (await t.owner.query(`SELECT reminders_sent FROM invoices WHERE id = $1`, [open.id]))[0].reminders_sent.includes('due+7'), 'the reminder to be recorded');
    // Only the latest step that has come is sent (the two before it count as passed): one e-mail, not three.
    const [{ reminders_sent: sent }] = await t.owner.query(`SELECT reminders_sent FROM invoices WHERE id = $1`, [open.id]);
    expect(sent.sort()).toEqual(['due', 'due+7', 'due-7']);
    expect(reminders().length).toBe(before + 1);
    expect(reminders().at(-1)!.raw.replace(/=\r?\n/g, '')).toMatch(/is 7 days overdue/);
    const count = reminders().length;
    await sweep(lateDate);
    await new Promise((r) => setTimeout(r, 500));
    expect(reminders().length).toBe(count);
    // Paid: no more reminders, even a month late.
    const detail = await json(await admin.get(`/api/v1/tenants/ealing/invoices/${open.id}`), 200);
    await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${open.id}/payments`, { date: '2026-11-25', reference: 'paid', amountPence: detail.outstandingPence }), 201);
    const monthLate = new Date(Date.parse(`${open.due}T12:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10);
    await sweep(monthLate);
    await new Promise((r) => setTimeout(r, 500));
    expect(reminders().length).toBe(count);
  });

  it('stops warning once bank details are saved, on the run and on sending', async () => {
    const [run] = (await json(await admin.get('/api/v1/tenants/ealing/billing-runs'), 200)).items;
    expect((await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${run.id}`), 200)).paymentWarning).toBeNull();
    const [invoice] = (await json(await admin.get('/api/v1/tenants/ealing/invoices'), 200)).items;
    expect((await json(await admin.send('POST', `/api/v1/tenants/ealing/invoices/${invoice.id}/send`, {}), 202)).paymentWarning).toBeNull();
  });

  it('shows money at a glance for the academic year, and a school’s current fee', async () => {
    const overview = await json(await admin.get('/api/v1/tenants/ealing/billing-overview'), 200);
    const month = new Date().getUTCMonth() + 1;
    const startYear = new Date().getUTCFullYear() - (month >= 9 ? 0 : 1);
    expect(overview.year).toEqual({ label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`, start: `${startYear}-09-01`, end: `${startYear + 1}-08-31`, basis: 'academic' });
    const [sums] = await t.owner.query(
      `SELECT count(*)::int AS n, sum(total_pence)::int AS invoiced, sum(amount_paid_pence)::int AS paid,
              sum(total_pence - amount_paid_pence - amount_credited_pence) FILTER (WHERE status IN ('open', 'uncollectible'))::int AS outstanding
         FROM invoices WHERE tenant_id = $1 AND status NOT IN ('void', 'draft')`,
      [ids.ealing],
    );
    expect(overview).toMatchObject({ invoices: sums.n, invoicedPence: sums.invoiced, paidPence: sums.paid, outstandingPence: sums.outstanding, overduePence: 0, platformFeesPence: 0 });
    expect(overview.paidPence).toBeGreaterThan(0);
    const school = await json(await admin.get('/api/v1/tenants/ealing/billing-overview?urn=920001'), 200);
    expect(school.currentFee).toEqual({ partnershipSlug: 'ealing', partnershipName: expect.any(String), periodLabel: '2018–19', feePence: 470_600, invoices: 2 });
    expect(school.invoicedPence).toBe(470_600);
    await json(await admin.get('/api/v1/tenants/ealing/billing-overview?urn=abc'), 400);
    const portal = await json(await head.get('/api/v1/school-portal/920001/invoices'), 200);
    expect(portal.currentFees).toEqual([school.currentFee]);
  });

  it('reports invoiced, paid, outstanding and overdue by school', async () => {
    const report = await json(await admin.get('/api/v1/tenants/ealing/billing-report?groupBy=school'), 200);
    expect(report.rows).toHaveLength(6);
    expect(report.totals.invoicedPence).toBe(report.rows.reduce((t: number, r: { invoicedPence: number }) => t + r.invoicedPence, 0));
    expect(report.totals.paidPence).toBeGreaterThan(0);
    const byPeriod = await json(await admin.get('/api/v1/tenants/ealing/billing-report?groupBy=period'), 200);
    expect(byPeriod.rows.map((r: { label: string }) => r.label)).toEqual(['2018–19']);
  });

  it('pages the report (50 rows by default), with totals over every row', async () => {
    const all = await json(await admin.get('/api/v1/tenants/ealing/billing-report?groupBy=school'), 200);
    expect(all).toMatchObject({ page: 1, pageSize: 50, total: 6 });
    const second = await json(await admin.get('/api/v1/tenants/ealing/billing-report?groupBy=school&pageSize=4&page=2'), 200);
    expect(second).toMatchObject({ page: 2, pageSize: 4, total: 6 });
    expect(second.rows.map((r: { key: string }) => r.key)).toEqual(all.rows.slice(4).map((r: { key: string }) => r.key));
    expect(second.totals).toEqual(all.totals);
    await json(await admin.get('/api/v1/tenants/ealing/billing-report?pageSize=201'), 400);
    await json(await admin.get('/api/v1/tenants/ealing/billing-report?page=0'), 400);
  });
});

describe('price before joining', () => {
  it('quotes a school invited to an unlisted partnership its own price, and no school that was not invited', async () => {
    await t.owner.query(`UPDATE tenants SET listed = false WHERE slug = 'tower-hamlets'`);
    await t.owner.query(
      `UPDATE memberships SET status = 'invited' WHERE tenant_id = $1 AND school_id = (SELECT id FROM schools WHERE urn = '930004')`,
      [ids['tower-hamlets']],
    );
    const invited = await t.signIn('head.930004@demo.test');
    const quote = await json(await invited.get('/api/v1/school-portal/930004/memberships/tower-hamlets/quote'), 200);
    expect(quote.school).toMatchObject({ urn: '930004' });
    expect(quote.totalPence).toBeGreaterThan(0);
    expect(quote.explanation).toMatch(/pupils/);
    // The same figures are not public: the calculator treats the unlisted partnership as not found.
    expect((await fetch(`${t.url}/api/v1/public/tenants/tower-hamlets/quote?urn=930004`)).status).toBe(404);
    // Acton Vale belongs to Ealing only: Tower Hamlets has not invited it.
    await json(await head.get('/api/v1/school-portal/920001/memberships/tower-hamlets/quote'), 404);
    // Nor may a head ask for another school's price.
    await json(await head.get('/api/v1/school-portal/930004/memberships/tower-hamlets/quote'), 404);
  });
});
