import { invalidRequest } from '../http/errors.js';
import type { Params } from '../http/params.js';

/** Payment method types the fake can take payments with. */
export const SUPPORTED_METHOD_TYPES = ['card', 'bacs_debit'];

export interface MethodTypes {
  /** What the customer is offered (`payment_method_types` on the object). */
  types: string[];
  /** What the request asked for (`allowed_payment_method_types`), or null for dynamic payment methods. */
  allowed: string[] | null;
  excluded: string[] | null;
}

/** Dynamic payment methods: card everywhere, plus Bacs Direct Debit for GBP. */
function eligible(currency: string | null): string[] {
  return currency === null || currency === 'gbp' ? ['card', 'bacs_debit'] : ['card'];
}

/**
 * Reads `allowed_payment_method_types` (or its older name `payment_method_types`) and
 * `excluded_payment_method_types` against the currency, as Stripe computes `payment_method_types`.
 */
export function resolveMethodTypes(params: Params, currency: string | null): MethodTypes {
  const param = params.has('allowed_payment_method_types') ? 'allowed_payment_method_types' : 'payment_method_types';
  const requested = params.strList(param) ?? null;
  for (const [i, type] of (requested ?? []).entries()) {
    if (!SUPPORTED_METHOD_TYPES.includes(type)) {
      throw invalidRequest(`The payment method type \`${type}\` is not supported by stripe-fake, which takes ${SUPPORTED_METHOD_TYPES.join(' and ')}.`, {
        param: `${param}[${i}]`,
        code: 'payment_method_invalid_parameter',
      });
    }
    if (type === 'bacs_debit' && currency !== null && currency !== 'gbp') {
      throw invalidRequest(`The currency provided (${currency}) is invalid for one or more payment method types: bacs_debit only supports gbp.`, {
        param: `${param}[${i}]`,
        code: 'payment_method_invalid_parameter',
      });
    }
  }
  const excluded = params.strList('excluded_payment_method_types') ?? null;
  const types = (requested ?? eligible(currency)).filter((type) => !excluded?.includes(type));
  if (types.length === 0) throw invalidRequest('No payment method types are left to offer after exclusions.', { param: 'excluded_payment_method_types' });
  return { types, allowed: requested, excluded };
}
