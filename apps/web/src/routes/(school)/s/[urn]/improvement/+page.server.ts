import { getAs, portalPath, postAs, putAs, tryGet } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import type { ReviewSummary, Review, SchoolRound } from '#lib/improvement/types.ts';
import { early } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

/** The school's improvement work: its data rounds in each partnership, and its peer reviews. */
export const load: PageServerLoad = async (event) => {
  const urn = event.params.urn;
  // The reviews start at once; the data rounds are asked for per partnership, and which
  // partnerships the school belongs to comes from the layout's portal: a genuine extra round.
  const reviewsCall = early(getAs<{ items: Review[] }>(event, portalPath(urn, 'reviews')));
  const { portal } = await event.parent();
  const [reviews, ...rounds] = await Promise.all([
    reviewsCall,
    ...portal.memberships.map((m) =>
      tryGet<{ items: SchoolRound[] }>(event, portalPath(urn, 'data-rounds'), { tenant: m.tenantSlug }).then((r) => ({
        slug: m.tenantSlug,
        name: m.tenantName,
        rounds: r.ok ? r.data.items : [],
      })),
    ),
  ]);
  return { reviews: reviews.items as (ReviewSummary & Partial<Review>)[], partnerships: rounds };
};

export const actions: Actions = {
  focus: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('reviewId') ?? '');
    const focus = String(form.get('focus') ?? '').trim();
    if (!focus) return invalidForm('focus', { echo: { reviewId: id, focus }, errors: { [`focus-${id}`]: 'Describe the focus' } });
    const result = await putAs(event, portalPath(event.params.urn, 'reviews', id, 'focus'), { focus });
    if (!result.ok) return refused('focus', { reviewId: id, focus }, result.problem, { focus: `focus-${id}` });
    return done('focus', 'The focus is agreed.');
  },
  respond: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('reviewId') ?? '');
    const body = String(form.get('response') ?? '').trim();
    if (!body) return invalidForm('respond', { echo: { reviewId: id, response: body }, errors: { [`response-${id}`]: 'Write your response to the draft report' } });
    const result = await postAs(event, portalPath(event.params.urn, 'reviews', id, 'response'), { body });
    if (!result.ok) return refused('respond', { reviewId: id, response: body }, result.problem, { body: `response-${id}` });
    return done('respond', 'Your response has been sent to the lead reviewer.');
  },
};

