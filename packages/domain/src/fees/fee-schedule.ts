import type { Phase } from '../schools/phase';

/**
 * A fee schedule: how one partnership prices membership for one period.
 *
 * It is a plain JSON document (no functions, no Dates, no classes) so that a
 * partnership can keep it in the database, export it, edit it and import it
 * again, and so that last year's schedule stays readable after this year's
 * has changed. Every partnership prices differently and changes its model
 * year to year, so instead of one model with many switches the schedule is a
 * list of small components that combine (see FeeComponent).
 *
 * Money is always integer pence (a rate of £3.36 per pupil is 336), and
 * percentages are basis points (10% is 1000), so no floating point ever
 * touches money. The only place amounts are divided is in `rounding.ts`,
 * which rounds exactly and says how.
 */
export interface FeeSchedule {
  /** Bumped only when the document shape changes incompatibly, so old exports can be recognised. */
  formatVersion: 1;
  /** Shown to schools, e.g. "Ealing Learning Partnership 2018–19, scenario 1". */
  name: string;
  /** The period the annual fee pays for. Part periods are pro rata against it. */
  period: FeePeriod;
  /** How the annual fee is rounded, e.g. Ealing publishes whole pounds. */
  rounding: FeeRounding;
  /** Charges, replacements, limits and discounts, combined as explained on FeeComponent. */
  components: FeeComponent[];
  /** Service levels a school can choose (basic / standard / advanced), referred to by code. */
  tiers?: FeeTier[];
  /** How a part period is charged. Without it, a part period pays the full annual fee. */
  proRata?: ProRataRule;
  /** When and in how many parts the fee is invoiced. */
  payment: PaymentTerms;
  /** An introductory period with no fee (THE Partnership: 1 September 2016 to 31 March 2017). Needs `proRata`. */
  freePeriod?: FeeDateRange;
  /** A one-off sum the school promises to pay only if the company is wound up owing debts: recorded, never charged. */
  liabilityGuarantee?: LiabilityGuarantee;
}

/** A calendar date as 'YYYY-MM-DD'. Strings, not Dates, so that no time zone can move a day. */
export type IsoDate = string;

/** An inclusive range of calendar days. */
export interface FeeDateRange {
  from: IsoDate;
  to: IsoDate;
}

export const FEE_PERIOD_KINDS = ['academic-year', 'financial-year', 'custom'] as const;
export type FeePeriodKind = (typeof FEE_PERIOD_KINDS)[number];

/**
 * The period a fee covers, inclusive. An academic year must run 1 September
 * to 31 August and a financial year 1 April to 31 March; anything else is
 * 'custom'. The kind is kept (not just the dates) because schools think in
 * those years, and the label is what they see, e.g. "2017–18".
 */
export interface FeePeriod {
  kind: FeePeriodKind;
  start: IsoDate;
  end: IsoDate;
  label: string;
}

export const ROUNDING_UNITS = ['penny', 'pound'] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];
export const ROUNDING_MODES = ['half-up', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Round to a whole penny or pound: half-up (nearest, halves up), down or up. */
export interface FeeRounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}

export interface FeeTier {
  /** Stable code used by components and by the school's choice, e.g. 'standard'. */
  code: string;
  /** What schools see, e.g. "Standard". */
  name: string;
}

export const PRO_RATA_METHODS = ['day', 'month'] as const;
export type ProRataMethod = (typeof PRO_RATA_METHODS)[number];

/**
 * Pro rata for part periods. 'month' counts whole calendar months only (a
 * part month is not charged), which is how partnerships usually publish it
 * ("from 1 April: 5 of 12 months"); it needs a period that starts on the
 * first of a month and ends on the last day of one. 'day' counts days. The
 * rounding is part of the rule because it changes the amount and the school
 * should be told it.
 */
export interface ProRataRule {
  method: ProRataMethod;
  rounding: FeeRounding;
}

/** One part of an instalment plan. Shares are basis points and must add up to 10000 (100%). */
export interface InstalmentPart {
  label: string;
  dueDate: IsoDate;
  shareBasisPoints: number;
}

/**
 * - in-advance: one invoice at the start of what is charged.
 * - instalments: fixed parts (e.g. termly); remainder pennies go to the first.
 * - split-by-school-financial-year: maintained schools budget April to March
 *   and academies September to August, so the fee is invoiced in one part per
 *   school financial year the period touches (e.g. 7/12 and 5/12).
 * - at-school-financial-year-start: the whole fee in one invoice, due on the
 *   first day of the school's own financial year (1 April for maintained
 *   schools, 1 September for academies) on or after the first day charged;
 *   when the charged days end before that, on the first day charged.
 */
export type PaymentTerms =
  | { kind: 'in-advance' }
  | { kind: 'instalments'; parts: InstalmentPart[] }
  | { kind: 'split-by-school-financial-year' }
  | { kind: 'at-school-financial-year-start' };
export const PAYMENT_KINDS = ['in-advance', 'instalments', 'split-by-school-financial-year', 'at-school-financial-year-start'] as const;

export interface LiabilityGuarantee {
  amountPence: number;
  note: string;
}

/**
 * Which schools a component applies to. Every criterion given must match
 * (AND); within a list any value matches (OR). No `when` means every school.
 * Category, school type and tier are free codes because each partnership
 * names its own (e.g. category 'full-member' / 'associate', school type
 * 'academy' / 'maintained' / 'college'); tiers must be declared in `tiers`.
 */
export interface FeeCondition {
  phase?: Phase[];
  category?: string[];
  schoolType?: string[];
  tier?: string[];
  /** Inclusive pupil numbers; either end may be open. */
  pupils?: { min?: number; max?: number };
  /** true: schools with a sixth form; false: schools without one (GIAS "OfficialSixthForm", or the partnership's record). */
  sixthForm?: boolean;
  /** New schools: opened on or after this day (GIAS "OpenDate", or the partnership's record). */
  openedOnOrAfter?: IsoDate;
  /** true: in any federation or trust; false: in none (a stand-alone school). */
  inTrust?: boolean;
  /** Members of one of these federations or trusts, by name (matched ignoring case and spacing). */
  trust?: string[];
  /** Schools of one of these dioceses (GIAS "Diocese"), by name, e.g. "Diocese of London". */
  diocese?: string[];
  /** Schools in one of these areas: the partnership's own area names, or the register's district (GIAS "DistrictAdministrative"). */
  area?: string[];
}

/** The condition fields that are facts about the school beyond phase, category, type, tier and size. */
export const SCHOOL_FACT_CONDITIONS = ['sixthForm', 'openedOnOrAfter', 'inTrust', 'trust', 'diocese', 'area'] as const;

/**
 * What every component may have: a condition, and a label that replaces the
 * default wording of its line (e.g. "Core offer" or "College flat fee").
 */
interface ComponentCommon {
  when?: FeeCondition;
  label?: string;
}

/** A charge per pupil on roll (October census): "210 pupils × £3.36 = £705.60". */
export interface PerPupilComponent extends ComponentCommon {
  kind: 'per-pupil';
  ratePence: number;
}

/** A charge per school, added to the others: "Base fee for a primary school £4,000.00". */
export interface BaseFeeComponent extends ComponentCommon {
  kind: 'base-fee';
  amountPence: number;
}

/**
 * A flat fee that REPLACES the charges (base, per pupil, size band, tier) for
 * the schools it matches, e.g. Ealing special schools £4,500. Minimum,
 * maximum and discounts still apply, because it is a price like any other.
 * If several match, the first in the schedule wins.
 */
export interface FlatFeeComponent extends ComponentCommon {
  kind: 'flat-fee';
  amountPence: number;
}

/**
 * An agreed, fixed price for a kind of school (a college, a secondary with a
 * sixth form) that replaces EVERYTHING else: no charges, no minimum or
 * maximum, no discounts. It differs from a flat fee in that it is a
 * negotiated figure nothing may adjust. It still follows pro rata and
 * rounding. If several match, the first in the schedule wins, and it beats
 * any flat fee.
 */
export interface FixedFeeComponent extends ComponentCommon {
  kind: 'fixed-fee';
  amountPence: number;
}

/** One band of a size-band table: minPupils to maxPupils inclusive (no maxPupils: and above). */
export interface SizeBand {
  minPupils: number;
  maxPupils?: number;
  amountPence: number;
}

/**
 * A subscription by school size (Redbridge). Bands must start at 0 pupils,
 * follow on without gaps or overlaps and end open, so every school falls in
 * exactly one band and no school is accidentally free.
 */
export interface SizeBandsComponent extends ComponentCommon {
  kind: 'size-bands';
  bands: SizeBand[];
}

export interface TierPrice {
  tier: string;
  amountPence: number;
}

/**
 * The price of the service level the school has chosen (Camden). A school
 * that chose none ("core only") pays nothing for this component. Per-pupil
 * prices by tier are a per-pupil component with `when: { tier: [...] }`.
 */
export interface TierPriceComponent extends ComponentCommon {
  kind: 'tier-price';
  prices: TierPrice[];
}

/** No matching school pays less than this (before discounts). If several match, the highest counts. */
export interface MinimumFeeComponent extends ComponentCommon {
  kind: 'minimum-fee';
  amountPence: number;
}

/**
 * No matching school pays more than this (before discounts). If several
 * match, the lowest counts, and a maximum beats a minimum because a cap is a
 * promise made to schools.
 */
export interface MaximumFeeComponent extends ComponentCommon {
  kind: 'maximum-fee';
  amountPence: number;
}

/**
 * A discount the school qualifies for, e.g. "second school in a federation".
 * It applies only when the school's input lists its `code` (whether a school
 * qualifies is a fact about the school, not about the price) and its `when`
 * matches. Discounts come after the minimum and maximum, in schedule order,
 * each on what is left, and never take a fee below zero. A percentage is in
 * basis points (1000 = 10%) and its amount is rounded to the nearest penny.
 */
export type DiscountComponent = ComponentCommon & {
  kind: 'discount';
  code: string;
  reason: string;
} & ({ basisPoints: number; amountPence?: never } | { amountPence: number; basisPoints?: never });

export type FeeComponent =
  | PerPupilComponent
  | BaseFeeComponent
  | FlatFeeComponent
  | FixedFeeComponent
  | SizeBandsComponent
  | TierPriceComponent
  | MinimumFeeComponent
  | MaximumFeeComponent
  | DiscountComponent;

export type FeeComponentKind = FeeComponent['kind'];
export const COMPONENT_KINDS = [
  'per-pupil',
  'base-fee',
  'flat-fee',
  'fixed-fee',
  'size-bands',
  'tier-price',
  'minimum-fee',
  'maximum-fee',
  'discount',
] as const satisfies readonly FeeComponentKind[];

/**
 * Limits that keep every product of pence, pupils, days and basis points
 * well inside exact integer arithmetic, and catch typing mistakes (a rate of
 * £3,360 per pupil is almost certainly 336 typed as 336000).
 */
export const MAX_AMOUNT_PENCE = 1_000_000_000; // £10 million
export const MAX_RATE_PENCE = 1_000_000; // £10,000 per pupil
export const MAX_PUPILS = 100_000;
export const BASIS_POINTS_WHOLE = 10_000;
