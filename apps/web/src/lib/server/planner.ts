import type { Schemas } from '@partnerships/api-client';
import type { RequestEvent } from '@sveltejs/kit';
import { type PlannerState, type ScenarioKey, scenarioRequest, solvableComponents } from '#lib/fees/planner-state.ts';
import type { FeeRounding, FeeSchedule } from '#lib/fees/schedule.ts';
import { apiFor, loadOrFail, submit } from './api.ts';
import { asStored } from './fees.ts';

type ApiEvent = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies'> & { params: { slug: string } };

export interface ScenarioOutcome {
  key: ScenarioKey;
  name: string;
  schedule: { id: string; name: string; label: string; version: number; status: string } | null;
  rounding: FeeRounding | null;
  options: { index: number; field: 'ratePence' | 'amountPence'; text: string }[];
  result: Schemas['ScenarioResultDto'] | null;
  /** The component solved for, in words, when a solution was asked for. */
  solvedFor: string | null;
  errors: Record<string, string>;
  message: string | null;
}

/** Every schedule (newest period first), and the one a new scenario starts from: the latest published, else the latest. */
export async function schedulesFor(event: ApiEvent) {
  const list = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug: event.params.slug } } }));
  const preferred = list.items.find((s) => s.status === 'published') ?? list.items[0] ?? null;
  return { schedules: list.items, preferred };
}

/**
 * Current member schools grouped for a scenario, in one request (issue 14): the API groups the
 * preview's schools by phase, category and the pupil figure their fee uses, in at most 50 groups
 * (pupil bands when there are more sizes than that). Null when it cannot answer.
 */
export async function memberGroups(event: ApiEvent, scheduleId: string) {
  const answer = await submit(apiFor(event).GET('/api/v1/tenants/{slug}/fee-schedules/{id}/member-groups', { params: { path: { slug: event.params.slug, id: scheduleId } } }));
  return answer.ok ? answer.data : null;
}

/** Work out one scenario: its schedule, the rates that can be solved for, and the API's answer (or what to put right). */
export async function runScenario(event: ApiEvent, state: PlannerState, key: ScenarioKey, known: Set<string>): Promise<ScenarioOutcome | null> {
  const s = state[key];
  if (!s) return null;
  const slug = event.params.slug;
  const api = apiFor(event);
  let document: FeeSchedule | null = null;
  let schedule: ScenarioOutcome['schedule'] = null;
  if (s.schedule && known.has(s.schedule)) {
    const found = await submit(api.GET('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug, id: s.schedule } } }));
    if (found.ok) {
      const stored = asStored(found.data);
      document = stored.document;
      schedule = { id: stored.id, name: stored.name, label: stored.period.label, version: stored.version, status: stored.status };
    }
  }
  const options = document ? solvableComponents(document.components) : [];
  const request = scenarioRequest(s, key, document?.components ?? null);
  if (s.schedule && !document) request.errors[`${key}-schedule`] = 'Choose a fee schedule';
  const base = { key, name: s.name, schedule, rounding: document?.rounding ?? null, options, result: null, solvedFor: null, message: null };
  if (Object.keys(request.errors).length || !schedule) return { ...base, errors: request.errors };

  const answer = await submit(api.POST('/api/v1/tenants/{slug}/fee-scenarios', { params: { path: { slug } }, body: { scheduleId: schedule.id, schools: request.schools, ...(request.solve ? { solve: request.solve } : {}) } }));
  if (!answer.ok) {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(answer.problem.fields)) {
      const school = /^schools\.(\d+)\.(\w+)/.exec(field);
      const id = school ? `${key}-g${school[1]}-${school[2]}` : field === 'solve.componentIndex' ? `${key}-solve` : field.startsWith('solve') ? `${key}-target` : `${key}-groups`;
      errors[id] ??= message;
    }
    return { ...base, errors, message: Object.keys(errors).length ? null : answer.problem.message };
  }
  const solvedFor = request.solve ? (options.find((o) => o.index === request.solve?.componentIndex)?.text ?? null) : null;
  return { ...base, result: answer.data, solvedFor, errors: {} };
}
