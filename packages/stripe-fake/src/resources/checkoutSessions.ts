import { completeCheckoutSession, expireSession, refreshExpiry, type CheckoutInternal, type CheckoutPayment } from '../checkout/complete.js';
import { lineItemsFrom, type LineItem } from '../checkout/lineItems.js';
import { buildSession, type Session } from '../checkout/session.model.js';
import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import { registerExpander } from '../http/expand.js';
import { listParams, paginate } from '../http/list.js';
import type { ParamObject } from '../http/form.js';
import type { ApiRequest, Router } from '../http/router.js';
import type { StoredObject } from '../store/state.js';
import { assertCanCharge } from './connect.js';

function requireSession(req: ApiRequest): StoredObject<Session> {
  const record = req.fake.store.require<Session>('checkout.session', req.pathParams['id']!, req.scope, 'session', 'checkout.session');
  refreshExpiry(req.fake, record);
  return record;
}

function create(req: ApiRequest): Session {
  const p = req.params.forEndpoint('checkout.sessions.create');
  const mode = p.oneOf('mode', ['payment', 'setup', 'subscription'] as const);
  if (!mode) throw invalidRequest('Missing required param: mode.', { param: 'mode', code: 'parameter_missing' });
  const uiMode = p.str('ui_mode');
  if (uiMode && uiMode !== 'hosted' && uiMode !== 'hosted_page') throw invalidRequest(`stripe-fake only serves hosted Checkout (ui_mode=${uiMode} is not supported).`, { param: 'ui_mode' });
  const intentData = p.obj('payment_intent_data');
  if (intentData && mode !== 'payment') throw invalidRequest(`You can not pass \`payment_intent_data\` in \`${mode}\` mode.`, { param: 'payment_intent_data' });
  intentData?.forEndpoint('checkout.sessions.create.payment_intent_data');
  const subscriptionData = p.obj('subscription_data');
  if (subscriptionData && mode !== 'subscription') throw invalidRequest(`You can not pass \`subscription_data\` in \`${mode}\` mode.`, { param: 'subscription_data' });
  subscriptionData?.forEndpoint('checkout.sessions.create.subscription_data');
  if (mode !== 'setup') assertCanCharge(req.fake, req.scope, intentData ?? subscriptionData, 'payment_intent_data[application_fee_amount]');
  const customer = p.str('customer');
  if (customer) req.fake.store.require('customer', customer, req.scope, 'customer');
  const lineItemParams = p.objList('line_items') ?? [];
  if (mode === 'setup' && lineItemParams.length > 0) throw invalidRequest('You cannot pass `line_items` in `setup` mode.', { param: 'line_items' });
  const items: LineItem[] = lineItemsFrom(req.fake, req.scope, lineItemParams);
  const session = buildSession(p, mode, items, req.fake.now(), req.fake.baseUrl);
  const internal: CheckoutInternal = {
    lineItems: items,
    paymentIntentData: (intentData?.raw as ParamObject | undefined) ?? null,
    subscriptionData: (subscriptionData?.raw as ParamObject | undefined) ?? null,
    setupIntentData: (p.obj('setup_intent_data')?.raw as ParamObject | undefined) ?? null,
  };
  req.fake.store.insert('checkout.session', req.scope, session, internal);
  return session;
}

/** Completes a session as if its hosted page's button was pressed (for tests and the page itself). */
export function payCheckoutSession(fake: Fake, sessionId: string, payment: CheckoutPayment) {
  const record = fake.store.get<Session>('checkout.session', sessionId);
  if (!record) throw invalidRequest(`No such checkout.session: '${sessionId}'`, { code: 'resource_missing', status: 404 });
  const result = completeCheckoutSession(fake, record, payment);
  fake.store.flush();
  return result;
}

export function registerCheckoutSessions(router: Router): void {
  registerExpander('checkout.session', 'line_items', (parent, req) => {
    const record = req.fake.store.get<Session>('checkout.session', String(parent['id']), req.scope);
    const items = (record?.internal as CheckoutInternal | undefined)?.lineItems ?? [];
    return { object: 'list', data: items, has_more: false, url: `/v1/checkout/sessions/${String(parent['id'])}/line_items` };
  });

  router.post('/v1/checkout/sessions', create);

  router.get('/v1/checkout/sessions', (req) => {
    req.params.forEndpoint('checkout.sessions.list');
    const intent = req.params.str('payment_intent');
    const customer = req.params.str('customer');
    const subscription = req.params.str('subscription');
    const status = req.params.str('status');
    const items = req.fake.store
      .list<Session>('checkout.session', req.scope, (r) => {
        refreshExpiry(req.fake, r);
        const s = r.data;
        return (!intent || s.payment_intent === intent) && (!customer || s.customer === customer) && (!subscription || s.subscription === subscription) && (!status || s.status === status);
      })
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/checkout/sessions');
  });

  router.get('/v1/checkout/sessions/:id', (req) => requireSession(req).data);

  router.post('/v1/checkout/sessions/:id', (req) => {
    req.params.forEndpoint('checkout.sessions.update');
    const record = requireSession(req);
    if (req.params.has('metadata')) record.data.metadata = req.params.metadata(record.data.metadata ?? {});
    req.fake.store.touch();
    return record.data;
  });

  router.post('/v1/checkout/sessions/:id/expire', (req) => {
    const record = requireSession(req);
    if (record.data.status !== 'open') throw invalidRequest('Only Checkout Sessions with a status in ["open"] can be expired.', { code: 'checkout_session_unexpected_state' });
    expireSession(req.fake, record);
    return record.data;
  });

  router.get('/v1/checkout/sessions/:id/line_items', (req) => {
    req.params.allowOnly(listParams());
    const record = requireSession(req);
    return paginate((record.internal as CheckoutInternal).lineItems, req.params, `/v1/checkout/sessions/${record.id}/line_items`);
  });
}
