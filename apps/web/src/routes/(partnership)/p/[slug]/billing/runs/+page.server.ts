import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { checkbox, readForm, text } from '#lib/server/form.ts';
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

const chosen = (request: Request) => readForm(request, { scheduleId: text({ required: 'Choose the fee schedule to bill' }) });

export const actions: Actions = {
  /** Work out every member's invoice without issuing anything, for the admin to read. */
  preview: async (event) => {
    const read = await chosen(event.request);
    const { scheduleId } = read.echo;
    if (!read.ok) return fail(400, { scheduleId, errors: read.errors, message: null as string | null, dryRun: null });
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug: event.params.slug } }, body: { scheduleId, dryRun: true } }));
    if (!answer.ok) return fail(answer.problem.status, { scheduleId, errors: answer.problem.fields, message: answer.problem.message, dryRun: null });
    return { scheduleId, errors: {} as Record<string, string>, message: null as string | null, dryRun: answer.data as import('@partnerships/api-client').Schemas['DryRunDto'] };
  },
  /** Issue the invoices: the run goes on in the background, and its page shows the progress. */
  issue: async (event) => {
    const read = await readForm(event.request, { scheduleId: text({ required: 'Choose the fee schedule to bill' }), sendInvoices: checkbox() });
    const { scheduleId } = read.echo;
    if (!read.ok) return fail(400, { scheduleId, errors: read.errors, message: null as string | null, dryRun: null });
    const sendInvoices = read.ok ? read.values.sendInvoices : false;
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug: event.params.slug } }, body: { scheduleId, dryRun: false, sendInvoices } }));
    if (!answer.ok) return fail(answer.problem.status, { scheduleId, errors: answer.problem.fields, message: answer.problem.message, dryRun: null });
    const created = answer.data as { id: string };
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/billing/runs/${encodeURIComponent(created.id)}`);
  },
};
