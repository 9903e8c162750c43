import type { Database, EntityManager } from '@partnerships/db';
import type { Logger } from 'pino';
import { billToOf } from './bill-to';
import { loadMembersForBilling } from './billing-members';
import { existingInvoicesFor, loadScheduleForBilling, planMember, type ScheduleForBilling } from './billing-plan';
import { type BillingSettings, loadBillingSettings, loadSeller, type Seller } from './billing-settings';
import { insertInvoices, lockNumbering, type NewInvoice } from './invoice-issue';

/** Members invoiced per transaction: progress is saved after each batch, and a crash loses at most one batch (which rolls back whole). */
export const BILLING_BATCH_SIZE = 250;

export interface BillingRunOptions {
  batchSize?: number;
  /** Tests: throw after this many members have been committed, as if the process died there. */
  failAfterItems?: number;
}

export class SimulatedCrashError extends Error {
  constructor(after: number) {
    super(`Simulated crash after ${after} members`);
  }
}

interface RunRow {
  id: string;
  schedule_id: string;
  issued_on: string;
  created_by: string | null;
}

/**
 * A billing run: invoices every member on the run's list under its schedule version. The list
 * (billing_run_items) was written when the run was asked for, so progress is "x of N". Members
 * are taken in batches; each batch is one transaction that takes the tenant's numbering lock,
 * re-checks which invoices exist, writes the new ones with their numbers, marks the items and
 * adds to the run's counts. Repeated, resumed or restarted after a crash, it never writes a
 * second invoice for a member, period, schedule version and part: done items are not picked
 * again, a half-done batch rolled back, and the unique billing key backs both up.
 */
export async function runBillingRun(db: Database, payload: { tenantId: string; runId: string }, logger?: Logger, options: BillingRunOptions = {}): Promise<void> {
  const { tenantId, runId } = payload;
  const batchSize = options.batchSize ?? BILLING_BATCH_SIZE;
  const [[run]] = await db.inTenant(tenantId, {}, (em) =>
    em.query(
      `UPDATE billing_runs SET status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1, error = NULL
       WHERE id = $1 AND status IN ('queued', 'running', 'failed')
       RETURNING id, schedule_id, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, created_by`,
      [runId],
    ),
  );
  if (!run) {
    const [known] = await db.inTenant(tenantId, {}, (em) => em.query(`SELECT status FROM billing_runs WHERE id = $1`, [runId]));
    if (known) return; // completed already: a repeated job changes nothing
    throw new Error(`Billing run ${runId} was not found in this database`);
  }
  const { id, created_by: createdBy } = run as RunRow;
  const scope = { userId: createdBy ?? null };
  try {
    const context = await db.inTenant(tenantId, scope, async (em) => {
      const schedule = await loadScheduleForBilling(em, tenantId, (run as RunRow).schedule_id);
      if (!schedule) throw new Error(`The fee schedule of billing run ${runId} has gone`);
      const settings = await loadBillingSettings(em, tenantId);
      return { schedule, settings, seller: await loadSeller(em, tenantId, settings) };
    });
    let committed = 0;
    for (;;) {
      const done = await db.inTenant(tenantId, scope, (em) => invoiceBatch(em, tenantId, { ...(run as RunRow), id }, context, batchSize));
      if (done === 0) break;
      committed += done;
      if (options.failAfterItems !== undefined && committed >= options.failAfterItems) throw new SimulatedCrashError(committed);
    }
    await db.inTenant(tenantId, scope, (em) =>
      em.query(`UPDATE billing_runs SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`, [id]),
    );
    logger?.info({ tenantId, runId, members: committed }, 'billing run completed');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.inTenant(tenantId, scope, (em) => em.query(`UPDATE billing_runs SET status = 'failed', error = $2 WHERE id = $1 AND status = 'running'`, [id, message]));
    throw error;
  }
}

interface Context {
  schedule: ScheduleForBilling;
  settings: BillingSettings;
  seller: Seller;
}

/** One batch in one transaction; answers how many members it settled (0: nothing left). */
async function invoiceBatch(em: EntityManager, tenantId: string, run: RunRow, context: Context, batchSize: number): Promise<number> {
  const items: { id: string; membership_id: string }[] = await em.query(
    `SELECT id, membership_id FROM billing_run_items WHERE tenant_id = $1 AND run_id = $2 AND status = 'pending'
     ORDER BY position LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [tenantId, run.id, batchSize],
  );
  if (items.length === 0) return 0;
  await lockNumbering(em, tenantId);
  const membershipIds = items.map((i) => i.membership_id);
  const members = new Map((await loadMembersForBilling(em, tenantId, membershipIds)).map((m) => [m.membershipId, m]));
  const existing = await existingInvoicesFor(em, tenantId, context.schedule, membershipIds);
  const toWrite: NewInvoice[] = [];
  const outcomes: { id: string; status: 'invoiced' | 'skipped'; amount: number; reason: string; membershipId: string }[] = [];
  for (const item of items) {
    const member = members.get(item.membership_id);
    if (!member) {
      outcomes.push({ id: item.id, status: 'skipped', amount: 0, reason: 'Not billed: the membership has gone', membershipId: item.membership_id });
      continue;
    }
    const plan = planMember(context.schedule, context.settings, run.issued_on, member, existing.get(member.membershipId));
    if (plan.kind !== 'invoice') {
      outcomes.push({ id: item.id, status: 'skipped', amount: plan.amountPence, reason: plan.reason, membershipId: member.membershipId });
      continue;
    }
    for (const inv of plan.invoices) {
      toWrite.push({
        schoolId: member.schoolId,
        membershipId: member.membershipId,
        billingRunId: run.id,
        scheduleId: context.schedule.id,
        scheduleVersion: context.schedule.version,
        periodLabel: context.schedule.periodLabel,
        periodStart: context.schedule.periodStart,
        periodEnd: context.schedule.periodEnd,
        chargedFrom: plan.chargedFrom,
        chargedTo: plan.chargedTo,
        part: inv.part,
        partCount: inv.partCount,
        partLabel: inv.partLabel,
        issuedOn: run.issued_on,
        dueOn: inv.dueOn,
        subtotalPence: inv.totals.subtotalPence,
        vatRateBps: inv.totals.vatRateBasisPoints,
        vatPence: inv.totals.vatPence,
        totalPence: inv.totals.totalPence,
        lines: inv.lines,
        explanation: inv.explanation,
        billTo: billToOf(member),
        seller: context.seller as unknown as Record<string, unknown>,
        createdBy: run.created_by,
      });
    }
    outcomes.push({ id: item.id, status: 'invoiced', amount: plan.amountPence, reason: plan.reason, membershipId: member.membershipId });
  }
  const issued = await insertInvoices(em, tenantId, context.settings.invoicePrefix, toWrite);
  const idsByMember = new Map<string, string[]>();
  for (const inv of issued) idsByMember.set(inv.membershipId, [...(idsByMember.get(inv.membershipId) ?? []), inv.id]);
  await em.query(
    `UPDATE billing_run_items i SET status = x.status, amount_pence = x.amount, reason = x.reason, invoice_ids = x.invoice_ids, updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, status text, amount bigint, reason text, invoice_ids uuid[])
     WHERE i.tenant_id = $1 AND i.id = x.id`,
    [tenantId, JSON.stringify(outcomes.map((o) => ({ id: o.id, status: o.status, amount: o.amount, reason: o.reason, invoice_ids: idsByMember.get(o.membershipId) ?? [] })))],
  );
  const invoiced = outcomes.filter((o) => o.status === 'invoiced');
  await em.query(
    `UPDATE billing_runs SET processed = processed + $2, invoiced = invoiced + $3, skipped = skipped + $4, invoices_created = invoices_created + $5,
       total_pence = total_pence + $6 WHERE id = $1`,
    [run.id, outcomes.length, invoiced.length, outcomes.length - invoiced.length, issued.length, invoiced.reduce((t, o) => t + o.amount, 0)],
  );
  return items.length;
}
