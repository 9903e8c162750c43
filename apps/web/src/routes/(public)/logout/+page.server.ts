import { redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { SESSION_COOKIE } from '#lib/server/config.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a form post; a plain visit just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    if (event.locals.session) {
      try {
        await apiFor(event).POST('/api/v1/auth/logout');
      } catch {
        // The cookie is removed below whatever the API says; the session then expires on its own.
      }
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
    redirect(303, '/login?signedout=1');
  },
};
