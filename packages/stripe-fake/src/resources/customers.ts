import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { Router } from '../http/router.js';
import type { Scope } from '../store/state.js';
import { addressFrom } from '../util/address.js';
import { newId, randomToken } from '../util/ids.js';
import type { Wire } from '../util/wire.js';

export type Customer = Wire<Stripe.Customer>;

function shippingFrom(params: Params | undefined): Customer['shipping'] {
  if (!params) return null;
  return { address: addressFrom(params.obj('address')) ?? undefined, name: params.str('name'), phone: params.str('phone') ?? null, carrier: null, tracking_number: null };
}

export function buildCustomer(params: Params, now: number): Customer {
  const invoiceSettings = params.obj('invoice_settings');
  return {
    id: newId('cus', 14),
    object: 'customer',
    address: addressFrom(params.obj('address')),
    balance: params.int('balance') ?? 0,
    created: now,
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: params.str('description') ?? null,
    discount: null,
    email: params.str('email') ?? null,
    invoice_prefix: params.str('invoice_prefix') ?? randomToken(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: invoiceSettings?.str('default_payment_method') ?? null,
      footer: invoiceSettings?.str('footer') ?? null,
      rendering_options: null,
    },
    livemode: false,
    metadata: params.metadata(),
    name: params.str('name') ?? null,
    next_invoice_sequence: 1,
    phone: params.str('phone') ?? null,
    preferred_locales: params.strList('preferred_locales') ?? [],
    shipping: shippingFrom(params.obj('shipping')),
    tax_exempt: params.oneOf('tax_exempt', ['exempt', 'none', 'reverse'] as const) ?? 'none',
    test_clock: null,
  };
}

/** Creates and stores a customer (also used by Checkout when it creates one). Emits `customer.created`. */
export function createCustomer(fake: Fake, scope: Scope, params: Params): Customer {
  const customer = buildCustomer(params, fake.now());
  fake.store.insert('customer', scope, customer);
  fake.events.emit('customer.created', customer, scope);
  return customer;
}

export function registerCustomers(router: Router): void {
  router.post('/v1/customers', (req) => {
    req.params.forEndpoint('customers.create');
    const customer = createCustomer(req.fake, req.scope, req.params);
    const paymentMethod = req.params.str('payment_method');
    if (paymentMethod) attachForCustomer(req.fake, req.scope, paymentMethod, customer);
    return customer;
  });

  router.get('/v1/customers', (req) => {
    req.params.forEndpoint('customers.list');
    const email = req.params.str('email');
    const customers = req.fake.store.list<Customer>('customer', req.scope, (r) => !email || r.data.email === email).map((r) => r.data);
    return paginate(customers, req.params, '/v1/customers');
  });

  router.get('/v1/customers/:id', (req) => req.fake.store.require<Customer>('customer', req.pathParams['id']!, req.scope, 'id').data);

  router.post('/v1/customers/:id', (req) => {
    req.params.forEndpoint('customers.update');
    const record = req.fake.store.require<Customer>('customer', req.pathParams['id']!, req.scope, 'id');
    const c = record.data;
    const p = req.params;
    const previous: Record<string, unknown> = {};
    const set = <K extends keyof Customer>(key: K, value: Customer[K]) => {
      if (JSON.stringify(c[key]) === JSON.stringify(value)) return;
      previous[key] = c[key] ?? null;
      c[key] = value;
    };
    if (p.has('email')) set('email', p.emptyable('email') ?? null);
    if (p.has('name')) set('name', p.emptyable('name') ?? null);
    if (p.has('phone')) set('phone', p.emptyable('phone') ?? null);
    if (p.has('description')) set('description', p.emptyable('description') ?? null);
    if (p.has('address')) set('address', addressFrom(p.obj('address')));
    if (p.has('shipping')) set('shipping', shippingFrom(p.obj('shipping')));
    if (p.has('metadata')) set('metadata', p.metadata(c.metadata));
    if (p.has('preferred_locales')) set('preferred_locales', p.strList('preferred_locales') ?? []);
    const invoiceSettings = p.obj('invoice_settings');
    if (invoiceSettings?.has('default_payment_method')) {
      const pm = invoiceSettings.emptyable('default_payment_method') ?? null;
      if (pm) req.fake.store.require('payment_method', pm, req.scope, 'invoice_settings[default_payment_method]');
      set('invoice_settings', { ...c.invoice_settings, default_payment_method: pm });
    }
    req.fake.store.touch();
    if (Object.keys(previous).length > 0) req.fake.events.emit('customer.updated', c, req.scope, { previous });
    return c;
  });

  router.delete('/v1/customers/:id', (req) => {
    const record = req.fake.store.require<Customer>('customer', req.pathParams['id']!, req.scope, 'id');
    req.fake.store.remove(record.id);
    req.fake.events.emit('customer.deleted', record.data, req.scope);
    return { id: record.id, object: 'customer', deleted: true };
  });
}

/** `payment_method` on customer create attaches it to the new customer (as Stripe does; it does not become the default). */
function attachForCustomer(fake: Fake, scope: Scope, paymentMethodId: string, customer: Customer): void {
  const pm = fake.store.require<{ customer: string | null }>('payment_method', paymentMethodId, scope, 'payment_method');
  pm.data.customer = customer.id;
  fake.store.touch();
}
