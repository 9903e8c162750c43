import { clone } from '../util/json.js';
import { invalidRequest } from './errors.js';
import type { ApiRequest } from './router.js';

type JsonObject = Record<string, unknown>;
/** Computes the expanded value of a field that is not a plain id (e.g. a Checkout Session's `line_items`). */
export type Expander = (parent: JsonObject, req: ApiRequest) => unknown;

const expanders = new Map<string, Expander>();

/** Registers a custom expansion for `<object type>.<field>`, e.g. `checkout.session` + `line_items`. */
export function registerExpander(objectType: string, field: string, expander: Expander): void {
  expanders.set(`${objectType}.${field}`, expander);
}

/**
 * Applies `expand[]` paths to a response body (already a private copy): ids become the objects they
 * name (when visible from the request's account), lists are entered with `data.`.
 */
export function applyExpand(body: unknown, paths: string[], req: ApiRequest): unknown {
  for (const path of paths) expandPath(body, path.split('.'), req, path);
  return body;
}

function expandPath(node: unknown, segments: string[], req: ApiRequest, fullPath: string): void {
  if (!node || typeof node !== 'object' || segments.length === 0) return;
  if (Array.isArray(node)) {
    for (const item of node) expandPath(item, segments, req, fullPath);
    return;
  }
  const obj = node as JsonObject;
  const [head, ...rest] = segments as [string, ...string[]];
  if (obj['object'] === 'list' && head === 'data') {
    expandPath(obj['data'], rest, req, fullPath);
    return;
  }
  const custom = expanders.get(`${String(obj['object'])}.${head}`);
  let value = obj[head];
  if (custom) {
    value = custom(obj, req);
    obj[head] = value;
  } else if (typeof value === 'string') {
    const record = req.fake.store.find(value);
    const visible = record && (record.scope === req.scope || record.type === 'account');
    if (visible) {
      value = clone(record.data);
      obj[head] = value;
    }
  } else if (value === undefined || (value !== null && typeof value !== 'object')) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  }
  if (rest.length > 0) expandPath(value, rest, req, fullPath);
}
