import { fail, redirect } from '@sveltejs/kit';
import { applyPlannerOp, emptyScenario, groupsFromSummary, plannerFromQuery, plannerToQuery, type PlannerState, type ScenarioKey } from '#lib/fees/planner-state.ts';
import { apiFor, submit } from '#lib/server/api.ts';
import { memberGroups, runScenario, schedulesFor, startScenario } from '#lib/server/planner.ts';
import { canEditFeesIn } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';
import type { FeeSchedule } from '#lib/fees/schedule.ts';

export const load: PageServerLoad = async (event) => {
  const canEditFees = canEditFeesIn(event.locals.me, event.params.slug);
  const params = event.url.searchParams;
  const here = `/p/${encodeURIComponent(event.params.slug)}/fees/planner`;

  let state: PlannerState = plannerFromQuery(params);
  const op = params.get('op');
  // Opened afresh (no scenario in the address yet, perhaps just a schedule): start from the current members.
  const fresh = !params.has('a.name');
  // Showing a scenario: its schedules, its results and the categories are asked for together with
  // the schedule list (one round after the session), not after it.
  const showing = !(op || fresh);
  const started = showing ? { a: startScenario(event, state, 'a'), b: startScenario(event, state, 'b') } : null;
  const categoriesCall = showing ? submit(apiFor(event).GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug } } })) : null;
  const { schedules, preferred } = await schedulesFor(event);
  if (op || fresh) {
    // A button was pressed (or the planner was just opened): change the scenario, then show it at its own address.
    if (!state.a.schedule && preferred) state.a.schedule = preferred.id;
    const fill = async (key: ScenarioKey) => {
      const s = state[key];
      if (!s) return;
      const from = s.schedule || preferred?.id;
      const members = from ? await memberGroups(event, from) : null;
      const groups = members ? groupsFromSummary(members.groups) : [];
      s.groups = groups.length ? groups : s.groups.length ? s.groups : emptyScenario(key).groups;
      // Pupil bands (more sizes than a scenario holds) price each band at its mean: the name says so.
      if (groups.length && (!s.name || /^(Scenario [AB]|Current member schools.*)$/.test(s.name))) s.name = members?.exact ? 'Current member schools' : 'Current member schools, in pupil bands';
    };
    if (fresh && !op) await fill('a');
    else if (op === 'members-a' || op === 'members-b') await fill(op.slice(-1) as ScenarioKey);
    else if (op) state = applyPlannerOp(state, op);
    if (state.b && !state.b.schedule && preferred) state.b.schedule = preferred.id;
    const anchor = op?.startsWith('add-') ? `#${op.slice(-1)}-g${(state[op.slice(-1) as ScenarioKey]?.groups.length ?? 1) - 1}-pupils` : op === 'compare' ? '#b-title' : op ? '#results' : '';
    redirect(303, `${here}?${plannerToQuery(state)}${anchor}`);
  }

  const known = new Set(schedules.map((s) => s.id));
  const [a, b, categories] = await Promise.all([
    runScenario(event, state, 'a', known, started?.a),
    runScenario(event, state, 'b', known, started?.b),
    categoriesCall ?? submit(apiFor(event).GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug } } })),
  ]);
  return {
    state,
    schedules: schedules.map((s) => ({ id: s.id, name: s.name, label: s.period.label, version: s.version, status: s.status })),
    a,
    b,
    categories: categories.ok ? categories.data.items.map((c) => ({ code: c.code, name: c.name })) : [],
    query: plannerToQuery(state).toString(),
    canSave: canEditFees,
  };
};

export const actions: Actions = {
  /** Keep a solved rate: a new draft of the scenario's schedule with the solved value in it. */
  saveSolution: async (event) => {
    const form = await event.request.formData();
    let document: unknown;
    try {
      document = JSON.parse(String(form.get('document') ?? ''));
    } catch {
      return fail(400, { saveError: 'The solved schedule could not be read. Work the scenario out again and try once more.' });
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return fail(400, { saveError: 'The solved schedule could not be read.' });
    const created = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug: event.params.slug } }, body: { document: document as FeeSchedule } }));
    if (!created.ok) return fail(created.problem.status, { saveError: created.problem.message });
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/fees/${created.data.id}?created=1`);
  },
};
