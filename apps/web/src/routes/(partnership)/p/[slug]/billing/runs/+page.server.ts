import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const slug = event.params.slug;
  const [schedules, runs] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug }, query: { page: 1, pageSize: 20 } } })),
  ]);
  const published = schedules.items.filter((s) => s.status === 'published');
  return { published, runs };
};

function chosen(form: FormData) {
  return String(form.get('scheduleId') ?? '').trim();
}

export const actions: Actions = {
  /** Work out every member's invoice without issuing anything, for the admin to read. */
  preview: async (event) => {
    const scheduleId = chosen(await event.request.formData());
    if (!scheduleId) return fail(400, { scheduleId, errors: { scheduleId: 'Choose the fee schedule to bill' } as Record<string, string>, message: null as string | null, dryRun: null });
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug: event.params.slug } }, body: { scheduleId, dryRun: true } }));
    if (!answer.ok) return fail(answer.problem.status, { scheduleId, errors: answer.problem.fields, message: answer.problem.message, dryRun: null });
    return { scheduleId, errors: {} as Record<string, string>, message: null as string | null, dryRun: answer.data as import('@partnerships/api-client').Schemas['DryRunDto'] };
  },
  /** Issue the invoices: the run goes on in the background, and its page shows the progress. */
  issue: async (event) => {
    const scheduleId = chosen(await event.request.formData());
    if (!scheduleId) return fail(400, { scheduleId, errors: { scheduleId: 'Choose the fee schedule to bill' } as Record<string, string>, message: null as string | null, dryRun: null });
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug: event.params.slug } }, body: { scheduleId, dryRun: false } }));
    if (!answer.ok) return fail(answer.problem.status, { scheduleId, errors: answer.problem.fields, message: answer.problem.message, dryRun: null });
    const created = answer.data as { id: string };
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/billing/runs/${encodeURIComponent(created.id)}`);
  },
};
