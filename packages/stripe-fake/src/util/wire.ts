import type Stripe from 'stripe';

/**
 * The JSON ("wire") form of an SDK type. The SDK turns `decimal_string` fields (e.g.
 * `price.unit_amount_decimal`) into Decimal objects after parsing; on the wire they are strings.
 * Every other field keeps the SDK's own type, so our objects carry Stripe's field names and types.
 */
export type Wire<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Stripe.Decimal
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** A list object as Stripe returns it. */
export interface WireList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function emptyList<T>(url: string): WireList<T> {
  return { object: 'list', data: [], has_more: false, url };
}

export const NULL_ADDRESS: Wire<Stripe.Address> = {
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
};
