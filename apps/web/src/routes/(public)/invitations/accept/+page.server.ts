import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
  token: url.searchParams.get('token') ?? '',
  signedInAs: locals.me?.user.email ?? null,
});

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = String(form.get('token') ?? '');
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!password) return fail(400, { name, errors: { password: 'Enter a password' } as Record<string, string>, message: null as string | null, linkProblem: null as string | null });

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
