import type { Database, DataSource } from '@partnerships/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingRunRepository, loadScheduleForBilling, runBillingRun } from '../src';
import { type DemoDatabase, openDemoDatabase } from './support/demo-database';

// Real PostgreSQL: runs take row locks (FOR UPDATE SKIP LOCKED) that only the database can show.
let demo: DemoDatabase;
let owner: DataSource;
let app: DataSource;
let db: Database;
let tenantId: string;

async function newRun(): Promise<string> {
  const [schedule] = await owner.query(`SELECT id FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_start DESC LIMIT 1`, [tenantId]);
  const [{ id: userId }] = await owner.query(`SELECT id FROM users ORDER BY email LIMIT 1`);
  return db.inTenant(tenantId, {}, async (em) => {
    const s = (await loadScheduleForBilling(em, tenantId, schedule.id))!;
    const runs = new BillingRunRepository(em);
    const run = await runs.create(tenantId, { scheduleId: s.id, scheduleVersion: s.version, periodLabel: s.periodLabel, periodStart: s.periodStart, periodEnd: s.periodEnd, issuedOn: '2026-12-05', createdBy: userId });
    expect(await runs.listMembers(tenantId, run.id)).toBeGreaterThan(2);
    return run.id;
  });
}

const view = (runId: string) => db.inTenant(tenantId, {}, (em) => new BillingRunRepository(em).findView(tenantId, runId));

beforeAll(async () => {
  demo = await openDemoDatabase('partnerships_test_invoicing_runs');
  ({ owner, app, db } = demo);
  [{ id: tenantId }] = await owner.query(`SELECT id FROM tenants WHERE slug = 'redbridge'`);
});

afterAll(() => demo?.close());

describe('runBillingRun', () => {
  it('settles every member of the run once and counts them', async () => {
    const runId = await newRun();
    await runBillingRun(db, { tenantId, runId }, undefined, { batchSize: 2 });
    const run = (await view(runId))!;
    expect(run).toMatchObject({ status: 'completed', processed: run.members });
    expect(run.invoiced + run.skipped).toBe(run.members);
    // Asked again, it changes nothing.
    await runBillingRun(db, { tenantId, runId });
    expect(await view(runId)).toMatchObject({ status: 'completed', processed: run.members, invoices_created: run.invoices_created });
  });

  it('is not completed while another job still holds a batch; that job completes it', async () => {
    const runId = await newRun();
    // Another job's batch: one pending member locked in an open transaction.
    const other = app.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await other.query(`SELECT id FROM billing_run_items WHERE run_id = $1 AND status = 'pending' ORDER BY position LIMIT 1 FOR UPDATE`, [runId]);
      await runBillingRun(db, { tenantId, runId }, undefined, { batchSize: 2 });
      const meanwhile = (await view(runId))!;
      expect(meanwhile.status).toBe('running');
      expect(meanwhile.processed).toBe(meanwhile.members - 1);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    // The other job carries on (here: the job again) and finishes the run.
    await runBillingRun(db, { tenantId, runId });
    const run = (await view(runId))!;
    expect(run).toMatchObject({ status: 'completed', processed: run.members });
  });

  it('re-bills a member whose invoice was voided: a corrected invoice with a new number, the void kept; repeated, nothing more', async () => {
    await runBillingRun(db, { tenantId, runId: await newRun() });
    const [voided] = await owner.query(
      `SELECT id, number, membership_id, schedule_id, schedule_version, part, period_start FROM invoices
       WHERE tenant_id = $1 AND kind = 'membership' AND status = 'open' AND part_count = 1 ORDER BY sequence LIMIT 1`,
      [tenantId],
    );
    expect(voided).toBeTruthy();
    await owner.query(`UPDATE invoices SET status = 'void', voided_at = now(), void_reason = 'Wrong pupil number' WHERE id = $1`, [voided.id]);
    const sameKey = `tenant_id = $1 AND membership_id = $2 AND schedule_id = $3 AND schedule_version = $4 AND part = $5 AND period_start = $6`;
    const key = [tenantId, voided.membership_id, voided.schedule_id, voided.schedule_version, voided.part, voided.period_start];

    const rerun = await newRun();
    await runBillingRun(db, { tenantId, runId: rerun });
    expect(await view(rerun)).toMatchObject({ status: 'completed', invoices_created: 1 });
    const rows: { number: string; status: string }[] = await owner.query(`SELECT number, status FROM invoices WHERE ${sameKey} ORDER BY sequence`, key);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ number: voided.number, status: 'void' });
    expect(rows[1]!.status).toBe('open');
    expect(rows[1]!.number).not.toBe(voided.number);

    const again = await newRun();
    await runBillingRun(db, { tenantId, runId: again });
    expect(await view(again)).toMatchObject({ status: 'completed', invoices_created: 0 });
    expect(await owner.query(`SELECT number FROM invoices WHERE ${sameKey}`, key)).toHaveLength(2);
  });
});
