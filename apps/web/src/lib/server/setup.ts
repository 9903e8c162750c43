import type { Schemas } from '@partnerships/api-client';
import { error, type RequestEvent } from '@sveltejs/kit';
import type { SetupStep } from '../partnership-labels.ts';
import { apiFor, submit } from './api.ts';
import { calendarInputId } from '../settings-values.ts';
import type { FieldErrors } from './partnership-forms.ts';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies' | 'params'>;

/** Where a step's "what is missing" belongs on its page. */
function fieldFor(step: SetupStep, field: string): string {
  switch (step) {
    case 'calendar': {
      const year = Number(/^calendar\.(\d{4})$/.exec(field)?.[1]);
      return Number.isInteger(year) ? calendarInputId(year, 0, 'start') : field;
    }
    case 'categories':
      return 'categories';
    case 'colleagues':
      return 'email';
    case 'plan':
      return 'plan';
    default:
      return field;
  }
}

/** Marks a wizard step done; otherwise what is still missing, beside the inputs concerned. */
export async function completeStep(
  event: Event,
  step: SetupStep,
): Promise<{ ok: true; setup: Schemas['SetupDto'] } | { ok: false; status: number; errors: FieldErrors; message: string | null }> {
  const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/setup/{step}/complete', { params: { path: { slug: event.params.slug!, step } } }));
  if (result.ok) return { ok: true, setup: result.data };
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(result.problem.fields)) errors[fieldFor(step, field)] ??= message;
  return { ok: false, status: result.problem.status, errors, message: Object.keys(errors).length ? null : result.problem.message };
}

/** Setup and settings are for the partnership's admins; for anyone else the pages do not exist. */
export async function requireAdmin(event: { parent: () => Promise<{ isAdmin: boolean }> }): Promise<void> {
  const { isAdmin } = await event.parent();
  if (!isAdmin) error(404, 'Page not found');
}
