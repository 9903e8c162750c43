/**
 * The one way form actions read what was posted: a schema of field readers gives typed values,
 * or a message per field in the shape every page shows (`errors[fieldName]`), with what was
 * typed to put back in the form (`values`). Checks here only spare a round trip; the API checks
 * everything again and its field messages are shown the same way (see `problemAnswer`).
 */
import { isOneOf } from '../vocabulary.ts';
import { parseDay } from '../billing.ts';
import { parsePounds, parseWhole } from '../fees/money.ts';
import type { ParsedProblem } from './problem.ts';

type Read<T, E> = { ok: true; value: T; echo: E } | { ok: false; echo: E; error: string };

/** Reads one field: its typed value, and what to show again in the form (`echo`). */
export interface FieldReader<T, E = T> {
  read(form: FormData, name: string): Read<T, E>;
}

const raw = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Text, trimmed unless `trim: false` (passwords). `required` is the message when it is empty. */
export function text(options: { required?: string; trim?: boolean; max?: number; tooLong?: string; pattern?: RegExp; mismatch?: string } = {}): FieldReader<string> {
  return {
    read(form, name) {
      const value = options.trim === false ? raw(form, name) : raw(form, name).trim();
      if (options.required && !value) return { ok: false, echo: value, error: options.required };
      if (options.max !== undefined && value.length > options.max) return { ok: false, echo: value, error: options.tooLong ?? `Use ${options.max} characters or fewer` };
      if (value && options.pattern && !options.pattern.test(value)) return { ok: false, echo: value, error: options.mismatch ?? 'This is not in the right form' };
      return { ok: true, value, echo: value };
    },
  };
}

/** One of the API's values (a radio group or select); `message` when it is anything else. */
export function choice<const K extends string>(values: readonly K[], message: string): FieldReader<K, string> {
  return {
    read(form, name) {
      const value = raw(form, name);
      return isOneOf(values, value) ? { ok: true, value, echo: value } : { ok: false, echo: value, error: message };
    },
  };
}

/** The ticked boxes of a group that are among the known values (unknown ones are dropped). */
export function choices<const K extends string>(values: readonly K[]): FieldReader<K[]> {
  return {
    read(form, name) {
      const value = form.getAll(name).map(String).filter((v): v is K => isOneOf(values, v));
      return { ok: true, value, echo: value };
    },
  };
}

/** A checkbox (or a hidden yes/no): true when it was sent with `on` or `yes`. */
export function checkbox(): FieldReader<boolean> {
  return {
    read(form, name) {
      const value = ['on', 'yes', 'true'].includes(raw(form, name));
      return { ok: true, value, echo: value };
    },
  };
}

/** Money typed in pounds, as integer pence; an empty field is `null` unless `required`. */
export function pounds(what: string, options: { required?: boolean; allowZero?: boolean; max?: number } = {}): FieldReader<number | null, string> {
  return {
    read(form, name) {
      const echo = raw(form, name).trim();
      if (!echo && !options.required) return { ok: true, value: null, echo };
      const parsed = parsePounds(echo, what, options);
      return parsed.ok ? { ok: true, value: parsed.value, echo } : { ok: false, echo, error: parsed.message };
    },
  };
}

/** A whole number; an empty field is `null` unless `required`. */
export function whole(what: string, options: { required?: boolean; min?: number; max?: number } = {}): FieldReader<number | null, string> {
  return {
    read(form, name) {
      const echo = raw(form, name).trim();
      if (!echo && !options.required) return { ok: true, value: null, echo };
      const parsed = parseWhole(echo, what, options);
      return parsed.ok ? { ok: true, value: parsed.value, echo } : { ok: false, echo, error: parsed.message };
    },
  };
}

/** A day typed as 30/11/2026 or 2026-11-30, as YYYY-MM-DD; `message` when it is not a real date. */
export function day(message: string): FieldReader<string> {
  return {
    read(form, name) {
      const echo = raw(form, name).trim();
      const value = parseDay(echo);
      return value ? { ok: true, value, echo } : { ok: false, echo, error: message };
    },
  };
}

type Schema = Record<string, FieldReader<unknown, unknown>>;
export type FormValues<S extends Schema> = { [K in keyof S]: S[K] extends FieldReader<infer T, unknown> ? T : never };
export type FormEcho<S extends Schema> = { [K in keyof S]: S[K] extends FieldReader<unknown, infer E> ? E : never };

export type FormRead<S extends Schema> =
  | { ok: true; values: FormValues<S>; echo: FormEcho<S>; form: FormData }
  | { ok: false; echo: FormEcho<S>; errors: Record<string, string>; form: FormData };

/** Reads every field of the schema from a form already taken from the request. */
export function readFields<S extends Schema>(form: FormData, schema: S): FormRead<S> {
  const values: Record<string, unknown> = {};
  const echo: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, reader] of Object.entries(schema)) {
    const read = reader.read(form, name);
    echo[name] = read.echo;
    if (read.ok) values[name] = read.value;
    else errors[name] = read.error;
  }
  if (Object.keys(errors).length) return { ok: false, echo: echo as FormEcho<S>, errors, form };
  return { ok: true, values: values as FormValues<S>, echo: echo as FormEcho<S>, form };
}

/** `readForm(event.request, { email: text({ required: 'Enter your e-mail address' }) })` */
export async function readForm<S extends Schema>(request: Request, schema: S): Promise<FormRead<S>> {
  return readFields(await request.formData(), schema);
}

/**
 * An API refusal as a form shows it: the field messages beside their fields, else one message
 * for the whole form. `rename` maps the API's field names onto this form's field names.
 */
export function problemAnswer(problem: ParsedProblem, rename?: Record<string, string>): { errors: Record<string, string>; message: string | null } {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(problem.fields)) {
    const name = rename ? rename[field] : field;
    if (name) errors[name] ??= message;
  }
  return { errors, message: Object.keys(errors).length ? null : problem.message };
}
