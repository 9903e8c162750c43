import { onInvoicePayment } from './billing/invoicing.js';
import { onCheckoutPayment } from './checkout/complete.js';
import type { Fake } from './fake.js';
import { Router } from './http/router.js';
import { registerSettlementJobs } from './payments/settlement.js';
import { registerAccounts } from './resources/accounts.js';
import { registerCharges } from './resources/charges.js';
import { registerCheckoutSessions } from './resources/checkoutSessions.js';
import { registerCustomers } from './resources/customers.js';
import { registerEvents } from './resources/events.js';
import { registerInvoices } from './resources/invoices.js';
import { registerMandates } from './resources/mandates.js';
import { registerPaymentIntents } from './resources/paymentIntents.js';
import { registerPaymentMethods } from './resources/paymentMethods.js';
import { registerPrices } from './resources/prices.js';
import { registerProducts } from './resources/products.js';
import { registerRefundJobs, registerRefunds } from './resources/refunds.js';
import { registerSetupIntents } from './resources/setupIntents.js';
import { registerSubscriptions } from './resources/subscriptions.js';

/** All `/v1` routes. */
export function buildRouter(): Router {
  const router = new Router();
  registerAccounts(router);
  registerCustomers(router);
  registerPaymentMethods(router);
  registerPaymentIntents(router);
  registerSetupIntents(router);
  registerCharges(router);
  registerRefunds(router);
  registerMandates(router);
  registerCheckoutSessions(router);
  registerProducts(router);
  registerPrices(router);
  registerSubscriptions(router);
  registerInvoices(router);
  registerEvents(router);
  return router;
}

/** Cross-resource reactions: what happens when a payment settles, and the delayed jobs. */
export function wire(fake: Fake): void {
  registerSettlementJobs();
  registerRefundJobs();
  fake.onPaymentSettled((intent, ok) => onCheckoutPayment(fake, intent, ok));
  fake.onPaymentSettled((intent, ok) => onInvoicePayment(fake, intent, ok));
}
