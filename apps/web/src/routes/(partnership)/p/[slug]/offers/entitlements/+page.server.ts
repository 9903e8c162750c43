import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const [balances, offers] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/entitlements', { params: { path: { slug }, query: {} } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/offers', { params: { path: { slug }, query: { kind: 'core_entitlement' } } })),
  ]);
  return { balances: balances.items, entitlements: offers.items };
};

export const actions: Actions = {
  record: async (event) => {
    const read = await readForm(event.request, {
      offerId: text({ required: 'Choose the entitlement' }),
      urn: text({ required: 'Enter the school’s URN', pattern: /^\d{6}$/, mismatch: 'The URN is six digits' }),
      quantity: whole('The quantity used', { required: true, min: -1000, max: 1000 }),
      note: text({ max: 500 }),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const v = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/entitlements/ledger', { params: { path: { slug: event.params.slug } }, body: { offerId: v.offerId, urn: v.urn, quantity: v.quantity!, ...(v.note ? { note: v.note } : {}) } }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem) });
    return { done: 'Recorded in the ledger.' };
  },
};
