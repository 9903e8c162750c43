import { error, fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl, submit } from '#lib/server/api.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  if (!event.locals.me.user.isPlatformOperator) error(404, 'Page not found');
  const tenants = await loadOrFail(event, apiFor(event).GET('/api/v1/platform/tenants'));
  const tenant = tenants.find((t) => t.slug === event.params.slug);
  if (!tenant) error(404, 'Page not found');
  return { partnership: tenant };
};

export const actions: Actions = {
  suspend: async (event) => {
    const read = await readForm(event.request, { reason: text({ required: 'Give the reason for suspending the partnership' }) });
    const { reason } = read.echo;
    if (!read.ok) return fail(400, { reason, errors: read.errors, message: null as string | null, done: null as string | null });
    const result = await submit(apiFor(event).POST('/api/v1/platform/tenants/{tenantSlug}/suspend', { params: { path: { tenantSlug: event.params.slug } }, body: { reason } }));
    if (!result.ok) return fail(result.problem.status, { reason, ...problemAnswer(result.problem), done: null as string | null });
    return { reason: '', errors: {} as Record<string, string>, message: null as string | null, done: `${result.data.name} is suspended.` };
  },
  reinstate: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/platform/tenants/{tenantSlug}/reinstate', { params: { path: { tenantSlug: event.params.slug } } }));
    if (!result.ok) return fail(result.problem.status, { reason: '', errors: {} as Record<string, string>, message: result.problem.message, done: null as string | null });
    return { reason: '', errors: {} as Record<string, string>, message: null as string | null, done: `${result.data.name} is reinstated.` };
  },
};
