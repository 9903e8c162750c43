import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { detailsValuesOf, saveDetails } from '#lib/server/partnership-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const settings = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/settings', { params: { path: { slug: event.params.slug } } }));
  return { values: detailsValuesOf(settings), noticeRuleText: settings.noticeRuleText, listed: settings.listed };
};

export const actions: Actions = {
  default: async (event) => {
    const saved = await saveDetails(event, await event.request.formData());
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message, saved: false });
    return { values: saved.values, errors: {} as Record<string, string>, message: null as string | null, saved: true };
  },
};
