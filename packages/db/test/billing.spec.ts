import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { Database } from '../src';
import { type SeededDatabase, seededDatabase } from './support/seeded-database';

/** Billing tables: tenancy, the school portal's read access, and the rules the database itself keeps. */
let owner: DataSource;
let db: Database;
let seeded: SeededDatabase;
let redbridge: string;
let ealing: string;
let invoiceId: string;
let headA: string;
let headB: string;

beforeAll(async () => {
  seeded = await seededDatabase('partnerships_test_db_billing');
  ({ owner, db } = seeded);
  redbridge = await seeded.tenantId('redbridge');
  ealing = await seeded.tenantId('ealing');
  headA = await seeded.userId('head.910001@demo.test');
  headB = await seeded.userId('head.910002@demo.test');
  invoiceId = await db.inTenant(redbridge, {}, async (em) => {
    const [{ last_number }] = await em.query(
      `INSERT INTO billing_counters (tenant_id, series, last_number) VALUES ($1, 'invoice', 1)
       ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = billing_counters.last_number + 1 RETURNING last_number`,
      [redbridge],
    );
    const [{ id }] = await em.query(
      `INSERT INTO invoices (tenant_id, number, sequence, school_id, membership_id, schedule_id, schedule_version, period_label, period_start, period_end,
         issued_on, due_on, subtotal_pence, total_pence, lines, explanation, bill_to, seller)
       SELECT m.tenant_id, 'INV-000001', $2, m.school_id, m.id, f.id, f.version, f.period_label, f.period_start, f.period_end,
         '2026-11-25', '2026-12-25', 10000, 10000, '[]', 'Fee', '{}', '{}'
       FROM memberships m JOIN schools s ON s.id = m.school_id JOIN fee_schedules f ON f.tenant_id = m.tenant_id
       WHERE m.tenant_id = $1 AND s.urn = '910001' LIMIT 1 RETURNING id`,
      [redbridge, last_number],
    );
    return id as string;
  });
});

afterAll(async () => {
  await seeded?.close();
});

describe('billing tables', () => {
  it("keep each partnership's invoices to itself", async () => {
    expect(await db.inTenant(ealing, {}, (em) => em.query(`SELECT id FROM invoices`))).toEqual([]);
    expect(await db.inTenant(redbridge, {}, (em) => em.query(`SELECT id FROM invoices`))).toEqual([{ id: invoiceId }]);
  });

  it("let a school's own people read its invoices, and nobody else's", async () => {
    expect(await db.asPlatform({ userId: headA }, (em) => em.query(`SELECT id FROM invoices`))).toEqual([{ id: invoiceId }]);
    expect(await db.asPlatform({ userId: headB }, (em) => em.query(`SELECT id FROM invoices`))).toEqual([]);
  });

  it('let school people read but not change an invoice', async () => {
    const [, changed] = await db.asPlatform({ userId: headA }, (em) => em.query(`UPDATE invoices SET po_number = 'PO1' WHERE id = $1`, [invoiceId]));
    expect(changed).toBe(0);
  });

  it('keep an issued invoice’s number and money, never delete it, and never reopen a paid one', async () => {
    await expect(db.inTenant(redbridge, {}, (em) => em.query(`UPDATE invoices SET total_pence = 1, subtotal_pence = 1 WHERE id = $1`, [invoiceId]))).rejects.toThrow(/credit note/);
    await expect(db.inTenant(redbridge, {}, (em) => em.query(`UPDATE invoices SET number = 'INV-000009' WHERE id = $1`, [invoiceId]))).rejects.toThrow(/credit note/);
    await expect(db.inTenant(redbridge, {}, (em) => em.query(`DELETE FROM invoices WHERE id = $1`, [invoiceId]))).rejects.toThrow(/permission denied/);
    await db.inTenant(redbridge, {}, (em) => em.query(`UPDATE invoices SET status = 'paid', amount_paid_pence = 10000 WHERE id = $1`, [invoiceId]));
    await expect(db.inTenant(redbridge, {}, (em) => em.query(`UPDATE invoices SET status = 'open' WHERE id = $1`, [invoiceId]))).rejects.toThrow(/never reopened/);
  });

  it('refuse a second invoice for the same member, period, schedule version and part', async () => {
    await expect(
      db.inTenant(redbridge, {}, (em) =>
        em.query(
          `INSERT INTO invoices (tenant_id, number, sequence, school_id, membership_id, schedule_id, schedule_version, period_label, period_start, period_end,
             issued_on, due_on, subtotal_pence, total_pence, lines, explanation, bill_to, seller)
           SELECT tenant_id, 'INV-000002', 2, school_id, membership_id, schedule_id, schedule_version, period_label, period_start, period_end,
             issued_on, due_on, subtotal_pence, total_pence, lines, explanation, bill_to, seller FROM invoices WHERE id = $1`,
          [invoiceId],
        ),
      ),
    ).rejects.toThrow(/invoices_billing_key/);
  });

  it('store a Stripe event once by its id', async () => {
    const insert = () =>
      db.asPlatform({}, (em) =>
        em.query(`INSERT INTO stripe_events (id, type, created_at_stripe, payload) VALUES ('evt_1', 'payment_intent.succeeded', now(), '{}') ON CONFLICT (id) DO NOTHING RETURNING id`),
      );
    expect(await insert()).toEqual([{ id: 'evt_1' }]);
    expect(await insert()).toEqual([]);
  });

  it("answer which partnership owns a connected account, and nothing more", async () => {
    await db.inTenant(redbridge, {}, (em) => em.query(`INSERT INTO stripe_accounts (tenant_id, account_id) VALUES ($1, 'acct_test')`, [redbridge]));
    expect(await db.asPlatform({}, (em) => em.query(`SELECT stripe_account_tenant('acct_test') AS t, (SELECT count(*)::int FROM stripe_accounts) AS visible`))).toEqual([{ t: redbridge, visible: 0 }]);
  });
});
