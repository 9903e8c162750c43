import { error, fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { categoryValuesOf, saveCategory } from '#lib/server/partnership-forms.ts';
import { afterCategorySaved } from '../after-save.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const categories = await loadOrFail(
    event,
    apiFor(event).GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug }, query: { includeArchived: true } } }),
  );
  const category = categories.items.find((c) => c.id === event.params.id);
  if (!category) error(404, 'Page not found');
  return { category, values: categoryValuesOf(category), fromSetup: event.url.searchParams.get('from') === 'setup' };
};

export const actions: Actions = {
  default: async (event) => {
    const saved = await saveCategory(event, await event.request.formData(), event.params.id);
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message });
    redirect(303, afterCategorySaved(event, saved.values.name));
  },
};
