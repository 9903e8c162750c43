import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
  token: url.searchParams.get('token') ?? '',
  signedInAs: locals.me?.user.email ?? null,
});

export const actions: Actions = {
  default: async (event) => {
    const read = await readForm(event.request, { token: text({ trim: false }), name: text(), password: text({ trim: false, required: 'Enter a password' }) });
    const { token, name, password } = read.echo;
    if (!read.ok) return fail(400, { name, errors: read.errors, message: null as string | null, linkProblem: null as string | null });

    const result = await submit(
      apiFor(event, null).POST('/api/v1/invitations/accept', { body: { token, password, ...(name ? { name } : {}) } }),
    );
    if (!result.ok) {
      // A used or expired link is not something a field can fix: the page says so instead of the form.
      const { token: linkProblem = null, ...fields } = result.problem.fields;
      return fail(result.problem.status, { name, errors: fields, message: Object.keys(fields).length || linkProblem ? null : result.problem.message, linkProblem });
    }
    adoptCookies(event, result.response);
    redirect(303, `/p/${encodeURIComponent(result.data.tenant.slug)}`);
  },
};
