import { BespokeRequestRecord } from './bespoke-request.entity';
import { BuybackReminderRecord } from './buyback-reminder.entity';
import { BuybackWindowRecord } from './buyback-window.entity';
import { EntitlementLedgerEntry } from './entitlement-ledger-entry.entity';
import { MembershipServiceLevelRecord } from './membership-service-level.entity';
import { OfferPriceRecord } from './offer-price.entity';
import { OfferRecord } from './offer.entity';
import { OrderLineRecord } from './order-line.entity';
import { OrderRecord } from './order.entity';
import { PoolBookingRecord } from './pool-booking.entity';
import { SubscriptionRecord } from './subscription.entity';

export {
  BespokeRequestRecord, BuybackReminderRecord, BuybackWindowRecord, EntitlementLedgerEntry, MembershipServiceLevelRecord,
  OfferPriceRecord, OfferRecord, OrderLineRecord, OrderRecord, PoolBookingRecord, SubscriptionRecord,
};
export type * from './offer-types';

/** The offers tables (issue 11). */
export const OFFER_ENTITIES = [
  BespokeRequestRecord, BuybackReminderRecord, BuybackWindowRecord, EntitlementLedgerEntry, MembershipServiceLevelRecord,
  OfferPriceRecord, OfferRecord, OrderLineRecord, OrderRecord, PoolBookingRecord, SubscriptionRecord,
];
