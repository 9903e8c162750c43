import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const invoices = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/invoices', { params: { path: { urn: event.params.urn } } }));
  return { invoices };
};
