import type { Fake } from '../fake.js';
import type { StoredObject } from '../store/state.js';
import { clone } from '../util/json.js';
import { invoiceSubscription } from './invoicing.js';
import { periodEndFor, type Subscription } from './subscriptions.model.js';

const RENEWING = ['active', 'trialing', 'past_due'];

/** Cancels a subscription (now, or at the end of its period) and sends `customer.subscription.deleted`. */
export function cancelSubscription(fake: Fake, sub: StoredObject<Subscription>, endedAt: number, reason: 'cancellation_requested' | 'payment_failed' = 'cancellation_requested'): void {
  const s = sub.data;
  s.status = 'canceled';
  s.canceled_at ??= fake.now();
  s.ended_at = endedAt;
  s.cancellation_details = { comment: s.cancellation_details?.comment ?? null, feedback: s.cancellation_details?.feedback ?? null, feedback_option: null, reason };
  fake.store.touch();
  fake.events.emit('customer.subscription.deleted', s, sub.scope);
}

/**
 * Moves every live subscription up to the fake clock's "now": trials end, periods renew with a new paid
 * (or failed) invoice, and subscriptions set to cancel at period end are canceled.
 */
export function advanceSubscriptions(fake: Fake): void {
  const now = fake.now();
  for (const sub of fake.store.list<Subscription>('subscription', undefined)) {
    for (let guard = 0; guard < 500 && RENEWING.includes(sub.data.status); guard++) {
      const s = sub.data;
      const first = s.items.data[0];
      if (!first || first.current_period_end > now) break;
      const end = first.current_period_end;
      if (s.cancel_at_period_end || (s.cancel_at !== null && s.cancel_at <= end)) {
        cancelSubscription(fake, sub, end);
        break;
      }
      const previous: Record<string, unknown> = { items: clone(s.items) };
      const nextEnd = periodEndFor(first.price, end);
      for (const item of s.items.data) {
        item.current_period_start = end;
        item.current_period_end = nextEnd;
      }
      if (s.status === 'trialing') {
        previous['status'] = s.status;
        s.status = 'active';
      }
      fake.store.touch();
      fake.events.emit('customer.subscription.updated', s, sub.scope, { previous });
      invoiceSubscription(fake, sub.scope, sub, 'subscription_cycle', { start: end, end: nextEnd });
    }
  }
}
