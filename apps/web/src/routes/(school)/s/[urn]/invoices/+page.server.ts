import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** A page of the school's invoices (newest first), with what is left to pay on all of them. */
export const load: PageServerLoad = async (event) => {
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
  const invoices = await loadOrFail(
    event,
    apiFor(event).GET('/api/v1/school-portal/{urn}/invoices', { params: { path: { urn: event.params.urn }, query: { page, pageSize: PAGE_SIZE } } }),
  );
  return { invoices };
};
