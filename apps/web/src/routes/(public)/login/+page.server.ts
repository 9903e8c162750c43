import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, safeNext, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.me) redirect(303, safeNext(url.searchParams.get('next')));
  return {
    notice: url.searchParams.get('reset') === 'done' ? 'Your password has been changed. Sign in with your new password.' : url.searchParams.get('signedout') ? 'You have signed out.' : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeNext(event.url.searchParams.get('next'));

    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Enter your e-mail address';
    if (!password) errors.password = 'Enter your password';
    if (Object.keys(errors).length) return fail(400, { email, errors, message: null as string | null });

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
