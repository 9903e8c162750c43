import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import { tenantRoles } from '#lib/server/roles.ts';
import { managesGovernance } from '#lib/governance.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  // As the governance layout's canManage, from the session's roles, so both calls start at once.
  const canManage = managesGovernance(tenantRoles(event.locals.me, slug));
  const api = apiFor(event);
  const electoratePage = /^[1-9]\d{0,5}$/.test(event.url.searchParams.get('page') ?? '') ? Number(event.url.searchParams.get('page')) : undefined;
  const [election, voters] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/elections/{id}', { params: { path: { slug, id }, query: { page: electoratePage } } })),
    canManage ? loadOrFail(event, api.GET('/api/v1/tenants/{slug}/school-voters', { params: { path: { slug } } })) : null,
  ]);
  const standing = new Set(election.candidateList.map((c) => `${c.userId}|${c.school.urn}`));
  const nominees = (voters?.items ?? []).filter((v) => v.voter && !standing.has(`${v.voter.userId}|${v.school.urn}`)).map((v) => ({ value: `${v.voter!.userId}|${v.school.urn}`, label: `${v.voter!.name}, ${v.school.name}` }));
  return { election, nominees };
};

function manage(event: RequestEvent) {
  return { params: { path: { slug: event.params.slug, id: event.params.id } } };
}

export const actions: Actions = {
  nominate: async (event) => {
    const params = manage(event);
    const read = await readForm(event.request, { candidate: text({ required: 'Choose the candidate' }), statement: text({ max: 5000 }) });
    if (!read.ok) return fail(400, { errors: read.errors, message: null as string | null, done: null });
    const [candidateUserId, schoolUrn] = read.values.candidate.split('|');
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/elections/{id}/nominations', { ...params, body: { candidateUserId: candidateUserId ?? '', schoolUrn: schoolUrn ?? '', ...(read.values.statement ? { statement: read.values.statement } : {}) } }));
    if (!result.ok) return fail(result.problem.status, { ...problemAnswer(result.problem, { candidateUserId: 'candidate', schoolUrn: 'candidate', statement: 'statement' }), done: null });
    return { done: 'Nomination accepted.', errors: {}, message: null };
  },
  open: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/elections/{id}/open-voting', manage(event)));
    if (!result.ok) return fail(result.problem.status, { ...problemAnswer(result.problem), done: null });
    return { done: `Nominations are closed and voting is open. The electorate is fixed: ${result.data.electorate} voting member schools.`, errors: {}, message: null };
  },
  close: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/elections/{id}/close', manage(event)));
    if (!result.ok) return fail(result.problem.status, { ...problemAnswer(result.problem), done: null });
    return { done: 'Voting is closed and the votes are counted. The winners have taken their seats.', errors: {}, message: null };
  },
};
