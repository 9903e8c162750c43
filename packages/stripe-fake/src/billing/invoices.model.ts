import type Stripe from 'stripe';
import { newId } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import type { Customer } from '../resources/customers.js';
import type { Price } from '../resources/prices.js';
import type { Subscription } from './subscriptions.model.js';

/**
 * Stripe's invoice. `subscription` is no longer part of the SDK's type (the current API puts it under
 * `parent.subscription_details`), but Stripe's published example still carries it, so it is kept, as null.
 */
export type Invoice = Wire<Stripe.Invoice> & { subscription: string | null };
export type InvoiceLine = Wire<Stripe.InvoiceLineItem>;

export interface LineInput {
  amount: number;
  description: string;
  price: Price;
  quantity: number;
  subscriptionItem: string;
  period: { start: number; end: number };
}

export interface InvoiceInput {
  customer: Customer;
  subscription: Subscription;
  lines: LineInput[];
  billingReason: Stripe.Invoice.BillingReason;
  period: { start: number; end: number };
  now: number;
  baseUrl: string;
  accountName: string | null;
}

function buildLine(invoiceId: string, subscriptionId: string, currency: string, line: LineInput): InvoiceLine {
  return {
    id: newId('il'),
    object: 'line_item',
    amount: line.amount,
    currency,
    description: line.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: subscriptionId, subscription_item: line.subscriptionItem },
    },
    period: { ...line.period },
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: line.price.id, product: typeof line.price.product === 'string' ? line.price.product : line.price.product.id },
      unit_amount_decimal: line.price.unit_amount_decimal,
    },
    quantity: line.quantity,
    quantity_decimal: String(line.quantity),
    subscription: subscriptionId,
    subtotal: line.amount,
    taxes: [],
  };
}

/** A draft subscription invoice; `finalize` and payment are separate steps, as in Stripe. */
export function buildInvoice(input: InvoiceInput): Invoice {
  const id = newId('in');
  const { customer, subscription } = input;
  const total = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const lines = input.lines.map((line) => buildLine(id, subscription.id, subscription.currency, line));
  return {
    id,
    object: 'invoice',
    account_country: 'GB',
    account_name: input.accountName,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: subscription.collection_method,
    created: input.now,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${input.baseUrl}/invoices/${id}`,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: subscription.on_behalf_of,
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id } },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.period.end,
    period_start: input.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subscription: null,
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.now,
  };
}
