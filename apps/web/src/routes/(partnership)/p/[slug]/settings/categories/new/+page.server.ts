import { fail, redirect } from '@sveltejs/kit';
import { categoryValuesOf, saveCategory } from '#lib/server/partnership-forms.ts';
import { afterCategorySaved } from '../after-save.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ values: categoryValuesOf(null), fromSetup: url.searchParams.get('from') === 'setup' });

export const actions: Actions = {
  default: async (event) => {
    const saved = await saveCategory(event, await event.request.formData(), null);
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message });
    redirect(303, afterCategorySaved(event, saved.values.name));
  },
};
