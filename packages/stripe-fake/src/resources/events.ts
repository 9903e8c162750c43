import type { StripeEvent } from '../events.js';
import { paginate } from '../http/list.js';
import type { Router } from '../http/router.js';

export function registerEvents(router: Router): void {
  router.get('/v1/events', (req) => {
    req.params.forEndpoint('events.list');
    const type = req.params.str('type');
    const types = req.params.strList('types');
    const matches = (eventType: string) => {
      if (types) return types.includes(eventType);
      if (!type) return true;
      if (type.endsWith('*')) return eventType.startsWith(type.slice(0, -1));
      return eventType === type;
    };
    const items = req.fake.store.list<StripeEvent>('event', req.scope, (r) => matches(r.data.type)).map((r) => r.data);
    return paginate(items, req.params, '/v1/events');
  });

  router.get('/v1/events/:id', (req) => req.fake.store.require<StripeEvent>('event', req.pathParams['id']!, req.scope, 'id', 'event').data);
}
