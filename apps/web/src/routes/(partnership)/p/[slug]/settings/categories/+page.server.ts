import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const categories = await loadOrFail(
    event,
    apiFor(event).GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug }, query: { includeArchived: true } } }),
  );
  const notice = event.url.searchParams.get('saved');
  return { categories: categories.items, saved: notice };
};

async function setArchived(event: Parameters<Actions[string]>[0], archive: boolean) {
  const { id } = (await readForm(event.request, { id: text({ trim: false }) })).echo;
  const path = { slug: event.params.slug, id };
  const api = apiFor(event);
  const result = await submit(
    archive ? api.POST('/api/v1/tenants/{slug}/membership-categories/{id}/archive', { params: { path } }) : api.POST('/api/v1/tenants/{slug}/membership-categories/{id}/restore', { params: { path } }),
  );
  if (!result.ok) return fail(result.problem.status, { message: result.problem.message, done: null as string | null });
  return { message: null as string | null, done: `${result.data.name} ${archive ? 'is archived: no new school can join it, and schools that hold it keep it.' : 'is offered again.'}` };
}

export const actions: Actions = {
  archive: (event) => setArchived(event, true),
  restore: (event) => setArchived(event, false),
};
