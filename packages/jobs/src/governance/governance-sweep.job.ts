import type { Database } from '@partnerships/db';
import { formatUkDate, londonToday } from '@partnerships/domain';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';
import { startSweepScheduler } from '../sweep-scheduler';
import { GovernanceSweepRepository } from './governance-sweep.repository';
import { resolveAndRecordSeats } from './seat-resolution';

export { GovernanceSweepRepository } from './governance-sweep.repository';

/**
 * The daily `governance.sweep`: every partnership's seats are brought up to date (a term that
 * ended, a membership that lapsed, a new head whose body nobody has opened since), and the
 * admins and officers are reminded once when a body's terms of reference fall due for review.
 * Each partnership is its own unit of work, so one failure does not stop the rest.
 */
export async function governanceSweepJob(deps: { db?: Database; logger?: Logger; queue?: () => JobQueue; publicUrl?: string }, payload: { date: string }): Promise<void> {
  if (!deps.db || !deps.queue) throw new Error('The governance sweep needs the database and the queue');
  const db = deps.db;
  const queue = deps.queue();
  const tenants = await db.asPlatform({}, (em) => new GovernanceSweepRepository(em).activeTenants());
  for (const tenant of tenants) {
    try {
      const { changes, reviews, managers } = await db.inTenant(tenant.id, {}, async (em) => {
        const resolved = await resolveAndRecordSeats(em, tenant.id, null, payload.date);
        const sweep = new GovernanceSweepRepository(em);
        const due = await sweep.reviewsDue(tenant.id, payload.date);
        await sweep.markReminded(tenant.id, due.map((d) => d.id));
        return { changes: resolved.reduce((n, r) => n + r.changed, 0), reviews: due, managers: due.length ? await sweep.managers(tenant.id) : [] };
      });
      if (changes) deps.logger?.info({ tenantId: tenant.id, changes }, 'governance seats brought up to date');
      for (const person of reviews.length ? managers : []) {
        await queue.enqueue(
          JobName.SendMail,
          {
            template: 'governance-reminder',
            to: person.email,
            tenantId: tenant.id,
            data: {
              partnershipName: tenant.name,
              headline: reviews.length === 1 ? 'Terms of reference are due for their annual review' : `${reviews.length} bodies’ terms of reference are due for their annual review`,
              details: reviews.map((r) => `${r.bodyName}: version ${r.version}, review due ${formatUkDate(r.reviewDueOn)}`),
              link: `${(deps.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '')}/p/${tenant.slug}/governance`,
            },
          },
          { jobId: `governance-review-${payload.date}-${tenant.id}-${person.userId}` },
        );
      }
    } catch (error) {
      deps.logger?.error({ err: error, tenantId: tenant.id }, 'governance sweep failed for a partnership');
    }
  }
}

/** Queues the sweep once a day (the job id carries the day, so several processes queue it once). */
export function startGovernanceScheduler(enqueueSweep: (date: string, jobId: string) => Promise<unknown>, logger: Logger, intervalMs = 60 * 60 * 1000): () => void {
  return startSweepScheduler({
    name: 'governance', firstAfterMs: 90_000, intervalMs, logger,
    enqueue: (now) => {
      const date = londonToday(now);
      return enqueueSweep(date, `governance-sweep-${date}`);
    },
  });
}
