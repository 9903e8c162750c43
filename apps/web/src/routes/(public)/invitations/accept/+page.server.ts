import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import { ROLE_HINTS, roleLabel } from '#lib/labels.ts';
import type { Actions, PageServerLoad } from './$types';

/** The invitation, named: which partnership, as what, for which address (nothing when the link is unknown, used or expired). */
export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token') ?? '';
  let invitation: { partnershipName: string; role: string; roleHint: string | null; email: string; accountExists: boolean } | null = null;
  if (token) {
    const answer = await apiFor(event, null)
      .GET('/api/v1/invitations/{token}', { params: { path: { token } } })
      .catch(() => undefined);
    const found = answer?.data;
    if (found) {
      invitation = {
        partnershipName: found.tenant.name,
        role: roleLabel(found.role),
        roleHint: found.role in ROLE_HINTS ? ROLE_HINTS[found.role as keyof typeof ROLE_HINTS] : null,
        email: found.email,
        accountExists: found.accountExists,
      };
    }
  }
  return { token, invitation, signedInAs: event.locals.me?.user.email ?? null };
};

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
