import { error, fail } from '@sveltejs/kit';
import { INVITABLE_ROLES } from '#lib/labels.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isAdminIn, isStaffIn } from '#lib/server/roles.ts';
import { choice, problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const isAdmin = isAdminIn(event.locals.me, event.params.slug);
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
    const read = await readForm(event.request, { email: text({ required: 'Enter the e-mail address of the person to invite' }), role: choice(INVITABLE_ROLES, 'Choose a role') });
    const { email, role } = read.echo;
    if (!read.ok) return fail(400, { email, role, errors: read.errors, message: null as string | null, invited: null as string | null, until: null as string | null });

    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/invitations', { params: { path: { slug: event.params.slug } }, body: read.values }));
    if (!result.ok) return fail(result.problem.status, { email, role, ...problemAnswer(result.problem), invited: null as string | null, until: null as string | null });
    return { invited: result.data.email, until: result.data.expiresAt, email: '', role: '', errors: {} as Record<string, string>, message: null as string | null };
  },
};
