import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { choice, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const invoice = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/invoices/{id}', { params: { path: { urn: event.params.urn, id: event.params.id } } }));
  const checkout = event.url.searchParams.get('checkout');
  return { invoice, checkout: checkout === 'success' || checkout === 'cancelled' ? checkout : null };
};

const path = (event: { params: { urn: string; id: string } }) => ({ urn: event.params.urn, id: event.params.id });
type Outcome = { form: string; errors: Record<string, string>; message: string | null; poNumber: string; transfer: boolean; done: string | null; next: string | null };
const nothing: Outcome = { form: '', errors: {}, message: null, poNumber: '', transfer: false, done: null, next: null };

export const actions: Actions = {
  /** Pay on Stripe's hosted Checkout page, by card or Bacs Direct Debit: the browser goes there. */
  checkout: async (event) => {
    const read = await readForm(event.request, { method: choice(['card', 'bacs_debit'], 'Choose how to pay') });
    if (!read.ok) return fail(400, { ...nothing, form: 'checkout', message: read.errors.method! });
    const answer = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/invoices/{id}/checkout', { params: { path: path(event) }, body: read.values }));
    if (!answer.ok) return fail(answer.problem.status, { ...nothing, form: 'checkout', message: answer.problem.message });
    // Stripe's Checkout page (or the local fake's): see goToStripe for why this is not a redirect.
    return { ...nothing, form: 'checkout', next: answer.data.url };
  },
  /** The school will pay by bank transfer: show the partnership's bank details and the reference to quote. */
  transfer: async (event) => {
    const answer = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/invoices/{id}/bank-transfer', { params: { path: path(event) } }));
    if (!answer.ok) return fail(answer.problem.status, { ...nothing, form: 'transfer', message: answer.problem.message });
    return { ...nothing, form: 'transfer', transfer: true };
  },
  po: async (event) => {
    const read = await readForm(event.request, { poNumber: text({ max: 100, tooLong: 'The purchase order number must be 100 characters or fewer' }) });
    const { poNumber } = read.echo;
    if (!read.ok) return fail(400, { ...nothing, form: 'po', poNumber, errors: read.errors });
    const answer = await submit(apiFor(event).PUT('/api/v1/school-portal/{urn}/invoices/{id}/po-number', { params: { path: path(event) }, body: { poNumber: poNumber || null } }));
    if (!answer.ok) return fail(answer.problem.status, { ...nothing, form: 'po', poNumber, errors: answer.problem.fields, message: answer.problem.message });
    return { ...nothing, form: 'po', done: 'Purchase order number saved.' };
  },
};
