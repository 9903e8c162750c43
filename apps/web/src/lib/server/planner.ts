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

type ScheduleAnswer = Awaited<ReturnType<typeof askSchedule>>;
type ScenarioAnswer = Awaited<ReturnType<typeof askScenario>>;

function askSchedule(event: ApiEvent, id: string) {
  return submit(apiFor(event).GET('/api/v1/tenants/{slug}/fee-schedules/{id}', { params: { path: { slug: event.params.slug, id } } }));
}

function askScenario(event: ApiEvent, scheduleId: string, request: ReturnType<typeof scenarioRequest>) {
  return submit(
    apiFor(event).POST('/api/v1/tenants/{slug}/fee-scenarios', {
      params: { path: { slug: event.params.slug } },
      body: { scheduleId, schools: request.schools, ...(request.solve ? { solve: request.solve } : {}) },
    }),
  );
}

/** The calls a scenario needs, started at once (the planner's page asks for them alongside the schedule list). */
export interface ScenarioCalls {
  schedule: Promise<ScheduleAnswer> | null;
  /** Only when nothing is solved for: then the request does not depend on the schedule's components. */
  scenario: Promise<ScenarioAnswer> | null;
}

/**
 * Start a scenario's calls before the schedule list is known, so the page takes one round after
 * the session rather than three: the schedule it names and, when no rate is solved for, the
 * scenario itself (both only read). runScenario uses them only where it would have asked the same.
 */
export function startScenario(event: ApiEvent, state: PlannerState, key: ScenarioKey): ScenarioCalls {
  const s = state[key];
  if (!s?.schedule) return { schedule: null, scenario: null };
  const request = scenarioRequest(s, key, null);
  const independent = s.solve === '' && Object.keys(request.errors).length === 0;
  return { schedule: askSchedule(event, s.schedule), scenario: independent ? askScenario(event, s.schedule, request) : null };
}

/** Work out one scenario: its schedule, the rates that can be solved for, and the API's answer (or what to put right). */
export async function runScenario(event: ApiEvent, state: PlannerState, key: ScenarioKey, known: Set<string>, started?: ScenarioCalls): Promise<ScenarioOutcome | null> {
  const s = state[key];
  if (!s) return null;
  let document: FeeSchedule | null = null;
  let schedule: ScenarioOutcome['schedule'] = null;
  if (s.schedule && known.has(s.schedule)) {
    const found = await (started?.schedule ?? askSchedule(event, s.schedule));
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

  // Started early only with the same schedule and, nothing being solved for, the same request.
  const answer = await (started?.scenario && schedule.id === s.schedule && !request.solve ? started.scenario : askScenario(event, schedule.id, request));
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
