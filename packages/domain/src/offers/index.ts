// Offers (issue 11): pure rules for the catalogue, prices by buyer, entitlements, buy-back,
// bespoke work, pools, orders and service levels. Named exports only.
export type { Buyer, BuyerRule, OfferForPricing, OfferKind, OfferPrice, OfferStatus, OfferUnit, OfferVatTreatment, YearBasis } from './offer-types';
export { OFFER_KINDS, OFFER_KIND_LABELS, OFFER_STATUSES, OFFER_UNITS, OFFER_UNIT_LABELS, OFFER_VAT_TREATMENTS } from './offer-types';
export { buyerMatches, buyerRuleProblems, describeBuyerRule } from './buyer-rules';
export type { PriceAnswer, PriceFound, PriceRefused } from './price-for';
export { defaultQuantity, priceFor, priceYearOf, pricesInForce } from './price-for';
export type { EntitlementBalance, LedgerEntry } from './entitlement';
export { entitlementBalance, entitlementUseProblem } from './entitlement';
export type { ServiceLevelChange } from './service-level-change';
export { serviceLevelChange } from './service-level-change';
export type { BuybackPhase, BuybackWindow, OrderInvoicePart, RollingService, RolloverDecision } from './buyback';
export { buybackPhase, buybackWindowProblems, canCancelRollover, orderInvoiceParts, remindersDue, rolloverDecision, splitPence } from './buyback';
export type { BespokeAction, BespokeMove, BespokeStatus } from './bespoke';
export { BESPOKE_ACTOR, BESPOKE_STATUSES, bespokeTransition } from './bespoke';
export type { PoolDecision } from './pool';
export { poolBookingDecision } from './pool';
export type { OrderAction, OrderMove, OrderStatus } from './order-rules';
export { APPROVER_ROLES, ORDER_STATUSES, approvalProblem, orderTransition, poNumberProblem } from './order-rules';
