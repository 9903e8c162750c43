import { createSubscription, itemsFrom } from '../billing/subscriptions.js';
import type { Fake } from '../fake.js';
import { StripeApiError } from '../http/errors.js';
import type { ParamObject } from '../http/form.js';
import { Params } from '../http/params.js';
import { confirmPaymentIntent } from '../payments/engine.js';
import { BACS_SUCCESS_ACCOUNT, BACS_TEST_SORT_CODE } from '../payments/testBacs.js';
import { lookupCard } from '../payments/testCards.js';
import { createCustomer, type Customer } from '../resources/customers.js';
import { createBacsMandate, type Acceptance } from '../resources/mandates.js';
import { buildPaymentIntent, type PaymentIntent } from '../resources/paymentIntents.model.js';
import { attachPaymentMethod, storePaymentMethod, type StoredPaymentMethod } from '../resources/paymentMethods.js';
import { buildBacsPaymentMethod, buildCardPaymentMethod } from '../resources/paymentMethods.model.js';
import { confirmSetupIntent, createSetupIntent } from '../resources/setupIntents.js';
import type { StoredObject } from '../store/state.js';
import type { LineItem } from './lineItems.js';
import type { Session } from './session.model.js';

export interface CheckoutInternal {
  lineItems: LineItem[];
  paymentIntentData: ParamObject | null;
  subscriptionData: ParamObject | null;
  setupIntentData: ParamObject | null;
  [key: string]: unknown;
}

/** What the customer entered on the hosted page (defaults: Stripe's successful test card / Bacs account). */
export interface CheckoutPayment {
  method: 'card' | 'bacs_debit';
  cardNumber?: string;
  sortCode?: string;
  accountNumber?: string;
  name?: string;
  email?: string;
}

export type CompletionResult = { ok: true; session: Session; redirectUrl: string | null } | { ok: false; session: Session; error: string };

const ACCEPTANCE: Acceptance = { ipAddress: '127.0.0.1', userAgent: 'stripe-fake hosted checkout' };

/** Lazily expires an open session whose `expires_at` has passed (the fake clock may have moved). */
export function refreshExpiry(fake: Fake, record: StoredObject<Session>): void {
  if (record.data.status === 'open' && record.data.expires_at <= fake.now()) expireSession(fake, record);
}

export function expireSession(fake: Fake, record: StoredObject<Session>): void {
  record.data.status = 'expired';
  record.data.url = null;
  fake.store.touch();
  fake.events.emit('checkout.session.expired', record.data, record.scope);
}

function successUrl(session: Session): string | null {
  return session.success_url ? session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id) : null;
}

function paymentMethodFor(fake: Fake, record: StoredObject<Session>, payment: CheckoutPayment, email: string | null): StoredPaymentMethod {
  const billing = { name: payment.name ?? 'Test Customer', ...(email ? { email } : {}) };
  const built =
    payment.method === 'card'
      ? buildCardPaymentMethod(new Params({ billing_details: billing, card: { exp_month: '12', exp_year: '2034' } }), fake.now(), payment.cardNumber ?? '4242424242424242')
      : buildBacsPaymentMethod(
          new Params({
            billing_details: billing,
            bacs_debit: { sort_code: payment.sortCode ?? BACS_TEST_SORT_CODE, account_number: payment.accountNumber ?? BACS_SUCCESS_ACCOUNT },
          }),
          fake.now(),
        );
  return storePaymentMethod(fake, record.scope, built);
}

function ensureCustomer(fake: Fake, record: StoredObject<Session>, payment: CheckoutPayment, email: string | null): StoredObject<Customer> | undefined {
  const session = record.data;
  if (typeof session.customer === 'string') return fake.store.get<Customer>('customer', session.customer, record.scope);
  if (session.mode === 'payment' && session.customer_creation !== 'always') return undefined;
  const customer = createCustomer(fake, record.scope, new Params({ ...(email ? { email } : {}), name: payment.name ?? 'Test Customer' }));
  session.customer = customer.id;
  return fake.store.get<Customer>('customer', customer.id, record.scope);
}

function payInPaymentMode(fake: Fake, record: StoredObject<Session>, pm: StoredPaymentMethod, customer: string | null): void {
  const session = record.data;
  const internal = record.internal as CheckoutInternal;
  let intent = typeof session.payment_intent === 'string' ? fake.store.get<PaymentIntent>('payment_intent', session.payment_intent, record.scope) : undefined;
  if (!intent) {
    const raw: ParamObject = {
      ...(internal.paymentIntentData ?? {}),
      amount: String(session.amount_total),
      currency: session.currency ?? 'gbp',
      allowed_payment_method_types: session.payment_method_types,
      ...(customer ? { customer } : {}),
    };
    const pi = buildPaymentIntent(new Params(raw), fake.now());
    intent = fake.store.insert('payment_intent', record.scope, pi, { checkoutSession: session.id });
    session.payment_intent = pi.id;
    fake.events.emit('payment_intent.created', pi, record.scope);
  }
  confirmPaymentIntent(fake, intent, { paymentMethod: pm, acceptance: ACCEPTANCE });
  session.payment_status = intent.data.status === 'succeeded' ? 'paid' : 'unpaid';
}

function payInSubscriptionMode(fake: Fake, record: StoredObject<Session>, pm: StoredPaymentMethod, customer: string): void {
  const session = record.data;
  const internal = record.internal as CheckoutInternal;
  const data = new Params(internal.subscriptionData ?? {});
  const transfer = data.obj('transfer_data');
  if (pm.data.type === 'bacs_debit') createBacsMandate(fake, record.scope, pm.data, ACCEPTANCE);
  const items = itemsFrom(fake, record.scope, internal.lineItems.filter((li) => li.price?.recurring).map((li) => new Params({ price: li.price!.id, quantity: String(li.quantity ?? 1) })), 'line_items');
  const sub = createSubscription(fake, record.scope, {
    customer,
    items,
    trialPeriodDays: data.int('trial_period_days'),
    trialEnd: data.int('trial_end'),
    defaultPaymentMethod: pm.id,
    metadata: data.metadata(),
    description: data.str('description') ?? null,
    applicationFeePercent: data.has('application_fee_percent') ? Number(data.str('application_fee_percent')) : null,
    transferDestination: transfer?.str('destination') ?? null,
    onBehalfOf: data.str('on_behalf_of') ?? null,
  });
  session.subscription = sub.id;
  session.invoice = typeof sub.data.latest_invoice === 'string' ? sub.data.latest_invoice : null;
  const invoicePayment = fake.store.list<PaymentIntent>('payment_intent', record.scope, (r) => r.internal['invoice'] === session.invoice)[0];
  if (invoicePayment) invoicePayment.internal['checkoutSession'] = session.id;
  if (sub.data.status === 'trialing') session.payment_status = 'no_payment_required';
  else session.payment_status = invoicePayment?.data.status === 'succeeded' ? 'paid' : 'unpaid';
}

/**
 * What pressing "Pay" on the hosted page does: creates the payment method (and customer when the mode
 * needs one), then pays (payment), saves (setup) or subscribes (subscription). Cards complete at once;
 * Bacs completes the session with `payment_status: 'unpaid'` until the payment clears.
 */
export function completeCheckoutSession(fake: Fake, record: StoredObject<Session>, payment: CheckoutPayment): CompletionResult {
  const session = record.data;
  refreshExpiry(fake, record);
  if (session.status !== 'open') return { ok: false, session, error: `This Checkout Session is ${session.status}.` };
  if (!session.payment_method_types.includes(payment.method)) return { ok: false, session, error: `This Checkout Session does not accept ${payment.method}.` };
  const email = payment.email ?? session.customer_email ?? null;
  let pm: StoredPaymentMethod;
  try {
    pm = paymentMethodFor(fake, record, payment, email);
  } catch (error) {
    if (error instanceof StripeApiError) return { ok: false, session, error: error.body.message };
    throw error;
  }
  if (session.mode === 'subscription' && pm.data.type === 'card') {
    const decline = lookupCard(pm.internal.cardNumber ?? '')?.decline;
    if (decline) return { ok: false, session, error: decline.message };
  }
  const customer = ensureCustomer(fake, record, payment, email);
  try {
    if (session.mode === 'payment') payInPaymentMode(fake, record, pm, customer?.id ?? null);
    else if (session.mode === 'setup') {
      const si = createSetupIntent(fake, record.scope, new Params({ ...(record.internal as CheckoutInternal).setupIntentData, ...(customer ? { customer: customer.id } : {}), allowed_payment_method_types: session.payment_method_types }));
      confirmSetupIntent(fake, si, pm, ACCEPTANCE);
      session.setup_intent = si.id;
    } else {
      if (customer) attachPaymentMethod(fake, record.scope, pm, customer.id);
      payInSubscriptionMode(fake, record, pm, customer!.id);
    }
  } catch (error) {
    fake.store.touch();
    if (error instanceof StripeApiError) return { ok: false, session, error: error.body.message };
    throw error;
  }
  session.status = 'complete';
  session.url = null;
  session.customer_details = {
    address: null,
    business_name: null,
    email: email ?? customer?.data.email ?? null,
    individual_name: null,
    name: payment.name ?? customer?.data.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  fake.store.touch();
  fake.events.emit('checkout.session.completed', session, record.scope);
  return { ok: true, session, redirectUrl: successUrl(session) };
}

/** Bacs payments that clear (or fail) after the session completed: `checkout.session.async_payment_*`. */
export function onCheckoutPayment(fake: Fake, intent: StoredObject<PaymentIntent>, succeeded: boolean): void {
  const sessionId = intent.internal['checkoutSession'];
  if (typeof sessionId !== 'string') return;
  const record = fake.store.get<Session>('checkout.session', sessionId, intent.scope);
  if (!record || record.data.status !== 'complete' || record.data.payment_status !== 'unpaid') return;
  if (succeeded) {
    record.data.payment_status = 'paid';
    fake.store.touch();
    fake.events.emit('checkout.session.async_payment_succeeded', record.data, record.scope);
  } else {
    fake.events.emit('checkout.session.async_payment_failed', record.data, record.scope);
  }
}
