import { REFUSAL_CODES, type RefusalCode } from '@partnerships/domain';

/**
 * Every `code` a problem+json answer can carry, as one typed list that the OpenAPI document
 * publishes (the `ErrorCode` enum, referenced by the `Problem` schema).
 *
 * How to use it in a new module: throw `new AppError(code, status, userMessage, fields?)`
 * (common/app-error.ts; the helpers `notFound()`, `forbidden()`, `invalid(fields)` and
 * `conflict(message, field?)` cover most cases) with a code from this list, adding your
 * module's codes in a block of their own below. When the domain refuses (a `Result` with
 * `ok: false`, or a thrown `DomainRefusal`), do not translate it by hand: throw
 * `new DomainRefusal(result.refusals)` (or let the thrown one pass), using
 * `withFieldPrefix(refusals, 'document')` or a field map first when the request names its
 * fields differently; the one mapper in common/problem.filter.ts turns refusals into
 * problem+json with the status from its table (add a row there for a new RefusalCode).
 * After changing this list, regenerate the OpenAPI document (`pnpm openapi`).
 *
 * Errors raised by the framework itself (an unknown route, a body that is not JSON) may
 * still carry `http_<status>` or Fastify's own lower-cased codes.
 */
export const API_ERROR_CODES = [
  // Any module
  'not_found',
  'validation_failed',
  'conflict',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'too_large',
  'internal_error',
  // Sessions and sign-in
  'csrf_failed',
  'wrong_credentials',
  'email_not_verified',
  'tenant_suspended',
  // Memberships and fees
  'transition_refused',
  'no_published_schedule',
  'not_a_member',
  // Billing and payments
  'invalid_signature',
  'webhooks_not_configured',
  'stripe_unavailable',
  'stripe_error',
  'online_payment_unavailable',
  'no_recipient',
  // General meetings: ballots, nominations and proxies
  'poll_not_open',
  'poll_closed',
  'already_voted',
  'not_in_electorate',
  'category_without_votes',
  'not_designated_voter_or_proxy',
  'not_member_school',
  'school_not_in_good_standing',
  'role_not_eligible',
  'already_holding',
  'term_limit',
  'already_nominated',
  'nominations_closed',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The API's own codes and the domain's refusal codes (some refusals answer with a code of their own, e.g. cannot_solve). */
export type ErrorCode = ApiErrorCode | RefusalCode;

export const ERROR_CODES: readonly ErrorCode[] = [...new Set<ErrorCode>([...API_ERROR_CODES, ...REFUSAL_CODES])];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
