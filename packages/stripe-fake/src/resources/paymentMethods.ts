import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { Params } from '../http/params.js';
import type { Router } from '../http/router.js';
import { MAGIC_PAYMENT_METHODS } from '../payments/testCards.js';
import type { Scope, StoredObject } from '../store/state.js';
import { addressFrom } from '../util/address.js';
import { buildCardPaymentMethod, buildPaymentMethod, type BuiltPaymentMethod, type PaymentMethod, type PaymentMethodSecrets } from './paymentMethods.model.js';

export type StoredPaymentMethod = StoredObject<PaymentMethod> & { internal: PaymentMethodSecrets };

export function storePaymentMethod(fake: Fake, scope: Scope, built: BuiltPaymentMethod): StoredPaymentMethod {
  return fake.store.insert('payment_method', scope, built.paymentMethod, { ...built.secrets }) as StoredPaymentMethod;
}

/**
 * A payment method named in a request: a stored one, or one of Stripe's magic test ids (`pm_card_visa`,
 * `pm_card_chargeDeclined`…), which creates a fresh PaymentMethod as Stripe does.
 */
export function resolvePaymentMethod(fake: Fake, scope: Scope, id: string, param = 'payment_method'): StoredPaymentMethod {
  const magic = MAGIC_PAYMENT_METHODS[id];
  if (magic) return storePaymentMethod(fake, scope, buildCardPaymentMethod(new Params({}), fake.now(), magic));
  return fake.store.require<PaymentMethod>('payment_method', id, scope, param) as StoredPaymentMethod;
}

/** The payment method a create/confirm request names: `payment_method` (an id or test id) or `payment_method_data` (creates one). */
export function paymentMethodFromParams(fake: Fake, scope: Scope, params: Params): StoredPaymentMethod | undefined {
  const id = params.str('payment_method');
  if (id) return resolvePaymentMethod(fake, scope, id);
  const data = params.obj('payment_method_data');
  return data ? storePaymentMethod(fake, scope, buildPaymentMethod(data, fake.now())) : undefined;
}

/** Attaches to a customer (`payment_method.attached`); no-op when already attached to it. */
export function attachPaymentMethod(fake: Fake, scope: Scope, pm: StoredPaymentMethod, customerId: string): void {
  fake.store.require('customer', customerId, scope, 'customer');
  if (pm.data.customer === customerId) return;
  if (pm.data.customer) throw invalidRequest('The payment method you provided has already been attached to a customer.', { code: 'payment_method_unexpected_state' });
  pm.data.customer = customerId;
  fake.store.touch();
  fake.events.emit('payment_method.attached', pm.data, scope);
}

function listFor(fake: Fake, scope: Scope, params: Params, customer: string | undefined, url: string) {
  const type = params.str('type');
  const items = fake.store
    .list<PaymentMethod>('payment_method', scope, (r) => (!customer || r.data.customer === customer) && (!type || r.data.type === type))
    .map((r) => r.data);
  return paginate(items, params, url);
}

export function registerPaymentMethods(router: Router): void {
  router.post('/v1/payment_methods', (req) => {
    req.params.forEndpoint('paymentMethods.create');
    const built = buildPaymentMethod(req.params, req.fake.now());
    const stored = storePaymentMethod(req.fake, req.scope, built);
    const customer = req.params.str('customer');
    if (customer) attachPaymentMethod(req.fake, req.scope, stored, customer);
    return stored.data;
  });

  router.get('/v1/payment_methods', (req) => {
    req.params.forEndpoint('paymentMethods.list');
    return listFor(req.fake, req.scope, req.params, req.params.str('customer'), '/v1/payment_methods');
  });

  router.get('/v1/payment_methods/:id', (req) => req.fake.store.require<PaymentMethod>('payment_method', req.pathParams['id']!, req.scope, 'payment_method').data);

  router.post('/v1/payment_methods/:id', (req) => {
    req.params.forEndpoint('paymentMethods.update');
    const pm = req.fake.store.require<PaymentMethod>('payment_method', req.pathParams['id']!, req.scope, 'payment_method');
    const billing = req.params.obj('billing_details');
    if (billing) {
      const current = pm.data.billing_details;
      pm.data.billing_details = {
        address: billing.has('address') ? addressFrom(billing.obj('address')) : current.address,
        email: billing.has('email') ? (billing.emptyable('email') ?? null) : current.email,
        name: billing.has('name') ? (billing.emptyable('name') ?? null) : current.name,
        phone: billing.has('phone') ? (billing.emptyable('phone') ?? null) : current.phone,
        tax_id: current.tax_id,
      };
    }
    if (req.params.has('metadata')) pm.data.metadata = req.params.metadata(pm.data.metadata ?? {});
    req.fake.store.touch();
    req.fake.events.emit('payment_method.updated', pm.data, req.scope);
    return pm.data;
  });

  router.post('/v1/payment_methods/:id/attach', (req) => {
    req.params.forEndpoint('paymentMethods.attach');
    const pm = resolvePaymentMethod(req.fake, req.scope, req.pathParams['id']!);
    attachPaymentMethod(req.fake, req.scope, pm, req.params.reqStr('customer'));
    return pm.data;
  });

  router.post('/v1/payment_methods/:id/detach', (req) => {
    const pm = req.fake.store.require<PaymentMethod>('payment_method', req.pathParams['id']!, req.scope, 'payment_method');
    if (!pm.data.customer) throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', { code: 'payment_method_unexpected_state' });
    pm.data.customer = null;
    req.fake.store.touch();
    req.fake.events.emit('payment_method.detached', pm.data, req.scope);
    return pm.data;
  });

  router.get('/v1/customers/:customer/payment_methods', (req) => {
    req.params.forEndpoint('customers.listPaymentMethods');
    const customer = req.fake.store.require('customer', req.pathParams['customer']!, req.scope, 'customer');
    return listFor(req.fake, req.scope, req.params, customer.id, `/v1/customers/${customer.id}/payment_methods`);
  });

  router.get('/v1/customers/:customer/payment_methods/:id', (req) => {
    const pm = req.fake.store.require<PaymentMethod>('payment_method', req.pathParams['id']!, req.scope, 'payment_method');
    if (pm.data.customer !== req.pathParams['customer']) throw invalidRequest(`No such PaymentMethod: '${pm.id}'`, { code: 'resource_missing', status: 404 });
    return pm.data;
  });
}
