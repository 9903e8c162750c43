import type { Fake } from '../fake.js';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import type { Params } from '../http/params.js';
import type { Price } from '../resources/prices.js';
import type { Scope, StoredObject } from '../store/state.js';
import { DAY } from '../util/clock.js';
import { invoiceSubscription } from './invoicing.js';
import { buildSubscription, type ItemInput, type Subscription } from './subscriptions.model.js';

export interface CreateSubscriptionInput {
  customer: string;
  items: ItemInput[];
  trialPeriodDays?: number;
  trialEnd?: number;
  defaultPaymentMethod?: string | null;
  collectionMethod?: 'charge_automatically' | 'send_invoice';
  daysUntilDue?: number | null;
  metadata?: Record<string, string>;
  description?: string | null;
  cancelAtPeriodEnd?: boolean;
  applicationFeePercent?: number | null;
  transferDestination?: string | null;
  onBehalfOf?: string | null;
  /** `default_incomplete`: leave the first invoice for the client to pay. */
  paymentBehavior?: string;
}

/** Reads `items[n][price]` / `items[n][quantity]` (or Checkout line items) into priced items. */
export function itemsFrom(fake: Fake, scope: Scope, list: Params[] | undefined, param = 'items'): ItemInput[] {
  if (!list || list.length === 0) throw parameterMissing(param);
  return list.map((item, i) => {
    const priceId = item.str('price');
    if (!priceId) throw parameterMissing(`${param}[${i}][price]`);
    const price = fake.store.require<Price>('price', priceId, scope, `${param}[${i}][price]`, 'price').data;
    if (!price.recurring) {
      throw invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param: `${param}[${i}][price]` });
    }
    return { price, quantity: item.int('quantity') ?? 1, metadata: item.metadata() };
  });
}

/**
 * Creates a subscription and its first invoice (a £0 one during a trial), collecting it at once with the
 * default payment method. Emits `customer.subscription.created` first, then the invoice's events.
 */
export function createSubscription(fake: Fake, scope: Scope, input: CreateSubscriptionInput): StoredObject<Subscription> {
  fake.store.require('customer', input.customer, scope, 'customer');
  const currencies = new Set(input.items.map((item) => item.price.currency));
  if (currencies.size > 1) throw invalidRequest('All prices on a subscription must have the same currency.', { param: 'items' });
  const now = fake.now();
  const trialDays = input.trialPeriodDays ?? input.items[0]!.price.recurring?.trial_period_days ?? undefined;
  const trialEnd = input.trialEnd ?? (trialDays ? now + trialDays * DAY : null);
  const sub = buildSubscription({
    customer: input.customer,
    items: input.items,
    now,
    trialEnd,
    defaultPaymentMethod: input.defaultPaymentMethod ?? null,
    collectionMethod: input.collectionMethod ?? 'charge_automatically',
    daysUntilDue: input.daysUntilDue ?? null,
    metadata: input.metadata ?? {},
    description: input.description ?? null,
    cancelAtPeriodEnd: input.cancelAtPeriodEnd ?? false,
    applicationFeePercent: input.applicationFeePercent ?? null,
    transferDestination: input.transferDestination ?? null,
    onBehalfOf: input.onBehalfOf ?? null,
  });
  if (input.collectionMethod === 'send_invoice' && !trialEnd) sub.status = 'active';
  const record = fake.store.insert('subscription', scope, sub, { creating: true });
  const period = { start: now, end: sub.items.data[0]!.current_period_end };
  const { release } = fake.events.hold(() => {
    invoiceSubscription(fake, scope, record, 'subscription_create', period, { trial: trialEnd !== null, attemptPayment: input.paymentBehavior !== 'default_incomplete' });
  });
  delete record.internal['creating'];
  fake.events.emit('customer.subscription.created', sub, scope);
  release();
  return record;
}
