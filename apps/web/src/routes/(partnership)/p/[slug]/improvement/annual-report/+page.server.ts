import { redirect } from '@sveltejs/kit';
import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { readForm, whole } from '#lib/server/form.ts';
import type { AnnualReport } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const reports = await getAs<{ items: AnnualReport[] }>(event, tenantPath(event.params.slug, 'annual-reports'));
  return { reports: reports.items };
};

export const actions: Actions = {
  generate: async (event) => {
    const read = await readForm(event.request, { academicYearStart: whole('The year', { required: true, min: 2000, max: 2100 }) });
    if (!read.ok) return invalidForm('generate', read);
    const result = await postAs<AnnualReport>(event, tenantPath(event.params.slug, 'annual-reports'), read.values);
    if (!result.ok) return refused('generate', read.echo, result.problem);
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/improvement/annual-report/${result.data.academicYearStart}`);
  },
};
