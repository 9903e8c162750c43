import type { SubmitFunction } from '$app/forms';

/**
 * Stripe's pages (onboarding, Checkout) are on another origin, and the Content-Security-Policy's
 * form-action 'self' stops a form's redirect going there. So the action answers with the address
 * (`next`): with JavaScript the browser goes straight there; without, the page shows a link to it.
 */
export const goToStripe: SubmitFunction = () => async ({ result, update }) => {
  const next = result.type === 'success' ? result.data?.next : undefined;
  if (typeof next === 'string' && isWebAddress(next)) {
    window.location.assign(next);
    return;
  }
  await update();
};

/** Only http(s) addresses are followed or shown as links. */
export function isWebAddress(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}
