import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Invoice } from '../billing/invoices.model.js';
import type { Session } from '../checkout/session.model.js';
import { completeCheckoutSession, refreshExpiry, type CheckoutPayment } from '../checkout/complete.js';
import type { Fake } from '../fake.js';
import { readBody } from '../http/body.js';
import { finishOnboarding, type AccountLinkToken } from '../resources/accounts.js';
import type { Account } from '../resources/accounts.model.js';
import type { Charge } from '../resources/charges.model.js';
import type { Mandate } from '../resources/mandates.js';
import { renderCheckoutPage } from './checkoutPage.js';
import { renderInvoice, renderMandate, renderReceipt } from './documentPages.js';
import { page, redirect, sendHtml } from './html.js';
import { renderDashboard, renderLinkExpired, renderOnboardingPage } from './onboardingPage.js';

function notFound(res: ServerResponse): void {
  sendHtml(res, 404, page('Not found', '<h1>Page not found</h1>'));
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}

async function checkout(fake: Fake, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const record = fake.store.get<Session>('checkout.session', id);
  if (!record) return notFound(res);
  refreshExpiry(fake, record);
  if (req.method !== 'POST') return sendHtml(res, 200, renderCheckoutPage(record));
  const form = await formBody(req);
  const method = form.get('method') === 'bacs_debit' ? 'bacs_debit' : 'card';
  const payment: CheckoutPayment = {
    method,
    cardNumber: form.get('card_number') ?? undefined,
    sortCode: form.get('sort_code') ?? undefined,
    accountNumber: form.get('account_number') ?? undefined,
    name: form.get('name') || undefined,
    email: form.get('email') || undefined,
  };
  const result = completeCheckoutSession(fake, record, payment);
  fake.store.flush();
  if (!result.ok) {
    return sendHtml(res, 402, renderCheckoutPage(record, { ...payment, error: result.error }));
  }
  if (result.redirectUrl) return redirect(res, result.redirectUrl);
  sendHtml(res, 200, renderCheckoutPage(record));
}

async function onboarding(fake: Fake, req: IncomingMessage, res: ServerResponse, tokenId: string): Promise<void> {
  const token = fake.store.get<AccountLinkToken>('account_link_token', tokenId);
  if (!token) return notFound(res);
  const account = fake.store.get<Account>('account', token.data.account);
  if (!account) return notFound(res);
  const expired = token.data.used || token.data.expires_at < fake.now();
  if (expired) return token.data.refresh_url ? redirect(res, token.data.refresh_url) : sendHtml(res, 410, renderLinkExpired());
  if (req.method !== 'POST') return sendHtml(res, 200, renderOnboardingPage(tokenId, account.data));
  const action = (await formBody(req)).get('action');
  token.data.used = true;
  fake.store.touch();
  if (action === 'complete' || action === 'pending') finishOnboarding(fake, account.id, action === 'complete');
  fake.store.flush();
  if (token.data.return_url) return redirect(res, token.data.return_url);
  sendHtml(res, 200, page('Onboarding', '<h1>Thank you</h1><p>You can close this page.</p>'));
}

/** Hosted pages: Checkout, Connect onboarding, invoices, mandates, receipts. Returns false for unknown paths. */
export async function handlePage(fake: Fake, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const [section, kind, id] = url.pathname.split('/').filter(Boolean);
  if (section === 'checkout' && kind === 'pay' && id) await checkout(fake, req, res, id);
  else if (section === 'connect' && kind === 'onboarding' && id) await onboarding(fake, req, res, id);
  else if (section === 'connect' && kind === 'dashboard' && id) {
    const account = fake.store.get<Account>('account', id);
    if (account) sendHtml(res, 200, renderDashboard(account.data));
    else notFound(res);
  } else if (section === 'invoices' && kind) {
    const invoice = fake.store.get<Invoice>('invoice', kind);
    if (invoice) sendHtml(res, 200, renderInvoice(invoice.data));
    else notFound(res);
  } else if (section === 'mandates' && kind) {
    const mandate = fake.store.get<Mandate>('mandate', kind);
    if (mandate) sendHtml(res, 200, renderMandate(mandate.data));
    else notFound(res);
  } else if (section === 'receipts' && kind) {
    const charge = fake.store.get<Charge>('charge', kind);
    if (charge) sendHtml(res, 200, renderReceipt(charge.data));
    else notFound(res);
  } else return false;
  return true;
}
