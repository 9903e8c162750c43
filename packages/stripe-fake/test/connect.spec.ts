import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { startWithWebhooks, stopWithWebhooks, submitForm, type WebhookReceiver } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
let hooks: WebhookReceiver;
beforeAll(async () => {
  ({ fake, stripe, hooks } = await startWithWebhooks());
});
afterAll(() => stopWithWebhooks(fake, hooks));

describe('Connect accounts and onboarding', () => {
  it('creates, retrieves, updates and lists connected accounts', async () => {
    const account = await stripe.accounts.create({
      type: 'standard',
      country: 'GB',
      email: 'bursar@school.example',
      business_profile: { name: 'Hilltop Primary' },
      metadata: { partnership: 'p_1' },
    });
    expect(account).toMatchObject({ object: 'account', type: 'standard', country: 'GB', charges_enabled: false, details_submitted: false, payouts_enabled: false });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    expect((await stripe.accounts.retrieve(account.id)).email).toBe('bursar@school.example');
    const updated = await stripe.accounts.update(account.id, { business_profile: { support_email: 'help@school.example' }, metadata: { partnership: 'p_2' } });
    expect(updated.business_profile?.support_email).toBe('help@school.example');
    expect(updated.metadata).toEqual({ partnership: 'p_2' });
    const listed = await stripe.accounts.list();
    expect(listed.data.map((a) => a.id)).toContain(account.id);
  });

  it('account link → hosted onboarding page → button → redirect to return_url; charges_enabled flips and account.updated is sent', async () => {
    const account = await stripe.accounts.create({ type: 'express', country: 'GB', email: 'head@school.example', capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
    const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'https://app.example/refresh', return_url: 'https://app.example/return' });
    expect(link.object).toBe('account_link');
    expect(link.expires_at).toBeGreaterThan(link.created);
    expect(link.url.startsWith(fake.url)).toBe(true);

    const pageRes = await fetch(link.url);
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('Complete onboarding');

    const submit = await submitForm(link.url, { action: 'complete' });
    expect(submit.status).toBe(303);
    expect(submit.headers.get('location')).toBe('https://app.example/return');

    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: true, details_submitted: true, payouts_enabled: true });
    expect(after.capabilities).toEqual({ card_payments: 'active', transfers: 'active' });
    expect(after.requirements?.currently_due).toEqual([]);

    await fake.waitForDeliveries();
    const event = hooks.received.find((d) => d.event.type === 'account.updated' && d.event.account === account.id);
    expect(event).toBeDefined();
    expect(event!.event.data.object['charges_enabled']).toBe(true);
    expect((event!.event as unknown as { data: { previous_attributes: Record<string, unknown> } }).data.previous_attributes['charges_enabled']).toBe(false);

    // A used link sends the user to refresh_url, as Stripe does.
    const again = await fetch(link.url, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('https://app.example/refresh');
  });

  it('"submit details" leaves the account pending verification (details_submitted but not charges_enabled)', async () => {
    const account = await stripe.accounts.create({ type: 'standard', country: 'GB' });
    const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'https://app.example/r', return_url: 'https://app.example/done' });
    await submitForm(link.url, { action: 'pending' });
    const after = await stripe.accounts.retrieve(account.id);
    expect(after.details_submitted).toBe(true);
    expect(after.charges_enabled).toBe(false);
    expect(after.requirements?.disabled_reason).toBe('requirements.pending_verification');
  });

  it('scopes objects by Stripe-Account and attaches `account` to Connect events', async () => {
    const account = await stripe.accounts.create({ type: 'standard', country: 'GB' });
    fake.completeOnboarding(account.id);
    const opts = { stripeAccount: account.id };
    const connected = await stripe.customers.create({ email: 'parent@example.org' }, opts);
    const platform = await stripe.customers.create({ email: 'platform@example.org' });

    expect((await stripe.customers.retrieve(connected.id, {}, opts)).id).toBe(connected.id);
    await expect(stripe.customers.retrieve(connected.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(stripe.customers.retrieve(platform.id, {}, opts)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.customers.list({}, opts)).data.map((c) => c.id)).toEqual([connected.id]);

    const events = await stripe.events.list({ type: 'customer.created' }, opts);
    expect(events.data).toHaveLength(1);
    expect(events.data[0]!.account).toBe(account.id);
    const platformEvents = await stripe.events.list({ type: 'customer.created' });
    expect(platformEvents.data.every((e) => e.account === undefined)).toBe(true);
    // A connected account can read itself.
    expect((await stripe.accounts.retrieve(account.id, {}, opts)).id).toBe(account.id);
  });

  it('refuses direct charges before onboarding and application fees without a connected account', async () => {
    const account = await stripe.accounts.create({ type: 'standard', country: 'GB' });
    const error = (await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', application_fee_amount: 50 }, { stripeAccount: account.id }).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.message).toMatch(/cannot currently make charges/);
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', application_fee_amount: 50 })).rejects.toThrow(/Can only apply an application_fee_amount/);

    fake.completeOnboarding(account.id);
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', application_fee_amount: 50, payment_method: 'pm_card_visa', confirm: true }, { stripeAccount: account.id });
    expect(pi).toMatchObject({ status: 'succeeded', application_fee_amount: 50 });
    const charge = await stripe.charges.retrieve(String(pi.latest_charge), {}, { stripeAccount: account.id });
    expect(charge.application_fee_amount).toBe(50);
  });

  it('login links point at a simple dashboard page', async () => {
    const account = await stripe.accounts.create({ type: 'express', country: 'GB' });
    const link = await stripe.accounts.createLoginLink(account.id);
    expect(link.object).toBe('login_link');
    expect((await fetch(link.url)).status).toBe(200);
  });
});
