import type { Database, EntityManager } from '@partnerships/db';
import { londonDateOfUnix, outstandingPence, PAYMENT_METHODS, type PaymentMethod, settledStatus } from '@partnerships/domain';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { InvoiceRepository } from './repositories/invoice.repository';
import { PlatformInvoiceRepository } from './repositories/platform-invoice.repository';
import { PlatformSubscriptionRepository } from './repositories/platform-subscription.repository';
import { StripeAccountRepository } from './repositories/stripe-account.repository';
import { type StoredStripeEvent, StripeEventRepository } from './repositories/stripe-event.repository';

export interface StripeEventDeps {
  db: Database;
  stripe: Stripe | null;
  logger?: Logger;
  /**
   * A payment was recorded, or an event for a payment recorded earlier arrived while its receipt is
   * still owed (`receipt_due` and not sent): queue its receipt and the partnership's notice. Called
   * after the payment committed; if it throws, the event stays unprocessed and its retry calls it again.
   */
  onPaymentRecorded?: (payment: { tenantId: string; invoiceId: string; paymentId: string }) => Promise<void>;
}

type StoredEvent = StoredStripeEvent;

/**
 * Processes one stored Stripe event (the webhook stored it by id and queued this). Safe to run
 * twice and in any order with other events:
 * - a payment is recorded once per payment intent (unique index), under the invoice's row lock;
 * - an invoice turns paid only from money actually received (Checkout completed and paid, an
 *   asynchronous payment succeeded, a payment intent succeeded) and is never reopened: a late
 *   "processing" or "failed" event only clears the pending marker it set itself;
 * - state that Stripe owns (a connected account, a subscription) is re-read from Stripe, so an
 *   old event arriving last cannot roll it back.
 */
export async function processStripeEvent(deps: StripeEventDeps, payload: { eventId: string }): Promise<void> {
  const { db } = deps;
  const event = await db.asPlatform({}, (em) => new StripeEventRepository(em).find(payload.eventId));
  if (!event) throw new Error(`Stripe event ${payload.eventId} is not stored`);
  if (event.processedAt) return;
  await db.asPlatform({}, (em) => new StripeEventRepository(em).countAttempt(event.id));
  let outcome: string;
  try {
    const recorded: { tenantId: string; invoiceId: string; paymentId: string }[] = [];
    outcome = event.account ? await connectedAccountEvent(deps, event, recorded) : await platformEvent(deps, event);
    // After the payment has committed (with `receipt_due`); the receipt job is keyed by the payment and
    // checks `receipt_sent_at` under the payment's row lock, so queuing it twice sends it once.
    for (const payment of recorded) await deps.onPaymentRecorded?.(payment);
  } catch (error) {
    await db.asPlatform({}, (em) => new StripeEventRepository(em).recordError(event.id, error instanceof Error ? error.message : String(error)));
    throw error;
  }
  await db.asPlatform({}, (em) => new StripeEventRepository(em).markProcessed(event.id, outcome));
  deps.logger?.info({ eventId: event.id, type: event.type, outcome }, 'stripe event processed');
}

// ---------------------------------------------------------------- a partnership's connected account

async function connectedAccountEvent(deps: StripeEventDeps, event: StoredEvent, recorded: { tenantId: string; invoiceId: string; paymentId: string }[]): Promise<string> {
  const { db } = deps;
  const tenantId = await db.asPlatform({}, (em) => new StripeAccountRepository(em).tenantOfAccount(event.account!));
  if (!tenantId) return 'ignored: unknown connected account';
  const object = event.payload.data.object as unknown as Record<string, unknown>;
  const metadata = (object.metadata ?? {}) as Record<string, string>;
  if (event.type === 'account.updated') return db.inTenant(tenantId, {}, (em) => refreshAccount(em, deps.stripe, tenantId, object as unknown as Stripe.Account));
  if (metadata.kind !== 'invoice' || !metadata.invoiceId) return 'ignored: not one of our invoices';
  if (metadata.tenantId !== tenantId) return 'ignored: the invoice belongs to another partnership';
  const invoiceId = metadata.invoiceId;
  const method = (PAYMENT_METHODS as readonly string[]).includes(metadata.method ?? '') ? (metadata.method as PaymentMethod) : 'card';
  const paidOn = londonDateOfUnix(event.created);
  const fee = metadata.applicationFeePence ? Number(metadata.applicationFeePence) : null;
  return db.inTenant(tenantId, {}, async (em) => {
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = object as unknown as Stripe.Checkout.Session;
        const intent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
        if (!intent) return 'ignored: no payment intent';
        if (session.payment_status === 'paid') {
          return recordPayment(em, tenantId, invoiceId, { intent, amountPence: session.amount_total ?? 0, method, paidOn, sessionId: session.id, account: event.account!, fee }, recorded);
        }
        return (await stillProcessing(deps.stripe, intent, event.account!)) ? markPending(em, invoiceId, intent, method) : 'nothing to do: the payment has settled';
      }
      case 'payment_intent.succeeded': {
        const intent = object as unknown as Stripe.PaymentIntent;
        return recordPayment(em, tenantId, invoiceId, { intent: intent.id, amountPence: intent.amount_received, method, paidOn, sessionId: null, account: event.account!, fee }, recorded);
      }
      case 'payment_intent.processing': {
        const intent = object as unknown as Stripe.PaymentIntent;
        return (await stillProcessing(deps.stripe, intent.id, event.account!)) ? markPending(em, invoiceId, intent.id, method) : 'nothing to do: the payment has settled';
      }
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired': {
        const session = object as unknown as Stripe.Checkout.Session;
        const intent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
        return intent ? clearPending(em, invoiceId, intent) : 'nothing to do';
      }
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled':
        return clearPending(em, invoiceId, (object as unknown as Stripe.PaymentIntent).id);
      default:
        return `ignored: ${event.type}`;
    }
  });
}

interface StripePayment {
  intent: string;
  amountPence: number;
  method: PaymentMethod;
  paidOn: string;
  sessionId: string | null;
  account: string;
  fee: number | null;
}

/** Money received through Stripe: recorded once per payment intent; the invoice settles, and stays settled. */
async function recordPayment(em: EntityManager, tenantId: string, invoiceId: string, payment: StripePayment, recorded: { tenantId: string; invoiceId: string; paymentId: string }[]): Promise<string> {
  const invoices = new InvoiceRepository(em);
  const invoice = await invoices.lockBalance(invoiceId);
  if (!invoice) return 'ignored: unknown invoice';
  if (payment.amountPence <= 0) return 'ignored: no amount';
  const inserted = await invoices.insertStripePayment(tenantId, {
    invoiceId,
    schoolId: invoice.school_id,
    method: payment.method,
    amountPence: payment.amountPence,
    paidOn: payment.paidOn,
    intent: payment.intent,
    sessionId: payment.sessionId,
    account: payment.account,
    fee: payment.fee,
  });
  if (!inserted) {
    // A replay (or the retry of a job whose queueing failed): the receipt, if still owed, is queued again (keyed by the payment, sent once).
    const owed = await invoices.owedStripeReceipt(tenantId, payment.intent);
    if (owed) recorded.push({ tenantId, invoiceId, paymentId: owed });
    return 'already recorded';
  }
  recorded.push({ tenantId, invoiceId, paymentId: inserted });
  const paid = invoice.amount_paid_pence + payment.amountPence;
  const status = settledStatus({ status: invoice.status, totalPence: invoice.total_pence, amountPaidPence: paid, amountCreditedPence: invoice.amount_credited_pence });
  await invoices.applyStripePayment(invoiceId, paid, status, payment.intent);
  return status === 'paid' ? 'payment recorded: invoice paid' : `payment recorded: ${outstandingPence({ totalPence: invoice.total_pence, amountPaidPence: paid, amountCreditedPence: invoice.amount_credited_pence })}p outstanding`;
}

/**
 * Whether a payment is still on its way, as Stripe has it now: a "processing" event read after
 * the payment failed or succeeded (events out of order) must not mark the invoice pending again.
 */
async function stillProcessing(stripe: Stripe | null, intent: string, account: string): Promise<boolean> {
  if (!stripe) return true;
  const current = await stripe.paymentIntents.retrieve(intent, {}, { stripeAccount: account });
  return current.status === 'processing';
}

/** A Direct Debit is on its way: say so, unless the money has already been recorded (events out of order). */
async function markPending(em: EntityManager, invoiceId: string, intent: string, method: PaymentMethod): Promise<string> {
  const invoices = new InvoiceRepository(em);
  // Lock first, then look for the payment in a fresh statement, so a payment recorded meanwhile is seen.
  const invoice = await invoices.lockPending(invoiceId);
  if (!invoice || invoice.status !== 'open' || invoice.pendingPaymentIntentId === intent) return 'nothing to do';
  if (await invoices.hasStripePayment(invoiceId, intent)) return 'nothing to do: already paid';
  await invoices.setPending(invoiceId, intent, method === 'bank_transfer' ? null : method);
  return 'payment pending';
}

/** A payment failed or a session expired: clear the pending marker it set, and nothing else (the invoice's status is untouched). */
async function clearPending(em: EntityManager, invoiceId: string, intent: string): Promise<string> {
  const changed = await new InvoiceRepository(em).clearPending(invoiceId, intent);
  return changed ? 'pending payment cleared' : 'nothing to do';
}

/** A connected account's state, as Stripe has it now (re-read, so an old event cannot roll it back). */
async function refreshAccount(em: EntityManager, stripe: Stripe | null, tenantId: string, fromEvent: Stripe.Account): Promise<string> {
  const account = stripe ? await stripe.accounts.retrieve(fromEvent.id) : fromEvent;
  const changed = await new StripeAccountRepository(em).updateFlagsOf(tenantId, account.id, {
    chargesEnabled: account.charges_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
  });
  return changed ? 'account updated' : 'account unchanged';
}

// ---------------------------------------------------------------- the platform's own account

async function platformEvent(deps: StripeEventDeps, event: StoredEvent): Promise<string> {
  const object = event.payload.data.object as unknown as Record<string, unknown>;
  const metadata = (object.metadata ?? {}) as Record<string, string>;
  const customer = typeof object.customer === 'string' ? object.customer : ((object.customer as { id?: string } | null)?.id ?? null);
  const tenantId = await tenantForPlatformObject(deps.db, metadata.tenantId, customer);
  if (!tenantId) return 'ignored: not a partnership of ours';
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = object as unknown as Stripe.Checkout.Session;
      if (metadata.kind !== 'platform-subscription' || !session.subscription) return 'ignored: not a plan subscription';
      const subscriptionId = typeof session.subscription === 'string' ? session.subscription : session.subscription.id;
      return syncSubscription(deps, tenantId, subscriptionId, customer);
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.trial_will_end':
      return syncSubscription(deps, tenantId, (object as unknown as Stripe.Subscription).id, customer);
    case 'invoice.created':
    case 'invoice.finalized':
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
    case 'invoice.payment_failed':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
      return recordPlatformInvoice(deps, tenantId, object as unknown as Stripe.Invoice);
    default:
      return `ignored: ${event.type}`;
  }
}

async function tenantForPlatformObject(db: Database, tenantId: string | undefined, customer: string | null): Promise<string | null> {
  return db.asPlatform({}, async (em) => {
    const tenants = new PlatformSubscriptionRepository(em);
    if (customer) {
      const byCustomer = await tenants.tenantOfCustomer(customer);
      if (byCustomer) return byCustomer;
    }
    if (tenantId && /^[0-9a-f-]{36}$/i.test(tenantId)) return tenants.tenantExists(tenantId);
    return null;
  });
}

const toTimestamp = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** The partnership's plan subscription as Stripe has it now. */
async function syncSubscription(deps: StripeEventDeps, tenantId: string, subscriptionId: string, customer: string | null): Promise<string> {
  if (!deps.stripe) return 'ignored: Stripe is not configured';
  const subscription = await deps.stripe.subscriptions.retrieve(subscriptionId);
  const item = subscription.items.data[0];
  const plan = item?.price.metadata?.plan ?? subscription.metadata?.plan ?? null;
  const periodEnd = (item as unknown as { current_period_end?: number } | undefined)?.current_period_end ?? null;
  await deps.db.asPlatform({}, (em) =>
    new PlatformSubscriptionRepository(em).syncSubscription(tenantId, {
      customer,
      subscriptionId: subscription.id,
      status: subscription.status,
      plan,
      trialEnd: toTimestamp(subscription.trial_end),
      periodEnd: toTimestamp(periodEnd),
    }),
  );
  return `subscription ${subscription.status}`;
}

const PLATFORM_INVOICE_RANK: Record<string, number> = { draft: 0, open: 1, uncollectible: 2, void: 3, paid: 4 };

/** One of the platform's invoices to a partnership; its status only moves forward (paid stays paid). */
async function recordPlatformInvoice(deps: StripeEventDeps, tenantId: string, invoice: Stripe.Invoice): Promise<string> {
  const status = invoice.status ?? 'draft';
  const paidAt = invoice.status === 'paid' ? toTimestamp(invoice.status_transitions?.paid_at ?? null) ?? new Date() : null;
  await deps.db.inTenant(tenantId, {}, async (em) => {
    const platformInvoices = new PlatformInvoiceRepository(em);
    const existing = await platformInvoices.lockStatus(invoice.id);
    if (existing && (PLATFORM_INVOICE_RANK[existing] ?? 0) > (PLATFORM_INVOICE_RANK[status] ?? 0)) return;
    await platformInvoices.upsert(tenantId, {
      stripeInvoiceId: invoice.id,
      number: invoice.number ?? null,
      status,
      amountDuePence: invoice.amount_due ?? 0,
      amountPaidPence: invoice.amount_paid ?? 0,
      currency: invoice.currency ?? 'gbp',
      periodStart: toTimestamp(invoice.period_start),
      periodEnd: toTimestamp(invoice.period_end),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      paidAt,
    });
  });
  return `platform invoice ${status}`;
}
