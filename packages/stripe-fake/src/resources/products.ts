import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { Router } from '../http/router.js';
import type { Scope } from '../store/state.js';
import { newId } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import { createPrice } from './prices.js';

export type Product = Wire<Stripe.Product>;

export function buildProduct(params: Params, now: number): Product {
  return {
    id: params.str('id') ?? newId('prod', 14),
    object: 'product',
    active: params.bool('active') ?? true,
    created: now,
    default_price: null,
    description: params.str('description') ?? null,
    images: params.strList('images') ?? [],
    livemode: false,
    marketing_features: (params.objList('marketing_features') ?? []).map((f) => ({ name: f.str('name') })),
    metadata: params.metadata(),
    name: params.reqStr('name'),
    package_dimensions: null,
    shippable: params.bool('shippable') ?? null,
    statement_descriptor: params.str('statement_descriptor') ?? null,
    tax_code: params.str('tax_code') ?? null,
    tax_details: null,
    type: 'service',
    unit_label: params.str('unit_label') ?? null,
    updated: now,
    url: params.str('url') ?? null,
  };
}

/** Creates a product (also for `product_data` in prices and Checkout line items). */
export function createProduct(fake: Fake, scope: Scope, params: Params): Product {
  const product = buildProduct(params, fake.now());
  if (fake.store.find(product.id)) throw invalidRequest(`Product already exists.`, { param: 'id', code: 'resource_already_exists' });
  fake.store.insert('product', scope, product);
  fake.events.emit('product.created', product, scope);
  const defaultPrice = params.obj('default_price_data');
  if (defaultPrice) {
    product.default_price = createPrice(fake, scope, defaultPrice, product.id).id;
    fake.store.touch();
  }
  return product;
}

export function registerProducts(router: Router): void {
  router.post('/v1/products', (req) => {
    req.params.forEndpoint('products.create');
    return createProduct(req.fake, req.scope, req.params);
  });

  router.get('/v1/products', (req) => {
    req.params.forEndpoint('products.list');
    const active = req.params.bool('active');
    const ids = req.params.strList('ids');
    const items = req.fake.store
      .list<Product>('product', req.scope, (r) => (active === undefined || r.data.active === active) && (!ids || ids.includes(r.id)))
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/products');
  });

  router.get('/v1/products/:id', (req) => req.fake.store.require<Product>('product', req.pathParams['id']!, req.scope, 'id').data);

  router.post('/v1/products/:id', (req) => {
    req.params.forEndpoint('products.update');
    const record = req.fake.store.require<Product>('product', req.pathParams['id']!, req.scope, 'id');
    const p = req.params;
    const product = record.data;
    if (p.has('name')) product.name = p.reqStr('name');
    if (p.has('description')) product.description = p.emptyable('description') ?? null;
    if (p.has('active')) product.active = p.bool('active')!;
    if (p.has('metadata')) product.metadata = p.metadata(product.metadata);
    if (p.has('images')) product.images = p.strList('images') ?? [];
    if (p.has('url')) product.url = p.emptyable('url') ?? null;
    if (p.has('unit_label')) product.unit_label = p.emptyable('unit_label') ?? null;
    if (p.has('default_price')) product.default_price = req.fake.store.require('price', p.reqStr('default_price'), req.scope, 'default_price').id;
    product.updated = req.fake.now();
    req.fake.store.touch();
    req.fake.events.emit('product.updated', product, req.scope);
    return product;
  });

  router.delete('/v1/products/:id', (req) => {
    const record = req.fake.store.require<Product>('product', req.pathParams['id']!, req.scope, 'id');
    if (req.fake.store.list<{ product: string }>('price', req.scope, (r) => r.data.product === record.id).length > 0) {
      throw invalidRequest('This product cannot be deleted because it has one or more user-created prices.', { code: 'product_has_prices' });
    }
    req.fake.store.remove(record.id);
    req.fake.events.emit('product.deleted', record.data, req.scope);
    return { id: record.id, object: 'product', deleted: true };
  });
}
