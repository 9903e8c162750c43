import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const slug = event.params.slug;
  const [stripe, runs, invoices] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/stripe', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/billing-runs', { params: { path: { slug }, query: { page: 1, pageSize: 5 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/invoices', { params: { path: { slug }, query: { page: 1, pageSize: 1 } } })),
  ]);
  return { stripe, runs, invoices };
};

export const actions: Actions = {
  /** Start (or continue) Stripe's onboarding: the browser goes to the link Stripe gives. */
  connect: async (event) => {
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/stripe/connect', { params: { path: { slug: event.params.slug } } }));
    if (!answer.ok) return fail(answer.problem.status, { message: answer.problem.message, next: null as string | null });
    // Stripe's own page (or the local fake's): see goToStripe for why this is not a redirect.
    return { message: null as string | null, next: answer.data.url };
  },
};
