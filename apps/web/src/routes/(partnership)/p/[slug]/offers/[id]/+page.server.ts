import type { Schemas } from '@partnerships/api-client';
import { error, fail } from '@sveltejs/kit';
import { isUuid } from '#lib/offers-ids.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { choice, choices, pounds, problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import { PHASES } from '#lib/labels.ts';
import type { Actions, PageServerLoad } from './$types';

const ROWS = 4;
type PriceInput = Schemas['PriceInputDto'];

export const load: PageServerLoad = async (event) => {
  if (!isUuid(event.params.id)) error(404, 'Page not found');
  const offer = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/offers/{id}', { params: { path: { slug: event.params.slug, id: event.params.id } } }));
  return { offer, rows: ROWS };
};

export const actions: Actions = {
  prices: async (event) => {
    const schema: Record<string, ReturnType<typeof text> | ReturnType<typeof pounds> | ReturnType<typeof choices> | ReturnType<typeof choice> | ReturnType<typeof whole>> = {
      year: whole('The year', { required: true, min: 2000, max: 2200 }),
    };
    for (let i = 0; i < ROWS; i++) {
      schema[`label${i}`] = text({ max: 100 });
      schema[`membership${i}`] = choice(['any', 'member', 'non-member'] as const, 'Choose who the price is for');
      schema[`phases${i}`] = choices(PHASES);
      schema[`price${i}`] = pounds(`The price in row ${i + 1}`, { allowZero: true });
    }
    const read = await readForm(event.request, schema);
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const values = read.values as Record<string, unknown>;
    const prices: PriceInput[] = [];
    for (let i = 0; i < ROWS; i++) {
      const pence = values[`price${i}`] as number | null;
      if (pence === null) continue;
      const membership = values[`membership${i}`] as string;
      const phases = values[`phases${i}`] as string[];
      const label = values[`label${i}`] as string;
      const buyer: PriceInput['buyer'] = {
        ...(membership === 'member' || membership === 'non-member' ? { membership } : {}),
        ...(phases.length ? { phases: phases as NonNullable<NonNullable<PriceInput['buyer']>['phases']> } : {}),
      };
      prices.push({ ...(label ? { label } : {}), buyer, pence });
    }
    const year = values.year as number;
    const result = await submit(
      apiFor(event).PUT('/api/v1/tenants/{slug}/offers/{id}/prices', { params: { path: { slug: event.params.slug, id: event.params.id } }, body: { year, prices } }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem, { year: 'year' }) });
    return { saved: `Prices for the year starting ${year} saved.` };
  },
};
