import { fail, redirect } from '@sveltejs/kit';
import { setupStepHref } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { detailsValuesOf, saveDetails } from '#lib/server/partnership-forms.ts';
import { completeStep } from '#lib/server/setup.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const settings = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/settings', { params: { path: { slug: event.params.slug } } }));
  return { values: detailsValuesOf(settings) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const saved = await saveDetails(event, form);
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message });
    if (form.get('then') === 'later') redirect(303, `/p/${encodeURIComponent(event.params.slug)}`);
    const done = await completeStep(event, 'details');
    if (!done.ok) return fail(done.status, { values: saved.values, errors: done.errors, message: done.message });
    redirect(303, setupStepHref(event.params.slug, 'calendar'));
  },
};
