import type Stripe from 'stripe';
import { cancelSubscription } from '../billing/cycle.js';
import { invoiceSubscription } from '../billing/invoicing.js';
import { buildItem, periodEndFor, type Subscription } from '../billing/subscriptions.model.js';
import { createSubscription, itemsFrom } from '../billing/subscriptions.js';
import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import { listParams, paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { ApiRequest, Router } from '../http/router.js';
import type { Scope, StoredObject } from '../store/state.js';
import { clone } from '../util/json.js';
import type { PaymentMethod } from './paymentMethods.model.js';
import type { Price } from './prices.js';

function requireSubscription(req: ApiRequest): StoredObject<Subscription> {
  return req.fake.store.require<Subscription>('subscription', req.pathParams['id']!, req.scope, 'id', 'subscription');
}

function checkPaymentMethod(fake: Fake, scope: Scope, id: string | undefined, customer: string): void {
  if (!id) return;
  const pm = fake.store.require<PaymentMethod>('payment_method', id, scope, 'default_payment_method');
  if (pm.data.customer !== customer) {
    throw invalidRequest(`The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`, { param: 'default_payment_method' });
  }
}

function trialEndFrom(params: Params): number | 'now' | undefined {
  const raw = params.str('trial_end');
  if (raw === 'now') return 'now';
  return params.int('trial_end');
}

/** Items update: `{id, quantity|price|deleted}` changes an item, `{price, quantity}` adds one. Prorations are not modelled. */
function applyItems(fake: Fake, scope: Scope, sub: Subscription, items: Params[]): void {
  const now = fake.now();
  for (const [i, item] of items.entries()) {
    const id = item.str('id');
    const existing = id ? sub.items.data.find((si) => si.id === id) : undefined;
    if (id && !existing) throw invalidRequest(`No such subscription item: '${id}'`, { param: `items[${i}][id]`, code: 'resource_missing' });
    if (existing && item.bool('deleted')) {
      sub.items.data = sub.items.data.filter((si) => si.id !== id);
      continue;
    }
    const priceId = item.str('price');
    const price = priceId ? fake.store.require<Price>('price', priceId, scope, `items[${i}][price]`, 'price').data : undefined;
    if (existing) {
      if (item.has('quantity')) existing.quantity = item.int('quantity');
      if (price) {
        const updated = buildItem(sub.id, { price, quantity: existing.quantity ?? 1, metadata: existing.metadata }, existing.current_period_start, existing.current_period_end, existing.created);
        existing.price = updated.price;
        existing.plan = updated.plan;
      }
      if (item.has('metadata')) existing.metadata = item.metadata(existing.metadata);
    } else {
      const [input] = itemsFrom(fake, scope, [item], `items[${i}]`);
      const first = sub.items.data[0];
      sub.items.data.push(buildItem(sub.id, input!, first?.current_period_start ?? now, first?.current_period_end ?? periodEndFor(input!.price, now), now));
    }
  }
  if (sub.items.data.length === 0) throw invalidRequest('A subscription must have at least one active plan.', { param: 'items' });
}

export function registerSubscriptions(router: Router): void {
  router.post('/v1/subscriptions', (req) => {
    const p = req.params.forEndpoint('subscriptions.create');
    const customer = p.reqStr('customer');
    checkPaymentMethod(req.fake, req.scope, p.str('default_payment_method'), customer);
    const trialEnd = trialEndFrom(p);
    const transfer = p.obj('transfer_data');
    const record = createSubscription(req.fake, req.scope, {
      customer,
      items: itemsFrom(req.fake, req.scope, p.objList('items')),
      trialPeriodDays: p.int('trial_period_days'),
      trialEnd: trialEnd === 'now' ? undefined : trialEnd,
      defaultPaymentMethod: p.str('default_payment_method') ?? null,
      collectionMethod: p.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const),
      daysUntilDue: p.int('days_until_due') ?? null,
      metadata: p.metadata(),
      description: p.str('description') ?? null,
      cancelAtPeriodEnd: p.bool('cancel_at_period_end') ?? false,
      applicationFeePercent: p.has('application_fee_percent') ? Number(p.str('application_fee_percent')) : null,
      transferDestination: transfer?.reqStr('destination') ?? null,
      onBehalfOf: p.str('on_behalf_of') ?? null,
      paymentBehavior: p.str('payment_behavior'),
    });
    return record.data;
  });

  router.get('/v1/subscriptions', (req) => {
    req.params.forEndpoint('subscriptions.list');
    const customer = req.params.str('customer');
    const status = req.params.str('status');
    const price = req.params.str('price');
    const items = req.fake.store
      .list<Subscription>('subscription', req.scope, ({ data }) =>
        (!customer || data.customer === customer) &&
        (status === 'all' || (status ? data.status === status : data.status !== 'canceled')) &&
        (!price || data.items.data.some((item) => item.price.id === price)),
      )
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/subscriptions');
  });

  router.get('/v1/subscriptions/:id', (req) => requireSubscription(req).data);

  router.post('/v1/subscriptions/:id', (req) => {
    const p = req.params.forEndpoint('subscriptions.update');
    const record = requireSubscription(req);
    const sub = record.data;
    if (sub.status === 'canceled') throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', { code: 'resource_missing' });
    const before = clone(sub);
    if (p.has('items')) applyItems(req.fake, req.scope, sub, p.objList('items') ?? []);
    if (p.has('metadata')) sub.metadata = p.metadata(sub.metadata);
    if (p.has('description')) sub.description = p.emptyable('description') ?? null;
    if (p.has('cancel_at_period_end')) sub.cancel_at_period_end = p.bool('cancel_at_period_end')!;
    if (p.has('cancel_at')) sub.cancel_at = p.emptyable('cancel_at') === null ? null : p.int('cancel_at')!;
    if (p.has('collection_method')) sub.collection_method = p.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const)!;
    if (p.has('days_until_due')) sub.days_until_due = p.int('days_until_due') ?? null;
    if (p.has('default_payment_method')) {
      const pm = p.emptyable('default_payment_method') ?? undefined;
      checkPaymentMethod(req.fake, req.scope, pm, String(sub.customer));
      sub.default_payment_method = pm ?? null;
    }
    const comment = p.obj('cancellation_details')?.str('comment');
    if (comment !== undefined && sub.cancellation_details) sub.cancellation_details.comment = comment;
    const trialEnd = trialEndFrom(p);
    const endTrialNow = trialEnd === 'now' && sub.status === 'trialing';
    if (typeof trialEnd === 'number') {
      sub.trial_end = trialEnd;
      for (const item of sub.items.data) item.current_period_end = trialEnd;
    }
    const previous = changedFields(before, sub);
    req.fake.store.touch();
    if (endTrialNow) {
      const now = req.fake.now();
      sub.trial_end = now;
      sub.status = 'active';
      const end = periodEndFor(sub.items.data[0]!.price, now);
      for (const item of sub.items.data) {
        item.current_period_start = now;
        item.current_period_end = end;
      }
      req.fake.events.emit('customer.subscription.updated', sub, req.scope, { previous: { ...changedFields(before, sub) } });
      invoiceSubscription(req.fake, req.scope, record, 'subscription_update', { start: now, end });
    } else if (Object.keys(previous).length > 0) {
      req.fake.events.emit('customer.subscription.updated', sub, req.scope, { previous });
    }
    return sub;
  });

  router.delete('/v1/subscriptions/:id', (req) => {
    req.params.forEndpoint('subscriptions.cancel');
    const record = requireSubscription(req);
    if (record.data.status === 'canceled') throw invalidRequest(`No such subscription: '${record.id}'`, { code: 'resource_missing', status: 404 });
    cancelSubscription(req.fake, record, req.fake.now());
    return record.data;
  });

  router.get('/v1/subscription_items', (req) => {
    req.params.allowOnly(listParams('subscription'));
    const sub = req.fake.store.require<Subscription>('subscription', req.params.reqStr('subscription'), req.scope, 'subscription');
    return paginate(sub.data.items.data, req.params, '/v1/subscription_items');
  });

  router.get('/v1/subscription_items/:id', (req) => {
    const id = req.pathParams['id']!;
    const item = req.fake.store.list<Subscription>('subscription', req.scope).flatMap((r) => r.data.items.data).find((si) => si.id === id);
    if (!item) throw invalidRequest(`No such subscription_item: '${id}'`, { code: 'resource_missing', status: 404, param: 'id' });
    return item;
  });
}

/** Top-level fields that differ, with their old values (for `previous_attributes`). */
function changedFields(before: Subscription, after: Subscription): Partial<Record<keyof Stripe.Subscription, unknown>> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Subscription)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  return previous;
}
