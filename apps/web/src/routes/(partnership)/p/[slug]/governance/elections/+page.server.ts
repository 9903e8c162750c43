import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  // The coming year's meetings of every body, asked for with the bodies (not after them, one
  // call per general meeting body), then kept to the general meetings', body by body as before.
  const [elections, bodies, allMeetings] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/elections', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/meetings', { params: { path: { slug } } })),
  ]);
  const general = bodies.items.filter((b) => b.kind === 'general_meeting');
  const meetings = general.flatMap((b) => allMeetings.items.filter((m) => m.bodyId === b.id)).filter((m) => m.status !== 'cancelled');
  return { elections: elections.items, bodies: bodies.items.filter((b) => b.kind !== 'general_meeting'), meetings };
};

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      bodyId: text({ required: 'Choose the body whose seats are elected' }),
      title: text({ required: 'Give the election a title', max: 300 }),
      meetingId: text(),
      seats: whole('The number of seats', { min: 1, max: 100 }),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const { bodyId, title, meetingId, seats } = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/elections', { params: { path: { slug: event.params.slug } }, body: { bodyId, title, ...(meetingId ? { meetingId } : {}), ...(seats ? { seats } : {}) } }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem) });
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/governance/elections/${result.data.id}`);
  },
};
