import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { savePlan } from '#lib/server/partnership-forms.ts';
import { completeStep } from '#lib/server/setup.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const plan = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/plan', { params: { path: { slug: event.params.slug } } }));
  return { plan };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const before = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/plan', { params: { path: { slug: event.params.slug } } }));
    const saved = await savePlan(event, form, before.plan);
    if (!saved.ok) return fail(saved.status, { value: saved.values.plan, errors: saved.errors, message: saved.message });
    if (form.get('then') === 'later') redirect(303, `/p/${encodeURIComponent(event.params.slug)}`);
    const done = await completeStep(event, 'plan');
    if (!done.ok) return fail(done.status, { value: saved.values.plan, errors: done.errors, message: done.message });
    // The last step: the overview says the partnership is ready.
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/setup`);
  },
};
