import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { Router } from '../http/router.js';
import type { Scope } from '../store/state.js';
import { newId } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import { createProduct } from './products.js';

export type Price = Wire<Stripe.Price>;
export type Plan = Wire<Stripe.Plan>;

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

function recurringFrom(params: Params | undefined): Price['recurring'] {
  if (!params) return null;
  const interval = params.oneOf('interval', INTERVALS);
  if (!interval) throw parameterMissing('recurring[interval]');
  return {
    interval,
    interval_count: params.int('interval_count') ?? 1,
    meter: null,
    trial_period_days: params.int('trial_period_days') ?? null,
    usage_type: params.oneOf('usage_type', ['licensed', 'metered'] as const) ?? 'licensed',
  };
}

/** Creates a price; `productId` is used for inline prices (`price_data` / `default_price_data`). */
export function createPrice(fake: Fake, scope: Scope, params: Params, productId?: string, inline = false): Price {
  const unitAmount = params.nonNegativeInt('unit_amount') ?? (params.has('unit_amount_decimal') ? Math.round(Number(params.str('unit_amount_decimal'))) : undefined);
  if (unitAmount === undefined) throw parameterMissing('unit_amount');
  let product = productId ?? params.str('product');
  if (!product) {
    const productData = params.obj('product_data');
    if (!productData) throw parameterMissing('product');
    product = createProduct(fake, scope, productData).id;
  } else {
    fake.store.require('product', product, scope, 'product');
  }
  const lookupKey = params.str('lookup_key') ?? null;
  if (lookupKey) {
    const existing = fake.store.list<Price>('price', scope, (r) => r.data.lookup_key === lookupKey)[0];
    if (existing && !params.bool('transfer_lookup_key')) {
      throw invalidRequest(`A price (\`${existing.id}\`) already uses that lookup key.`, { param: 'lookup_key' });
    }
    if (existing) existing.data.lookup_key = null;
  }
  const recurring = recurringFrom(params.obj('recurring'));
  const price: Price = {
    id: newId('price'),
    object: 'price',
    active: inline ? false : (params.bool('active') ?? true),
    billing_scheme: 'per_unit',
    created: fake.now(),
    currency: params.reqStr('currency').toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: lookupKey,
    metadata: params.metadata(),
    nickname: params.str('nickname') ?? null,
    product,
    recurring,
    tax_behavior: params.oneOf('tax_behavior', ['exclusive', 'inclusive', 'unspecified'] as const) ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: String(unitAmount),
  };
  fake.store.insert('price', scope, price);
  fake.events.emit('price.created', price, scope);
  return price;
}

/** The legacy Plan view of a recurring price, embedded in subscription items as Stripe does. */
export function planFromPrice(price: Price): Plan {
  const recurring = price.recurring!;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: recurring.trial_period_days,
    usage_type: recurring.usage_type,
  };
}

export function registerPrices(router: Router): void {
  router.post('/v1/prices', (req) => {
    req.params.forEndpoint('prices.create');
    return createPrice(req.fake, req.scope, req.params);
  });

  router.get('/v1/prices', (req) => {
    req.params.forEndpoint('prices.list');
    const product = req.params.str('product');
    const active = req.params.bool('active');
    const type = req.params.str('type');
    const currency = req.params.str('currency');
    const lookupKeys = req.params.strList('lookup_keys');
    const items = req.fake.store
      .list<Price>('price', req.scope, ({ data }) =>
        (!product || data.product === product) &&
        (active === undefined || data.active === active) &&
        (!type || data.type === type) &&
        (!currency || data.currency === currency) &&
        (!lookupKeys || (data.lookup_key !== null && lookupKeys.includes(data.lookup_key))),
      )
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/prices');
  });

  router.get('/v1/prices/:id', (req) => req.fake.store.require<Price>('price', req.pathParams['id']!, req.scope, 'price').data);

  router.post('/v1/prices/:id', (req) => {
    req.params.forEndpoint('prices.update');
    const record = req.fake.store.require<Price>('price', req.pathParams['id']!, req.scope, 'price');
    const p = req.params;
    const price = record.data;
    if (p.has('active')) price.active = p.bool('active')!;
    if (p.has('metadata')) price.metadata = p.metadata(price.metadata);
    if (p.has('nickname')) price.nickname = p.emptyable('nickname') ?? null;
    if (p.has('lookup_key')) price.lookup_key = p.emptyable('lookup_key') ?? null;
    req.fake.store.touch();
    req.fake.events.emit('price.updated', price, req.scope);
    return price;
  });
}
