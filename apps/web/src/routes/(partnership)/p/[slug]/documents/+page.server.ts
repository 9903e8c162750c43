import { error, fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isStaffIn } from '#lib/server/roles.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/** Documents the partnership shares with member schools: links or short texts, archived when out of date. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const documents = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/documents', { params: { path: { slug: event.params.slug } } }));
  return { documents: documents.items };
};

const empty = { title: '', url: '', body: '' };

export const actions: Actions = {
  share: async (event) => {
    const read = await readForm(event.request, { title: text({ required: 'Give the document a title' }), url: text(), body: text() });
    const values = read.echo;
    const errors: Record<string, string> = read.ok ? {} : { ...read.errors };
    if (!values.url && !values.body) errors.url = 'Give a link to the document, or its text';
    if (Object.keys(errors).length) return fail(400, { values, errors, message: null as string | null, done: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/documents', {
        params: { path: { slug: event.params.slug } },
        body: { title: values.title, ...(values.url ? { url: values.url } : {}), ...(values.body ? { body: values.body } : {}) },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values, ...problemAnswer(result.problem), done: null as string | null });
    return { values: empty, errors: {} as Record<string, string>, message: null as string | null, done: `Shared “${result.data.title}” with member schools.` };
  },
  archive: async (event) => {
    const { id } = (await readForm(event.request, { id: text({ trim: false }) })).echo;
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/documents/{id}/archive', { params: { path: { slug: event.params.slug, id } } }));
    if (!result.ok) return fail(result.problem.status, { values: empty, errors: {} as Record<string, string>, message: result.problem.message, done: null as string | null });
    return { values: empty, errors: {} as Record<string, string>, message: null as string | null, done: `“${result.data.title}” is archived: schools no longer see it.` };
  },
};
