import { fail } from '@sveltejs/kit';
import { parsePounds, parseWhole } from '#lib/fees/money.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { day, pounds, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';
import { PUPIL_COUNT_MAX } from '#lib/pupil-count.ts';

export const load: PageServerLoad = async (event) => {
  const invoice = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/invoices/{id}', { params: { path: { slug: event.params.slug, id: event.params.id } } }));
  return { invoice };
};

type Outcome = { form: string; values: Record<string, string>; errors: Record<string, string>; message: string | null; done: string | null };
const failed = (status: number, form: string, values: Record<string, string>, errors: Record<string, string>, message: string | null = null) =>
  fail(status, { form, values, errors, message, done: null } satisfies Outcome);
const done = (form: string, text: string): Outcome => ({ form, values: {}, errors: {}, message: null, done: text });

/** The API's field names, as this page's field ids. */
function fieldErrors(prefix: string, fields: Record<string, string>, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) out[names[key] ?? `${prefix}-${key}`] = message;
  return out;
}

const path = (event: { params: { slug: string; id: string } }) => ({ slug: event.params.slug, id: event.params.id });

export const actions: Actions = {
  /** A bank transfer (or cheque) the partnership has received: part payments are allowed. */
  payment: async (event) => {
    const read = await readForm(event.request, {
      'payment-date': day('Enter the date the money arrived, like 30/11/2026'),
      'payment-reference': text({ required: 'Enter the reference on the bank statement' }),
      'payment-amount': pounds('the amount received', { required: true, allowZero: false }),
    });
    const values = read.echo;
    if (!read.ok) return failed(400, 'payment', values, read.errors);
    const { 'payment-date': date, 'payment-reference': reference, 'payment-amount': amountPence } = read.values;
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/invoices/{id}/payments', { params: { path: path(event) }, body: { date, reference, amountPence: amountPence! } }));
    if (!answer.ok) return failed(answer.problem.status, 'payment', values, fieldErrors('payment', answer.problem.fields, { date: 'payment-date', reference: 'payment-reference', amountPence: 'payment-amount' }), answer.problem.message);
    return done('payment', 'Payment recorded.');
  },
  /** A credit note: an amount, or a corrected pupil number the fee is worked out again from. */
  credit: async (event) => {
    const read = await readForm(event.request, { 'credit-reason': text({ required: 'Enter why the school is being credited' }), 'credit-amount': text(), 'credit-pupils': text() });
    const values = read.echo;
    const errors: Record<string, string> = read.ok ? {} : { ...read.errors };
    let amountPence: number | undefined;
    let correctedPupils: number | undefined;
    if (values['credit-amount'] && values['credit-pupils']) errors['credit-amount'] = 'Enter an amount or a corrected pupil number, not both';
    else if (values['credit-amount']) {
      const a = parsePounds(values['credit-amount'], 'the amount to credit', { allowZero: false });
      if (a.ok) amountPence = a.value;
      else errors['credit-amount'] = a.message;
    } else if (values['credit-pupils']) {
      const p = parseWhole(values['credit-pupils'], 'the corrected number of pupils', { min: 0, max: PUPIL_COUNT_MAX });
      if (p.ok) correctedPupils = p.value;
      else errors['credit-pupils'] = p.message;
    } else errors['credit-amount'] = 'Enter the amount to credit, or a corrected pupil number';
    if (Object.keys(errors).length) return failed(400, 'credit', values, errors);
    const answer = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/invoices/{id}/credit-notes', {
        params: { path: path(event) },
        body: { reason: values['credit-reason'], ...(amountPence !== undefined ? { amountPence } : {}), ...(correctedPupils !== undefined ? { correctedPupils } : {}) },
      }),
    );
    if (!answer.ok) return failed(answer.problem.status, 'credit', values, fieldErrors('credit', answer.problem.fields, { reason: 'credit-reason', amountPence: 'credit-amount', correctedPupils: 'credit-pupils' }), answer.problem.message);
    return done('credit', 'Credit note issued.');
  },
  void: async (event) => {
    const read = await readForm(event.request, { 'void-reason': text({ required: 'Enter why the invoice is void' }) });
    const values = read.echo;
    if (!read.ok) return failed(400, 'void', values, read.errors);
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/invoices/{id}/void', { params: { path: path(event) }, body: { reason: values['void-reason'] } }));
    if (!answer.ok) return failed(answer.problem.status, 'void', values, fieldErrors('void', answer.problem.fields, { reason: 'void-reason' }), answer.problem.message);
    return done('void', 'The invoice is void.');
  },
  send: async (event) => {
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/invoices/{id}/send', { params: { path: path(event) }, body: {} }));
    if (!answer.ok) return failed(answer.problem.status, 'send', {}, {}, answer.problem.message);
    const warning = (answer.data as { paymentWarning?: string | null }).paymentWarning;
    return done('send', `The invoice is on its way to the school’s finance contact.${warning ? ` Warning: ${warning}` : ''}`);
  },
  po: async (event) => {
    const read = await readForm(event.request, { poNumber: text({ max: 100, tooLong: 'The purchase order number must be 100 characters or fewer' }) });
    const values = read.echo;
    if (!read.ok) return failed(400, 'po', values, read.errors);
    const answer = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/invoices/{id}/po-number', { params: { path: path(event) }, body: { poNumber: values.poNumber || null } }));
    if (!answer.ok) return failed(answer.problem.status, 'po', values, fieldErrors('po', answer.problem.fields, { poNumber: 'poNumber' }), answer.problem.message);
    return done('po', 'Purchase order number saved.');
  },
};
