import type { Fake } from '../fake.js';
import { StripeApiError } from '../http/errors.js';
import { Params } from '../http/params.js';
import { confirmPaymentIntent } from '../payments/engine.js';
import type { Account } from '../resources/accounts.model.js';
import type { Customer } from '../resources/customers.js';
import { buildPaymentIntent, type PaymentIntent } from '../resources/paymentIntents.model.js';
import type { StoredPaymentMethod } from '../resources/paymentMethods.js';
import type { Product } from '../resources/products.js';
import { PLATFORM, type Scope, type StoredObject } from '../store/state.js';
import { DAY } from '../util/clock.js';
import { formatMoney } from '../util/money.js';
import { buildInvoice, type Invoice, type LineInput } from './invoices.model.js';
import type { Subscription } from './subscriptions.model.js';

type BillingReason = 'subscription_create' | 'subscription_cycle' | 'subscription_update';

function lineDescription(fake: Fake, scope: Scope, line: Omit<LineInput, 'description'>, trial: boolean): string {
  const productId = typeof line.price.product === 'string' ? line.price.product : line.price.product.id;
  const name = fake.store.get<Product>('product', productId, scope)?.data.name ?? productId;
  if (trial) return `Trial period for ${name}`;
  const interval = line.price.recurring ? ` / ${line.price.recurring.interval}` : '';
  return `${line.quantity} × ${name} (at ${formatMoney(line.price.unit_amount ?? 0, line.price.currency)}${interval})`;
}

/**
 * Creates and finalizes the invoice for a subscription period, then tries to collect it with the
 * subscription's (or customer's) default payment method. Trial periods produce a paid £0 invoice.
 * Without `attemptPayment` (payment_behavior=default_incomplete) the invoice stays open for the client to pay.
 */
export function invoiceSubscription(
  fake: Fake,
  scope: Scope,
  sub: StoredObject<Subscription>,
  reason: BillingReason,
  period: { start: number; end: number },
  options: { trial?: boolean; attemptPayment?: boolean } = {},
): StoredObject<Invoice> {
  const trial = options.trial ?? false;
  const customer = fake.store.require<Customer>('customer', String(sub.data.customer), scope, 'customer');
  const lines: LineInput[] = sub.data.items.data.map((item) => {
    const quantity = item.quantity ?? 1;
    const base = { amount: trial ? 0 : (item.price.unit_amount ?? 0) * quantity, price: item.price, quantity, subscriptionItem: item.id, period };
    return { ...base, description: lineDescription(fake, scope, base, trial) };
  });
  const accountName = scope === PLATFORM ? 'Partnerships platform' : (fake.store.get<Account>('account', scope, PLATFORM)?.data.business_profile?.name ?? null);
  const invoice = buildInvoice({ customer: customer.data, subscription: sub.data, lines, billingReason: reason, period, now: fake.now(), baseUrl: fake.baseUrl, accountName });
  const record = fake.store.insert('invoice', scope, invoice);
  fake.events.emit('invoice.created', invoice, scope);
  finalize(fake, record, customer);
  sub.data.latest_invoice = invoice.id;
  fake.store.touch();
  collect(fake, record, sub.data, options.attemptPayment ?? true);
  return record;
}

function finalize(fake: Fake, record: StoredObject<Invoice>, customer: StoredObject<Customer>): void {
  const invoice = record.data;
  const sequence = customer.data.next_invoice_sequence ?? 1;
  customer.data.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.data.invoice_prefix ?? 'INV'}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.effective_at = fake.now();
  invoice.status_transitions.finalized_at = fake.now();
  if (invoice.collection_method === 'send_invoice') {
    const sub = fake.store.get<Subscription>('subscription', String(invoice.parent?.subscription_details?.subscription), record.scope);
    invoice.due_date = fake.now() + (sub?.data.days_until_due ?? 30) * DAY;
  }
  fake.store.touch();
  fake.events.emit('invoice.finalized', invoice, record.scope);
}

/** Pays with the default payment method: `invoice.paid` now (card), later (Bacs), or `invoice.payment_failed`. */
function collect(fake: Fake, record: StoredObject<Invoice>, sub: Subscription, attemptPayment: boolean): void {
  const invoice = record.data;
  if (invoice.amount_due === 0) return markInvoicePaid(fake, record);
  if (invoice.collection_method === 'send_invoice') return;
  const customer = fake.store.get<Customer>('customer', String(invoice.customer), record.scope)?.data;
  const pmId = (typeof sub.default_payment_method === 'string' ? sub.default_payment_method : null) ?? (customer?.invoice_settings.default_payment_method as string | null | undefined) ?? null;
  const pi = buildPaymentIntent(
    new Params({ amount: String(invoice.amount_due), currency: invoice.currency, customer: String(invoice.customer), description: `Subscription ${invoice.billing_reason === 'subscription_create' ? 'creation' : 'update'}` }),
    fake.now(),
  );
  const intent = fake.store.insert('payment_intent', record.scope, pi, { invoice: invoice.id });
  invoice.confirmation_secret = { client_secret: pi.client_secret!, type: 'payment_intent' };
  fake.events.emit('payment_intent.created', pi, record.scope);
  if (!pmId || !attemptPayment) return;
  const paymentMethod = fake.store.get('payment_method', pmId, record.scope) as StoredPaymentMethod | undefined;
  if (!paymentMethod) return;
  invoice.attempted = true;
  invoice.attempt_count += 1;
  try {
    confirmPaymentIntent(fake, intent, { paymentMethod });
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    if (error.status !== 402) invoiceFailed(fake, record);
  }
  fake.store.touch();
}

export function markInvoicePaid(fake: Fake, record: StoredObject<Invoice>): void {
  const invoice = record.data;
  if (invoice.status === 'paid') return;
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = fake.now();
  fake.store.touch();
  fake.events.emit('invoice.paid', invoice, record.scope);
  fake.events.emit('invoice.payment_succeeded', invoice, record.scope);
  const sub = fake.store.get<Subscription>('subscription', String(invoice.parent?.subscription_details?.subscription), record.scope);
  if (sub && (sub.data.status === 'incomplete' || sub.data.status === 'past_due')) setSubscriptionStatus(fake, sub, 'active');
}

function invoiceFailed(fake: Fake, record: StoredObject<Invoice>): void {
  const invoice = record.data;
  invoice.next_payment_attempt = fake.now() + 3 * DAY;
  fake.store.touch();
  fake.events.emit('invoice.payment_failed', invoice, record.scope);
  const sub = fake.store.get<Subscription>('subscription', String(invoice.parent?.subscription_details?.subscription), record.scope);
  if (sub?.data.status === 'active' || sub?.data.status === 'trialing') setSubscriptionStatus(fake, sub, 'past_due');
}

export function setSubscriptionStatus(fake: Fake, sub: StoredObject<Subscription>, status: Subscription['status']): void {
  if (sub.data.status === status) return;
  const previous = { status: sub.data.status };
  sub.data.status = status;
  fake.store.touch();
  // While the subscription is being created, its first status is part of `customer.subscription.created`.
  if (sub.internal['creating']) return;
  fake.events.emit('customer.subscription.updated', sub.data, sub.scope, { previous });
}

/** Reacts to an invoice's payment intent succeeding or failing (immediately for cards, after clearing for Bacs). */
export function onInvoicePayment(fake: Fake, intent: StoredObject<PaymentIntent>, succeeded: boolean): void {
  const invoiceId = intent.internal['invoice'];
  if (typeof invoiceId !== 'string') return;
  const invoice = fake.store.get<Invoice>('invoice', invoiceId, intent.scope);
  if (!invoice || invoice.data.status !== 'open') return;
  if (succeeded) markInvoicePaid(fake, invoice);
  else invoiceFailed(fake, invoice);
}
