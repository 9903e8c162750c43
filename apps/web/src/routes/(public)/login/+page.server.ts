import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, safeNext, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.me) redirect(303, safeNext(url.searchParams.get('next')));
  return {
    notice: url.searchParams.get('reset') === 'done' ? 'Your password has been changed. Sign in with your new password.' : url.searchParams.get('signedout') ? 'You have signed out.' : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const read = await readForm(event.request, { email: text({ required: 'Enter your e-mail address' }), password: text({ required: 'Enter your password', trim: false }) });
    const { email } = read.echo;
    const next = safeNext(event.url.searchParams.get('next'));
    if (!read.ok) return fail(400, { email, errors: read.errors, message: null as string | null });
    const { password } = read.values;

    // No session is forwarded: signing in starts a new one.
    const result = await submit(apiFor(event, null).POST('/api/v1/auth/login', { body: { email, password } }));
    if (!result.ok) {
      const { problem } = result;
      const fieldErrors = { ...problem.fields };
      // "Wrong e-mail or password" belongs to the form, but the summary still needs a field to link to.
      if (problem.status === 401 && !Object.keys(fieldErrors).length) fieldErrors.email = problem.message;
      return fail(problem.status === 401 ? 400 : problem.status, {
        email,
        errors: fieldErrors,
        message: problem.status === 401 ? null : problem.message,
      });
    }
    adoptCookies(event, result.response);
    redirect(303, next);
  },
};
