/** Documents to start from: a blank one, or a template moved to another period; and comparing two. */
import type { FeeSchedule } from '../schedule.ts';
import type { PeriodKind } from './state.ts';
import { realDate } from './to-document.ts';

/** A document to start from scratch: one rate per pupil for the academic year starting in `year`. */
export function blankDocument(name: string, kind: PeriodKind, start: string, end: string, label: string): FeeSchedule {
  return {
    formatVersion: 1,
    name,
    period: { kind, start, end, label },
    rounding: { unit: 'penny', mode: 'half-up' },
    components: [{ kind: 'per-pupil', ratePence: 0 }],
    payment: { kind: 'in-advance' },
  };
}

/**
 * A template moved to another period: its dates (period, instalments, free period) move by
 * the same number of years, so a 2018–19 example becomes a 2026–27 draft with sensible dates.
 */
export function moveToPeriod(doc: FeeSchedule, name: string, kind: PeriodKind, start: string, end: string, label: string): FeeSchedule {
  const years = Number(start.slice(0, 4)) - Number(doc.period.start.slice(0, 4));
  const shift = (date: string) => {
    if (!realDate(date) || years === 0) return date;
    const moved = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
    return realDate(moved) ? moved : `${moved.slice(0, 8)}28`;
  };
  const copy: FeeSchedule = structuredClone(doc);
  copy.name = name;
  copy.period = { kind, start, end, label };
  if (copy.payment.kind === 'instalments') copy.payment.parts = copy.payment.parts.map((p) => ({ ...p, dueDate: shift(p.dueDate) }));
  if (copy.freePeriod) copy.freePeriod = { from: shift(copy.freePeriod.from), to: shift(copy.freePeriod.to) };
  return copy;
}

/** JSON with keys in a fixed order, to tell whether two documents say the same thing. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
