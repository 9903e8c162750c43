// The invoicing core, called by the API and by the job handlers alike (issue 9). The money
// tables are read and written only through the repositories exported here.
export * from './repositories/billing-counter.repository';
export * from './repositories/billing-run.repository';
export * from './repositories/billing-settings.repository';
export * from './repositories/billing-sources.repository';
export * from './repositories/invoice.repository';
export * from './repositories/platform-invoice.repository';
export * from './repositories/platform-subscription.repository';
export * from './repositories/stripe-account.repository';
export * from './repositories/stripe-event.repository';
export * from './application-fee';
export * from './bill-to';
export * from './billing-members';
export * from './billing-plan';
export * from './billing-run';
export * from './billing-settings';
export * from './billing-sweep';
export * from './invoice-document';
export * from './invoice-issue';
export * from './invoice-mail';
export * from './invoice-pdf';
export * from './one-off-invoice';
export * from './stripe-client';
export * from './stripe-events';
export * from './invoice-sending';
export * from './receipts-sweep';
