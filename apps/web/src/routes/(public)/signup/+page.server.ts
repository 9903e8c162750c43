import { fail, redirect } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/** Someone already signed in has an account: they go straight to creating a partnership. */
export const load: PageServerLoad = ({ locals }) => {
  if (locals.me) redirect(303, '/partnerships/new');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const read = await readForm(event.request, {
      name: text({ required: 'Enter your name' }),
      email: text({ required: 'Enter your e-mail address' }),
      password: text({ required: 'Choose a password', trim: false }),
    });
    const { name, email } = read.echo;
    if (!read.ok) return fail(400, { name, email, errors: read.errors, message: null as string | null, sent: null as string | null });

    const result = await submit(apiFor(event, null).POST('/api/v1/signup', { body: read.values }));
    if (!result.ok) return fail(result.problem.status, { name, email, ...problemAnswer(result.problem), sent: null as string | null });
    return { name, email: result.data.email, errors: {} as Record<string, string>, message: null as string | null, sent: result.data.message };
  },
};
