import type { WireList } from '../util/wire.js';
import { invalidRequest, parameterInvalid } from './errors.js';
import type { Params } from './params.js';

const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'created'] as const;

/** The pagination/filter params every list endpoint accepts, for `allowOnly`. */
export function listParams(...extra: string[]): string[] {
  return [...LIST_PARAMS, ...extra];
}

/**
 * Stripe's cursor pagination over items already sorted newest first:
 * `limit` (1–100, default 10), `starting_after` / `ending_before` (object ids), `created` (int or range).
 */
export function paginate<T extends { id?: string; created?: number }>(items: T[], params: Params, url: string): WireList<T> {
  const limit = params.int('limit') ?? 10;
  if (limit < 1 || limit > 100) throw parameterInvalid('limit', `Invalid limit: must be between 1 and 100`, 'parameter_invalid_integer');
  const filtered = filterCreated(items, params);
  const startingAfter = params.str('starting_after');
  const endingBefore = params.str('ending_before');
  if (startingAfter && endingBefore) throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.');
  if (endingBefore) {
    const index = indexOf(filtered, endingBefore, 'ending_before');
    const before = filtered.slice(0, index);
    const data = before.slice(Math.max(0, before.length - limit));
    return { object: 'list', data, has_more: before.length > limit, url };
  }
  const start = startingAfter ? indexOf(filtered, startingAfter, 'starting_after') + 1 : 0;
  const rest = filtered.slice(start);
  return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
}

function indexOf<T extends { id?: string }>(items: T[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw invalidRequest(`No such object: '${id}'`, { code: 'resource_missing', param, status: 400 });
  return index;
}

function filterCreated<T extends { created?: number }>(items: T[], params: Params): T[] {
  if (!params.has('created')) return items;
  const exact = params.raw['created'];
  if (typeof exact === 'string') {
    const value = params.int('created')!;
    return items.filter((item) => item.created === value);
  }
  const range = params.obj('created');
  if (!range) return items;
  const gt = range.int('gt');
  const gte = range.int('gte');
  const lt = range.int('lt');
  const lte = range.int('lte');
  return items.filter((item) => {
    const created = item.created ?? 0;
    return (gt === undefined || created > gt) && (gte === undefined || created >= gte) && (lt === undefined || created < lt) && (lte === undefined || created <= lte);
  });
}
