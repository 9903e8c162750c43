import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { choice, readForm, text } from '#lib/server/form.ts';
import type { PlanResult, Programme, ReviewSummary } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

const FORMED_BY = ['cluster', 'area', 'phase', 'diocese', 'cross_phase', 'hand'] as const;

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const [programme, reviews, bodies] = await Promise.all([
    getAs<Programme>(event, tenantPath(slug, 'review-programmes', id)),
    getAs<{ items: ReviewSummary[] }>(event, tenantPath(slug, 'reviews'), { programmeId: id }),
    loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
  ]);
  return { programme, reviews: reviews.items, clusters: bodies.items.filter((b) => b.kind === 'cluster').map((b) => ({ id: b.id, name: b.name })) };
};

export const actions: Actions = {
  group: async (event) => {
    const read = await readForm(event.request, {
      formedBy: choice(FORMED_BY, 'Choose how to form the groups'),
      bodyId: text(),
      name: text({ max: 200 }),
      schoolUrns: text(),
    });
    if (!read.ok) return invalidForm('group', read);
    const v = read.values;
    const urns = v.schoolUrns.split(/[\s,]+/).filter(Boolean);
    if (v.formedBy === 'hand' && !urns.length) return invalidForm('group', { echo: read.echo, errors: { schoolUrns: 'List the URNs of the schools in the group' } });
    if (v.formedBy === 'hand' && !v.name) return invalidForm('group', { echo: read.echo, errors: { name: 'Give the group a name' } });
    const body = { formedBy: v.formedBy, ...(v.formedBy === 'hand' ? { name: v.name, schoolUrns: urns } : {}), ...(v.formedBy === 'cluster' && v.bodyId ? { bodyIds: [v.bodyId] } : {}) };
    const result = await postAs(event, tenantPath(event.params.slug, 'review-programmes', event.params.id, 'groups'), body);
    if (!result.ok) return refused('group', read.echo, result.problem, { schoolUrns: 'schoolUrns', name: 'name', formedBy: 'formedBy', bodyIds: 'bodyId' });
    return done('group', 'The review groups have been formed.');
  },
  plan: async (event) => {
    const result = await postAs<PlanResult>(event, tenantPath(event.params.slug, 'review-programmes', event.params.id, 'plan'));
    if (!result.ok) return refused('plan', {}, result.problem);
    const problems = result.data.problems.length ? ` The planner could not: ${result.data.problems.join('; ')}.` : '';
    return done('plan', `The planner proposed ${result.data.proposed} ${result.data.proposed === 1 ? 'review' : 'reviews'}. Check the teams and visits, adjust any, then confirm.${problems}`);
  },
  confirm: async (event) => {
    const result = await postAs<{ confirmed: number }>(event, tenantPath(event.params.slug, 'review-programmes', event.params.id, 'confirm'));
    if (!result.ok) return refused('confirm', {}, result.problem);
    return done('confirm', `${result.data.confirmed} ${result.data.confirmed === 1 ? 'review is' : 'reviews are'} confirmed.`);
  },
};
