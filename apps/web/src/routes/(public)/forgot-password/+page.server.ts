import { fail } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const read = await readForm(event.request, { email: text({ required: 'Enter your e-mail address' }) });
    const { email } = read.echo;
    if (!read.ok) return fail(400, { email, errors: read.errors, message: null as string | null, sent: false });
    const result = await submit(apiFor(event, null).POST('/api/v1/auth/password-reset', { body: { email } }));
    if (!result.ok) return fail(result.problem.status, { email, errors: result.problem.fields, message: result.problem.message, sent: false });
    // The same answer whether or not the address has an account, so nobody can test addresses here.
    return { email, sent: true, errors: {} as Record<string, string>, message: null as string | null };
  },
};
