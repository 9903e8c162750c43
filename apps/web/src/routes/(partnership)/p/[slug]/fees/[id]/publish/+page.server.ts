import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { asStored } from '#lib/server/fees.ts';
import { canEditFeesIn, early } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

/** Publishing cannot be undone, so it has a page of its own that says so. */
export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const api = apiFor(event);
  // All at once (the preview only reads); the redirect below is still decided as before, after the layout.
  const scheduleCall = early(loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id } } })));
  const askRest = () =>
    Promise.all([
      loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug } } })),
      submit(api.POST('/api/v1/tenants/{slug}/fee-schedules/{id}/preview', { params: { path: { slug, id } }, body: {} })),
    ]);
  const rest = canEditFeesIn(event.locals.me, slug) ? early(askRest()) : null;
  const { canEditFees } = await event.parent();
  const schedule = asStored(await scheduleCall);
  if (!canEditFees || schedule.status !== 'draft') redirect(303, `/p/${encodeURIComponent(slug)}/fees/${id}`);
  const [list, preview] = await (rest ?? askRest());
  const replaces = list.items.find((s) => s.status === 'published' && s.period.start === schedule.period.start && s.period.end === schedule.period.end) ?? null;
  return { schedule, replaces, preview: preview.ok ? preview.data : null };
};

export const actions: Actions = {
  default: async (event) => {
    const { slug, id } = event.params;
    const published = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules/{id}/publish', { params: { path: { slug, id } } }));
    if (!published.ok) return fail(published.problem.status, { message: published.problem.message, fields: Object.values(published.problem.fields) });
    redirect(303, `/p/${encodeURIComponent(slug)}/fees/${id}?published=1`);
  },
};
