import { error, fail } from '@sveltejs/kit';
import { EVALUATION_QUESTIONS } from '#lib/offers.ts';
import { isUuid } from '#lib/offers-ids.ts';
import { apiFor, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!isUuid(event.params.id)) error(404, 'Page not found');
  return { bookingId: event.params.id, tenant: event.url.searchParams.get('tenant') ?? '' };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const answers: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const q of EVALUATION_QUESTIONS) {
      const raw = String(form.get(q.id) ?? '').trim();
      values[q.id] = raw;
      if (q.kind === 'rating') {
        if (!/^[1-5]$/.test(raw)) errors[`${q.id}-1`] = `Choose a score from 1 to 5 for “${q.text}”`;
        else answers[q.id] = Number(raw);
      } else if (raw) {
        if (raw.length > 2000) errors[q.id] = 'Use 2,000 characters or fewer';
        answers[q.id] = raw;
      }
    }
    if (Object.keys(errors).length) return fail(400, { values, errors, message: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/bookings/{id}/evaluation', {
        params: { path: { urn: event.params.urn, id: event.params.id }, query: { tenant: event.url.searchParams.get('tenant') ?? '' } },
        // The schema types the answers as an open object; they are checked by the API.
        body: { answers: answers as Record<string, never> },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values, errors: {}, message: result.problem.message });
    return { done: true };
  },
};
