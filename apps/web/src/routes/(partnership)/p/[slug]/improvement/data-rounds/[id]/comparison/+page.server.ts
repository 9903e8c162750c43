import { getAs, tenantPath } from '#lib/server/improvement-api.ts';
import type { Round, RoundComparison } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const [round, comparison] = await Promise.all([
    getAs<Round>(event, tenantPath(slug, 'data-rounds', id)),
    getAs<RoundComparison>(event, tenantPath(slug, 'data-rounds', id, 'comparison')),
  ]);
  return { round, comparison };
};
