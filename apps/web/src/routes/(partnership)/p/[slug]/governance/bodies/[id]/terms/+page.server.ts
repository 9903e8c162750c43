import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import { loadAs, type TermsOfReferenceVersion } from '#lib/server/governance-api.ts';
import type { Actions, PageServerLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const api = apiFor(event);
  const [body, versions] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}', { params: { path: { slug, id } } })),
    loadAs<{ items: TermsOfReferenceVersion[] }>(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}/terms-of-reference', { params: { path: { slug, id } } })),
  ]);
  return { body: { id: body.id, name: body.name }, versions: versions.items };
};

export const actions: Actions = {
  add: async (event) => {
    const read = await readForm(event.request, {
      text: text({ required: 'Write the terms of reference', max: 100_000 }),
      approvedOn: text({ pattern: DAY, mismatch: 'Give the approval date as YYYY-MM-DD, for example 2026-09-15' }),
      reviewDueOn: text({ pattern: DAY, mismatch: 'Give the review date as YYYY-MM-DD, for example 2027-09-15' }),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null, saved: null as number | null });
    const { text: body, approvedOn, reviewDueOn } = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/bodies/{id}/terms-of-reference', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { text: body, approvedOn: approvedOn || null, reviewDueOn: reviewDueOn || null },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem), saved: null as number | null });
    return { saved: (result.data as unknown as { version: number }).version, values: null, errors: {} as Record<string, string>, message: null as string | null };
  },
};
