import { invalidRequest } from './errors.js';

/** A decoded Stripe request parameter: a string leaf, an array or a nested hash. */
export type ParamValue = string | ParamValue[] | ParamObject;
export interface ParamObject {
  [key: string]: ParamValue;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** Hashes whose keys are user data: never turned into arrays even when the keys look like indices. */
const FREE_FORM_KEYS = new Set(['metadata']);

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest(`Invalid URL encoding in request: ${part}`);
  }
}

/** `a[b][0][c]` → ['a', 'b', '0', 'c']; `a[]` → ['a', ''] (appends). */
export function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0) return [key];
  const segments = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let consumed = first;
  while ((match = re.exec(key)) !== null) {
    if (match.index !== consumed) break;
    segments.push(match[1]!);
    consumed = match.index + match[0].length;
  }
  if (consumed !== key.length) throw invalidRequest(`Invalid parameter name: ${key}`);
  return segments;
}

/**
 * Parses Stripe's form encoding (also used for GET query strings), as the SDK sends it:
 * `metadata[order]=1&line_items[0][price]=price_1&line_items[0][quantity]=2&expand[0]=customer`.
 * Nested hashes whose keys are all integer indices become arrays; `a[]=x` also appends.
 */
export function parseForm(body: string): ParamObject {
  const root: ParamObject = {};
  if (!body) return root;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (!rawKey) continue;
    assign(root, splitKey(rawKey), value, rawKey);
  }
  return normalise(root, '') as ParamObject;
}

function assign(root: ParamObject, path: string[], value: string, rawKey: string): void {
  let node: ParamObject = root;
  for (let i = 0; i < path.length; i++) {
    let segment = path[i]!;
    if (FORBIDDEN.has(segment)) throw invalidRequest(`Invalid parameter name: ${rawKey}`);
    if (segment === '') segment = String(Object.keys(node).length);
    const last = i === path.length - 1;
    if (last) {
      if (typeof node[segment] === 'object') throw invalidRequest(`Invalid hash: ${rawKey} was given both a value and nested values`, { param: rawKey });
      node[segment] = value;
      return;
    }
    const existing = node[segment];
    if (existing === undefined) node[segment] = {};
    else if (typeof existing === 'string') {
      // Stripe treats `foo=` (empty) then `foo[bar]=x` as a conflict too.
      throw invalidRequest(`Invalid hash: ${rawKey} was given both a value and nested values`, { param: rawKey });
    }
    node = node[segment] as ParamObject;
  }
}

function normalise(value: ParamValue, key: string): ParamValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = normalise(value[k]!, k);
  if (FREE_FORM_KEYS.has(key) || keys.length === 0) return value;
  if (keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => value[String(index)]!);
  }
  return value;
}
