// Offers (issue 11): the aggregates the offers sweep needs as well as the API, and the sweep itself.
export * from './buyback.repository';
export * from './buyback-rollover';
export * from './offer-buyer.repository';
export * from './offer.repository';
export * from './order.repository';
export * from './order-invoicing';
export * from './offers-sweep.job';
