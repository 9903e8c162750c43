import { error, json } from '@sveltejs/kit';
import { apiFor, submit } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';
import type { FeeSchedule } from '#lib/fees/schedule.ts';

/**
 * The editor's live preview: the page sends the unsaved document as the admin types, and
 * gets what each member school would pay, or the API's field messages. It calls the API
 * from the server so that the session's CSRF token never reaches the browser.
 */
export const POST: RequestHandler = async (event) => {
  if (!event.locals.me) error(401, 'Please sign in.');
  let body: unknown;
  try {
    body = await event.request.json();
  } catch {
    error(400, 'Send the schedule as JSON.');
  }
  const document = (body as { document?: unknown } | null)?.document;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) error(400, 'Send {"document": {...}}.');
  const { slug, id } = event.params;
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
  const sent = await submit(
    apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules/{id}/preview', { params: { path: { slug, id }, query: { page } }, body: { document: document as FeeSchedule } }),
  );
  if (sent.ok) return json({ ok: true, preview: sent.data });
  const { status, message, fields } = sent.problem;
  if (status === 401 || status === 403 || status === 404) error(status, message);
  return json({ ok: false, status, message, fields }, { status: status >= 500 ? 502 : 200 });
};
