import type { PagedRows, PageWindow } from '@partnerships/db';
import { offsetOf, pageOf, type PageQueryDto } from './pagination.dto';

export type { PageWindow } from '@partnerships/db';

export const windowOf = (query: PageQueryDto): PageWindow => ({ limit: query.pageSize, offset: offsetOf(query) });

/**
 * A list endpoint's answer (`{ items, page, pageSize, total }`) from a repository's page, read with
 * `UnitOfWorkRepository.pageRows`: the rows and their total come from one statement (ADR 0009).
 */
export function pageFrom<R, T = R>(query: PageQueryDto, paged: PagedRows<R>, map: (row: R) => T = (row) => row as unknown as T) {
  return pageOf(paged.rows.map((row) => map(row)), query, paged.total);
}

/** Reads one page (the query's window) through `read` and answers it as a list endpoint does. */
export async function readPage<R, T = R>(query: PageQueryDto, read: (window: PageWindow) => Promise<PagedRows<R>>, map?: (row: R) => T) {
  return pageFrom(query, await read(windowOf(query)), map);
}
