import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const path = { slug: event.params.slug, id: event.params.id };
  const [run, items] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/billing-runs/{id}', { params: { path } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/billing-runs/{id}/items', { params: { path, query: { page: 1, pageSize: 200 } } })),
  ]);
  return { run, items };
};

export const actions: Actions = {
  /** Carry on a run that stopped: members already invoiced are not invoiced again. */
  resume: async (event) => {
    const answer = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs/{id}/resume', { params: { path: { slug: event.params.slug, id: event.params.id } } }));
    if (!answer.ok) return fail(answer.problem.status, { message: answer.problem.message });
    return { message: null as string | null };
  },
  /** "Send all": e-mail each invoice of the run not sent yet (or all of them again, when asked). */
  send: async (event) => {
    const form = await event.request.formData();
    const resend = form.get('resend') === 'yes';
    const answer = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/billing-runs/{id}/send', { params: { path: { slug: event.params.slug, id: event.params.id } }, body: { resend } }),
    );
    if (!answer.ok) return fail(answer.problem.status, { message: answer.problem.message });
    return { message: null as string | null, sent: answer.data as { queued: number; alreadySent: number; paymentWarning: string | null } };
  },
};
