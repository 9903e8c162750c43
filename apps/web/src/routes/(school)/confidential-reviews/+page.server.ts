import { redirect } from '@sveltejs/kit';
import { loginUrl } from '#lib/server/api.ts';
import { getAs } from '#lib/server/improvement-api.ts';
import type { SchoolReview } from '#lib/improvement/types.ts';
import type { PageServerLoad } from './$types';

/** Confidential reviews this person may open: as their reviewer, the school's head, or someone the head shared one with. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  const reviews = await getAs<{ items: SchoolReview[] }>(event, '/api/v1/me/confidential-reviews');
  return { reviews: reviews.items };
};
