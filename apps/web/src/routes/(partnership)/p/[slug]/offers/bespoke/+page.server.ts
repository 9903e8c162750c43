import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer } from '#lib/server/form.ts';
import { parsePounds } from '#lib/fees/money.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const requests = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/bespoke-requests', { params: { path: { slug: event.params.slug } } }));
  return { requests: requests.items };
};

export const actions: Actions = {
  quote: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const price = parsePounds(String(form.get('price') ?? '').trim(), 'the quote', { allowZero: true });
    if (!price.ok) return fail(400, { errors: { [`price-${id}`]: price.message }, message: null as string | null });
    const note = String(form.get('note') ?? '').trim();
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/bespoke-requests/{id}/quote', { params: { path: { slug: event.params.slug, id } }, body: { pence: price.value, ...(note ? { note } : {}) } }));
    if (!result.ok) {
      const answer = problemAnswer(result.problem, { pence: `price-${id}`, note: `note-${id}` });
      return fail(result.problem.status, answer);
    }
    return { done: 'The quote is sent to the school.' };
  },
  decline: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/bespoke-requests/{id}/decline', { params: { path: { slug: event.params.slug, id } }, body: {} }));
    if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
    return { done: 'The request is declined.' };
  },
  invoice: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/bespoke-requests/{id}/invoice', { params: { path: { slug: event.params.slug, id } } }));
    if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
    return { done: 'The accepted work is invoiced.' };
  },
};
