import { tryGet, tenantPath } from '#lib/server/improvement-api.ts';
import type { ConcernSummary } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

/** Only the people the partnership names see schools causing concern; anyone else is told so, with nothing about any school. */
export const load: PageServerLoad = async (event) => {
  const answer = await tryGet<{ items: ConcernSummary[] }>(event, tenantPath(event.params.slug, 'schools-causing-concern'));
  return { named: answer.ok, items: answer.ok ? answer.data.items : [] };
};
