import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import type { Params } from '../http/params.js';
import { createPrice, type Price } from '../resources/prices.js';
import type { Product } from '../resources/products.js';
import type { Scope } from '../store/state.js';
import { newId } from '../util/ids.js';
import type { Wire } from '../util/wire.js';

export type LineItem = Wire<Stripe.LineItem>;

/** Resolves `line_items[n][price]` or `line_items[n][price_data]` (an inline, inactive price) into Checkout items. */
export function lineItemsFrom(fake: Fake, scope: Scope, list: Params[]): LineItem[] {
  return list.map((item, i) => {
    const param = `line_items[${i}]`;
    const quantity = item.int('quantity');
    if (quantity === undefined) throw parameterMissing(`${param}[quantity]`);
    if (quantity < 1) throw invalidRequest('Quantity must be at least 1.', { param: `${param}[quantity]` });
    let price: Price;
    const priceId = item.str('price');
    const priceData = item.obj('price_data');
    if (priceId) price = fake.store.require<Price>('price', priceId, scope, `${param}[price]`, 'price').data;
    else if (priceData) price = createPrice(fake, scope, priceData, undefined, true);
    else throw parameterMissing(`${param}[price]`);
    const productId = typeof price.product === 'string' ? price.product : price.product.id;
    const product = fake.store.get<Product>('product', productId, scope)?.data;
    const amount = (price.unit_amount ?? 0) * quantity;
    return {
      id: newId('li'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: product?.name ?? null,
      metadata: item.metadata(),
      price,
      quantity,
    };
  });
}
