import { addDays, compareDates, type IsoDateString } from '../calendar/iso-date';
import type { HalfTerm } from '../calendar/term-dates';
import type { SupporterKind } from './types';

/**
 * The default target for a need: within a term of the day it was found. With the partnership's
 * term dates, the same point in school time one term (two half-terms) later, never past that
 * half-term's end; without term dates, 13 weeks later.
 */
export function needTargetDate(foundOn: IsoDateString, halfTerms: readonly Pick<HalfTerm, 'start' | 'end'>[]): IsoDateString {
  const sorted = [...halfTerms].sort((a, b) => compareDates(a.start, b.start));
  let index = sorted.findIndex((h) => compareDates(h.start, foundOn) <= 0 && compareDates(foundOn, h.end) <= 0);
  let offset = 0;
  if (index >= 0) offset = daysBetween(sorted[index]!.start, foundOn);
  else index = sorted.findIndex((h) => compareDates(h.start, foundOn) > 0); // found in a holiday: count from the next half-term's start
  const target = index >= 0 ? sorted[index + 2] : undefined;
  if (!target) return addDays(foundOn, 91);
  const day = addDays(target.start, offset);
  return compareDates(day, target.end) > 0 ? target.end : day;
}

function daysBetween(a: IsoDateString, b: IsoDateString): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface SupportCandidate {
  kind: SupporterKind;
  /** The school, offer or body id (null for the board when it is not a recorded body). */
  id: string | null;
  name: string;
  /** Areas this supporter is strong in, with where the evidence came from. */
  strengths: { area: string; source: 'data_round' | 'review' | 'designation' | 'catalogue'; detail?: string }[];
  /** The school the need belongs to is never its own supporter. */
  schoolId?: string | null;
  /** Open or agreed support the supporter is already giving (spreads the load). */
  load?: number;
}

export interface SupportMatch {
  candidate: SupportCandidate;
  score: number;
  reasons: string[];
}

const KIND_ORDER: Record<SupporterKind, number> = { school: 0, teaching_school: 1, offer: 2, board: 3 };

/**
 * Supporters for a need in an area, best first: schools strong in that area (from data rounds and
 * final peer reviews; both sources count more than one), then teaching schools, traded services
 * covering the area, and the board last (always available). The school with the need is excluded.
 */
export function matchSupport(need: { schoolId: string; area: string }, candidates: readonly SupportCandidate[]): SupportMatch[] {
  const out: SupportMatch[] = [];
  for (const c of candidates) {
    if (c.kind === 'school' && c.schoolId === need.schoolId) continue;
    if (c.kind === 'school' && c.id === need.schoolId) continue;
    const evidence = c.strengths.filter((s) => s.area === need.area);
    if (c.kind !== 'board' && evidence.length === 0) continue;
    const sources = new Set(evidence.map((e) => e.source));
    const score = (c.kind === 'board' ? 1 : 10 + sources.size * 5 + evidence.length) - (c.load ?? 0) - KIND_ORDER[c.kind];
    const reasons = evidence.map((e) =>
      e.source === 'data_round' ? `Strong in ${need.area} in a data round${e.detail ? ` (${e.detail})` : ''}` :
      e.source === 'review' ? `A strength in ${need.area} in a final peer review${e.detail ? ` (${e.detail})` : ''}` :
      e.source === 'catalogue' ? `Offers ${need.area} support${e.detail ? `: ${e.detail}` : ''}` : `Designated for ${need.area}`);
    if (c.kind === 'board') reasons.push('The board can always broker or give support');
    out.push({ candidate: c, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || KIND_ORDER[a.candidate.kind] - KIND_ORDER[b.candidate.kind] || a.candidate.name.localeCompare(b.candidate.name));
}

/** The invoice key for charged support: one invoice per agreement, however often it is asked for. */
export const supportInvoiceKey = (agreementId: string) => `support:${agreementId}`;

/** How an open need stands against its target on a day. */
export function needTiming(need: { status: string; targetOn: IsoDateString; deliveredOn?: IsoDateString | null }, today: IsoDateString): 'on_track' | 'due_soon' | 'overdue' | 'met' | 'missed' {
  if (need.status === 'delivered' || need.status === 'closed') {
    if (!need.deliveredOn) return 'met';
    return compareDates(need.deliveredOn, need.targetOn) <= 0 ? 'met' : 'missed';
  }
  if (compareDates(today, need.targetOn) > 0) return 'overdue';
  return compareDates(addDays(today, 21), need.targetOn) >= 0 ? 'due_soon' : 'on_track';
}
