import type { Database } from '@partnerships/db';
import { addDays, londonToday, remindersToSend } from '@partnerships/domain';
import type { Logger } from 'pino';
import type { EnqueueOptions } from '../job-queue';
import { loadBillingSettings } from './billing-settings';

/** What the sweep may queue (the queue is passed in, so the job names stay in one place). */
export interface SweepQueue {
  invoiceReminder(payload: { tenantId: string; invoiceId: string; kind: 'reminder'; reminderKey: string }, options: EnqueueOptions): Promise<unknown>;
  stripeEvent(payload: { eventId: string }, options: EnqueueOptions): Promise<unknown>;
}

/**
 * The hourly billing sweep: queues the payment reminders that have come due (each invoice and
 * step once: job id `invoice-reminder-<invoice>-<step>`, and the step is recorded when sent), and
 * queues again any Stripe event stored but not processed (a lost job, a handler that gave up).
 */
export async function runBillingSweep(deps: { db: Database; logger?: Logger }, queue: SweepQueue, payload: { date: string }): Promise<{ reminders: number; events: number }> {
  const { db } = deps;
  let reminders = 0;
  const tenants: { id: string }[] = await db.asPlatform({}, (em) => em.query(`SELECT id FROM tenants WHERE status = 'active' ORDER BY id`));
  for (const { id: tenantId } of tenants) {
    const due = await db.inTenant(tenantId, {}, async (em) => {
      const settings = await loadBillingSettings(em, tenantId);
      if (!settings.remindersEnabled || settings.reminderOffsets.length === 0) return [];
      const earliestOffset = Math.min(...settings.reminderOffsets);
      const rows: { id: string; due_on: string; reminders_sent: string[] }[] = await em.query(
        `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on, reminders_sent FROM invoices
         WHERE tenant_id = $1 AND status = 'open' AND due_on <= $2::date ORDER BY due_on`,
        [tenantId, addDays(payload.date, -earliestOffset)],
      );
      const out: { invoiceId: string; key: string }[] = [];
      for (const row of rows) {
        const { send, passed } = remindersToSend({ status: 'open', dueOn: row.due_on }, settings.reminderOffsets, payload.date, new Set(row.reminders_sent));
        if (passed.length) {
          await em.query(`UPDATE invoices SET reminders_sent = reminders_sent || $2::text[] WHERE id = $1`, [row.id, passed.map((p) => p.key)]);
        }
        if (send) out.push({ invoiceId: row.id, key: send.key });
      }
      return out;
    });
    for (const { invoiceId, key } of due) {
      await queue.invoiceReminder({ tenantId, invoiceId, kind: 'reminder', reminderKey: key }, { jobId: `invoice-reminder-${invoiceId}-${key}` });
      reminders++;
    }
  }
  const stale: { id: string; attempts: number }[] = await db.asPlatform({}, (em) =>
    em.query(`SELECT id, attempts FROM stripe_events WHERE processed_at IS NULL AND received_at < now() - interval '10 minutes' AND attempts < 50 ORDER BY received_at LIMIT 1000`),
  );
  for (const event of stale) await queue.stripeEvent({ eventId: event.id }, { jobId: `stripe-event-${event.id}-retry-${event.attempts}` });
  deps.logger?.info({ date: payload.date, reminders, events: stale.length }, 'billing sweep done');
  return { reminders, events: stale.length };
}

/** Queues the sweep every hour (job id per hour, so several processes doing this queue it once). */
export function startBillingScheduler(enqueueSweep: (date: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 60 * 60 * 1000): () => void {
  const tick = () => {
    const now = new Date();
    const date = londonToday(now);
    enqueueSweep(date, `billing-sweep-${now.toISOString().slice(0, 13)}`).catch((error: unknown) => logger.warn({ err: error }, 'could not queue the billing sweep'));
  };
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
