import type { Database } from '@partnerships/db';
import { addDays, remindersToSend } from '@partnerships/domain';
import type { Logger } from 'pino';
import { loadBillingSettings } from './billing-settings';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import { InvoiceRepository } from './repositories/invoice.repository';
import { StripeEventRepository } from './repositories/stripe-event.repository';

/** How a follow-up job is queued: its id makes a repeat a no-op. */
export interface SweepEnqueueOptions {
  jobId?: string;
}

/** What the sweep may queue (the queue is passed in, so the job names stay in one place). */
export interface SweepQueue {
  invoiceReminder(payload: { tenantId: string; invoiceId: string; kind: 'reminder'; reminderKey: string }, options: SweepEnqueueOptions): Promise<unknown>;
  stripeEvent(payload: { eventId: string }, options: SweepEnqueueOptions): Promise<unknown>;
}

/**
 * The hourly billing sweep: queues the payment reminders that have come due (each invoice and
 * step once: job id `invoice-reminder-<invoice>-<step>`, and the step is recorded when sent), and
 * queues again any Stripe event stored but not processed (a lost job, a handler that gave up).
 */
export async function runBillingSweep(deps: { db: Database; logger?: Logger }, queue: SweepQueue, payload: { date: string }): Promise<{ reminders: number; events: number }> {
  const { db } = deps;
  let reminders = 0;
  const tenants = await db.asPlatform({}, (em) => new BillingSourcesRepository(em).activeTenantIds());
  for (const tenantId of tenants) {
    const due = await db.inTenant(tenantId, {}, async (em) => {
      const settings = await loadBillingSettings(em, tenantId);
      if (!settings.remindersEnabled || settings.reminderOffsets.length === 0) return [];
      const earliestOffset = Math.min(...settings.reminderOffsets);
      const invoices = new InvoiceRepository(em);
      const rows = await invoices.openDueBy(tenantId, addDays(payload.date, -earliestOffset));
      const out: { invoiceId: string; key: string }[] = [];
      for (const row of rows) {
        const { send, passed } = remindersToSend({ status: 'open', dueOn: row.dueOn }, settings.reminderOffsets, payload.date, new Set(row.remindersSent));
        if (passed.length) await invoices.addRemindersSent(row.id, passed.map((p) => p.key));
        if (send) out.push({ invoiceId: row.id, key: send.key });
      }
      return out;
    });
    for (const { invoiceId, key } of due) {
      await queue.invoiceReminder({ tenantId, invoiceId, kind: 'reminder', reminderKey: key }, { jobId: `invoice-reminder-${invoiceId}-${key}` });
      reminders++;
    }
  }
  const stale = await db.asPlatform({}, (em) => new StripeEventRepository(em).stale());
  for (const event of stale) await queue.stripeEvent({ eventId: event.id }, { jobId: `stripe-event-${event.id}-retry-${event.attempts}` });
  deps.logger?.info({ date: payload.date, reminders, events: stale.length }, 'billing sweep done');
  return { reminders, events: stale.length };
}
