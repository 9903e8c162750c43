import { offsetOf, pageOf, type PageQueryDto } from './pagination.dto';

/** The rows a page covers, as SQL's LIMIT and OFFSET want them. */
export interface PageWindow {
  limit: number;
  offset: number;
}

export const windowOf = (query: PageQueryDto): PageWindow => ({ limit: query.pageSize, offset: offsetOf(query) });

/**
 * One page of a list endpoint's answer (`{ items, page, pageSize, total }`): the page's rows,
 * then the total, read one after the other in the caller's unit of work.
 */
export async function readPage<T>(query: PageQueryDto, items: (window: PageWindow) => Promise<T[]>, total: () => Promise<number>) {
  const rows = await items(windowOf(query));
  return pageOf(rows, query, await total());
}
