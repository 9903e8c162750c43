import type { Database, DataSource } from '@partnerships/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingSettingsRepository, InvoiceRepository, issueOneOffInvoice, loadInvoiceDocument, type OneOffInvoiceInput, OneOffInvoiceProblem, renderInvoicePdf } from '../src';
import { type DemoDatabase, openDemoDatabase } from './support/demo-database';

// Real PostgreSQL: the numbering lock, the unique key and row-level security are the database's.
let demo: DemoDatabase;
let owner: DataSource;
let app: DataSource;
let db: Database;
let tenantId: string;
let otherTenantId: string;
let schoolId: string;
let membership: { id: string; schoolId: string };

const sale = (key: string, extra: Partial<OneOffInvoiceInput> = {}): OneOffInvoiceInput => ({
  tenantId,
  schoolId,
  reference: 'Course booking B-1042: phonics training',
  lines: [
    { description: 'Phonics training, 12 March 2027', quantity: 3, unitPence: 4500 },
    { description: 'Lunch', quantity: 1, unitPence: 850 },
  ],
  issuedOn: '2026-12-05',
  idempotencyKey: key,
  ...extra,
});

const issue = (input: OneOffInvoiceInput) => db.inTenant(input.tenantId, {}, (em) => issueOneOffInvoice(em, input));

async function sequences(tenant: string): Promise<number[]> {
  const rows: { sequence: number }[] = await owner.query(`SELECT sequence FROM invoices WHERE tenant_id = $1 ORDER BY sequence`, [tenant]);
  return rows.map((r) => r.sequence);
}

beforeAll(async () => {
  demo = await openDemoDatabase('partnerships_test_invoicing_one_off');
  ({ owner, app, db } = demo);
  [{ id: tenantId }] = await owner.query(`SELECT id FROM tenants WHERE slug = 'redbridge'`);
  [{ id: otherTenantId }] = await owner.query(`SELECT id FROM tenants WHERE slug = 'ealing'`);
  const [member] = await owner.query(`SELECT id, school_id FROM memberships WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [tenantId]);
  membership = { id: member.id, schoolId: member.school_id };
  [{ id: schoolId }] = await owner.query(`SELECT id FROM schools WHERE id <> $1 ORDER BY urn LIMIT 1`, [membership.schoolId]);
});

afterAll(() => demo?.close());

describe('issueOneOffInvoice', () => {
  it('issues a numbered invoice with the partnership’s VAT and terms, for a school that need not be a member', async () => {
    const [{ id: userId }] = await owner.query(`SELECT id FROM users ORDER BY email LIMIT 1`);
    await db.inTenant(tenantId, {}, (em) =>
      new BillingSettingsRepository(em).save(
        tenantId,
        {
          vatRegistered: true, vatNumber: 'GB123456782', vatRateBasisPoints: 2000, paymentTermsDays: 14, remindersEnabled: true, reminderOffsets: [0], invoicePrefix: 'RB',
          bankAccountName: null, bankSortCode: null, bankAccountNumber: null, financeEmail: null, invoiceNote: null,
        },
        userId,
      ),
    );
    const before = await sequences(tenantId);
    const issued = await issue(sale('booking:B-1042'));
    expect(issued.created).toBe(true);
    const view = await db.inTenant(tenantId, {}, (em) => new InvoiceRepository(em).findView(issued.id));
    expect(view).toMatchObject({
      kind: 'one-off',
      reference: 'Course booking B-1042: phonics training',
      period_label: 'Course booking B-1042: phonics training',
      membership_id: null,
      schedule_id: null,
      school_id: schoolId,
      status: 'open',
      issued: '2026-12-05',
      due: '2026-12-19',
      subtotal_pence: 14350,
      vat_rate_bps: 2000,
      vat_pence: 2870,
      total_pence: 17220,
    });
    expect(view!.number).toBe(`RB-${String((before.at(-1) ?? 0) + 1).padStart(6, '0')}`);
    expect(view!.lines).toEqual([
      { kind: 'charge', description: 'Phonics training, 12 March 2027 (3 × £45.00)', amountPence: 13500, quantity: 3, unitPence: 4500 },
      { kind: 'charge', description: 'Lunch', amountPence: 850, quantity: 1, unitPence: 850 },
    ]);
    const document = await db.inTenant(tenantId, {}, (em) => loadInvoiceDocument(em, issued.id));
    expect(document).toMatchObject({ kind: 'one-off', membershipId: null, outstandingPence: 17220 });
    const pdf = await renderInvoicePdf(document!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers the same invoice when asked again with the same key, and writes nothing', async () => {
    const first = await issue(sale('booking:B-2000'));
    const count = (await sequences(tenantId)).length;
    const again = await issue(sale('booking:B-2000', { lines: [{ description: 'Something else', quantity: 1, unitPence: 1 }] }));
    expect(again).toEqual({ id: first.id, created: false });
    expect((await sequences(tenantId)).length).toBe(count);
  });

  it('issues one invoice when the same key is asked for twice at the same time', async () => {
    const [a, b] = await Promise.all([issue(sale('booking:B-3000')), issue(sale('booking:B-3000'))]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM invoices WHERE tenant_id = $1 AND idempotency_key = 'booking:B-3000'`, [tenantId]);
    expect(n).toBe(1);
  });

  it('numbers concurrent invoices without gaps, a failed one giving its number back', async () => {
    const before = await sequences(tenantId);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => issue(sale(`booking:C-${i}`))),
      // Fails after taking its number (no such school): the transaction rolls back with it.
      issue(sale('booking:C-bad', { schoolId: '00000000-0000-4000-8000-000000000000' })),
      ...Array.from({ length: 4 }, (_, i) => issue(sale(`booking:C-${i}`))),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const after = await sequences(tenantId);
    expect(after.length - before.length).toBe(8);
    const last = before.at(-1) ?? 0;
    expect(after.slice(before.length)).toEqual(Array.from({ length: 8 }, (_, i) => last + 1 + i));
  });

  it('shares the numbering with membership invoices and bills a member through its membership', async () => {
    const issued = await issue(sale('booking:M-1', { schoolId: undefined, membershipId: membership.id }));
    const view = await db.inTenant(tenantId, {}, (em) => new InvoiceRepository(em).findView(issued.id));
    expect(view).toMatchObject({ school_id: membership.schoolId, membership_id: membership.id, kind: 'one-off' });
    const seq = await sequences(tenantId);
    expect(seq).toEqual(Array.from({ length: seq.length }, (_, i) => seq[0]! + i));
  });

  it('keeps each partnership’s keys and numbers apart', async () => {
    const ours = await issue(sale('booking:shared-key'));
    const theirs = await issue(sale('booking:shared-key', { tenantId: otherTenantId }));
    expect(theirs.id).not.toBe(ours.id);
    expect(theirs.created).toBe(true);
    // Row-level security: the other partnership cannot see ours.
    expect(await db.inTenant(otherTenantId, {}, (em) => new InvoiceRepository(em).findView(ours.id))).toBeNull();
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const count = (await sequences(tenantId)).length;
    const refused = async (input: OneOffInvoiceInput) => {
      const error = await issue(input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(OneOffInvoiceProblem);
      return (error as OneOffInvoiceProblem).field;
    };
    expect(await refused(sale('x1', { lines: [] }))).toBe('lines');
    expect(await refused(sale('x2', { lines: [{ description: 'Half a place', quantity: 0.5, unitPence: 100 }] }))).toBe('lines[0].quantity');
    expect(await refused(sale('x3', { lines: [{ description: 'Place', quantity: 1, unitPence: 12.5 }] }))).toBe('lines[0].unitPence');
    expect(await refused(sale('x4', { lines: [{ description: '  ', quantity: 1, unitPence: 100 }] }))).toBe('lines[0].description');
    expect(await refused(sale('', {}))).toBe('idempotencyKey');
    expect(await refused(sale('x5', { reference: '' }))).toBe('reference');
    expect(await refused(sale('x6', { dueOn: '2026-12-01' }))).toBe('dueOn');
    expect(await refused(sale('x7', { schoolId: undefined }))).toBe('schoolId');
    expect(await refused(sale('x8', { schoolId: undefined, membershipId: '00000000-0000-4000-8000-000000000000' }))).toBe('membershipId');
    expect((await sequences(tenantId)).length).toBe(count);
  });
});
