/**
 * The one way the domain says no.
 *
 * A rule that can refuse returns a `Result<T>`: `{ ok: true, value }` or
 * `{ ok: false, refusals }`, each refusal a code from REFUSAL_CODES, a
 * sentence in plain UK English fit to show to the person who tried, and
 * (when one field is at fault) the field's path in the rule's own terms
 * (`components[1].ratePence`, `note`, `calendar.2026`). A list of checks that
 * finds nothing wrong returns an empty `Refusal[]`.
 *
 * Where a caller should already have checked its input (a request that makes
 * no sense rather than one a user can correct), the rule throws a
 * `DomainRefusal` carrying the same refusals, so the API still answers with a
 * clear problem rather than a 500.
 *
 * `RangeError` is kept only for programmer errors: impossible arguments such as
 * a fraction of a penny, a malformed date string from our own code or a
 * sequence number below 1, which no user can cause and no message can help.
 *
 * The API maps every refusal code to an HTTP status in one table
 * (apps/api/src/common/problem.filter.ts); add a code here and there together.
 */
export const REFUSAL_CODES = [
  /** A value is missing or wrong; `field` says which. */
  'invalid_value',
  /** An event or request that cannot be read at all (unknown kind, nobody named, no real date). */
  'invalid_event',
  /** The thing is not in a state that allows this (approve an active membership, submit a sent order). */
  'not_allowed',
  /** The date given is before the current state began. */
  'dated_before_current_state',
  /** An application still lacks something; the first refusal sums up, the rest name each field. */
  'application_incomplete',
  /** The action needs a reason in words (turning down, suspending). */
  'reason_needed',
  /** Notice cannot be worked out: the partnership has no usable notice rule. */
  'no_notice_rule',
  /** A school cannot be recorded as left before its notice runs out. */
  'leaving_date_not_reached',
  /** A fee target asked of the solver makes no sense for that component. */
  'cannot_solve',
  /** Even the largest allowed value cannot raise the target. */
  'target_unreachable',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** Plain UK English, fit to show to the person who tried. */
  message: string;
  /** The field at fault, as the rule names it, for forms to highlight. */
  field?: string;
}

/** A refused result: at least one refusal. */
export interface Refused {
  ok: false;
  refusals: Refusal[];
}

export type Result<T> = { ok: true; value: T } | Refused;

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && (REFUSAL_CODES as readonly string[]).includes(value);
}

/** One refusal; `field` only when one field is at fault. */
export function refusal(code: RefusalCode, message: string, field?: string): Refusal {
  return field === undefined ? { code, message } : { code, message, field };
}

/** A refused result with one refusal. */
export function refuse(code: RefusalCode, message: string, field?: string): Refused {
  return { ok: false, refusals: [refusal(code, message, field)] };
}

/** A refused result with several refusals (give at least one). */
export function refuseAll(refusals: Refusal[]): Refused {
  return { ok: false, refusals };
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Thrown for a request a caller should have checked first; carries the same
 * refusals a Result would, so the API answers with a clear problem.
 */
export class DomainRefusal extends Error {
  readonly refusals: Refusal[];

  constructor(refusals: Refusal | Refusal[]) {
    const list = Array.isArray(refusals) ? refusals : [refusals];
    super(list.map((r) => r.message).join(' '));
    this.name = 'DomainRefusal';
    this.refusals = list;
  }

  get code(): RefusalCode {
    return this.refusals[0]!.code;
  }
}

/**
 * The same refusals with each field put under `prefix` (a field-less refusal
 * gets `prefix` itself), for when the rule's input is one part of a request:
 * `withFieldPrefix(refusals, 'document')` turns `name` into `document.name`.
 */
export function withFieldPrefix(refusals: readonly Refusal[], prefix: string): Refusal[] {
  return refusals.map((r) => ({ ...r, field: r.field ? `${prefix}.${r.field}` : prefix }));
}
