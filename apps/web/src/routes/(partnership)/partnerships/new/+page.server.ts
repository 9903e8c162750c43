import { fail, redirect } from '@sveltejs/kit';
import type { LegalForm } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail, loginUrl, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import { splitAreas } from '#lib/slug.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  const templates = await loadOrFail(event, apiFor(event).GET('/api/v1/public/templates'));
  return { templates: templates.items, welcome: event.url.searchParams.has('welcome') };
};

type Template = 'schools-led-company' | 'council-led-board' | 'membership-association';

export const actions: Actions = {
  default: async (event) => {
    // What the API would call "true or false" or list as codes gets a plainer message here.
    const read = await readForm(event.request, {
      name: text(),
      slug: text(),
      areas: text(),
      inNationalAssociation: text({ required: 'Say whether the partnership belongs to the national association' }),
      template: text({ required: 'Choose a template to start from' }),
      legalForm: text({ required: 'Say how the partnership is constituted' }),
      contactEmail: text(),
      contactPhone: text(),
      website: text(),
    });
    const values = read.echo;
    if (!read.ok) return fail(400, { values, errors: read.errors, message: null as string | null });

    const result = await submit(
      apiFor(event).POST('/api/v1/tenants', {
        body: {
          name: values.name,
          slug: values.slug,
          areas: splitAreas(values.areas),
          legalForm: values.legalForm as LegalForm,
          contactEmail: values.contactEmail,
          contactPhone: values.contactPhone || null,
          website: values.website || null,
          inNationalAssociation: values.inNationalAssociation === 'yes',
          template: values.template as Template,
        },
      }),
    );
    if (!result.ok) {
      const { problem } = result;
      const fields = Object.fromEntries(Object.entries(problem.fields).map(([field, message]) => [field.split('.')[0]!, message]));
      return fail(problem.status, { values, errors: fields, message: Object.keys(fields).length ? null : problem.message });
    }
    redirect(303, `/p/${encodeURIComponent(result.data.slug)}/setup?created=1`);
  },
};
