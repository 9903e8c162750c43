/** API messages (keyed by document path) as messages beside the editor's fields, in page order. */
import { FACT_FIELDS } from './school-facts.ts';
import type { EditorState } from './state.ts';

/**
 * The field an API error belongs to: `document.components[2].ratePence` -> `c-2-amount`.
 * A path without a field of its own goes to the nearest enclosing one, and anything else
 * to '' (the schedule as a whole).
 */
export function fieldForPath(path: string, paths: Record<string, string>): string {
  let rest = path.replace(/^document\.?/, '');
  for (;;) {
    if (rest in paths) return paths[rest];
    const shorter = rest.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === rest) return '';
    rest = shorter;
  }
}

/** The engine's messages name places in the document ("components[6]"); people count components from 1. */
export const plainMessage = (message: string) => message.replace(/\bcomponents\[(\d+)\]/g, (_, n: string) => `component ${Number(n) + 1}`);

/** API field messages (keyed by document path) as messages by field id; the first message per field wins. */
export function errorsByField(apiFields: Record<string, string>, paths: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(apiFields)) out[fieldForPath(path, paths)] ??= plainMessage(message);
  return out;
}

/** The editor's field ids in page order, so the error summary lists problems as the page shows them. */
export function fieldOrder(state: EditorState): string[] {
  const ids = ['', 'name', 'period-kind', 'period-start', 'period-end', 'period-label', 'rounding', 'tiers'];
  state.tiers.forEach((_, k) => ids.push(`tier-${k}-name`, `tier-${k}-code`));
  ids.push('components');
  state.components.forEach((c, i) => {
    const p = `c-${i}`;
    ids.push(p, `${p}-amount`, `${p}-bands`);
    c.bands.forEach((_, j) => ids.push(`${p}-band-${j}-min`, `${p}-band-${j}-max`, `${p}-band-${j}-amount`));
    ids.push(`${p}-prices`, ...state.tiers.map((_, k) => `${p}-price-${k}`), `${p}-reason`, `${p}-code`, `${p}-percent`, `${p}-label`, `${p}-when`, `${p}-school-types`, `${p}-min-pupils`, `${p}-max-pupils`, ...FACT_FIELDS.map(([field]) => `${p}-${field}`));
  });
  ids.push('pro-rata-method', 'pro-rata-rounding', 'free-from', 'free-to', 'payment-kind', 'parts');
  state.parts.forEach((_, k) => ids.push(`part-${k}-label`, `part-${k}-due`, `part-${k}-share`));
  ids.push('guarantee-amount', 'guarantee-note');
  return ids;
}
