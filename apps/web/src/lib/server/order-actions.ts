import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import { problemAnswer } from '#lib/server/form.ts';

// The school's order actions, shared by the shop and the annual buy-back: the same order,
// approved with a purchase-order number or cancelled, with words that fit each page.

type SchoolEvent = RequestEvent<{ urn: string }>;

/** The partnership an action is about: the form's choice, else the page's address. */
export const tenantOf = (url: URL, form: FormData) => String(form.get('tenant') ?? url.searchParams.get('tenant') ?? '');

const invoicesIssued = (count: number) => (count === 1 ? 'one invoice' : `${count} invoices`);

/** The headteacher or business manager approves an order with its PO number; `what` starts the sentence ("Order", "Next year’s order is"). */
export async function approveOrder(event: SchoolEvent, what: string) {
  const form = await event.request.formData();
  const orderId = String(form.get('orderId') ?? '');
  const poNumber = String(form.get('poNumber') ?? '').trim();
  if (!poNumber) return fail(400, { errors: { [`po-${orderId}`]: 'Enter the purchase-order number' }, message: null as string | null });
  const result = await submit(
    apiFor(event).POST('/api/v1/school-portal/{urn}/orders/{orderId}/approve', { params: { path: { urn: event.params.urn, orderId }, query: { tenant: tenantOf(event.url, form) } }, body: { poNumber } }),
  );
  if (!result.ok) {
    const answer = problemAnswer(result.problem, { poNumber: `po-${orderId}` });
    return fail(result.problem.status, { errors: answer.errors, message: answer.message });
  }
  return { done: `${what} approved with purchase order ${result.data.poNumber}: ${invoicesIssued(result.data.invoiceIds.length)} issued.` };
}

/** Cancels an order that is not invoiced yet; `done` is what the page says afterwards. */
export async function cancelOrder(event: SchoolEvent, done: string) {
  const form = await event.request.formData();
  const orderId = String(form.get('orderId') ?? '');
  const result = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/orders/{orderId}/cancel', { params: { path: { urn: event.params.urn, orderId }, query: { tenant: tenantOf(event.url, form) } } }));
  if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
  return { done };
}
