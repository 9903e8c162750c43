import type { Database } from '@partnerships/db';
import { owedReceipts } from '@partnerships/invoicing';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';
import { startSweepScheduler } from '../sweep-scheduler';
import { receiptJobId } from './stripe-events.job';

/** Receipts younger than this are left to the normal path (queued just after the payment committed). */
export const RECEIPT_SWEEP_MIN_AGE_SECONDS = 60;
/** After this long a receipt's job may have given up: the sweep queues a fresh one (one per window). */
const FRESH_JOB_AFTER_MS = 10 * 60 * 1000;

/**
 * The job id the sweep queues a receipt under: the payment's own (so it collapses with the normal
 * path's job while that is still queued), and once the payment is older than ten minutes one per
 * ten-minute window, so a job that gave up (or that the queue has forgotten) is tried again.
 * Either way the receipt job sends once: it checks `receipt_sent_at` under the payment's row lock.
 */
export function sweptReceiptJobId(paymentId: string, createdAt: Date, now: Date): string {
  const age = now.getTime() - createdAt.getTime();
  return age < FRESH_JOB_AFTER_MS ? receiptJobId(paymentId) : `${receiptJobId(paymentId)}-sweep-${Math.floor(now.getTime() / FRESH_JOB_AFTER_MS)}`;
}

/**
 * The `billing.receipts-sweep` job: queues the receipt of every payment whose receipt is owed and
 * not sent (the outbox on `invoice_payments`), recorded at least `minAgeSeconds` before `at`.
 */
export async function receiptsSweepJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue }, payload: { at: string; minAgeSeconds?: number }): Promise<{ queued: number }> {
  if (!deps.db || !deps.queue) throw new Error('The receipts sweep needs the database and the queue');
  const at = new Date(payload.at);
  const before = new Date(at.getTime() - (payload.minAgeSeconds ?? RECEIPT_SWEEP_MIN_AGE_SECONDS) * 1000);
  const owed = await owedReceipts(deps.db, before);
  const queue = deps.queue();
  for (const r of owed) {
    await queue.enqueue(JobName.SendInvoice, { tenantId: r.tenantId, invoiceId: r.invoiceId, kind: 'receipt', paymentId: r.paymentId }, { jobId: sweptReceiptJobId(r.paymentId, r.createdAt, at) });
  }
  if (owed.length) deps.logger?.warn({ at: payload.at, queued: owed.length }, 'receipts sweep queued owed receipts');
  return { queued: owed.length };
}

/** Queues the receipts sweep 20 s after start, then every five minutes (job id per window, so several processes queue it once). */
export function startReceiptsScheduler(enqueueSweep: (at: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 5 * 60 * 1000): () => void {
  return startSweepScheduler({
    name: 'receipts', firstAfterMs: 20_000, intervalMs, logger,
    enqueue: (now) => enqueueSweep(now.toISOString(), `receipts-sweep-${Math.floor(now.getTime() / intervalMs)}`),
  });
}
