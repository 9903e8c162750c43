import type Stripe from 'stripe';
import { newId } from '../util/ids.js';
import { clone } from '../util/json.js';
import type { Wire } from '../util/wire.js';
import { planFromPrice, type Price } from '../resources/prices.js';
import { addInterval } from './periods.js';

export type Subscription = Wire<Stripe.Subscription>;
export type SubscriptionItem = Wire<Stripe.SubscriptionItem>;

export interface ItemInput {
  price: Price;
  quantity: number;
  metadata: Record<string, string>;
}

export interface SubscriptionInput {
  customer: string;
  items: ItemInput[];
  now: number;
  trialEnd: number | null;
  defaultPaymentMethod: string | null;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
  metadata: Record<string, string>;
  description: string | null;
  cancelAtPeriodEnd: boolean;
  applicationFeePercent: number | null;
  transferDestination: string | null;
  onBehalfOf: string | null;
}

/** The end of the first period: the trial end, or one price interval from now. */
export function periodEndFor(price: Price, start: number): number {
  const recurring = price.recurring!;
  return addInterval(start, recurring.interval, recurring.interval_count);
}

export function buildItem(subscriptionId: string, input: ItemInput, start: number, end: number, now: number): SubscriptionItem {
  return {
    id: newId('si', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: now,
    current_period_end: end,
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: { ...input.metadata },
    plan: planFromPrice(input.price),
    price: clone(input.price),
    quantity: input.quantity,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

export function buildSubscription(input: SubscriptionInput): Subscription {
  const id = newId('sub');
  const { now } = input;
  const first = input.items[0]!.price;
  const periodEnd = input.trialEnd ?? periodEndFor(first, now);
  const trial = input.trialEnd ? { start: now, end: input.trialEnd } : null;
  const items = input.items.map((item) => buildItem(id, item, now, periodEnd, now));
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: input.applicationFeePercent,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: periodEnd,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: input.cancelAtPeriodEnd,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: input.collectionMethod,
    created: now,
    currency: first.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: input.daysUntilDue,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: input.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...input.metadata },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: input.onBehalfOf,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: trial ? 'trialing' : 'incomplete',
    test_clock: null,
    transfer_data: input.transferDestination ? { amount_percent: null, destination: input.transferDestination } : null,
    trial_end: trial?.end ?? null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: trial?.start ?? null,
  };
}
