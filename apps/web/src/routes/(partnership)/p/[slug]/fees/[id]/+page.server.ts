import { fail, redirect } from '@sveltejs/kit';
import { errorsByField } from '#lib/fees/editor/field-errors.ts';
import { stateFromForm } from '#lib/fees/editor/from-form.ts';
import { applyOp } from '#lib/fees/editor/operations.ts';
import type { EditorState } from '#lib/fees/editor/state.ts';
import { documentFromState } from '#lib/fees/editor/to-document.ts';
import { apiFor, loadOrFail, type Submitted, submit } from '#lib/server/api.ts';
import { asStored, type Preview } from '#lib/server/fees.ts';
import type { FeeSchedule } from '#lib/fees/schedule.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const api = apiFor(event);
  const previewPage = Math.max(1, Number.parseInt(event.url.searchParams.get('previewPage') ?? '1', 10) || 1);
  const [schedule, preview, categories] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id } } })).then(asStored),
    submit(api.POST('/api/v1/tenants/{slug}/fee-schedules/{id}/preview', { params: { path: { slug, id }, query: { page: previewPage } }, body: {} })),
    submit(api.GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug } } })),
  ]);
  const flag = (name: string) => event.url.searchParams.get(name) === '1';
  return {
    schedule,
    preview: preview.ok ? preview.data : null,
    categories: categories.ok ? categories.data.items.map((c) => ({ code: c.code, name: c.name })) : [],
    notice: flag('published') ? 'published' : flag('saved') ? 'saved' : flag('created') ? 'created' : flag('imported') ? 'imported' : flag('versioned') ? 'versioned' : null,
  };
};

/** What every editor action answers: the form as typed, and whatever goes with it. (The API decides who may change fees.) */
interface EditorResult {
  state: EditorState;
  errors: Record<string, string>;
  message: string | null;
  preview: Preview | null;
  focus: string | null;
}
const answer = (state: EditorState, more: Partial<EditorResult> = {}): EditorResult => ({ state, errors: {}, message: null, preview: null, focus: null, ...more });

/** The form's document, or the answer that says what to put right (local reading first, then the API's checks). */
async function documentOr<T>(
  state: EditorState,
  call: (document: FeeSchedule) => Promise<Submitted<T>>,
): Promise<{ ok: true; data: T } | { ok: false; status: number; result: EditorResult }> {
  const built = documentFromState(state);
  if (!built.document) return { ok: false, status: 400, result: answer(state, { errors: built.errors }) };
  const sent = await call(built.document);
  if (sent.ok) return { ok: true, data: sent.data };
  const errors = errorsByField(sent.problem.fields, built.paths);
  const general = errors[''];
  delete errors[''];
  const message = general ?? (Object.keys(errors).length ? null : sent.problem.message);
  return { ok: false, status: sent.problem.status, result: answer(state, { errors, message }) };
}

export const actions: Actions = {
  /** Add, remove or move a component, band, service level or instalment (the page without JavaScript). */
  edit: async (event) => {
    const form = await event.request.formData();
    const { state, focus } = applyOp(stateFromForm(form), String(form.get('op') ?? ''));
    return answer(state, { focus });
  },

  preview: async (event) => {
    const state = stateFromForm(await event.request.formData());
    const { slug, id } = event.params;
    const sent = await documentOr(state, (document) => submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules/{id}/preview', { params: { path: { slug, id } }, body: { document } })));
    if (!sent.ok) return fail(sent.status, sent.result);
    return answer(state, { preview: sent.data, focus: 'preview-title' });
  },

  save: async (event) => {
    const state = stateFromForm(await event.request.formData());
    const { slug, id } = event.params;
    const sent = await documentOr(state, (document) => submit(apiFor(event).PUT('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id } }, body: { document } })));
    if (!sent.ok) return fail(sent.status, sent.result);
    redirect(303, `/p/${encodeURIComponent(slug)}/fees/${id}?saved=1`);
  },

  /** Save, then ask for confirmation on a page of its own: publishing cannot be undone. */
  publish: async (event) => {
    const state = stateFromForm(await event.request.formData());
    const { slug, id } = event.params;
    const sent = await documentOr(state, (document) => submit(apiFor(event).PUT('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id } }, body: { document } })));
    if (!sent.ok) return fail(sent.status, sent.result);
    redirect(303, `/p/${encodeURIComponent(slug)}/fees/${id}/publish`);
  },

  newVersion: async (event) => {
    const { slug, id } = event.params;
    const made = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules/{id}/new-version', { params: { path: { slug, id } } }));
    if (!made.ok) return fail(made.problem.status, { versionError: made.problem.message });
    redirect(303, `/p/${encodeURIComponent(slug)}/fees/${made.data.id}?versioned=1`);
  },

  /** Discarding cannot be undone, so the first press only asks. */
  discard: async (event) => {
    const form = await event.request.formData();
    if (form.get('confirm') !== 'yes') return { confirmDiscard: true };
    const { slug, id } = event.params;
    const gone = await submit(apiFor(event).DELETE('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id } } }));
    if (!gone.ok) return fail(gone.problem.status, { versionError: gone.problem.message });
    redirect(303, `/p/${encodeURIComponent(slug)}/fees?discarded=1`);
  },
};
