import { getAs, tenantPath } from '#lib/server/improvement-api.ts';
import type { Dashboard, ProgrammeSummary, RoundSummary } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const [programmes, rounds, dashboard] = await Promise.all([
    getAs<{ items: ProgrammeSummary[] }>(event, tenantPath(slug, 'review-programmes')),
    getAs<{ items: RoundSummary[] }>(event, tenantPath(slug, 'data-rounds')),
    getAs<Dashboard>(event, tenantPath(slug, 'support-dashboard')),
  ]);
  return { programmes: programmes.items, rounds: rounds.items, dashboard };
};
