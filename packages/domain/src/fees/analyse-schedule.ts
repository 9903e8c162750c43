import { matchesCondition } from './conditions';
import type { FeeComponent, FeeSchedule } from './fee-schedule';
import type { SchoolForFees } from './quote-types';
import { flat, money } from './wording';

/**
 * Checks a schedule against the schools it will price (members and the
 * prospects about to be invited) for components that contradict each other
 * or look like typing slips. The validator already refuses what is wrong for
 * every school; these depend on which schools match which conditions, so
 * they are worked out school by school and name the schools they affect.
 *
 * - minimum-above-maximum: a school's highest minimum is above its lowest
 *   maximum, so the minimum can never be met (the cap wins);
 * - two-base-fees / two-size-bands: two base fees, or two size-band tables,
 *   both apply to a school, so it pays twice (a flat or fixed fee that
 *   replaces them clears it);
 * - rate-looks-wrong: a rate per pupil above £100 or below 1p, nearly always
 *   a slip of the decimal point;
 * - zero-maximum: a maximum fee of £0 makes every school it matches free.
 *
 * The last two are about one component, so they are reported even when no
 * listed school matches it yet.
 */
export const SCHEDULE_WARNING_KINDS = ['minimum-above-maximum', 'two-base-fees', 'two-size-bands', 'rate-looks-wrong', 'zero-maximum'] as const;
export type ScheduleWarningKind = (typeof SCHEDULE_WARNING_KINDS)[number];

/** A rate per pupil above this (£100) is taken for a slip of the decimal point. */
export const RATE_LOOKS_TOO_HIGH_PENCE = 10_000;
/** A rate per pupil below this (1p) is taken for a slip of the decimal point. */
export const RATE_LOOKS_TOO_LOW_PENCE = 1;

export interface SchoolToCheck {
  /** How the warning names the school, e.g. "St Mary's Primary School". */
  name: string;
  school: SchoolForFees;
}

export interface ScheduleWarning {
  kind: ScheduleWarningKind;
  /** The components at fault, by position (0-based), in schedule order. */
  components: number[];
  /** The first component's path, e.g. "components[2]", for the editor to point at. */
  field: string;
  /** Plain English, naming the components (1-based, as the editor numbers them) and up to three schools. */
  message: string;
  /** Every school affected, in the order given. */
  schools: string[];
}

interface Finding {
  kind: ScheduleWarningKind;
  components: number[];
}

export function analyseFeeSchedule(schedule: FeeSchedule, schools: readonly SchoolToCheck[]): ScheduleWarning[] {
  const found = new Map<string, { finding: Finding; schools: string[] }>();
  const note = (finding: Finding, school?: string) => {
    const key = `${finding.kind}:${finding.components.join(',')}`;
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { finding, schools: [] }));
    if (school !== undefined && !entry.schools.includes(school)) entry.schools.push(school);
  };
  const indexed = schedule.components.map((component, index) => ({ component, index }));

  // Component by component: always reported, with the schools they would touch.
  for (const { component, index } of indexed) {
    if (component.kind === 'per-pupil' && (component.ratePence > RATE_LOOKS_TOO_HIGH_PENCE || component.ratePence < RATE_LOOKS_TOO_LOW_PENCE)) note({ kind: 'rate-looks-wrong', components: [index] });
    if (component.kind === 'maximum-fee' && component.amountPence === 0) note({ kind: 'zero-maximum', components: [index] });
  }

  for (const { name, school } of schools) {
    const matching = indexed.filter(({ component }) => matchesCondition(component.when, school));
    // A fixed fee is the whole price: nothing else reaches the school.
    if (matching.some(({ component }) => component.kind === 'fixed-fee')) continue;
    const flatFee = matching.some(({ component }) => component.kind === 'flat-fee');
    const of = (kind: FeeComponent['kind']) => matching.filter(({ component }) => component.kind === kind);
    if (!flatFee) {
      for (const { component, index } of of('per-pupil')) {
        if (component.kind === 'per-pupil' && found.has(`rate-looks-wrong:${index}`)) note({ kind: 'rate-looks-wrong', components: [index] }, name);
      }
      const bases = of('base-fee');
      if (bases.length > 1) note({ kind: 'two-base-fees', components: bases.map((m) => m.index) }, name);
      const bands = of('size-bands');
      if (bands.length > 1) note({ kind: 'two-size-bands', components: bands.map((m) => m.index) }, name);
    }
    const minimums = of('minimum-fee');
    const maximums = of('maximum-fee');
    for (const max of maximums) if (max.component.kind === 'maximum-fee' && max.component.amountPence === 0) note({ kind: 'zero-maximum', components: [max.index] }, name);
    const highestMin = pick(minimums, (a, b) => a > b);
    const lowestMax = pick(maximums, (a, b) => a < b);
    if (highestMin && lowestMax && amountOf(highestMin.component) > amountOf(lowestMax.component)) {
      note({ kind: 'minimum-above-maximum', components: [highestMin.index, lowestMax.index].sort((a, b) => a - b) }, name);
    }
  }

  return [...found.values()]
    .sort((a, b) => a.finding.components[0]! - b.finding.components[0]! || a.finding.kind.localeCompare(b.finding.kind))
    .map(({ finding, schools: names }) => ({
      kind: finding.kind,
      components: finding.components,
      field: `components[${finding.components[0]}]`,
      message: describe(finding, schedule, names),
      schools: names,
    }));
}

function amountOf(component: FeeComponent): number {
  return 'amountPence' in component && typeof component.amountPence === 'number' ? component.amountPence : 0;
}

/** The first component whose amount beats every other (earliest wins a tie, as the engine does). */
function pick<T extends { component: FeeComponent }>(list: T[], beats: (a: number, b: number) => boolean): T | undefined {
  return list.reduce<T | undefined>((best, next) => (best === undefined || beats(amountOf(next.component), amountOf(best.component)) ? next : best), undefined);
}

/** "components 2 and 4", "component 3" (1-based, as the editor numbers them). */
function componentWords(indexes: number[]): string {
  const numbers = indexes.map((i) => String(i + 1));
  if (numbers.length === 1) return `Component ${numbers[0]}`;
  return `Components ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** "St Mary's", "St Mary's and Oak Hill", "A, B, C and 4 more schools"; "no listed school yet". */
export function schoolWords(names: readonly string[]): string {
  if (names.length === 0) return 'no listed school yet';
  if (names.length <= 3) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const more = names.length - 3;
  return `${names.slice(0, 3).join(', ')} and ${more} more ${more === 1 ? 'school' : 'schools'}`;
}

function describe(finding: Finding, schedule: FeeSchedule, names: string[]): string {
  const parts = componentWords(finding.components);
  const who = schoolWords(names);
  const c = finding.components.map((i) => schedule.components[i]!);
  switch (finding.kind) {
    case 'minimum-above-maximum':
      return flat`${parts}: the minimum fee of ${money(amountOf(c[0]!.kind === 'minimum-fee' ? c[0]! : c[1]!))} is more than the maximum fee of ${money(amountOf(c[0]!.kind === 'maximum-fee' ? c[0]! : c[1]!))} for ${who}, so the minimum can never be met. Affects: ${who}.`;
    case 'two-base-fees':
      return flat`${parts} are base fees that both apply to ${who}, so they would pay both. Narrow one with "Applies to", or make it one base fee. Affects: ${who}.`;
    case 'two-size-bands':
      return flat`${parts} are fees by school size that both apply to ${who}, so they would pay two band fees. Narrow one with "Applies to". Affects: ${who}.`;
    case 'rate-looks-wrong': {
      const rate = c[0]!.kind === 'per-pupil' ? c[0]!.ratePence : 0;
      const why = rate > RATE_LOOKS_TOO_HIGH_PENCE ? 'more than £100' : 'less than 1p';
      return flat`${parts}: a rate of ${money(rate)} per pupil is ${why}, which looks like a slip of the decimal point. Affects: ${who}.`;
    }
    case 'zero-maximum':
      return flat`${parts}: a maximum fee of £0 makes every school it applies to free. Remove it, or give the real cap. Affects: ${who}.`;
  }
}
