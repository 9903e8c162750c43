import { fail, redirect } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

/** Someone already signed in has an account: they go straight to creating a partnership. */
export const load: PageServerLoad = ({ locals }) => {
  if (locals.me) redirect(303, '/partnerships/new');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');

    const errors: Record<string, string> = {};
    if (!name) errors.name = 'Enter your name';
    if (!email) errors.email = 'Enter your e-mail address';
    if (!password) errors.password = 'Choose a password';
    if (Object.keys(errors).length) return fail(400, { name, email, errors, message: null as string | null, sent: null as string | null });

    const result = await submit(apiFor(event, null).POST('/api/v1/signup', { body: { name, email, password } }));
    if (!result.ok) {
      const { problem } = result;
      return fail(problem.status, { name, email, errors: problem.fields, message: Object.keys(problem.fields).length ? null : problem.message, sent: null as string | null });
    }
    return { name, email: result.data.email, errors: {} as Record<string, string>, message: null as string | null, sent: result.data.message };
  },
};
