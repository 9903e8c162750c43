/** The editing steps: add, remove and move components, bands, service levels and instalments. */
import { type EditorState, newComponent } from './state.ts';

/**
 * The buttons that change the form's shape, as `op` values: add, remove-2, up-2, down-2,
 * add-band-2, remove-band-2-1, add-tier, remove-tier-0, add-part, remove-part-1.
 * Returns a new state and the id of the field that should take focus next.
 */
export function applyOp(input: EditorState, op: string): { state: EditorState; focus: string | null } {
  const state: EditorState = structuredClone(input);
  const n = (s: string | undefined) => Number(s);
  let m: RegExpExecArray | null;
  if (op === 'add') {
    state.components.push(newComponent(state.addKind, state.tiers.length));
    return { state, focus: `c-${state.components.length - 1}-title` };
  }
  if ((m = /^remove-(\d+)$/.exec(op)) && state.components[n(m[1])]) {
    state.components.splice(n(m[1]), 1);
    return { state, focus: 'components' };
  }
  if ((m = /^up-(\d+)$/.exec(op)) && n(m[1]) > 0 && state.components[n(m[1])]) {
    const i = n(m[1]);
    [state.components[i - 1], state.components[i]] = [state.components[i], state.components[i - 1]];
    return { state, focus: `c-${i - 1}-up` };
  }
  if ((m = /^down-(\d+)$/.exec(op)) && n(m[1]) < state.components.length - 1) {
    const i = n(m[1]);
    [state.components[i + 1], state.components[i]] = [state.components[i], state.components[i + 1]];
    return { state, focus: `c-${i + 1}-down` };
  }
  if ((m = /^add-band-(\d+)$/.exec(op)) && state.components[n(m[1])]) {
    const i = n(m[1]);
    const bands = state.components[i].bands;
    const last = bands.at(-1);
    const lastMax = last ? Number(last.max.replace(/,/g, '')) : NaN;
    bands.push({ min: last && last.max.trim() && Number.isInteger(lastMax) ? String(lastMax + 1) : bands.length ? '' : '0', max: '', amount: '' });
    return { state, focus: `c-${i}-band-${bands.length - 1}-${bands.length === 1 ? 'min' : last?.max.trim() ? 'max' : 'min'}` };
  }
  if ((m = /^remove-band-(\d+)-(\d+)$/.exec(op)) && state.components[n(m[1])]?.bands[n(m[2])]) {
    state.components[n(m[1])].bands.splice(n(m[2]), 1);
    return { state, focus: `c-${m[1]}-bands` };
  }
  if (op === 'add-tier') {
    state.tiers.push({ code: '', name: '' });
    for (const c of state.components) c.prices.push('');
    return { state, focus: `tier-${state.tiers.length - 1}-name` };
  }
  if ((m = /^remove-tier-(\d+)$/.exec(op)) && state.tiers[n(m[1])]) {
    const k = n(m[1]);
    const [removed] = state.tiers.splice(k, 1);
    for (const c of state.components) {
      c.prices.splice(k, 1);
      c.when.tiers = c.when.tiers.filter((t) => t !== removed.code);
    }
    return { state, focus: 'tiers' };
  }
  if (op === 'add-part') {
    state.parts.push({ label: '', dueDate: '', share: '' });
    return { state, focus: `part-${state.parts.length - 1}-label` };
  }
  if ((m = /^remove-part-(\d+)$/.exec(op)) && state.parts[n(m[1])]) {
    state.parts.splice(n(m[1]), 1);
    return { state, focus: 'parts' };
  }
  return { state, focus: null };
}
