/** The kinds of offer a partnership sells (issue 11). Events keep their own tables beside their offer. */
export type OfferKindValue = 'core_entitlement' | 'traded_service' | 'bespoke' | 'pool' | 'digital' | 'event';
export type OfferUnitValue = 'per_school' | 'per_day' | 'per_delegate' | 'per_pupil' | 'per_session' | 'per_item';
export type OfferStatusValue = 'draft' | 'published' | 'archived';
export type OfferVatValue = 'standard' | 'zero' | 'exempt';
export type OrderStatusValue = 'draft' | 'awaiting_approval' | 'approved' | 'invoiced' | 'cancelled';
export type OrderKindValue = 'shop' | 'buyback' | 'rollover';
export type BespokeStatusValue = 'requested' | 'quoted' | 'accepted' | 'invoiced' | 'declined' | 'withdrawn';

/** Who a price is for; every field given must match (an empty rule matches every buyer). */
export interface BuyerRuleJson {
  membership?: 'member' | 'non-member';
  phases?: string[];
  schoolTypes?: string[];
  categories?: string[];
}
