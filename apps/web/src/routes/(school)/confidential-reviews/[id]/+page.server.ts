import { redirect } from '@sveltejs/kit';
import { loginUrl } from '#lib/server/api.ts';
import { getAs, putAs } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { checkbox, readForm, text } from '#lib/server/form.ts';
import type { ConfidentialReport } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

const path = (id: string) => `/api/v1/me/confidential-reviews/${encodeURIComponent(id)}`;

/** Reading a report (recorded in the head's log); anyone not entitled gets the API's plain 404. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  return { report: await getAs<ConfidentialReport>(event, path(event.params.id)) };
};

export const actions: Actions = {
  write: async (event) => {
    const read = await readForm(event.request, { content: text({ required: 'Write the report', max: 200_000 }), ready: checkbox() });
    if (!read.ok) return invalidForm('write', read);
    const result = await putAs(event, `${path(event.params.id)}/report`, { content: read.values.content, ready: read.values.ready });
    if (!result.ok) return refused('write', read.echo, result.problem);
    return done('write', read.values.ready ? 'The report is saved and the headteacher has been told it is ready (the e-mail does not include it).' : 'The report is saved.');
  },
};
