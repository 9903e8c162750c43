import { formatPence } from '../money/format-pence';
import { refusal, type Refusal } from '../refusal';
import { isIsoDate } from './calendar-dates';

/**
 * Small readers for checking an unknown JSON document field by field. Each
 * records a problem against the field's path (e.g. 'components[2].ratePence')
 * in plain UK English and returns undefined, so one pass reports every
 * problem at once instead of stopping at the first: a partnership fixing an
 * imported file wants the whole list.
 */


export type JsonObject = Record<string, unknown>;

/** Every problem found so far, as refusals whose field is the path ('' for the whole document: no field). */
export class Problems {
  readonly errors: Refusal[] = [];
  add(path: string, message: string): void {
    this.errors.push(refusal('invalid_value', message, path || undefined));
  }
}

/** Child path: at('components[2]', 'ratePence') or at('components', 2). */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOfValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'a group of fields';
}

/** Report fields that are not part of the format, which are almost always misspellings. */
export function rejectUnknownFields(obj: JsonObject, path: string, allowed: readonly string[], problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) problems.add(at(path, key), `There is no field called "${key}" here. Check the spelling; the fields allowed are: ${allowed.join(', ')}.`);
  }
}

interface Field {
  obj: JsonObject;
  key: string;
  path: string;
  /** The field in words, starting with a capital: "The rate per pupil". */
  what: string;
  problems: Problems;
  optional?: boolean;
}

/** The raw value, or undefined after reporting a missing required field. */
function present({ obj, key, path, what, problems, optional }: Field): unknown {
  const value = obj[key];
  if (value === undefined && !optional) problems.add(at(path, key), `${what} is missing.`);
  return value;
}

export function readObject(field: Field): JsonObject | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    field.problems.add(at(field.path, field.key), `${field.what} must be a group of fields, not ${kindOfValue(value)}.`);
    return undefined;
  }
  return value;
}

export function readArray(field: Field & { nonEmpty?: boolean }): unknown[] | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    field.problems.add(at(field.path, field.key), `${field.what} must be a list, not ${kindOfValue(value)}.`);
    return undefined;
  }
  if (field.nonEmpty && value.length === 0) {
    field.problems.add(at(field.path, field.key), `${field.what} cannot be an empty list.`);
    return undefined;
  }
  return value;
}

export function readText(field: Field & { maxLength?: number }): string | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  const where = at(field.path, field.key);
  if (typeof value !== 'string') return void field.problems.add(where, `${field.what} must be text, not ${kindOfValue(value)}.`);
  if (value.trim() === '') return void field.problems.add(where, `${field.what} cannot be blank.`);
  const maxLength = field.maxLength ?? 200;
  if (value.length > maxLength) return void field.problems.add(where, `${field.what} must be at most ${maxLength} characters long.`);
  return value;
}

export function readChoice<T extends string>(field: Field & { choices: readonly T[] }): T | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (field.choices as readonly string[]).includes(value)) return value as T;
  const quoted = field.choices.map((c) => `"${c}"`);
  const list = `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  field.problems.add(at(field.path, field.key), `${field.what} must be ${list}, not ${JSON.stringify(value)}.`);
  return undefined;
}

export function readDate(field: Field): string | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  if (isIsoDate(value)) return value;
  field.problems.add(at(field.path, field.key), `${field.what} must be a real date written YYYY-MM-DD, for example 2017-04-01, not ${JSON.stringify(value)}.`);
  return undefined;
}

/** Whole pence from 0 to max. A decimal such as 3.36 gets a hint, as it is nearly always pounds typed for pence. */
export function readPence(field: Field & { max: number }): number | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  const where = at(field.path, field.key);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return void field.problems.add(where, `${field.what} must be a whole number of pence (for example 336 for £3.36), not ${kindOfValue(value)}.`);
  }
  if (!Number.isInteger(value)) {
    const hint = value > 0 && value < field.max / 100 ? `: write ${Math.round(value * 100)} for ${formatPence(Math.round(value * 100))}, not ${value}` : ` (for example 336 for £3.36), not ${value}`;
    return void field.problems.add(where, `${field.what} must be a whole number of pence${hint}.`);
  }
  if (value < 0) return void field.problems.add(where, `${field.what} cannot be negative.`);
  if (value > field.max) return void field.problems.add(where, `${field.what} cannot be more than ${formatPence(field.max)}; check it is in pence, not pounds.`);
  return value;
}

/** A whole number from min to max, e.g. pupils or basis points; `unit` names it in the message. */
export function readWhole(field: Field & { min: number; max: number; unit: string }): number | undefined {
  const value = present(field);
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max) return value;
  field.problems.add(at(field.path, field.key), `${field.what} must be a whole number of ${field.unit} from ${field.min} to ${field.max}, not ${JSON.stringify(value)}.`);
  return undefined;
}
