import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The link in the confirmation e-mail opens a page with a button, rather than confirming on
 * opening: e-mail scanners open links too, and must not use up the token.
 */
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const { echo } = await readForm(event.request, { token: text({ trim: false }) });
    const result = await submit(apiFor(event, null).POST('/api/v1/signup/verify', { body: { token: echo.token } }));
    if (!result.ok) {
      const { problem } = result;
      return fail(problem.status, { linkProblem: problem.fields.token ?? problem.message });
    }
    adoptCookies(event, result.response);
    redirect(303, '/partnerships/new?welcome=1');
  },
};
