import type { Schemas } from '@partnerships/api-client';
import type { FeeSchedule } from '#lib/fees/schedule.ts';

export type ScheduleSummary = Schemas['FeeScheduleSummaryDto'];
export type StoredSchedule = Schemas['FeeScheduleDto'];
export type Preview = Schemas['PreviewDto'];

/** The stored schedule as the API describes it (its document is a FeeSchedule). */
export const asStored = (dto: Schemas['FeeScheduleDto']): StoredSchedule => dto;

/** Where in a schedule a problem is, in words: `components[2].ratePence` -> "Component 3". */
export function whereInSchedule(path: string): string {
  const rest = path.replace(/^document\.?/, '');
  const component = /^components\[(\d+)\]/.exec(rest);
  if (component) return `Component ${Number(component[1]) + 1}`;
  const part = /^payment\.parts\[(\d+)\]/.exec(rest);
  if (part) return `Instalment ${Number(part[1]) + 1}`;
  const tier = /^tiers\[(\d+)\]/.exec(rest);
  if (tier) return `Service level ${Number(tier[1]) + 1}`;
  const top: Record<string, string> = {
    name: 'Name',
    period: 'Period',
    rounding: 'Rounding',
    components: 'Components',
    proRata: 'Pro rata',
    payment: 'Payment',
    freePeriod: 'Free period',
    liabilityGuarantee: 'Liability guarantee',
    tiers: 'Service levels',
    formatVersion: 'Format',
  };
  return top[rest.split(/[.[]/)[0] ?? ''] ?? 'The file';
}

/** The academic year after the one today falls in, starting 1 September: what a new schedule is usually for. */
export function nextAcademicYearStart(today = new Date()): string {
  const year = today.getUTCFullYear() + (today.getUTCMonth() >= 8 ? 1 : 0);
  return `${year}-09-01`;
}
