import { advanceSubscriptions } from './billing/cycle.js';
import { expireSession } from './checkout/complete.js';
import type { Session } from './checkout/session.model.js';
import type { Fake } from './fake.js';
import { runJobs } from './payments/scheduler.js';
import { DAY } from './util/clock.js';

function expireCheckoutSessions(fake: Fake): void {
  const now = fake.now();
  for (const record of fake.store.list<Session>('checkout.session', undefined, (r) => r.data.status === 'open' && r.data.expires_at <= now)) {
    expireSession(fake, record);
  }
}

/**
 * Moves the fake clock forward (a server-wide test clock): due Bacs payments and refunds settle, open
 * Checkout Sessions expire, subscription trials end and periods renew with new invoices.
 */
export function advanceTime(fake: Fake, days: number): number {
  if (!Number.isFinite(days) || days < 0) throw new Error('advanceTime: days must be a non-negative number');
  fake.advanceClock(days * DAY);
  const ran = runJobs(fake);
  expireCheckoutSessions(fake);
  advanceSubscriptions(fake);
  fake.store.flush();
  return ran;
}

/** Settles every pending asynchronous payment and refund now, whatever the clock says. Returns how many. */
export function settlePending(fake: Fake): number {
  const ran = runJobs(fake, { all: true });
  fake.store.flush();
  return ran;
}

/** For demos: settles jobs that have waited `afterMs` of real time. Returns a stop function. */
export function startAutoSettle(fake: Fake, afterMs: number): () => void {
  const timer = setInterval(
    () => {
      const ran = runJobs(fake, { where: (job) => Date.now() - job.createdAtMs >= afterMs });
      if (ran > 0) fake.store.flush();
    },
    Math.max(50, Math.min(afterMs, 1000)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
