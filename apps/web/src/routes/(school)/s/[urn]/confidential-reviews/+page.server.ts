import { getAs, portalPath } from '#lib/server/improvement-api.ts';
import type { SchoolReview } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

/** The school's confidential reviews: who reviewed and when, never the report (that is read on the review's own page). */
export const load: PageServerLoad = async (event) => {
  const reviews = await getAs<{ items: SchoolReview[] }>(event, portalPath(event.params.urn, 'confidential-reviews'));
  return { reviews: reviews.items };
};
