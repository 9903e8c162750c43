import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import { tenantRoles } from '#lib/server/roles.ts';
import { managesGovernance } from '#lib/governance.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  // As the governance layout's canManage, from the session's roles, so the motion is asked for at once.
  const canManage = managesGovernance(tenantRoles(event.locals.me, slug));
  const api = apiFor(event);
  const electoratePage = /^[1-9]\d{0,5}$/.test(event.url.searchParams.get('page') ?? '') ? Number(event.url.searchParams.get('page')) : undefined;
  const motion = await loadOrFail(event, api.GET('/api/v1/tenants/{slug}/motions/{id}', { params: { path: { slug, id }, query: { page: electoratePage } } }));
  // The proxies are asked for by the motion's meeting, which only the motion gives: a third round for managers.
  const proxies = canManage ? await loadOrFail(event, api.GET('/api/v1/tenants/{slug}/proxies', { params: { path: { slug }, query: { meetingId: motion.meetingId } } })) : null;
  return { motion, proxies: proxies?.items.filter((p) => !p.revokedAt) ?? [] };
};

function manage(event: RequestEvent) {
  return { params: { path: { slug: event.params.slug, id: event.params.id } } };
}

export const actions: Actions = {
  open: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/motions/{id}/open', manage(event)));
    if (!result.ok) return fail(result.problem.status, problemAnswer(result.problem));
    return { done: `The poll is open. The electorate is fixed: ${result.data.electorate} voting member schools.`, errors: {}, message: null };
  },
  close: async (event) => {
    const params = manage(event);
    const read = await readForm(event.request, { chairCastingVote: text() });
    const casting = read.echo.chairCastingVote === 'for' ? 'for' : read.echo.chairCastingVote === 'against' ? 'against' : undefined;
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/motions/{id}/close', { ...params, body: casting ? { chairCastingVote: casting } : {} }));
    if (!result.ok) return fail(result.problem.status, problemAnswer(result.problem));
    return { done: 'The poll is closed and counted.', errors: {}, message: null };
  },
};
