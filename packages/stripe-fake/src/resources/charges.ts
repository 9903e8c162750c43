import { listParams, paginate } from '../http/list.js';
import type { Router } from '../http/router.js';
import type { Charge } from './charges.model.js';

export function registerCharges(router: Router): void {
  router.get('/v1/charges', (req) => {
    req.params.forEndpoint('charges.list');
    const customer = req.params.str('customer');
    const intent = req.params.str('payment_intent');
    const items = req.fake.store
      .list<Charge>('charge', req.scope, (r) => (!customer || r.data.customer === customer) && (!intent || r.data.payment_intent === intent))
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/charges');
  });

  router.get('/v1/charges/:id', (req) => req.fake.store.require<Charge>('charge', req.pathParams['id']!, req.scope, 'charge').data);

  router.get('/v1/charges/:id/refunds', (req) => {
    req.params.allowOnly(listParams());
    const charge = req.fake.store.require<Charge>('charge', req.pathParams['id']!, req.scope, 'charge');
    return paginate(charge.data.refunds?.data ?? [], req.params, `/v1/charges/${charge.id}/refunds`);
  });
}
