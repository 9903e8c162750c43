import type { FeeSchedule } from './fee-schedule';
import { refuse } from '../refusal';
import { validateFeeSchedule, type FeeScheduleValidation } from './validate-fee-schedule';

/**
 * Export a schedule as stable JSON: object keys sorted, two-space indent,
 * final newline. The same schedule always gives the same bytes, whatever
 * order its fields were built in, so exports can be diffed, hashed and kept
 * under version control. Lists keep their order, which is meaningful.
 */
export function exportFeeSchedule(schedule: FeeSchedule): string {
  return `${JSON.stringify(sortKeys(schedule), null, 2)}\n`;
}

/** Import a schedule from JSON text, checking it exactly as validateFeeSchedule does. */
export function importFeeSchedule(json: string): FeeScheduleValidation {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('invalid_value', `This is not valid JSON, so it cannot be read as a fee schedule (${detail}).`);
  }
  return validateFeeSchedule(parsed);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}
