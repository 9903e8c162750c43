import type Stripe from 'stripe';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import type { Params } from '../http/params.js';
import { resolveMethodTypes } from '../payments/methodTypes.js';
import { DAY } from '../util/clock.js';
import { randomToken } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import type { LineItem } from './lineItems.js';

export type Session = Wire<Stripe.Checkout.Session>;
export type Mode = Stripe.Checkout.Session.Mode;

function sessionCurrency(params: Params, items: LineItem[]): string | null {
  const currencies = new Set(items.map((item) => item.currency));
  if (currencies.size > 1) throw invalidRequest('All line items must use the same currency.', { param: 'line_items' });
  return items[0]?.currency ?? params.str('currency')?.toLowerCase() ?? null;
}

/** A new, open Checkout Session whose hosted page is `<baseUrl>/checkout/pay/<id>`. */
export function buildSession(params: Params, mode: Mode, items: LineItem[], now: number, baseUrl: string): Session {
  const id = `cs_test_${randomToken(58)}`;
  const currency = sessionCurrency(params, items);
  if (mode !== 'setup' && items.length === 0) throw parameterMissing('line_items');
  if (mode === 'subscription' && !items.some((item) => item.price?.recurring)) {
    throw invalidRequest('You must provide at least one recurring price in `subscription` mode when using prices.', { param: 'line_items' });
  }
  if (mode === 'payment' && items.some((item) => item.price?.recurring)) {
    throw invalidRequest('You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.', { param: 'line_items' });
  }
  const customer = params.str('customer') ?? null;
  const customerEmail = params.str('customer_email') ?? null;
  if (customer && customerEmail) throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' });
  const clientReference = params.str('client_reference_id') ?? null;
  if (clientReference && clientReference.length > 200) throw invalidRequest('client_reference_id must be at most 200 characters.', { param: 'client_reference_id' });
  const expiresAt = params.int('expires_at') ?? now + DAY;
  if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + DAY + 5) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  const amount = items.reduce((sum, item) => sum + item.amount_total, 0);
  const trial = mode === 'subscription' && params.obj('subscription_data')?.has('trial_period_days');
  if (mode === 'setup' && !currency && !params.has('allowed_payment_method_types') && !params.has('payment_method_types')) throw parameterMissing('currency');
  const methods = resolveMethodTypes(params, currency);
  const types = methods.types;
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: params.bool('allow_promotion_codes') ?? null,
    allowed_payment_method_types: methods.allowed,
    amount_subtotal: mode === 'setup' ? null : amount,
    amount_total: mode === 'setup' ? null : trial ? 0 : amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: params.oneOf('billing_address_collection', ['auto', 'required'] as const) ?? null,
    cancel_url: params.str('cancel_url') ?? null,
    client_reference_id: clientReference,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer,
    customer_account: null,
    customer_creation: mode === 'payment' ? (params.oneOf('customer_creation', ['always', 'if_required'] as const) ?? 'if_required') : null,
    customer_details: null,
    customer_email: customerEmail,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: mode === 'payment' ? { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } } : null,
    livemode: false,
    locale: (params.str('locale') as Session['locale']) ?? null,
    managed_payments: null,
    metadata: params.metadata(),
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === 'subscription' ? 'always' : null,
    payment_method_configuration_details: null,
    payment_method_options: types.includes('card') ? { card: { request_three_d_secure: 'automatic' } } : {},
    payment_method_types: types,
    payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: params.obj('phone_number_collection')?.bool('enabled') ?? false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: params.oneOf('submit_type', ['auto', 'book', 'donate', 'pay', 'subscribe'] as const) ?? null,
    subscription: null,
    success_url: params.str('success_url') ?? null,
    total_details: mode === 'setup' ? null : { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: `${baseUrl}/checkout/pay/${id}`,
    wallet_options: null,
  };
}
