import type { Database } from '@partnerships/db';
import { formatUkDate, londonToday, yearLabel } from '@partnerships/domain';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';
import { startSweepScheduler } from '../sweep-scheduler';
import { buybackRemindersDue, rollOverWindow } from './buyback-rollover';
import { BuybackRepository } from './buyback.repository';
import { OfferSweepRepository } from './offer-sweep.repository';

/**
 * The daily offers sweep (`offers.sweep`): for each partnership's buy-back windows, the reminders
 * before the deadline to cancel (each school and step once, through the mail job), then, once the
 * deadline has passed, the rollover (once per window). One unit of work per window.
 */
export async function offersSweepJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue; publicUrl?: string }, payload: { date: string }): Promise<{ reminders: number; rolledOver: number }> {
  if (!deps.db || !deps.queue) throw new Error('The offers sweep needs the database and the queue');
  const { db } = deps;
  const queue = deps.queue();
  let reminders = 0;
  let rolledOver = 0;
  const tenants = await db.asPlatform({}, (em) => new OfferSweepRepository(em).tenantsWithOpenWindows());
  for (const { tenantId, name } of tenants) {
    const windows = await db.inTenant(tenantId, {}, (em) => new BuybackRepository(em).windowsToSweep(tenantId));
    for (const window of windows) {
      if (payload.date <= window.cancelDeadline) {
        const due = await db.inTenant(tenantId, {}, (em) => buybackRemindersDue(em, tenantId, window.id, payload.date));
        for (const r of due) {
          for (const to of r.emails) {
            await queue.enqueue(JobName.SendMail, {
              template: 'membership-update', to, tenantId,
              data: {
                partnershipName: name, schoolName: r.schoolName,
                headline: `Your services roll over into ${yearLabel(r.year)} unless you cancel by ${formatUkDate(r.deadline)}`,
                details: [...r.services.map((s) => `Rolling over: ${s}`), `To stop a service, cancel it in the school portal by ${formatUkDate(r.deadline)}.`],
                link: `${deps.publicUrl ?? 'http://localhost:3000'}/s`,
              },
            }, { jobId: `buyback-reminder-${window.id}-${r.schoolId}-${r.daysBefore}-${to}` });
          }
          reminders += 1;
        }
      } else {
        // One window's failure is logged and retried tomorrow; it does not stop the other partnerships' sweeps.
        try {
          await db.inTenant(tenantId, {}, (em) => rollOverWindow(em, tenantId, window.id, payload.date));
          rolledOver += 1;
        } catch (error) {
          deps.logger?.error({ err: error, tenantId, windowId: window.id }, 'buy-back rollover failed');
        }
      }
    }
  }
  deps.logger?.info({ date: payload.date, reminders, rolledOver }, 'offers sweep done');
  return { reminders, rolledOver };
}

/** Queues the sweep once a day (job id per date, so several processes queue it once). */
export function startOffersScheduler(enqueueSweep: (date: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 60 * 60 * 1000): () => void {
  return startSweepScheduler({
    name: 'offers', firstAfterMs: 90_000, intervalMs, logger,
    enqueue: (now) => {
      const date = londonToday(now);
      return enqueueSweep(date, `offers-sweep-${date}`);
    },
  });
}
