import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_PARAMS, type Endpoint } from '../src/http/sdkParams.js';

/** Where each endpoint's parameters are declared in the installed SDK: file, and interface path inside it. */
const DECLARATIONS: Record<Endpoint, [file: string, ...path: string[]]> = {
  'accounts.create': ['Accounts.d.ts', 'AccountCreateParams'],
  'accounts.update': ['Accounts.d.ts', 'AccountUpdateParams'],
  'accounts.list': ['Accounts.d.ts', 'AccountListParams'],
  'accountLinks.create': ['AccountLinks.d.ts', 'AccountLinkCreateParams'],
  'customers.create': ['Customers.d.ts', 'CustomerCreateParams'],
  'customers.update': ['Customers.d.ts', 'CustomerUpdateParams'],
  'customers.list': ['Customers.d.ts', 'CustomerListParams'],
  'customers.listPaymentMethods': ['Customers.d.ts', 'CustomerListPaymentMethodsParams'],
  'paymentMethods.create': ['PaymentMethods.d.ts', 'PaymentMethodCreateParams'],
  'paymentMethods.update': ['PaymentMethods.d.ts', 'PaymentMethodUpdateParams'],
  'paymentMethods.attach': ['PaymentMethods.d.ts', 'PaymentMethodAttachParams'],
  'paymentMethods.list': ['PaymentMethods.d.ts', 'PaymentMethodListParams'],
  'paymentIntents.create': ['PaymentIntents.d.ts', 'PaymentIntentCreateParams'],
  'paymentIntents.confirm': ['PaymentIntents.d.ts', 'PaymentIntentConfirmParams'],
  'paymentIntents.update': ['PaymentIntents.d.ts', 'PaymentIntentUpdateParams'],
  'paymentIntents.capture': ['PaymentIntents.d.ts', 'PaymentIntentCaptureParams'],
  'paymentIntents.cancel': ['PaymentIntents.d.ts', 'PaymentIntentCancelParams'],
  'paymentIntents.list': ['PaymentIntents.d.ts', 'PaymentIntentListParams'],
  'setupIntents.create': ['SetupIntents.d.ts', 'SetupIntentCreateParams'],
  'setupIntents.confirm': ['SetupIntents.d.ts', 'SetupIntentConfirmParams'],
  'setupIntents.list': ['SetupIntents.d.ts', 'SetupIntentListParams'],
  'refunds.create': ['Refunds.d.ts', 'RefundCreateParams'],
  'refunds.list': ['Refunds.d.ts', 'RefundListParams'],
  'charges.list': ['Charges.d.ts', 'ChargeListParams'],
  'checkout.sessions.create': ['Checkout/Sessions.d.ts', 'SessionCreateParams'],
  'checkout.sessions.create.payment_intent_data': ['Checkout/Sessions.d.ts', 'SessionCreateParams', 'PaymentIntentData'],
  'checkout.sessions.create.subscription_data': ['Checkout/Sessions.d.ts', 'SessionCreateParams', 'SubscriptionData'],
  'checkout.sessions.update': ['Checkout/Sessions.d.ts', 'SessionUpdateParams'],
  'checkout.sessions.list': ['Checkout/Sessions.d.ts', 'SessionListParams'],
  'products.create': ['Products.d.ts', 'ProductCreateParams'],
  'products.update': ['Products.d.ts', 'ProductUpdateParams'],
  'products.list': ['Products.d.ts', 'ProductListParams'],
  'prices.create': ['Prices.d.ts', 'PriceCreateParams'],
  'prices.update': ['Prices.d.ts', 'PriceUpdateParams'],
  'prices.list': ['Prices.d.ts', 'PriceListParams'],
  'subscriptions.create': ['Subscriptions.d.ts', 'SubscriptionCreateParams'],
  'subscriptions.update': ['Subscriptions.d.ts', 'SubscriptionUpdateParams'],
  'subscriptions.cancel': ['Subscriptions.d.ts', 'SubscriptionCancelParams'],
  'subscriptions.list': ['Subscriptions.d.ts', 'SubscriptionListParams'],
  'invoices.list': ['Invoices.d.ts', 'InvoiceListParams'],
  'invoices.pay': ['Invoices.d.ts', 'InvoicePayParams'],
  'events.list': ['Events.d.ts', 'EventListParams'],
};

const resources = join(dirname(createRequire(import.meta.url).resolve('stripe')), 'resources');
const PAGINATION = ['ending_before', 'expand', 'limit', 'starting_after'];

/** Top-level property names of an interface (a nested one is looked up inside `namespace <outer>`). */
function declaredParams(file: string, path: string[]): string[] {
  const lines = readFileSync(join(resources, file), 'utf8').split('\n');
  let from = 0;
  let indent = '';
  for (const [i, name] of path.entries()) {
    const last = i === path.length - 1;
    const pattern = last ? new RegExp(`^(\\s*)(export )?interface ${name} (extends (\\w+) )?\\{`) : new RegExp(`^(\\s*)(export declare )?namespace ${name} \\{`);
    from = lines.findIndex((line, j) => j >= from && pattern.test(line));
    if (from === -1) throw new Error(`${path.slice(0, i + 1).join('.')} not found in ${file}`);
    indent = pattern.exec(lines[from]!)![1]!;
  }
  const header = lines[from]!;
  const names = /extends PaginationParams/.test(header) ? [...PAGINATION] : [];
  const field = new RegExp(`^${indent} {4}([a-z_0-9]+)\\??: `);
  for (const line of lines.slice(from + 1)) {
    if (line.startsWith(`${indent}}`)) break;
    const match = field.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

describe('accepted parameters follow the installed SDK', () => {
  for (const [endpoint, [file, ...path]] of Object.entries(DECLARATIONS) as [Endpoint, [string, ...string[]]][]) {
    it(`${endpoint} accepts every parameter of ${path.join('.')}`, () => {
      const sdk = declaredParams(file, path);
      expect(sdk.length).toBeGreaterThan(0);
      const ours: readonly string[] = SDK_PARAMS[endpoint];
      expect(sdk.filter((name) => !ours.includes(name))).toEqual([]);
      expect(ours.filter((name) => !sdk.includes(name) && name !== 'payment_method_types')).toEqual([]);
    });
  }
});
