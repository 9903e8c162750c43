import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { savePlan } from '#lib/server/partnership-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const plan = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/plan', { params: { path: { slug: event.params.slug } } }));
  return { plan };
};

export const actions: Actions = {
  default: async (event) => {
    const before = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/plan', { params: { path: { slug: event.params.slug } } }));
    const saved = await savePlan(event, await event.request.formData(), before.plan);
    if (!saved.ok) return fail(saved.status, { value: saved.values.plan, errors: saved.errors, message: saved.message, saved: false });
    return { value: saved.values.plan, errors: {} as Record<string, string>, message: null as string | null, saved: true };
  },
};
