import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * Where Stripe's onboarding comes back to (?onboarding=return, or refresh when its link ran out):
 * ask Stripe again for the account's state, so the page shows whether payments are on.
 */
export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const slug = event.params.slug;
  const onboarding = event.url.searchParams.get('onboarding');
  const stripe = await loadOrFail(
    event,
    onboarding || event.url.searchParams.has('check')
      ? api.POST('/api/v1/tenants/{slug}/stripe/refresh', { params: { path: { slug } } })
      : api.GET('/api/v1/tenants/{slug}/stripe', { params: { path: { slug } } }),
  );
  return { stripe, onboarding };
};
