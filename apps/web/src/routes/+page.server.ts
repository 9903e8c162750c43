import { redirect } from '@sveltejs/kit';
import { placesOf } from '#lib/labels.ts';
import type { PageServerLoad } from './$types';

/** Signed out: sign in. One place: go there. Several: choose. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me) redirect(303, '/login');
  const places = placesOf(locals.me);
  if (places.length === 1) redirect(303, places[0].href);
  return { places };
};
