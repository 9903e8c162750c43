import type { Database, EntityManager } from '@partnerships/db';
import type { Logger } from 'pino';
import { billToOf } from './bill-to';
import { loadMembersForBilling } from './billing-members';
import { existingInvoicesFor, loadScheduleForBilling, planMember, type ScheduleForBilling } from './billing-plan';
import { type BillingSettings, loadBillingSettings, loadSeller, type Seller } from './billing-settings';
import { insertInvoices, lockNumbering, type NewInvoice } from './invoice-issue';
import { BillingRunRepository, type BillingRunStarted } from './repositories/billing-run.repository';

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
  const run = await db.inTenant(tenantId, {}, (em) => new BillingRunRepository(em).startAttempt(runId));
  if (!run) {
    const known = await db.inTenant(tenantId, {}, (em) => new BillingRunRepository(em).statusOf(runId));
    if (known) return; // completed already: a repeated job changes nothing
    throw new Error(`Billing run ${runId} was not found in this database`);
  }
  const { id, createdBy } = run;
  const scope = { userId: createdBy ?? null };
  try {
    const context = await db.inTenant(tenantId, scope, async (em) => {
      const schedule = await loadScheduleForBilling(em, tenantId, run.scheduleId);
      if (!schedule) throw new Error(`The fee schedule of billing run ${runId} has gone`);
      const settings = await loadBillingSettings(em, tenantId);
      return { schedule, settings, seller: await loadSeller(em, tenantId, settings) };
    });
    let committed = 0;
    for (;;) {
      const done = await db.inTenant(tenantId, scope, (em) => invoiceBatch(em, tenantId, run, context, batchSize));
      if (done === 0) break;
      committed += done;
      if (options.failAfterItems !== undefined && committed >= options.failAfterItems) throw new SimulatedCrashError(committed);
    }
    // Two jobs may work on one run (a resume beside a restarted job): the one that settles the last batch completes it.
    const completed = await db.inTenant(tenantId, scope, (em) => new BillingRunRepository(em).complete(id));
    logger?.info({ tenantId, runId, members: committed, completed }, completed ? 'billing run completed' : 'billing run: another job is finishing it');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.inTenant(tenantId, scope, (em) => new BillingRunRepository(em).fail(id, message));
    throw error;
  }
}

interface Context {
  schedule: ScheduleForBilling;
  settings: BillingSettings;
  seller: Seller;
}

/** One batch in one transaction; answers how many members it settled (0: nothing left). */
async function invoiceBatch(em: EntityManager, tenantId: string, run: BillingRunStarted, context: Context, batchSize: number): Promise<number> {
  const runs = new BillingRunRepository(em);
  const items = await runs.lockPendingItems(tenantId, run.id, batchSize);
  if (items.length === 0) return 0;
  await lockNumbering(em, tenantId);
  const membershipIds = items.map((i) => i.membershipId);
  const members = new Map((await loadMembersForBilling(em, tenantId, membershipIds)).map((m) => [m.membershipId, m]));
  const existing = await existingInvoicesFor(em, tenantId, context.schedule, membershipIds);
  const toWrite: NewInvoice[] = [];
  const outcomes: { id: string; status: 'invoiced' | 'skipped'; amount: number; reason: string; membershipId: string }[] = [];
  for (const item of items) {
    const member = members.get(item.membershipId);
    if (!member) {
      outcomes.push({ id: item.id, status: 'skipped', amount: 0, reason: 'Not billed: the membership has gone', membershipId: item.membershipId });
      continue;
    }
    const plan = planMember(context.schedule, context.settings, run.issuedOn, member, existing.get(member.membershipId));
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
        issuedOn: run.issuedOn,
        dueOn: inv.dueOn,
        subtotalPence: inv.totals.subtotalPence,
        vatRateBps: inv.totals.vatRateBasisPoints,
        vatPence: inv.totals.vatPence,
        totalPence: inv.totals.totalPence,
        lines: inv.lines,
        explanation: inv.explanation,
        billTo: billToOf(member),
        seller: context.seller as unknown as Record<string, unknown>,
        createdBy: run.createdBy,
      });
    }
    outcomes.push({ id: item.id, status: 'invoiced', amount: plan.amountPence, reason: plan.reason, membershipId: member.membershipId });
  }
  const issued = await insertInvoices(em, tenantId, context.settings.invoicePrefix, toWrite);
  const idsByMember = new Map<string, string[]>();
  for (const inv of issued) idsByMember.set(inv.membershipId, [...(idsByMember.get(inv.membershipId) ?? []), inv.id]);
  await runs.settleItems(
    tenantId,
    outcomes.map((o) => ({ id: o.id, status: o.status, amount: o.amount, reason: o.reason, invoice_ids: idsByMember.get(o.membershipId) ?? [] })),
  );
  const invoiced = outcomes.filter((o) => o.status === 'invoiced');
  await runs.addCounts(run.id, {
    processed: outcomes.length,
    invoiced: invoiced.length,
    skipped: outcomes.length - invoiced.length,
    invoicesCreated: issued.length,
    totalPence: invoiced.reduce((t, o) => t + o.amount, 0),
  });
  return items.length;
}
