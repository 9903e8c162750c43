import type { Database } from '@partnerships/db';
import { londonTimeOf, ukDateOf } from '@partnerships/domain';
import type { Logger } from 'pino';
import { startSweepScheduler } from '../sweep-scheduler';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';
import { BookingRepository } from './booking.repository';
import { type EventMailRequest, eventMailJobs, settleWaitingList } from './event-places';
import { EventRepository, EventSweepRepository } from './event.repository';

const REMINDER_HOURS = 48;

/**
 * The events sweep, the same in the `events.sweep` job and wherever else it is asked for: in each
 * partnership, every event with a waiting-list offer whose time is up is locked, the offer lapses
 * and the place passes to the next person (one unit of work per event); then confirmed delegates
 * of events starting within two days get their reminder, once each.
 */
export async function runEventsSweep(db: Database, send: (mail: EventMailRequest) => Promise<void>, at: string, logger?: Logger): Promise<{ events: number; reminders: number }> {
  let events = 0;
  let reminders = 0;
  const tenants = await db.asPlatform({}, (em) => new EventSweepRepository(em).activeTenants());
  for (const tenant of tenants) {
    const due = await db.inTenant(tenant.id, {}, (em) => new BookingRepository(em).eventsWithLapsedOffers(at));
    for (const eventId of due) {
      const mails = await db.inTenant(tenant.id, {}, async (em) => {
        const repository = new EventRepository(em);
        const event = await repository.lockForUpdate(eventId);
        if (!event) return [];
        events += 1;
        return settleWaitingList(em, tenant, event, await repository.sessionsOf([event.id]), at);
      });
      for (const mail of mails) await send(mail);
    }
    const until = new Date(Date.parse(at) + REMINDER_HOURS * 3_600_000).toISOString();
    const upcoming = await db.inTenant(tenant.id, {}, (em) => new BookingRepository(em).remindersDue(at, until));
    for (const b of upcoming) {
      const claimed = await db.inTenant(tenant.id, {}, (em) => new BookingRepository(em).markReminded(b.id));
      if (!claimed) continue;
      await send({
        key: `reminder-${b.id}`,
        to: [b.delegateEmail],
        tenantId: tenant.id,
        partnershipName: tenant.name,
        eventTitle: b.eventTitle,
        headline: `${b.eventTitle} starts on ${ukDateOf(b.startsAt)}`,
        details: [
          `It starts at ${londonTimeOf(b.startsAt)}${b.venue ? ` at ${b.venue}` : ''}.`,
          'If you cannot come, your school can send someone else in your place at no cost.',
        ],
        path: `/s/${b.schoolUrn}/bookings`,
        linkLabel: 'See the booking',
      });
      reminders += 1;
    }
  }
  logger?.info({ at, events, reminders }, 'events sweep done');
  return { events, reminders };
}

/** The `events.sweep` job: booking e-mails go through the mail job. */
export async function eventsSweepJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue; publicUrl?: string }, payload: { at: string }): Promise<{ events: number; reminders: number }> {
  if (!deps.db || !deps.queue) throw new Error('The events sweep needs the database and the queue');
  const queue = deps.queue();
  const publicUrl = deps.publicUrl ?? 'http://localhost:3000';
  return runEventsSweep(
    deps.db,
    async (mail) => {
      for (const job of eventMailJobs(mail, publicUrl)) await queue.enqueue(JobName.SendMail, job.payload, { jobId: job.jobId });
    },
    payload.at,
    deps.logger,
  );
}

/** Queues the sweep every five minutes (job id per five minutes, so several processes queue it once). */
export function startEventsScheduler(enqueueSweep: (at: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 5 * 60 * 1000): () => void {
  return startSweepScheduler({
    name: 'events', firstAfterMs: 30_000, intervalMs, logger,
    enqueue: (now) => enqueueSweep(now.toISOString(), `events-sweep-${Math.floor(now.getTime() / intervalMs)}`),
  });
}
