import { fail, redirect } from '@sveltejs/kit';
import { SETUP_INVITE_ROLES, setupStepHref } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { inviteColleague } from '#lib/server/partnership-forms.ts';
import { completeStep } from '#lib/server/setup.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const path = { slug: event.params.slug };
  const [people, invitations] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/people', { params: { path, query: { pageSize: 100 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/invitations', { params: { path, query: { pageSize: 50 } } })),
  ]);
  return { people: people.items, invitations: invitations.items };
};

const none = { invited: null as string | null, values: { email: '', role: '' } };

export const actions: Actions = {
  invite: async (event) => {
    const sent = await inviteColleague(event, await event.request.formData(), SETUP_INVITE_ROLES);
    if (!sent.ok) return fail(sent.status, { ...none, values: sent.values, errors: sent.errors, message: sent.message });
    return { ...none, invited: sent.invited?.email ?? sent.values.email, errors: {} as Record<string, string>, message: null as string | null };
  },
  // Named too: SvelteKit does not allow a default action beside named ones.
  continue: async (event) => {
    const form = await event.request.formData();
    if (form.get('then') === 'later') redirect(303, `/p/${encodeURIComponent(event.params.slug)}`);
    const done = await completeStep(event, 'colleagues');
    if (!done.ok) return fail(done.status, { ...none, errors: done.errors, message: done.message });
    redirect(303, setupStepHref(event.params.slug, 'plan'));
  },
};
