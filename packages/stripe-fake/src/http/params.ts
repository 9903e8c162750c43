import { invalidRequest, parameterInvalid, parameterMissing, parameterUnknown } from './errors.js';
import type { ParamObject, ParamValue } from './form.js';
import { NOT_IMPLEMENTED, SDK_PARAMS, type Endpoint } from './sdkParams.js';

/**
 * Typed, validating access to decoded request parameters. Error messages and codes follow Stripe's
 * (`Missing required param: amount.`, `Invalid integer: abc`, `Received unknown parameter: foo`).
 */
export class Params {
  constructor(
    readonly raw: ParamObject,
    private readonly prefix = '',
  ) {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  /** A copy without the given keys. */
  without(...keys: string[]): Params {
    const raw = { ...this.raw };
    for (const key of keys) delete raw[key];
    return new Params(raw, this.prefix);
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.raw);
  }

  /** Rejects any top-level parameter not in `allowed` (`expand` is always allowed). */
  allowOnly(allowed: readonly string[]): this {
    for (const key of this.keys()) {
      if (key !== 'expand' && !allowed.includes(key)) throw parameterUnknown(this.name(key));
    }
    return this;
  }

  /**
   * Accepts exactly the parameters the SDK can send to `endpoint` (see sdkParams.ts); rejects unknown ones
   * like Stripe, and ones the fake does not model with an explicit error.
   */
  forEndpoint(endpoint: Endpoint): this {
    this.allowOnly(SDK_PARAMS[endpoint]);
    for (const key of NOT_IMPLEMENTED[endpoint] ?? []) {
      if (this.has(key)) throw invalidRequest(`stripe-fake does not implement \`${this.name(key)}\` on this endpoint.`, { param: this.name(key), code: 'parameter_unknown' });
    }
    return this;
  }

  str(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw parameterInvalid(this.name(key), `Invalid string: ${this.name(key)} must be a string`);
    return value;
  }

  /** A string that may be unset with `""` (Stripe's "emptyable" fields): returns null when emptied. */
  emptyable(key: string): string | null | undefined {
    const value = this.str(key);
    return value === '' ? null : value;
  }

  reqStr(key: string): string {
    const value = this.str(key);
    if (value === undefined || value === '') throw parameterMissing(this.name(key));
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.str(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw parameterInvalid(this.name(key), `Invalid ${this.name(key)}: must be one of ${allowed.join(', ')}`, 'parameter_invalid_string');
    }
    return value as T;
  }

  int(key: string): number | undefined {
    const value = this.str(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw parameterInvalid(this.name(key), `Invalid integer: ${value}`, 'parameter_invalid_integer');
    return Number(value);
  }

  reqInt(key: string): number {
    const value = this.int(key);
    if (value === undefined) throw parameterMissing(this.name(key));
    return value;
  }

  nonNegativeInt(key: string): number | undefined {
    const value = this.int(key);
    if (value !== undefined && value < 0) throw parameterInvalid(this.name(key), `This value must be greater than or equal to 0.`, 'parameter_invalid_integer');
    return value;
  }

  bool(key: string): boolean | undefined {
    const value = this.str(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw parameterInvalid(this.name(key), `Invalid boolean: ${value}`, 'parameter_invalid_boolean');
    return value === 'true';
  }

  obj(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw parameterInvalid(this.name(key), `Invalid object`, 'parameter_invalid_string');
    return new Params(value, this.name(key));
  }

  list(key: string): ParamValue[] | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (!Array.isArray(value)) throw parameterInvalid(this.name(key), `Invalid array`, 'parameter_invalid_string');
    return value;
  }

  objList(key: string): Params[] | undefined {
    return this.list(key)?.map((item, i) => {
      if (typeof item !== 'object' || Array.isArray(item)) throw parameterInvalid(`${this.name(key)}[${i}]`, 'Invalid object');
      return new Params(item, `${this.name(key)}[${i}]`);
    });
  }

  strList(key: string): string[] | undefined {
    return this.list(key)?.map((item, i) => {
      if (typeof item !== 'string') throw parameterInvalid(`${this.name(key)}[${i}]`, 'Invalid string');
      return item;
    });
  }

  /** Stripe's metadata semantics: `metadata[k]=v` sets, `metadata[k]=` deletes, `metadata=` clears all. */
  metadata(current: Record<string, string> = {}, key = 'metadata'): Record<string, string> {
    const value = this.raw[key];
    if (value === undefined) return current;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw parameterInvalid(this.name(key), 'Invalid hash', 'parameter_invalid_string');
    const next = { ...current };
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'string') throw parameterInvalid(`${this.name(key)}[${k}]`, 'Invalid string');
      if (k.length > 40) throw parameterInvalid(`${this.name(key)}[${k}]`, 'Metadata keys can have up to 40 characters.');
      if (v.length > 500) throw parameterInvalid(`${this.name(key)}[${k}]`, 'Metadata values can have up to 500 characters.');
      if (v === '') delete next[k];
      else next[k] = v;
    }
    if (Object.keys(next).length > 50) throw parameterInvalid(this.name(key), 'Metadata can have up to 50 keys.');
    return next;
  }

  /** `expand[]` paths (e.g. `customer`, `data.payment_intent`). */
  expand(): string[] {
    return this.strList('expand') ?? [];
  }
}
