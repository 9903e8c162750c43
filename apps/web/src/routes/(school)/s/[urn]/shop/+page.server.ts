import { fail } from '@sveltejs/kit';
import { chosenTenant } from '#lib/offers.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { problemAnswer } from '#lib/server/form.ts';
import { approveOrder, cancelOrder, tenantOf } from '#lib/server/order-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // With ?tenant= the partnership is known from the address, and the calls start at once; without
  // it, the school's partnership to show comes from the layout's portal (its memberships): a
  // genuine extra round, since nothing else says which partnerships the school belongs to.
  const asked = event.url.searchParams.get('tenant');
  const tenant = chosenTenant([], asked) ?? chosenTenant((await event.parent()).portal.memberships, asked);
  if (!tenant) return { tenant: null, offers: null, entitlements: [], orders: [] };
  const urn = event.params.urn;
  const api = apiFor(event);
  const [offers, entitlements, orders] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/offers', { params: { path: { urn }, query: { tenant } } })),
    loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/entitlements', { params: { path: { urn }, query: { tenant } } })),
    loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/orders', { params: { path: { urn }, query: { tenant } } })),
  ]);
  return { tenant, offers, entitlements: entitlements.items, orders: orders.items };
};


export const actions: Actions = {
  add: async (event) => {
    const form = await event.request.formData();
    const offerId = String(form.get('offerId') ?? '');
    const raw = String(form.get('quantity') ?? '1').trim() || '1';
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return fail(400, { errors: { [`quantity-${offerId}`]: 'Enter how many, a whole number of at least 1' }, message: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/basket', { params: { path: { urn: event.params.urn }, query: { tenant: tenantOf(event.url, form) } }, body: { lines: [{ offerId, quantity: Number(raw) }] } }),
    );
    if (!result.ok) {
      const answer = problemAnswer(result.problem);
      return fail(result.problem.status, { errors: Object.keys(answer.errors).length ? { [`quantity-${offerId}`]: Object.values(answer.errors)[0]! } : {}, message: answer.message });
    }
    return { done: 'Added to your basket.' };
  },
  remove: async (event) => {
    const form = await event.request.formData();
    const lineId = String(form.get('lineId') ?? '');
    const result = await submit(apiFor(event).DELETE('/api/v1/school-portal/{urn}/order-lines/{lineId}', { params: { path: { urn: event.params.urn, lineId }, query: { tenant: tenantOf(event.url, form) } } }));
    if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
    return { done: 'Removed from your basket.' };
  },
  submit: async (event) => {
    const form = await event.request.formData();
    const orderId = String(form.get('orderId') ?? '');
    const result = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/orders/{orderId}/submit', { params: { path: { urn: event.params.urn, orderId }, query: { tenant: tenantOf(event.url, form) } } }));
    if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
    return { done: 'Your order is sent to your headteacher or business manager for approval.' };
  },
  approve: (event) => approveOrder(event, 'Order'),
  cancel: (event) => cancelOrder(event, 'The order is cancelled.'),

};
