import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { choice, readForm, text } from '#lib/server/form.ts';
import { parseDay } from '#lib/billing.ts';
import type { ConcernDetail } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  concern: await getAs<ConcernDetail>(event, tenantPath(event.params.slug, 'schools-causing-concern', event.params.urn)),
});

const optionalDay = (raw: string) => (raw ? parseDay(raw) : null);

export const actions: Actions = {
  indicator: async (event) => {
    const read = await readForm(event.request, {
      kind: choice(['inspection', 'data', 'leadership_change', 'finance'] as const, 'Choose the kind of indicator'),
      value: text({ required: 'Give the value', max: 100 }),
      occurredOn: text(),
      note: text({ max: 5000 }),
    });
    if (!read.ok) return invalidForm('indicator', read);
    const occurredOn = optionalDay(read.values.occurredOn);
    if (read.values.occurredOn && !occurredOn) return invalidForm('indicator', { echo: read.echo, errors: { occurredOn: 'Give the date, for example 5/12/2026' } });
    const result = await postAs(event, tenantPath(event.params.slug, 'schools-causing-concern', event.params.urn, 'indicators'), { kind: read.values.kind, value: read.values.value, occurredOn, note: read.values.note || null });
    if (!result.ok) return refused('indicator', read.echo, result.problem);
    return done('indicator', 'The indicator has been recorded.');
  },
  status: async (event) => {
    const read = await readForm(event.request, { status: choice(['none', 'monitoring', 'concern', 'serious_concern'] as const, 'Choose the status'), reasons: text({ max: 5000 }) });
    if (!read.ok) return invalidForm('status', read);
    const reasons = read.values.reasons.split(/\r?\n/).map((r) => r.trim()).filter(Boolean);
    const result = await postAs(event, tenantPath(event.params.slug, 'schools-causing-concern', event.params.urn, 'status'), { status: read.values.status, reasons });
    if (!result.ok) return refused('status', read.echo, result.problem);
    return done('status', 'The status has been recorded.');
  },
  visit: async (event) => {
    const read = await readForm(event.request, { visitedOn: text({ required: 'Give the date of the visit' }), visitor: text({ required: 'Say who visited', max: 200 }), notes: text({ required: 'Write the visit’s notes', max: 20000 }) });
    if (!read.ok) return invalidForm('visit', read);
    const visitedOn = parseDay(read.values.visitedOn);
    if (!visitedOn) return invalidForm('visit', { echo: read.echo, errors: { visitedOn: 'Give the date, for example 5/12/2026' } });
    const result = await postAs(event, tenantPath(event.params.slug, 'schools-causing-concern', event.params.urn, 'visits'), { ...read.values, visitedOn });
    if (!result.ok) return refused('visit', read.echo, result.problem);
    return done('visit', 'The monitoring visit has been recorded.');
  },
};
