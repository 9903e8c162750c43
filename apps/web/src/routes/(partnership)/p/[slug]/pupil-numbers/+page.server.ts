import { error, fail } from '@sveltejs/kit';
import { censusLabel } from '#lib/members.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isStaffIn } from '#lib/server/roles.ts';
import { readFields, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { count } from '#lib/plural.ts';

/** Schools' corrections to their pupil numbers (to approve or turn down), the history, and which census drives fees. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const api = apiFor(event);
  const path = { slug: event.params.slug };
  const [toConfirm, waiting, history, settings] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/pupil-counts', { params: { path, query: { status: 'needs-confirmation', pageSize: 200 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/pupil-counts', { params: { path, query: { status: 'pending', pageSize: 200 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/pupil-counts', { params: { path, query: { pageSize: 100 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-settings', { params: { path } })),
  ]);
  // Figures far from the register's or last year's come first: they need the admin's confirmation.
  const pending = { items: [...toConfirm.items, ...waiting.items], total: toConfirm.total + waiting.total };
  return { pending, history, feeCensus: settings.feeCensus };
};

async function decide(event: RequestEvent, decision: 'approve' | 'reject') {
  const form = await event.request.formData();
  const { id, note } = readFields(form, { id: text({ trim: false }), note: text() }).echo;
  const school = String(form.get('school') ?? 'the school').slice(0, 200);
  const field = `note-${id}`;
  if (decision === 'reject' && !note) {
    return fail(400, { errors: { [field]: `Say why the correction from ${school} is turned down; the school will see it` } as Record<string, string>, message: null as string | null, done: null as string | null, values: { [field]: note } });
  }
  const path = { slug: event.params.slug, id };
  const api = apiFor(event);
  const body = note ? { note } : {};
  const result = await submit(
    decision === 'approve'
      ? api.POST('/api/v1/tenants/{slug}/pupil-counts/{id}/approve', { params: { path }, body })
      : api.POST('/api/v1/tenants/{slug}/pupil-counts/{id}/reject', { params: { path }, body }),
  );
  if (!result.ok) {
    const errors: Record<string, string> = result.problem.fields.note ? { [field]: result.problem.fields.note } : {};
    return fail(result.problem.status, { errors, message: Object.keys(errors).length ? null : result.problem.message, done: null as string | null, values: { [field]: note } });
  }
  const done =
    decision === 'approve'
      ? `Approved: ${result.data.schoolName} has ${count(result.data.pupils, 'pupil')} for the ${censusLabel(result.data.census)}.`
      : `Turned down the correction from ${result.data.schoolName}.`;
  return { errors: {} as Record<string, string>, message: null as string | null, done, values: {} as Record<string, string> };
}

export const actions: Actions = {
  approve: (event) => decide(event, 'approve'),
  reject: (event) => decide(event, 'reject'),
  census: async (event) => {
    const { feeCensus } = (await readForm(event.request, { feeCensus: text({ trim: false }) })).echo;
    const result = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/membership-settings', { params: { path: { slug: event.params.slug } }, body: { feeCensus: feeCensus as 'october' } }));
    if (!result.ok) {
      const errors: Record<string, string> = result.problem.fields.feeCensus ? { feeCensus: result.problem.fields.feeCensus } : {};
      return fail(result.problem.status, { errors, message: Object.keys(errors).length ? null : result.problem.message, done: null as string | null, values: {} as Record<string, string> });
    }
    return { errors: {} as Record<string, string>, message: null as string | null, done: 'Saved: fees now use the census you chose.', values: {} as Record<string, string> };
  },
};
