import { fail } from '@sveltejs/kit';
import { chosenTenant } from '#lib/offers.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { nextAcademicYearStart } from '#lib/server/fees.ts';
import { early } from '#lib/server/roles.ts';
import { problemAnswer } from '#lib/server/form.ts';
import { approveOrder, cancelOrder, tenantOf } from '#lib/server/order-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // With ?tenant= the partnership is known from the address, and the calls start at once; without
  // it, the school's partnership to show comes from the layout's portal (its memberships): a
  // genuine extra round, since nothing else says which partnerships the school belongs to.
  const asked = event.url.searchParams.get('tenant');
  const tenant = chosenTenant([], asked) ?? chosenTenant((await event.parent()).portal.memberships, asked);
  if (!tenant) return { tenant: null, buyback: null, offers: [] };
  const urn = event.params.urn;
  const api = apiFor(event);
  const offersOn = (date: string | undefined) => loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/offers', { params: { path: { urn }, query: { tenant, ...(date ? { date } : {}) } } }));
  // Next year's prices: as on the first day of the year bought for, which the buy-back's window
  // says. Asked for together with the buy-back on the likely day (the coming September) and
  // without a window (today); only when the window names another year are they asked again.
  const likely = nextAcademicYearStart();
  const guesses = new Map([likely, undefined].map((date) => [date, early(offersOn(date))] as const));
  const buyback = await loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/buyback', { params: { path: { urn }, query: { tenant } } }));
  const date = buyback.window ? `${buyback.window.year}-09-01` : undefined;
  const offers = await (guesses.get(date) ?? offersOn(date));
  return { tenant, buyback, offers: offers.items.filter((o) => ['traded_service', 'digital'].includes(o.kind) && o.pricePence !== null) };
};


export const actions: Actions = {
  order: async (event) => {
    const form = await event.request.formData();
    const chosen = form.getAll('offerId').map(String);
    const errors: Record<string, string> = {};
    const lines = chosen.map((offerId) => {
      const raw = String(form.get(`quantity-${offerId}`) ?? '').trim();
      if (raw && (!/^\d{1,6}$/.test(raw) || Number(raw) < 1)) errors[`quantity-${offerId}`] = 'Enter how many, a whole number of at least 1';
      return { offerId, ...(raw ? { quantity: Number(raw) } : {}) };
    });
    if (!chosen.length) errors['services'] = 'Choose at least one service for next year';
    const invoicing = form.get('invoicing') === 'school_financial_year' ? 'school_financial_year' : 'once';
    if (Object.keys(errors).length) return fail(400, { errors, message: null as string | null, chosen });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/buyback/order', { params: { path: { urn: event.params.urn }, query: { tenant: tenantOf(event.url, form) } }, body: { lines, invoicing } }),
    );
    if (!result.ok) {
      const answer = problemAnswer(result.problem, { lines: 'services' });
      return fail(result.problem.status, { errors: answer.errors, message: answer.message, chosen });
    }
    return { done: 'Your order for next year is sent to your headteacher or business manager for approval.' };
  },
  approve: (event) => approveOrder(event, 'Next year’s order is'),
  cancel: (event) => cancelOrder(event, 'Next year’s order is cancelled. You can place it again while the buy-back is open.'),

  stop: async (event) => {
    const form = await event.request.formData();
    const subscriptionId = String(form.get('subscriptionId') ?? '');
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/subscriptions/{subscriptionId}/cancel', { params: { path: { urn: event.params.urn, subscriptionId }, query: { tenant: tenantOf(event.url, form) } } }),
    );
    if (!result.ok) return fail(result.problem.status, { errors: {}, message: result.problem.message });
    return { done: 'That service will not roll over into next year.' };
  },
};
