import type { Phase } from '../schools/phase';

/** Every kind of offer (issue 11). Events are offers of kind 'event' with their own tables. */
export const OFFER_KINDS = ['core_entitlement', 'traded_service', 'bespoke', 'pool', 'digital', 'event'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_KIND_LABELS: Record<OfferKind, string> = {
  core_entitlement: 'Core entitlement',
  traded_service: 'Traded service',
  bespoke: 'Bespoke package',
  pool: 'Shared pool',
  digital: 'Digital product',
  event: 'Course or event',
};

/** What one price buys. */
export const OFFER_UNITS = ['per_school', 'per_day', 'per_delegate', 'per_pupil', 'per_session', 'per_item'] as const;
export type OfferUnit = (typeof OFFER_UNITS)[number];

export const OFFER_UNIT_LABELS: Record<OfferUnit, { one: string; many: string; suffix: string }> = {
  per_school: { one: 'school', many: 'schools', suffix: 'per school' },
  per_day: { one: 'day', many: 'days', suffix: 'per day' },
  per_delegate: { one: 'delegate', many: 'delegates', suffix: 'per delegate' },
  per_pupil: { one: 'pupil', many: 'pupils', suffix: 'per pupil' },
  per_session: { one: 'session', many: 'sessions', suffix: 'per session' },
  per_item: { one: 'item', many: 'items', suffix: 'each' },
};

export const OFFER_STATUSES = ['draft', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** How VAT applies to a price: at the partnership's own rate (none when it is not registered), zero-rated or exempt. */
export const OFFER_VAT_TREATMENTS = ['standard', 'zero', 'exempt'] as const;
export type OfferVatTreatment = (typeof OFFER_VAT_TREATMENTS)[number];

/** Which year a price's `year` counts: the academic year (September) or the financial year (April). */
export type YearBasis = 'academic' | 'financial';

/**
 * Who a price is for. Every field given must match; an empty rule matches every buyer. Lists
 * match when the buyer's value is one of them.
 */
export interface BuyerRule {
  membership?: 'member' | 'non-member';
  phases?: string[];
  schoolTypes?: string[];
  categories?: string[];
}

export interface OfferPrice {
  /** Start year of the year the price applies to (2026 is 2026/27). */
  year: number;
  /** Rules are tried in this order; the first match is the price. */
  position: number;
  label?: string | null;
  buyer: BuyerRule;
  /** Price of one unit, before VAT. */
  pence: number;
  vat: OfferVatTreatment;
}

export interface OfferForPricing {
  id: string;
  kind: OfferKind;
  title: string;
  unit: OfferUnit;
  yearBasis?: YearBasis;
  /** For a core entitlement: the membership categories it is included in (empty: every member). */
  categories?: readonly string[];
  prices: readonly OfferPrice[];
}

/** The facts about a school that its price depends on. */
export interface Buyer {
  /** An active (or notice-given) member of this partnership. */
  member: boolean;
  /** The member's category code, when a member. */
  category?: string | null;
  phase: Phase | string;
  /** e.g. 'academy', 'maintained' (matched against `schoolTypes`, case-insensitive and by word). */
  schoolType?: string | null;
  pupils?: number | null;
}
