import { fail, redirect } from '@sveltejs/kit';
import { currentYearOf, setupStepHref } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { calendarValuesOf, saveCalendar } from '#lib/server/partnership-forms.ts';
import { completeStep } from '#lib/server/setup.ts';
import type { Actions, PageServerLoad } from './$types';

async function loadCalendar(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
  return loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/calendar', { params: { path: { slug: event.params.slug! } } }));
}

/** This academic year and the next, as the wizard asks for. */
export const load: PageServerLoad = async (event) => {
  const calendar = await loadCalendar(event);
  const current = currentYearOf(calendar.years)?.academicYearStart ?? 0;
  return { values: calendarValuesOf(calendar, [current, current + 1]) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const before = await loadCalendar(event);
    const saved = await saveCalendar(event, form, before.budgetYear);
    if (!saved.ok) return fail(saved.status, { values: saved.values, errors: saved.errors, message: saved.message });
    if (form.get('then') === 'later') redirect(303, `/p/${encodeURIComponent(event.params.slug)}`);
    const done = await completeStep(event, 'calendar');
    if (!done.ok) return fail(done.status, { values: saved.values, errors: done.errors, message: done.message });
    redirect(303, setupStepHref(event.params.slug, 'categories'));
  },
};
