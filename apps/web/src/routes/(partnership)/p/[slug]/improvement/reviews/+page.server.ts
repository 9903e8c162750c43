import { redirect } from '@sveltejs/kit';
import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { readForm, text, whole } from '#lib/server/form.ts';
import type { ProgrammeSummary, ReviewSummary, Reviewer } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const [programmes, reviews, reviewers] = await Promise.all([
    getAs<{ items: ProgrammeSummary[] }>(event, tenantPath(slug, 'review-programmes')),
    getAs<{ items: ReviewSummary[] }>(event, tenantPath(slug, 'reviews')),
    getAs<{ items: Reviewer[] }>(event, tenantPath(slug, 'reviewers')),
  ]);
  return { programmes: programmes.items, reviews: reviews.items, reviewers: reviewers.items };
};

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      name: text({ required: 'Give the programme a name', max: 200 }),
      framework: text({ max: 200 }),
      firstAcademicYearStart: whole('The first year', { required: true, min: 2000, max: 2100 }),
      cycleYears: whole('The years in the cycle', { required: true, min: 1, max: 5 }),
      teamMembers: whole('The team members besides the lead', { required: true, min: 0, max: 6 }),
    });
    if (!read.ok) return invalidForm('create', read);
    const v = read.values;
    const me = event.locals.me;
    const result = await postAs<{ id: string }>(event, tenantPath(event.params.slug, 'review-programmes'), {
      name: v.name,
      framework: v.framework || null,
      firstAcademicYearStart: v.firstAcademicYearStart,
      cycleYears: v.cycleYears,
      teamMembers: v.teamMembers,
      coordinatorUserId: me?.user?.id ?? null,
    });
    if (!result.ok) return refused('create', read.echo, result.problem);
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/improvement/reviews/programmes/${result.data.id}`);
  },
};
