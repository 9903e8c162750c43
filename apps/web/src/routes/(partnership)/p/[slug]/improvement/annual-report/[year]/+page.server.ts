import { error } from '@sveltejs/kit';
import { getAs, putAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { choice, readForm, text } from '#lib/server/form.ts';
import type { AnnualReport } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!/^\d{4}$/.test(event.params.year)) error(404, 'Page not found');
  return { report: await getAs<AnnualReport>(event, tenantPath(event.params.slug, 'annual-reports', event.params.year)) };
};

export const actions: Actions = {
  save: async (event) => {
    const read = await readForm(event.request, {
      title: text({ required: 'Give the report a title', max: 300 }),
      document: text({ trim: false, max: 500_000 }),
      status: choice(['draft', 'final'] as const, 'Choose draft or final'),
    });
    if (!read.ok) return invalidForm('save', read);
    const result = await putAs(event, tenantPath(event.params.slug, 'annual-reports', event.params.year), read.values);
    if (!result.ok) return refused('save', read.echo, result.problem);
    return done('save', 'The report has been saved.');
  },
};
