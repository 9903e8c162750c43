/**
 * The scenario planner's form, kept entirely in the address (a GET form), so that a scenario
 * can be bookmarked, shared, compared and downloaded as CSV, with or without JavaScript.
 *
 *   a.name, a.schedule, a.solve (component number), a.target (pounds),
 *   a.g0.label, a.g0.phase, a.g0.pupils, a.g0.count, a.g0.category, a.g1...; and b.* to compare.
 */
import { phaseLabel } from '../labels.ts';
import { formatNumber, parsePounds, parseWhole } from './money.ts';
import { type FeeComponent, KIND_NAMES, MAX_AMOUNT_PENCE, PHASES, describeCondition } from './schedule.ts';
import { formatPence } from './money.ts';
import { isOneOf, type Phase } from '../vocabulary.ts';
import { PUPIL_COUNT_MAX } from '../pupil-count.ts';

export type ScenarioKey = 'a' | 'b';

/** The most groups a scenario holds: the API's scenario endpoint refuses more, and its member groups never give more (`SCENARIO_MAX_GROUPS`). */
export const PLANNER_MAX_GROUPS = 50;

export interface GroupState {
  label: string;
  phase: string;
  pupils: string;
  count: string;
  category: string;
}

export interface ScenarioState {
  name: string;
  schedule: string;
  groups: GroupState[];
  /** The number of the component to solve for ('' for none). */
  solve: string;
  target: string;
}

export interface PlannerState {
  a: ScenarioState;
  b: ScenarioState | null;
}

export const emptyGroup = (): GroupState => ({ label: '', phase: 'primary', pupils: '', count: '1', category: '' });
export const emptyScenario = (key: ScenarioKey, schedule = ''): ScenarioState => ({ name: `Scenario ${key.toUpperCase()}`, schedule, groups: [emptyGroup()], solve: '', target: '' });

function readScenario(params: URLSearchParams, key: ScenarioKey): ScenarioState {
  const get = (name: string) => (params.get(`${key}.${name}`) ?? '').slice(0, 200);
  const numbers = [...new Set([...params.keys()].map((k) => new RegExp(`^${key}\\.g(\\d+)\\.`).exec(k)?.[1]).filter((v): v is string => v !== undefined).map(Number))]
    .sort((x, y) => x - y)
    .slice(0, PLANNER_MAX_GROUPS);
  return {
    name: get('name') || `Scenario ${key.toUpperCase()}`,
    schedule: get('schedule'),
    groups: numbers.map((n) => ({
      label: get(`g${n}.label`),
      phase: get(`g${n}.phase`),
      pupils: get(`g${n}.pupils`),
      count: get(`g${n}.count`),
      category: get(`g${n}.category`),
    })),
    solve: get('solve'),
    target: get('target'),
  };
}

export function plannerFromQuery(params: URLSearchParams): PlannerState {
  const compare = params.get('compare') === '1' || [...params.keys()].some((k) => k.startsWith('b.'));
  return { a: readScenario(params, 'a'), b: compare ? readScenario(params, 'b') : null };
}

export function plannerToQuery(state: PlannerState): URLSearchParams {
  const params = new URLSearchParams();
  const write = (key: ScenarioKey, s: ScenarioState) => {
    params.set(`${key}.name`, s.name);
    params.set(`${key}.schedule`, s.schedule);
    s.groups.forEach((g, n) => {
      if (g.label) params.set(`${key}.g${n}.label`, g.label);
      params.set(`${key}.g${n}.phase`, g.phase);
      params.set(`${key}.g${n}.pupils`, g.pupils);
      params.set(`${key}.g${n}.count`, g.count);
      if (g.category) params.set(`${key}.g${n}.category`, g.category);
    });
    if (s.solve) params.set(`${key}.solve`, s.solve);
    if (s.target) params.set(`${key}.target`, s.target);
  };
  write('a', state.a);
  if (state.b) {
    params.set('compare', '1');
    write('b', state.b);
  }
  return params;
}

/**
 * The planner's buttons as `op` values: add-a, remove-a-2, compare (copy A into B), stop-compare.
 * ("members-a", filling a scenario with the current member schools, needs the server.)
 */
export function applyPlannerOp(input: PlannerState, op: string): PlannerState {
  const state: PlannerState = structuredClone(input);
  let m: RegExpExecArray | null;
  if ((m = /^add-([ab])$/.exec(op))) {
    const s = state[m[1] as ScenarioKey];
    s?.groups.push(emptyGroup());
  } else if ((m = /^remove-([ab])-(\d+)$/.exec(op))) {
    state[m[1] as ScenarioKey]?.groups.splice(Number(m[2]), 1);
  } else if (op === 'compare') {
    state.b = { ...structuredClone(state.a), name: 'Scenario B' };
  } else if (op === 'stop-compare') {
    state.b = null;
  }
  return state;
}

/** A group of the API's current member schools (`GET .../fee-schedules/{id}/member-groups`). */
export interface MemberGroup {
  phase: string;
  category: string;
  pupils: number;
  count: number;
  pupilsMin: number;
  pupilsMax: number;
}

/**
 * The current member schools as the scenario's groups, in the API's order (phases in order, smallest
 * first). A pupil band (too many sizes for one scenario) is labelled with its range and the figure
 * its schools are counted at: "Primary schools of 101 to 140 pupils, counted as 120 each".
 */
export function groupsFromSummary(groups: readonly MemberGroup[]): GroupState[] {
  return groups.map((g) => ({
    label: g.pupilsMin === g.pupilsMax ? '' : `${phaseLabel(g.phase)} schools of ${formatNumber(g.pupilsMin)} to ${formatNumber(g.pupilsMax)} pupils, counted as ${formatNumber(g.pupils)} each`,
    phase: g.phase,
    pupils: String(g.pupils),
    count: String(g.count),
    category: g.category,
  }));
}

/** "60 primary schools of 210 pupils" (or its own label). */
export function groupLabel(g: { label?: string; phase: string; pupils: number; count: number }): string {
  if (g.label?.trim()) return g.label.trim();
  const phase = phaseLabel(g.phase).toLowerCase();
  return `${formatNumber(g.count)} ${phase} ${g.count === 1 ? 'school' : 'schools'} of ${formatNumber(g.pupils)} pupils`;
}

export interface ScenarioRequest {
  schools: { phase: Phase; pupils: number; count: number; category?: string; label: string }[];
  solve?: { componentIndex: number; field: 'ratePence' | 'amountPence'; targetPence: number };
  errors: Record<string, string>;
}

/** Components a rate or fee can be solved for: a rate per pupil, or a base, flat, fixed, minimum or maximum fee. */
export function solvableComponents(components: FeeComponent[]): { index: number; field: 'ratePence' | 'amountPence'; text: string }[] {
  return components.flatMap((c, index) => {
    const field = c.kind === 'per-pupil' ? 'ratePence' : ['base-fee', 'flat-fee', 'fixed-fee', 'minimum-fee', 'maximum-fee'].includes(c.kind) ? 'amountPence' : null;
    if (!field) return [];
    const now = c[field];
    const who = describeCondition(c.when);
    return [{ index, field, text: `${index + 1}. ${KIND_NAMES[c.kind]}${c.label ? ` (${c.label})` : ''} for ${who}${now === undefined ? '' : `, now ${formatPence(now)}`}` }];
  });
}

/** Read one scenario's fields; messages by field id (a-g0-pupils, a-target...). */
export function scenarioRequest(s: ScenarioState, key: ScenarioKey, components: FeeComponent[] | null): ScenarioRequest {
  const errors: Record<string, string> = {};
  if (!s.schedule) errors[`${key}-schedule`] = 'Choose a fee schedule';
  if (s.groups.length === 0) errors[`${key}-groups`] = 'Add at least one group of schools';
  const schools = s.groups.flatMap((g, n) => {
    const id = `${key}-g${n}`;
    const which = `group ${n + 1}`;
    if (!isOneOf(PHASES, g.phase)) errors[`${id}-phase`] = `Choose the phase of ${which}`;
    const pupils = parseWhole(g.pupils, `the number of pupils in each school of ${which}`, { max: PUPIL_COUNT_MAX });
    if (!pupils.ok) errors[`${id}-pupils`] = pupils.message;
    const count = parseWhole(g.count, `the number of schools in ${which}`, { min: 1, max: 10_000 });
    if (!count.ok) errors[`${id}-count`] = count.message;
    if (!pupils.ok || !count.ok || !isOneOf(PHASES, g.phase)) return [];
    return [{ phase: g.phase as Phase, pupils: pupils.value, count: count.value, ...(g.category ? { category: g.category } : {}), label: groupLabel({ label: g.label, phase: g.phase, pupils: pupils.value, count: count.value }) }];
  });
  let solve: ScenarioRequest['solve'];
  if (s.solve !== '') {
    const option = components ? solvableComponents(components).find((o) => String(o.index + 1) === s.solve) : undefined;
    if (!option) errors[`${key}-solve`] = 'Choose a rate or fee of this schedule to solve for';
    const target = parsePounds(s.target, 'the income to raise', { max: MAX_AMOUNT_PENCE * 100, allowZero: false });
    if (!target.ok) errors[`${key}-target`] = target.message;
    if (option && target.ok) solve = { componentIndex: option.index, field: option.field, targetPence: target.value };
  }
  return { schools, ...(solve ? { solve } : {}), errors };
}

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Pence as a plain number of pounds for spreadsheets: 470600 -> "4706.00". */
export const csvPounds = (pence: number) => `${pence < 0 ? '-' : ''}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`;
