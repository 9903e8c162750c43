import { addDays, compareDates, type IsoDateString } from '../calendar/iso-date';
import { formatUkDate } from '../calendar/iso-date';
import type { ConcernKind, ConcernStatus } from './types';

/** One recorded indicator of concern (the latest per kind counts; older ones are history). */
export interface ConcernIndicator {
  kind: ConcernKind;
  /**
   * inspection: the grade 1-4 (or a judgement word); data: 'below' | 'well_below' | 'in_line' | 'above';
   * leadership_change: 'new_head' | 'interim_head' | 'stable'; finance: 'deficit' | 'licensed_deficit' | 'surplus' | 'balanced'.
   */
  value: string;
  recordedOn: IsoDateString;
  /** Inspection date, when the kind is inspection. */
  occurredOn?: IsoDateString | null;
  note?: string | null;
}

export interface ConcernSuggestion {
  status: ConcernStatus;
  reasons: string[];
}

const RANK: Record<ConcernStatus, number> = { none: 0, monitoring: 1, concern: 2, serious_concern: 3 };

/**
 * The status the partnership's rules suggest from the latest indicator of each kind (the officer
 * decides; this explains itself in reasons):
 * - inspection graded 4 → serious concern; graded 3 → concern; an inspection more than five years
 *   ago → monitoring;
 * - data well below → concern; below → monitoring;
 * - a new or interim head → monitoring (concern if another indicator is also raised);
 * - a deficit → monitoring, a licensed deficit → concern.
 * Two or more kinds at "concern" make it a serious concern.
 */
export function suggestConcernStatus(indicators: readonly ConcernIndicator[], today: IsoDateString): ConcernSuggestion {
  const latest = new Map<ConcernKind, ConcernIndicator>();
  for (const i of indicators) {
    const prev = latest.get(i.kind);
    if (!prev || compareDates(i.recordedOn, prev.recordedOn) >= 0) latest.set(i.kind, i);
  }
  const found: { status: ConcernStatus; reason: string }[] = [];
  const inspection = latest.get('inspection');
  if (inspection) {
    const grade = Number(inspection.value);
    const when = inspection.occurredOn ? ` on ${formatUkDate(inspection.occurredOn)}` : '';
    if (grade === 4 || /inadequate/i.test(inspection.value)) found.push({ status: 'serious_concern', reason: `Inspected as inadequate${when}` });
    else if (grade === 3 || /requires improvement/i.test(inspection.value)) found.push({ status: 'concern', reason: `Inspected as requires improvement${when}` });
    if (inspection.occurredOn && compareDates(inspection.occurredOn, addDays(today, -5 * 365)) < 0) found.push({ status: 'monitoring', reason: `Not inspected since ${formatUkDate(inspection.occurredOn)}` });
  }
  const data = latest.get('data');
  if (data?.value === 'well_below') found.push({ status: 'concern', reason: 'Outcomes well below national' });
  else if (data?.value === 'below') found.push({ status: 'monitoring', reason: 'Outcomes below national' });
  const leadership = latest.get('leadership_change');
  if (leadership && leadership.value !== 'stable') found.push({ status: 'monitoring', reason: leadership.value === 'interim_head' ? 'An interim headteacher is in post' : 'A new headteacher is in post' });
  const finance = latest.get('finance');
  if (finance?.value === 'licensed_deficit') found.push({ status: 'concern', reason: 'The school has a licensed deficit' });
  else if (finance?.value === 'deficit') found.push({ status: 'monitoring', reason: 'The school is in deficit' });

  if (found.length === 0) return { status: 'none', reasons: [] };
  let status = found.reduce<ConcernStatus>((s, f) => (RANK[f.status] > RANK[s] ? f.status : s), 'none');
  const concerns = found.filter((f) => RANK[f.status] >= RANK.concern).length;
  if (concerns >= 2) status = 'serious_concern';
  else if (status === 'monitoring' && found.length >= 3) status = 'concern';
  return { status, reasons: found.map((f) => f.reason) };
}

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  none: 'No concern',
  monitoring: 'Monitoring',
  concern: 'Causing concern',
  serious_concern: 'Serious concern',
};
