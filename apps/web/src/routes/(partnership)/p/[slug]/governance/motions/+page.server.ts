import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { choice, problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  // The coming year's meetings of every body, asked for with the bodies (not after them, one
  // call per general meeting body), then kept to the general meetings', body by body as before.
  const [motions, bodies, allMeetings] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/motions', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/meetings', { params: { path: { slug } } })),
  ]);
  const general = bodies.items.filter((b) => b.kind === 'general_meeting');
  const meetings = general.flatMap((b) => allMeetings.items.filter((m) => m.bodyId === b.id)).filter((m) => m.status !== 'cancelled');
  return { motions: motions.items, meetings };
};

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      meetingId: text({ required: 'Choose the general meeting' }),
      title: text({ required: 'Give the motion a title', max: 300 }),
      text: text({ max: 10_000 }),
      ballot: choice(['named', 'secret'] as const, 'Choose a named or secret ballot'),
      majority: choice(['simple', 'two_thirds'] as const, 'Choose the majority needed'),
      tieRule: choice(['motion_falls', 'chair_casting_vote'] as const, 'Choose how a tie is settled'),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/motions', { params: { path: { slug: event.params.slug } }, body: { ...read.values, text: read.values.text || undefined } }));
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem) });
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/governance/motions/${result.data.id}`);
  },
};
