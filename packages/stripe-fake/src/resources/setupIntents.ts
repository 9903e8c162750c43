import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { cardError, invalidRequest, unexpectedState } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { ApiRequest, Router } from '../http/router.js';
import { lookupCard } from '../payments/testCards.js';
import type { Scope, StoredObject } from '../store/state.js';
import { newId, randomToken } from '../util/ids.js';
import { clone } from '../util/json.js';
import type { Wire } from '../util/wire.js';
import { acceptanceFrom, createBacsMandate, usableMandate, type Acceptance } from './mandates.js';
import { resolveMethodTypes } from '../payments/methodTypes.js';
import { paymentMethodOptions } from './paymentIntents.model.js';
import { attachPaymentMethod, paymentMethodFromParams, resolvePaymentMethod, type StoredPaymentMethod } from './paymentMethods.js';

export type SetupIntent = Wire<Stripe.SetupIntent>;

export function buildSetupIntent(params: Params, now: number): SetupIntent {
  const id = newId('seti');
  const methods = resolveMethodTypes(params, null);
  return {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: methods.allowed as SetupIntent['allowed_payment_method_types'],
    application: null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: params.obj('automatic_payment_methods')?.bool('enabled') ?? true },
    cancellation_reason: null,
    client_secret: `${id}_secret_${randomToken(25)}`,
    created: now,
    customer: params.str('customer') ?? null,
    customer_account: null,
    description: params.str('description') ?? null,
    excluded_payment_method_types: methods.excluded as SetupIntent['excluded_payment_method_types'],
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: params.metadata(),
    next_action: null,
    on_behalf_of: params.str('on_behalf_of') ?? null,
    payment_method: null,
    payment_method_configuration_details: { id: 'pmc_stripe_fake_default', parent: null },
    payment_method_options: paymentMethodOptions(methods.types) as SetupIntent['payment_method_options'],
    payment_method_types: methods.types,
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: params.oneOf('usage', ['off_session', 'on_session'] as const) ?? 'off_session',
  };
}

/** Saves a payment method for later: cards are checked (declines fail), Bacs gets a pending mandate. */
export function confirmSetupIntent(fake: Fake, record: StoredObject<SetupIntent>, pm: StoredPaymentMethod, acceptance?: Acceptance): void {
  const si = record.data;
  if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(si.status)) {
    throw unexpectedState(`You cannot confirm this SetupIntent because it has a status of ${si.status}.`, 'setup_intent_unexpected_state');
  }
  si.payment_method = pm.id;
  if (pm.data.type === 'card') {
    const decline = lookupCard(pm.internal.cardNumber ?? '')?.decline;
    if (decline) {
      si.status = 'requires_payment_method';
      si.payment_method = null;
      si.last_setup_error = { type: 'card_error', code: decline.code as never, decline_code: decline.declineCode, message: decline.message, payment_method: clone(pm.data) };
      fake.store.touch();
      fake.events.emit('setup_intent.setup_failed', si, record.scope);
      throw cardError(decline.message, decline.code, { decline_code: decline.declineCode, setup_intent: clone(si) });
    }
  } else {
    const mandate = usableMandate(fake, record.scope, pm.id) ?? (acceptance ? createBacsMandate(fake, record.scope, pm.data, acceptance) : undefined);
    if (!mandate) throw invalidRequest('This SetupIntent requires a mandate. Provide acceptance data in the mandate_data parameter.', { param: 'mandate_data', code: 'parameter_missing' });
    si.mandate = mandate.id;
  }
  if (typeof si.customer === 'string') attachPaymentMethod(fake, record.scope, pm, si.customer);
  si.status = 'succeeded';
  si.last_setup_error = null;
  fake.store.touch();
  fake.events.emit('setup_intent.succeeded', si, record.scope);
}

export function createSetupIntent(fake: Fake, scope: Scope, params: Params): StoredObject<SetupIntent> {
  const customer = params.str('customer');
  if (customer) fake.store.require('customer', customer, scope, 'customer');
  const si = buildSetupIntent(params, fake.now());
  const record = fake.store.insert('setup_intent', scope, si);
  fake.events.emit('setup_intent.created', si, scope);
  const pm = paymentMethodFromParams(fake, scope, params);
  if (pm) {
    si.payment_method = pm.id;
    si.status = 'requires_confirmation';
    if (params.bool('confirm')) confirmSetupIntent(fake, record, pm, acceptanceFrom(params.obj('mandate_data')));
  }
  return record;
}

function requireSetupIntent(req: ApiRequest): StoredObject<SetupIntent> {
  return req.fake.store.require<SetupIntent>('setup_intent', req.pathParams['id']!, req.scope, 'intent', 'setup_intent');
}

export function registerSetupIntents(router: Router): void {
  router.post('/v1/setup_intents', (req) => {
    req.params.forEndpoint('setupIntents.create');
    return createSetupIntent(req.fake, req.scope, req.params).data;
  });

  router.get('/v1/setup_intents', (req) => {
    req.params.forEndpoint('setupIntents.list');
    const customer = req.params.str('customer');
    const items = req.fake.store.list<SetupIntent>('setup_intent', req.scope, (r) => !customer || r.data.customer === customer).map((r) => r.data);
    return paginate(items, req.params, '/v1/setup_intents');
  });

  router.get('/v1/setup_intents/:id', (req) => requireSetupIntent(req).data);

  router.post('/v1/setup_intents/:id/confirm', (req) => {
    req.params.forEndpoint('setupIntents.confirm');
    const record = requireSetupIntent(req);
    const current = typeof record.data.payment_method === 'string' ? record.data.payment_method : undefined;
    const pm = paymentMethodFromParams(req.fake, req.scope, req.params) ?? (current ? resolvePaymentMethod(req.fake, req.scope, current) : undefined);
    if (!pm) throw unexpectedState("You cannot confirm this SetupIntent because it's missing a payment method.", 'setup_intent_unexpected_state');
    confirmSetupIntent(req.fake, record, pm, acceptanceFrom(req.params.obj('mandate_data')));
    return record.data;
  });

  router.post('/v1/setup_intents/:id/cancel', (req) => {
    req.params.allowOnly(['cancellation_reason']);
    const record = requireSetupIntent(req);
    if (record.data.status === 'succeeded' || record.data.status === 'canceled') {
      throw unexpectedState(`You cannot cancel this SetupIntent because it has a status of ${record.data.status}.`, 'setup_intent_unexpected_state');
    }
    record.data.status = 'canceled';
    record.data.cancellation_reason = req.params.oneOf('cancellation_reason', ['abandoned', 'duplicate', 'requested_by_customer'] as const) ?? null;
    req.fake.store.touch();
    req.fake.events.emit('setup_intent.canceled', record.data, req.scope);
    return record.data;
  });
}
