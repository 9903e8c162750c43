import type { Database } from '@partnerships/db';
import { BillingRunRepository, firstSendJobId, runBillingRun, runInvoicesToSend } from '@partnerships/invoicing';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';

// The billing run lives in @partnerships/invoicing; tests and the benchmark call it through here too.
export { BILLING_BATCH_SIZE, runBillingRun, SimulatedCrashError, type BillingRunOptions } from '@partnerships/invoicing';

/**
 * The `billing.run` job: invoices the run's members in batches (see `runBillingRun`). A run asked
 * to e-mail its invoices queues each one not sent yet once it has completed (each send job is
 * keyed by its invoice, so a repeated or resumed run sends nothing twice).
 */
export async function billingRunJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue }, payload: { tenantId: string; runId: string }): Promise<void> {
  if (!deps.db) throw new Error('The billing run job needs the database');
  await runBillingRun(deps.db, payload, deps.logger);
  if (!deps.queue) return;
  const { tenantId, runId } = payload;
  const toSend = await deps.db.inTenant(tenantId, {}, async (em) => {
    const run = await new BillingRunRepository(em).sendingOf(runId);
    if (!run || run.status !== 'completed' || !run.sendInvoices) return [];
    return (await runInvoicesToSend(em, tenantId, runId, false)).ids;
  });
  const queue = deps.queue();
  for (const invoiceId of toSend) {
    await queue.enqueue(JobName.SendInvoice, { tenantId, invoiceId, kind: 'invoice', onlyIfUnsent: true }, { jobId: firstSendJobId(invoiceId) });
  }
  if (toSend.length) deps.logger?.info({ tenantId, runId, invoices: toSend.length }, 'billing run: invoices queued for e-mail');
}
