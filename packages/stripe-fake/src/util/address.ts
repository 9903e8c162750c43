import type Stripe from 'stripe';
import type { Params } from '../http/params.js';
import { NULL_ADDRESS, type Wire } from './wire.js';

/** Reads an `address[line1]…` hash into Stripe's Address shape (missing parts are null). */
export function addressFrom(params: Params | undefined): Wire<Stripe.Address> | null {
  if (!params) return null;
  return {
    city: params.str('city') ?? null,
    country: params.str('country') ?? null,
    line1: params.str('line1') ?? null,
    line2: params.str('line2') ?? null,
    postal_code: params.str('postal_code') ?? null,
    state: params.str('state') ?? null,
  };
}

export function addressOrNull(params: Params | undefined): Wire<Stripe.Address> {
  return addressFrom(params) ?? { ...NULL_ADDRESS };
}
