import { redirect } from '@sveltejs/kit';
import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { readForm, text } from '#lib/server/form.ts';
import { parseDay } from '#lib/billing.ts';
import type { Dashboard, Need } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const [dashboard, all] = await Promise.all([
    getAs<Dashboard>(event, tenantPath(slug, 'support-dashboard')),
    getAs<{ items: Need[] }>(event, tenantPath(slug, 'support-needs')),
  ]);
  return { dashboard, closed: all.items.filter((n) => n.status === 'closed') };
};

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      schoolUrn: text({ required: 'Give the school’s URN', pattern: /^\d{6}$/, mismatch: 'The URN is six digits' }),
      area: text({ required: 'Give the area, for example phonics', max: 40 }),
      description: text({ required: 'Describe the need', max: 2000 }),
      targetOn: text(),
    });
    if (!read.ok) return invalidForm('create', read);
    const v = read.values;
    const targetOn = v.targetOn ? parseDay(v.targetOn) : null;
    if (v.targetOn && !targetOn) return invalidForm('create', { echo: read.echo, errors: { targetOn: 'Give the target as a date, for example 31/3/2027, or leave it empty' } });
    const result = await postAs<{ id: string }>(event, tenantPath(event.params.slug, 'support-needs'), {
      schoolUrn: v.schoolUrn,
      area: v.area.toLowerCase().replace(/[\s-]+/g, '_'),
      description: v.description,
      source: 'request',
      ...(targetOn ? { targetOn } : {}),
    });
    if (!result.ok) return refused('create', read.echo, result.problem);
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/improvement/support/${result.data.id}`);
  },
};
