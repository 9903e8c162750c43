/**
 * The fee schedule document as the API publishes it in the OpenAPI document (the domain's
 * packages/domain/src/fees/fee-schedule.ts is the source of truth): the types come from the
 * generated client; the words for them live here.
 */
import { formatDate, PHASES, phaseLabel } from '../labels.ts';
import { type FeeComponent, type FeeComponentKind as ComponentKind, type FeeCondition, type FeeRounding, type FeeSchedule, type Phase, valuesOf } from '../vocabulary.ts';
import { formatPence, formatPercent } from './money.ts';
import { count } from '../plural.ts';

export { PHASES };
export type { ComponentKind, FeeComponent, FeeCondition, FeeRounding, FeeSchedule, Phase };
export type PaymentTerms = FeeSchedule['payment'];

/** Limits the engine enforces, repeated so that a mistyped amount is caught as it is typed. */
export const MAX_AMOUNT_PENCE = 1_000_000_000;
export const MAX_RATE_PENCE = 1_000_000;
export const MAX_PUPILS = 100_000;

export const KIND_NAMES: Record<ComponentKind, string> = {
  'per-pupil': 'Rate per pupil',
  'base-fee': 'Base fee per school',
  'flat-fee': 'Flat fee',
  'fixed-fee': 'Fixed fee',
  'size-bands': 'Fee by school size',
  'tier-price': 'Price by service level',
  'minimum-fee': 'Minimum fee',
  'maximum-fee': 'Maximum fee',
  discount: 'Discount',
};

export const COMPONENT_KINDS = valuesOf(KIND_NAMES);

/** What each kind does, shown as the hint when choosing one. */
export const KIND_HINTS: Record<ComponentKind, string> = {
  'per-pupil': 'An amount for each pupil on roll, added to the other charges.',
  'base-fee': 'An amount per school, added to the other charges.',
  'flat-fee': 'One price that replaces the charges for the schools it applies to (e.g. special schools £4,500). Minimum, maximum and discounts still apply.',
  'fixed-fee': 'An agreed price that replaces everything else, with no minimum, maximum or discount (e.g. a college).',
  'size-bands': 'A fee for each band of school size. Bands start at 0 pupils and follow on without gaps; the last has no upper limit.',
  'tier-price': 'The price of the service level a school chooses. Schools that choose none pay nothing for it.',
  'minimum-fee': 'No school it applies to pays less than this (before discounts).',
  'maximum-fee': 'No school it applies to pays more than this (before discounts).',
  discount: 'Money or a percentage off for schools that qualify (e.g. a second school in a federation).',
};

export const ROUNDING_CHOICES: { value: string; label: string }[] = [
  { value: 'penny:half-up', label: 'To the nearest penny' },
  { value: 'pound:half-up', label: 'To the nearest whole pound' },
  { value: 'pound:down', label: 'Down to a whole pound' },
  { value: 'pound:up', label: 'Up to a whole pound' },
  { value: 'penny:down', label: 'Down to a penny' },
  { value: 'penny:up', label: 'Up to a penny' },
];

export const roundingValue = (r: FeeRounding | undefined) => (r ? `${r.unit}:${r.mode}` : 'penny:half-up');
export const roundingLabel = (r: FeeRounding) => ROUNDING_CHOICES.find((c) => c.value === roundingValue(r))?.label ?? `${r.unit}, ${r.mode}`;

export type PeriodKind = FeeSchedule['period']['kind'];
export type PaymentKind = PaymentTerms['kind'];

export const PERIOD_KIND_NAMES: Record<PeriodKind, string> = { 'academic-year': 'Academic year (1 September to 31 August)', 'financial-year': 'Financial year (1 April to 31 March)', custom: 'Other dates' };
export const PERIOD_KINDS = valuesOf(PERIOD_KIND_NAMES);

export const PAYMENT_NAMES: Record<PaymentKind, string> = {
  'in-advance': 'In advance, in one payment',
  instalments: 'In instalments (e.g. termly)',
  'split-by-school-financial-year': "Split along each school's own financial year",
  'at-school-financial-year-start': "The whole fee at the start of each school's own financial year",
};

export const PAYMENT_KINDS = valuesOf(PAYMENT_NAMES);

export const PAYMENT_HINTS: Record<PaymentKind, string> = {
  'in-advance': 'One invoice at the start of what is charged.',
  instalments: 'Fixed parts with due dates; their shares add up to 100%. Odd pennies go on the first.',
  'split-by-school-financial-year': 'Maintained schools budget April to March and academies September to August, so the fee is invoiced in one part per school financial year the period touches.',
  'at-school-financial-year-start':
    'One invoice for the whole fee, due on the first day of the school’s own financial year: 1 April for maintained schools, 1 September for academies (or the day charging starts, if the year starts after it ends).',
};

/** Whole pounds where the schedule rounds to pounds (as partnerships publish it). */
export const showsWholePounds = (rounding: FeeRounding | undefined | null) => rounding?.unit === 'pound';

export function money(pence: number, rounding?: FeeRounding | null): string {
  return formatPence(pence, { wholePounds: showsWholePounds(rounding) });
}

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** "primary and special schools with 0 to 209 pupils", or "every school". */
export function describeCondition(when: FeeCondition | undefined, names: { categories?: Record<string, string>; tiers?: Record<string, string> } = {}): string {
  if (!when) return 'every school';
  const parts: string[] = [];
  parts.push(when.phase?.length ? `${list(when.phase.map((p) => phaseLabel(p).toLowerCase()))} schools` : 'schools');
  if (when.category?.length) parts.push(`in the ${list(when.category.map((c) => names.categories?.[c] ?? c))} category`);
  if (when.schoolType?.length) parts.push(`of type ${list(when.schoolType)}`);
  if (when.tier?.length) parts.push(`choosing ${list(when.tier.map((t) => names.tiers?.[t] ?? t))}`);
  const min = when.pupils?.min;
  const max = when.pupils?.max;
  if (min !== undefined && max !== undefined) parts.push(`with ${min} to ${max} pupils`);
  else if (min !== undefined) parts.push(`with ${min} or more pupils`);
  else if (max !== undefined) parts.push(`with up to ${count(max, 'pupil')}`);
  if (when.sixthForm !== undefined) parts.push(when.sixthForm ? 'with a sixth form' : 'without a sixth form');
  if (when.openedOnOrAfter) parts.push(`opened on or after ${formatDate(when.openedOnOrAfter)}`);
  if (when.inTrust !== undefined) parts.push(when.inTrust ? 'in a federation or trust' : 'in no federation or trust');
  if (when.trust?.length) parts.push(`in ${list(when.trust)}`);
  if (when.diocese?.length) parts.push(`of the ${list(when.diocese)}`);
  if (when.area?.length) parts.push(`in the area ${list(when.area)}`);
  return parts.join(' ');
}

/** One component in a sentence, for read-only schedules: "Base fee per school £4,000.00, for primary schools". */
export function describeComponent(c: FeeComponent, names: { categories?: Record<string, string>; tiers?: Record<string, string> } = {}): string {
  const who = describeCondition(c.when, names);
  const label = c.label ? `${c.label}: ` : '';
  switch (c.kind) {
    case 'per-pupil':
      return `${label}${formatPence(c.ratePence ?? 0)} per pupil, for ${who}`;
    case 'size-bands':
      return `${label}by size, for ${who}: ${(c.bands ?? []).map((b) => `${b.minPupils}${b.maxPupils === undefined ? ' or more' : `–${b.maxPupils}`} pupils ${formatPence(b.amountPence)}`).join('; ')}`;
    case 'tier-price':
      return `${label}by service level, for ${who}: ${(c.prices ?? []).map((p) => `${names.tiers?.[p.tier] ?? p.tier} ${formatPence(p.amountPence)}`).join('; ')}`;
    case 'discount':
      return `${label}${c.basisPoints !== undefined ? formatPercent(c.basisPoints) : formatPence(c.amountPence ?? 0)} off for ${c.reason ?? 'schools that qualify'} (code ${c.code}), for ${who}`;
    default:
      return `${label}${KIND_NAMES[c.kind]} ${formatPence(c.amountPence ?? 0)}, for ${who}`;
  }
}
