import { fail } from '@sveltejs/kit';
import { academicYearOf } from '#lib/governance.ts';
import { londonToday } from '#lib/dates.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, whole } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const current = academicYearOf(londonToday());
  const asked = Number.parseInt(event.url.searchParams.get('year') ?? '', 10);
  const year = Number.isFinite(asked) && asked >= 2000 && asked <= 2100 ? asked : current;
  const bodyParam = event.url.searchParams.get('bodyId') ?? '';
  const bodyId = UUID.test(bodyParam) ? bodyParam : undefined;
  const [meetings, bodies, calendar] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/meetings', { params: { path: { slug }, query: { from: `${year}-09-01`, to: `${year + 1}-08-31`, ...(bodyId ? { bodyId } : {}) } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/calendar/{academicYearStart}', { params: { path: { slug, academicYearStart: String(year) } } })),
  ]);
  return { year, current, bodyId: bodyId ?? null, meetings: meetings.items, bodies: bodies.items, termDates: calendar };
};

export const actions: Actions = {
  plan: async (event) => {
    const read = await readForm(event.request, { academicYearStart: whole('The academic year', { required: true, min: 2000, max: 2100 }) });
    if (!read.ok) return fail(400, { errors: read.errors, message: null as string | null, planned: null });
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/plan', { params: { path: { slug: event.params.slug } }, body: { academicYearStart: read.values.academicYearStart! } }));
    if (!result.ok) return fail(result.problem.status, { ...problemAnswer(result.problem), planned: null });
    const { created, existing, termDates, problems } = result.data;
    return { planned: { year: read.values.academicYearStart!, created, existing, termDates, problems: problems.map((p) => String((p as { message?: string }).message ?? '')).filter(Boolean) }, errors: {} as Record<string, string>, message: null as string | null };
  },
};
