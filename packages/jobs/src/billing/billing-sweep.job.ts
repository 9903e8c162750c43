import type { Database } from '@partnerships/db';
import { londonToday } from '@partnerships/domain';
import { runBillingSweep } from '@partnerships/invoicing';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';
import { startSweepScheduler } from '../sweep-scheduler';

export { runBillingSweep, type SweepQueue } from '@partnerships/invoicing';

/** The `billing.sweep` job: reminders come due and Stripe events left unprocessed are queued (job names stay here). */
export async function billingSweepJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue }, payload: { date: string }): Promise<void> {
  if (!deps.db || !deps.queue) throw new Error('The billing sweep needs the database and the queue');
  const queue = deps.queue();
  await runBillingSweep(
    { db: deps.db, logger: deps.logger },
    {
      invoiceReminder: (p, options) => queue.enqueue(JobName.SendInvoice, p, options),
      stripeEvent: (p, options) => queue.enqueue(JobName.ProcessStripeEvent, p, options),
    },
    payload,
  );
}

/** Queues the sweep every hour (job id per hour, so several processes doing this queue it once). */
export function startBillingScheduler(enqueueSweep: (date: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 60 * 60 * 1000): () => void {
  return startSweepScheduler({
    name: 'billing', firstAfterMs: 60_000, intervalMs, logger,
    enqueue: (now) => enqueueSweep(londonToday(now), `billing-sweep-${now.toISOString().slice(0, 13)}`),
  });
}
