import { fail } from '@sveltejs/kit';
import { londonToday } from '#lib/dates.ts';
import { censusLabel, parsePupils, recentCensuses } from '#lib/members.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readFields, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';
import { count } from '#lib/plural.ts';
import { PUPIL_COUNT_MAX } from '#lib/pupil-count.ts';

/** The school's pupil numbers in every partnership, with the form to send one partnership a correction. */
export const load: PageServerLoad = async (event) => {
  // The layout's portal is not needed here (it answers 404 for someone else's school first): no waiting for it.
  const counts = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/pupil-counts', { params: { path: { urn: event.params.urn } } }));
  return { counts, censuses: recentCensuses(londonToday()) };
};

export const actions: Actions = {
  correct: async (event) => {
    const form = await event.request.formData();
    const read = readFields(form, {
      tenantSlug: text({ trim: false, required: 'Choose the partnership the correction is for' }),
      census: text({ trim: false, required: 'Choose the census', pattern: /^\d{4}-(01|05|10)$/, mismatch: 'Choose the census' }),
      pupils: text(),
      note: text(),
    });
    const values = read.echo;
    const errors: Record<string, string> = read.ok ? {} : { ...read.errors };
    const pupils = parsePupils(values.pupils);
    if (pupils === null) errors.pupils = `Enter the number of pupils as a whole number from 0 to ${PUPIL_COUNT_MAX.toLocaleString('en-GB')}, like 420`;
    if (Object.keys(errors).length) return fail(400, { values, errors, message: null as string | null, done: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/pupil-counts', {
        params: { path: { urn: event.params.urn } },
        body: { tenantSlug: values.tenantSlug, census: values.census, pupils: pupils!, ...(values.note ? { note: values.note } : {}) },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values, ...problemAnswer(result.problem), done: null as string | null });
    const far = result.data.status === 'needs-confirmation' ? ` It is far from the figure we know, so they will check it with you before they confirm it.` : '';
    const done = `Sent to ${result.data.tenantName}: ${count(result.data.pupils, 'pupil')} for the ${censusLabel(result.data.census)}. It counts once they approve it.${far}`;
    return { values: { tenantSlug: '', census: '', pupils: '', note: '' }, errors: {} as Record<string, string>, message: null as string | null, done };
  },
};
