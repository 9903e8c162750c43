import { BACS_FAILURE_ACCOUNT, BACS_TEST_SORT_CODE, signatureHeader, type StripeEvent } from '@partnerships/stripe-fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, TEST_STRIPE_WEBHOOK_SECRET, type TestApp } from './support/test-app';
import { eventually, json } from './support/wait';

/**
 * Online payment (issue 6) against the project's Stripe fake: Connect onboarding, Checkout by
 * card and Bacs Direct Debit on the partnership's account, the webhook's signature checks,
 * idempotency keys surviving network errors, replay of a whole billing cycle's events (three
 * times, shuffled, concurrently), and the platform's own billing of partnerships.
 */
let t: TestApp;
let admin: Session;
let headA: Session;
let headB: Session;
let accountId: string;
let ealingId: string;

/** Every webhook the fake has sent has arrived, been stored and been processed. */
async function settled(): Promise<void> {
  await t.stripe.waitForDeliveries();
  try {
    await eventually(async () => {
      const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM stripe_events WHERE processed_at IS NULL`);
      return n === 0;
    }, 'Stripe events to be processed');
  } catch (error) {
    const waiting = await t.owner.query(`SELECT id, type, attempts, last_error FROM stripe_events WHERE processed_at IS NULL`);
    throw new Error(`${(error as Error).message}: ${JSON.stringify(waiting)}`);
  }
}

const postWebhook = (payload: string, signature?: string) =>
  fetch(`${t.url}/api/v1/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, body: payload });

/** Receipts to the school and notices to the partnership for an invoice's card payments. */
function receiptsFor(number: string) {
  const unfold = (raw: string) => raw.replace(/=\r?\n/g, '');
  const about = t.smtp.messages.filter((m) => new RegExp(`by card on .+ (for|against) invoice ${number}\\.`).test(unfold(m.raw)));
  return { school: about.filter((m) => m.to.includes('head.920001@demo.test')), partnership: about.filter((m) => m.to.includes('hello@ealing.demo.test')) };
}

async function invoicesOf(session: Session, urn: string) {
  return (await json(await session.get(`/api/v1/school-portal/${urn}/invoices`), 200)).items as { id: string; number: string; status: string; part: number; outstandingPence: number; totalPence: number }[];
}

beforeAll(async () => {
  t = await startTestApp('stripe');
  admin = await t.signIn('admin@ealing.demo.test');
  headA = await t.signIn('head.920001@demo.test');
  headB = await t.signIn('head.920002@demo.test');
  [{ id: ealingId }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = 'ealing'`);
  const created = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19', dryRun: false }), 202);
  await eventually(async () => (await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${created.id}`), 200)).status === 'completed', 'the billing run');
});

afterAll(async () => {
  await t?.close();
});

describe('Stripe Connect', () => {
  it('connects the partnership’s Stripe account once, and takes payments once Stripe enables charges', async () => {
    expect(await json(await admin.get('/api/v1/tenants/ealing/stripe'), 200)).toMatchObject({ available: true, connected: false, chargesEnabled: false, applicationFeeBasisPoints: 100 });
    const link = await json(await admin.send('POST', '/api/v1/tenants/ealing/stripe/connect'), 200);
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    accountId = link.accountId;
    const again = await json(await admin.send('POST', '/api/v1/tenants/ealing/stripe/connect'), 200);
    expect(again.accountId).toBe(accountId);
    expect(t.stripe.list<{ id: string; metadata: Record<string, string> }>('account').filter((a) => a.metadata.tenantId === ealingId)).toHaveLength(1);
    // Schools cannot pay online until onboarding is done.
    const [invoice] = await invoicesOf(headA, '920001');
    await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'card' }), 409);
    t.stripe.completeOnboarding(accountId);
    await settled();
    expect(await json(await admin.get('/api/v1/tenants/ealing/stripe'), 200)).toMatchObject({ connected: true, accountId, chargesEnabled: true, detailsSubmitted: true });
  });

  it('creates exactly one account when the network drops Stripe’s answer (the SDK retries with the same idempotency key)', async () => {
    const th = await t.signIn('admin@tower-hamlets.demo.test');
    const [{ id: thId }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = 'tower-hamlets'`);
    t.stripeNetwork.dropNextResponse({ method: 'POST', path: /^\/v1\/accounts$/ });
    const link = await json(await th.send('POST', '/api/v1/tenants/tower-hamlets/stripe/connect'), 200);
    const accounts = t.stripe.list<{ id: string; metadata: Record<string, string> }>('account').filter((a) => a.metadata.tenantId === thId);
    expect(accounts.map((a) => a.id)).toEqual([link.accountId]);
    const attempts = t.stripeNetwork.seen().filter((r) => r.method === 'POST' && r.path === '/v1/accounts').slice(-2);
    expect(attempts.map((a) => a.dropped)).toEqual([true, false]);
    expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(1);
  });
});

describe('paying online', () => {
  beforeAll(() => {
    // Real life: events come late, twice and out of order.
    t.stripe.setDeliveryMode({ duplicate: true, shuffle: true }, { windowMs: 100 });
  });

  it('a head pays by card on the Checkout page and the invoice is paid, once', async () => {
    const [invoice] = (await invoicesOf(headA, '920001')).filter((i) => i.part === 0);
    const checkout = await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'card' }), 200);
    expect(checkout).toMatchObject({ amountPence: 274_517, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1/) });
    // Pressing Pay twice gives the same session.
    const twice = await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'card' }), 200);
    expect(twice.sessionId).toBe(checkout.sessionId);
    const session = t.stripe.get<{ payment_method_types: string[]; metadata: Record<string, string> }>(checkout.sessionId)!;
    expect(session.payment_method_types).toEqual(['card']);
    expect(session.metadata).toMatchObject({ kind: 'invoice', invoiceId: invoice!.id, applicationFeePence: '2745' });
    const result = t.stripe.completeCheckout(checkout.sessionId, { method: 'card' });
    expect(result.ok).toBe(true);
    await settled();
    const paid = await json(await headA.get(`/api/v1/school-portal/920001/invoices/${invoice!.id}`), 200);
    expect(paid).toMatchObject({ status: 'paid', amountPaidPence: 274_517, outstandingPence: 0, payOnline: false });
    expect(paid.payments).toEqual([expect.objectContaining({ method: 'card', amountPence: 274_517 })]);
    const [payment] = await t.owner.query(`SELECT application_fee_pence, stripe_account_id FROM invoice_payments WHERE invoice_id = $1`, [invoice!.id]);
    expect(payment).toEqual({ application_fee_pence: 2745, stripe_account_id: accountId });
    // The money was charged on the partnership's own account, with the platform's fee.
    const intent = t.stripe.list<{ application_fee_amount: number; metadata: Record<string, string> }>('payment_intent', { account: accountId }).find((p) => p.metadata.invoiceId === invoice!.id)!;
    expect(intent.application_fee_amount).toBe(2745);
    // The partnership sees the platform's fee on the payment; the school does not.
    const seen = await json(await admin.get(`/api/v1/tenants/ealing/invoices/${invoice!.id}`), 200);
    expect(seen.payments).toEqual([expect.objectContaining({ method: 'card', amountPence: 274_517, applicationFeePence: 2745 })]);
    expect(paid.payments[0]).not.toHaveProperty('applicationFeePence');
    // Events came twice and out of order: one receipt to the school, one notice to the partnership.
    await eventually(async () => receiptsFor(paid.number).school.length >= 1 && receiptsFor(paid.number).partnership.length >= 1, 'the receipt and the notice');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiptsFor(paid.number).school).toHaveLength(1);
    expect(receiptsFor(paid.number).partnership).toHaveLength(1);
  });

  it('sends a payment’s receipt once when Stripe replays its events', async () => {
    await settled();
    const [invoice] = (await invoicesOf(headA, '920001')).filter((i) => i.part === 0);
    const before = receiptsFor(invoice!.number);
    expect(before.school).toHaveLength(1);
    // The events are forgotten (so each is processed afresh) but the payment they recorded is not: replay them all.
    await t.owner.query(`DELETE FROM stripe_events`);
    const cycle = t.stripe.events().filter((e: StripeEvent) => (e as { account?: string }).account === accountId).map((e) => JSON.stringify(e));
    const answers = await Promise.all([...cycle, ...cycle].map((body) => postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await settled();
    await new Promise((r) => setTimeout(r, 500));
    expect(receiptsFor(invoice!.number).school).toHaveLength(1);
    expect(receiptsFor(invoice!.number).partnership).toHaveLength(1);
  });

  it('Bacs Direct Debit: pending for days, a second payment refused meanwhile, then paid', async () => {
    const [invoice] = (await invoicesOf(headA, '920001')).filter((i) => i.part === 1);
    const checkout = await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'bacs_debit' }), 200);
    expect(t.stripe.completeCheckout(checkout.sessionId, { method: 'bacs_debit' }).ok).toBe(true);
    await settled();
    const pending = await json(await headA.get(`/api/v1/school-portal/920001/invoices/${invoice!.id}`), 200);
    expect(pending).toMatchObject({ status: 'open', pendingPaymentMethod: 'bacs_debit', amountPaidPence: 0, payOnline: false });
    await json(await headA.send('POST', `/api/v1/school-portal/920001/invoices/${invoice!.id}/checkout`, { method: 'card' }), 409);
    t.stripe.settlePending();
    await settled();
    const paid = await json(await headA.get(`/api/v1/school-portal/920001/invoices/${invoice!.id}`), 200);
    expect(paid).toMatchObject({ status: 'paid', pendingPaymentMethod: null, amountPaidPence: invoice!.totalPence });
    expect(paid.payments).toEqual([expect.objectContaining({ method: 'bacs_debit', amountPence: invoice!.totalPence })]);
  });

  it('a failed Direct Debit leaves the invoice open and payable', async () => {
    const [invoice] = await invoicesOf(headB, '920002');
    const checkout = await json(await headB.send('POST', `/api/v1/school-portal/920002/invoices/${invoice!.id}/checkout`, { method: 'bacs_debit' }), 200);
    expect(t.stripe.completeCheckout(checkout.sessionId, { method: 'bacs_debit', sortCode: BACS_TEST_SORT_CODE, accountNumber: BACS_FAILURE_ACCOUNT }).ok).toBe(true);
    await settled();
    t.stripe.settlePending();
    await settled();
    const after = await json(await headB.get(`/api/v1/school-portal/920002/invoices/${invoice!.id}`), 200);
    expect(after).toMatchObject({ status: 'open', pendingPaymentMethod: null, amountPaidPence: 0, payOnline: true, payments: [] });
  });

  it('creates exactly one Checkout session when the network drops Stripe’s answer', async () => {
    t.stripe.setDeliveryMode('normal');
    const [invoice] = await invoicesOf(headB, '920002');
    t.stripeNetwork.dropNextResponse({ method: 'POST', path: /^\/v1\/checkout\/sessions$/ });
    const checkout = await json(await headB.send('POST', `/api/v1/school-portal/920002/invoices/${invoice!.id}/checkout`, { method: 'card' }), 200);
    const sessions = t.stripe
      .list<{ id: string; metadata: Record<string, string>; payment_method_types: string[] }>('checkout.session', { account: accountId })
      .filter((s) => s.metadata.invoiceId === invoice!.id && s.payment_method_types[0] === 'card');
    expect(sessions.map((s) => s.id)).toEqual([checkout.sessionId]);
    const attempts = t.stripeNetwork.seen().filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions').slice(-2);
    expect(attempts.map((a) => a.dropped)).toEqual([true, false]);
    expect(attempts[0]!.idempotencyKey).toBe(attempts[1]!.idempotencyKey);
    expect(t.stripe.completeCheckout(checkout.sessionId, { method: 'card' }).ok).toBe(true);
    await settled();
    expect((await json(await headB.get(`/api/v1/school-portal/920002/invoices/${invoice!.id}`), 200)).status).toBe('paid');
  });
});

describe('the webhook', () => {
  const event = (id: string) => JSON.stringify({ id, object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: { id: 'cus_x', object: 'customer', metadata: {} } } });
  const stored = async () => (await t.owner.query(`SELECT count(*)::int AS n FROM stripe_events`))[0].n as number;

  it('refuses unsigned, wrongly signed, stale and tampered events, storing nothing', async () => {
    const before = await stored();
    const body = event('evt_refused_1');
    await json(await postWebhook(body), 400);
    await json(await postWebhook(body, signatureHeader(body, 'whsec_someone_else')), 400);
    await json(await postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 600)), 400);
    await json(await postWebhook(body.replace('customer.created', 'payment_intent.succeeded'), signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET)), 400);
    await json(await postWebhook(`${body} `, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET)), 400);
    expect(await stored()).toBe(before);
  });

  it('refuses a signature dated more than five minutes in the future, storing nothing', async () => {
    const before = await stored();
    const body = event('evt_future_1');
    const refused = await json(await postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) + 600)), 400);
    expect(refused.code).toBe('invalid_signature');
    expect(await stored()).toBe(before);
    // A clock a little ahead of ours is still accepted.
    const near = event('evt_future_2');
    expect(await json(await postWebhook(near, signatureHeader(near, TEST_STRIPE_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) + 60)), 200)).toEqual({ received: true, duplicate: false });
  });

  it('stores a signed event once by its id and acknowledges a duplicate without doing it again', async () => {
    const body = event('evt_once_1');
    expect(await json(await postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET)), 200)).toEqual({ received: true, duplicate: false });
    expect(await json(await postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET)), 200)).toEqual({ received: true, duplicate: true });
    await settled();
    const rows = await t.owner.query(`SELECT attempts, outcome FROM stripe_events WHERE id = 'evt_once_1'`);
    expect(rows).toEqual([{ attempts: 1, outcome: 'ignored: not a partnership of ours' }]);
  });

  it('replays every event of the billing cycle three times, shuffled and concurrently, to exactly the state of one delivery in order', async () => {
    await settled();
    const snapshot = async () => ({
      invoices: await t.owner.query(
        `SELECT number, status, amount_paid_pence, pending_payment_intent_id, pending_payment_method, (paid_at IS NOT NULL) AS paid FROM invoices WHERE tenant_id = $1 ORDER BY number`,
        [ealingId],
      ),
      payments: await t.owner.query(`SELECT i.number, p.method, p.amount_pence, p.stripe_payment_intent_id, p.application_fee_pence FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id ORDER BY 1, 4`),
      account: await t.owner.query(`SELECT account_id, charges_enabled, details_submitted, payouts_enabled FROM stripe_accounts WHERE tenant_id = $1`, [ealingId]),
    });
    const inOrder = await snapshot();
    expect(inOrder.payments.length).toBe(3);
    // Forget everything the events did (as the database owner, with triggers off), then replay them all.
    await t.owner.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`DELETE FROM invoice_payments WHERE stripe_payment_intent_id IS NOT NULL`);
      await em.query(`UPDATE invoices SET status = 'open', amount_paid_pence = 0, paid_at = NULL, pending_payment_intent_id = NULL, pending_payment_method = NULL WHERE tenant_id = $1 AND status IN ('open', 'paid')`, [ealingId]);
      await em.query(`UPDATE stripe_accounts SET charges_enabled = false, details_submitted = false, payouts_enabled = false WHERE tenant_id = $1`, [ealingId]);
      await em.query(`DELETE FROM stripe_events`);
    });
    const cycle = t.stripe.events().filter((e: StripeEvent) => (e as { account?: string }).account === accountId);
    expect(cycle.length).toBeGreaterThan(10);
    const deliveries = [...cycle, ...cycle, ...cycle].map((e) => JSON.stringify(e));
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    const answers = await Promise.all(deliveries.map((body) => postWebhook(body, signatureHeader(body, TEST_STRIPE_WEBHOOK_SECRET))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await settled();
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM stripe_events`))[0].n).toBe(cycle.length);
    expect(await snapshot()).toEqual(inOrder);
  });
});

describe('the platform’s own billing', () => {
  it('subscribes a partnership to its plan on the platform’s Stripe account, with what is left of its trial', async () => {
    await t.owner.query(`UPDATE tenants SET trial_ends_at = (now() AT TIME ZONE 'Europe/London')::date + 9 WHERE slug = 'ealing'`);
    const before = await json(await admin.get('/api/v1/tenants/ealing/platform-subscription'), 200);
    expect(before).toMatchObject({ status: null, memberSchools: 6, recommendedPlan: 'small', available: true });
    const checkout = await json(await admin.send('POST', '/api/v1/tenants/ealing/platform-subscription', { plan: 'small' }), 200);
    expect(checkout.amountPence).toBe(60_000);
    expect(t.stripe.completeCheckout(checkout.sessionId, { method: 'card' }).ok).toBe(true);
    await settled();
    const after = await eventually(async () => {
      const s = await json(await admin.get('/api/v1/tenants/ealing/platform-subscription'), 200);
      return s.status ? s : null;
    }, 'the subscription');
    expect(after).toMatchObject({ status: 'trialing', plan: 'small' });
    expect(after.trialEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await json(await admin.send('POST', '/api/v1/tenants/ealing/platform-subscription', { plan: 'small' }), 409);
    // The trial ends: the first year is charged to the card.
    t.stripe.advanceTime(10);
    await settled();
    const charged = await eventually(async () => {
      const s = await json(await admin.get('/api/v1/tenants/ealing/platform-subscription'), 200);
      return s.status === 'active' && s.invoices.some((i: { amountPaidPence: number }) => i.amountPaidPence === 60_000) ? s : null;
    }, 'the first paid year');
    expect(charged.invoices.find((i: { amountPaidPence: number }) => i.amountPaidPence === 60_000).status).toBe('paid');
  });

  it('shows operators every partnership’s plan, status and revenue, and lets them set the application fee', async () => {
    const operator = await t.signIn('operator@platform.demo.test');
    const overview = await json(await operator.get('/api/v1/platform/billing'), 200);
    const ealing = overview.items.find((i: { slug: string }) => i.slug === 'ealing');
    expect(ealing).toMatchObject({ plan: 'small', subscriptionStatus: 'active', revenuePence: 60_000, memberSchools: 6, stripeConnected: true });
    expect(overview.totals).toMatchObject({ partnerships: 3, active: 1, revenuePence: 60_000, annualRecurringPence: 60_000 });
    expect(overview.plans.find((p: { code: string }) => p.code === 'small')).toMatchObject({ annualPricePence: 60_000, applicationFeeBasisPoints: 100 });
    await json(await admin.get('/api/v1/platform/billing'), 403);
    await json(await admin.send('PUT', '/api/v1/platform/billing/plans/small', { applicationFeeBasisPoints: 50 }), 404);
    const changed = await json(await operator.send('PUT', '/api/v1/platform/billing/plans/small', { applicationFeeBasisPoints: 50 }), 200);
    expect(changed.plans.find((p: { code: string }) => p.code === 'small').applicationFeeBasisPoints).toBe(50);
    expect((await json(await admin.get('/api/v1/tenants/ealing/stripe'), 200)).applicationFeeBasisPoints).toBe(50);
  });
});
