import { error, fail } from '@sveltejs/kit';
import { INVITABLE_ROLES, type InvitableRole } from '#lib/labels.ts';
import { isOneOf } from '#lib/vocabulary.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { canSeePeople, isAdmin } = await event.parent();
  if (!canSeePeople) error(404, 'Page not found');
  const api = apiFor(event);
  const slug = event.params.slug;
  const [people, invitations] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/people', { params: { path: { slug }, query: { pageSize: 100 } } })),
    isAdmin ? loadOrFail(event, api.GET('/api/v1/tenants/{slug}/invitations', { params: { path: { slug }, query: { pageSize: 20 } } })) : null,
  ]);
  return { people, invitations };
};

export const actions: Actions = {
  invite: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const role = String(form.get('role') ?? '');
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Enter the e-mail address of the person to invite';
    if (!isOneOf(INVITABLE_ROLES, role)) errors.role = 'Choose a role';
    if (Object.keys(errors).length) return fail(400, { email, role, errors, message: null as string | null, invited: null as string | null, until: null as string | null });

    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/invitations', {
        params: { path: { slug: event.params.slug } },
        body: { email, role: role as InvitableRole },
      }),
    );
    if (!result.ok) {
      const { problem } = result;
      return fail(problem.status, { email, role, errors: problem.fields, message: Object.keys(problem.fields).length ? null : problem.message, invited: null as string | null, until: null as string | null });
    }
    return { invited: result.data.email, until: result.data.expiresAt, email: '', role: '', errors: {} as Record<string, string>, message: null as string | null };
  },
};
