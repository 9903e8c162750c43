import { getAs, tenantPath } from '#lib/server/improvement-api.ts';
import type { Participation } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const year = event.url.searchParams.get('year');
  const page = event.url.searchParams.get('page');
  const query = { ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}), ...(page && /^[1-9]\d{0,5}$/.test(page) ? { page: Number(page) } : {}) };
  return { participation: await getAs<Participation>(event, tenantPath(event.params.slug, 'participation'), query) };
};
