import { error, fail } from '@sveltejs/kit';
import { isUuid } from '#lib/offers-ids.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';
import { count, noun } from '#lib/plural.ts';

interface SessionRegister {
  sessionId: string;
  startsAt: string;
  entries: { bookingId: string; delegateName: string; schoolName: string; attended: boolean | null }[];
}

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  if (!isUuid(id)) error(404, 'Page not found');
  const api = apiFor(event);
  const [detail, bookings, evaluation] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/events/{id}', { params: { path: { slug, id } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/events/{id}/bookings', { params: { path: { slug, id } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/events/{id}/evaluation', { params: { path: { slug, id } } })),
  ]);
  // The generated client names this answer after the school register's RegisterDto (two classes
  // share the name in the OpenAPI document), so its shape is stated here.
  const registers = await Promise.all(
    detail.sessions.map((s) => loadOrFail(event, api.GET('/api/v1/tenants/{slug}/events/{id}/sessions/{sessionId}/register', { params: { path: { slug, id, sessionId: s.id } } })) as unknown as Promise<SessionRegister>),
  );
  return { event: detail, bookings: bookings.items, evaluation, registers };
};

export const actions: Actions = {
  register: async (event) => {
    const form = await event.request.formData();
    const sessionId = String(form.get('sessionId') ?? '');
    const ids = form.getAll('bookingId').map(String);
    const present = new Set(form.getAll('attended').map(String));
    const entries = ids.map((bookingId) => ({ bookingId, attended: present.has(bookingId) }));
    const result = await submit(
      apiFor(event).PUT('/api/v1/tenants/{slug}/events/{id}/sessions/{sessionId}/register', { params: { path: { slug: event.params.slug, id: event.params.id, sessionId } }, body: { entries } }),
    );
    if (!result.ok) return fail(result.problem.status, { message: result.problem.message });
    return { done: 'The register is saved.' };
  },
  evaluation: async (event) => {
    const form = await event.request.formData();
    const anonymous = form.get('anonymous') === 'yes';
    const result = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/events/{id}/evaluation', { params: { path: { slug: event.params.slug, id: event.params.id } }, body: { anonymous } }));
    if (!result.ok) return fail(result.problem.status, { message: result.problem.message });
    return { done: 'The evaluation is open to those who attended.' };
  },
  certificates: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/events/{id}/certificates', { params: { path: { slug: event.params.slug, id: event.params.id } } }));
    if (!result.ok) return fail(result.problem.status, { message: result.problem.message });
    return { done: `${count(result.data.issued, 'new certificate')} issued; ${count(result.data.total, 'person', 'people')} now ${noun(result.data.total, 'has', 'have')} one.` };
  },
};
