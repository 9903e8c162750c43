import type { ProspectToPrice } from '@partnerships/db';
import {
  analyseFeeSchedule,
  DomainRefusal,
  type FeeSchedule,
  financialYearStartMonthForType,
  quoteFee,
  refusal,
  type ScheduleWarning,
  type SchoolForFees,
  type SchoolToCheck,
} from '@partnerships/domain';
import type { PreviewProspectDto } from './fee-schedules.dto';

/**
 * The draft's checks beyond the document itself (issue 13): the schools the partnership is about
 * to invite, priced as prospects, and the contradictions a schedule has for the schools it will
 * price (`analyseFeeSchedule`). Preview shows both; publish refuses a schedule with contradictions.
 */
export interface DraftChecks {
  prospects: PreviewProspectDto[];
  warnings: ScheduleWarning[];
}

export function prospectSchool(p: ProspectToPrice): SchoolForFees {
  return { phase: p.phase, pupils: p.pupils ?? 0, category: p.category, schoolType: p.type, financialYearStartMonth: financialYearStartMonthForType(p.type), ...p.facts };
}

/** The checks for a draft, given the members (as checked by name) and the prospects, both read beforehand. Pure. */
export function draftChecks(document: FeeSchedule, members: readonly SchoolToCheck[], prospects: readonly ProspectToPrice[]): DraftChecks {
  const priced = prospects.map((p) => {
    const quote = quoteFee(document, prospectSchool(p));
    return { urn: p.urn, name: p.name, phase: p.phase, pupils: p.pupils, category: p.category, status: p.status, prospect: true as const, totalPence: quote.totalPence, lines: quote.lines };
  });
  const everyone = [...members, ...prospects.map((p) => ({ name: `${p.name} (prospect)`, school: prospectSchool(p) }))];
  return { prospects: priced, warnings: analyseFeeSchedule(document, everyone) };
}

/** Publishing a schedule that contradicts itself for some school is refused, naming the components and the schools. */
export function refuseContradictions(warnings: readonly Pick<ScheduleWarning, 'message' | 'field'>[]): void {
  if (warnings.length === 0) return;
  throw new DomainRefusal(warnings.map((w) => refusal('invalid_value', w.message, `document.${w.field}`)));
}
