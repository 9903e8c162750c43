import { placesOf } from '#lib/labels.ts';
import type { LayoutServerLoad } from './$types';

/** Who is signed in and where they can go; the CSRF token stays on the server. */
export const load: LayoutServerLoad = ({ locals }) => {
  const me = locals.me;
  return {
    user: me ? { name: me.user.name, email: me.user.email, isPlatformOperator: me.user.isPlatformOperator } : null,
    places: me ? placesOf(me) : [],
    apiUnavailable: locals.apiUnavailable,
  };
};
