import { fail, redirect } from '@sveltejs/kit';
import { setupStepHref } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { completeStep } from '#lib/server/setup.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const categories = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug } } }));
  return { categories: categories.items };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    if (form.get('then') === 'later') redirect(303, `/p/${encodeURIComponent(event.params.slug)}`);
    const done = await completeStep(event, 'categories');
    if (!done.ok) return fail(done.status, { errors: done.errors, message: done.message });
    redirect(303, setupStepHref(event.params.slug, 'colleagues'));
  },
};
