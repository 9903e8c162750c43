import { fail, redirect } from '@sveltejs/kit';
import { BODY_KINDS } from '#lib/governance.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { choice, problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const bodies = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } }));
  return { bodies: bodies.items };
};

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      name: text({ required: 'Give the body a name', max: 200 }),
      kind: choice(BODY_KINDS, 'Choose what kind of body it is'),
      purpose: text({ max: 4000 }),
      endsOn: text({ pattern: /^\d{4}-\d{2}-\d{2}$/, mismatch: 'Give the end date as YYYY-MM-DD, for example 2027-07-20' }),
    });
    const parentIds = read.form.getAll('parentIds').map(String).filter(Boolean);
    const echo = { ...read.echo, parentIds };
    if (!read.ok) return fail(400, { values: echo, errors: read.errors, message: null as string | null });
    const { name, kind, purpose, endsOn } = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/bodies', {
        params: { path: { slug: event.params.slug } },
        body: { name, kind, purpose: purpose || null, parentIds, ...(endsOn ? { endsOn } : {}) },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values: echo, ...problemAnswer(result.problem) });
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/governance/bodies/${result.data.id}?created=1`);
  },
};
