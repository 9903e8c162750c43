import { fail, redirect } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = String(form.get('token') ?? '');
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    const errors: Record<string, string> = {};
    if (!password) errors.password = 'Enter a new password';
    else if (password !== confirm) errors.confirm = 'The two passwords do not match';
    if (Object.keys(errors).length) return fail(400, { errors, message: null as string | null });

    const result = await submit(apiFor(event, null).POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
    if (!result.ok) {
      const { token: tokenProblem, ...fields } = result.problem.fields;
      // A bad or used link is not something the person can fix in a field: say so plainly.
      return fail(result.problem.status, { errors: fields, message: tokenProblem ?? (Object.keys(fields).length ? null : result.problem.message) });
    }
    redirect(303, '/login?reset=done');
  },
};
