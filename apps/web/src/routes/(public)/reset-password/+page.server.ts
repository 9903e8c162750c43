import { fail, redirect } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const { token, password, confirm } = (await readForm(event.request, { token: text({ trim: false }), password: text({ trim: false }), confirm: text({ trim: false }) })).echo;
    const errors: Record<string, string> = {};
    if (!password) errors.password = 'Enter a new password';
    else if (password !== confirm) errors.confirm = 'The two passwords do not match';
    if (Object.keys(errors).length) return fail(400, { errors, message: null as string | null, linkProblem: null as string | null });

    const result = await submit(apiFor(event, null).POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
    if (!result.ok) {
      // A bad or used link is not something a field can fix: the page says so instead of the form.
      const { token: linkProblem = null, ...fields } = result.problem.fields;
      return fail(result.problem.status, { errors: fields, message: Object.keys(fields).length || linkProblem ? null : result.problem.message, linkProblem });
    }
    redirect(303, '/login?reset=done');
  },
};
