import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { calendarValuesOf, saveCalendar } from '#lib/server/partnership-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const calendar = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/calendar', { params: { path: { slug: event.params.slug } } }));
  return { values: calendarValuesOf(calendar), saved: calendar.years.filter((y) => y.saved).map((y) => y.academicYearStart) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const before = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/calendar', { params: { path: { slug: event.params.slug } } }));
    const saved = await saveCalendar(event, form, before.budgetYear);
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message, saved: false });
    return { values: saved.values, errors: {} as Record<string, string>, message: null as string | null, saved: true };
  },
};
