import { PlatformFoundation1764000000000 } from './1764000000000-platform-foundation';
import { FeeSchedules1764100000000 } from './1764100000000-fee-schedules';
import { TenantProfileAndCategories1764150000000 } from './1764150000000-tenant-profile-and-categories';
import { SelfServiceOnboarding1764400000000 } from './1764400000000-self-service-onboarding';
import { SchoolsAndMemberships1764500000000 } from './1764500000000-schools-and-memberships';
import { Billing1764600000000 } from './1764600000000-billing';
import { BillingPayments1764600000001 } from './1764600000001-billing-payments';
import { BillingOnlinePayments1764600000002 } from './1764600000002-billing-online-payments';
import { Governance1764700000000 } from './1764700000000-governance';
import { GeneralMeetings1764710000000 } from './1764710000000-general-meetings';
import { SecretBallotReshuffle1764710000001 } from './1764710000001-secret-ballot-reshuffle';
import { OneOffInvoices1764650000000 } from './1764650000000-one-off-invoices';
import { Offers1764800000000 } from './1764800000000-offers';
import { Events1764810000000 } from './1764810000000-events';
import { EventReminders1764810000001 } from './1764810000001-event-reminders';
import { Reviews1764900000000 } from './1764900000000-reviews';
import { Improvement1764910000000 } from './1764910000000-improvement';
import { Hardening1765000000000 } from './1765000000000-hardening';
import { CitusReadyKeys1765100000000 } from './1765100000000-citus-ready-keys';
import { InvoiceSending1765000000200 } from './1765000000200-invoice-sending';
import { RequestResolver1765200000000 } from './1765200000000-request-resolver';
import { FeesFiguresAgree1765300000000 } from './1765300000000-fees-figures-agree';
import { SchoolFeeFacts1765400000000 } from './1765400000000-school-fee-facts';
import { RegisterImports1765450000000 } from './1765450000000-register-imports';
import { SchoolsUpdatedIndex1765500000000 } from './1765500000000-schools-updated-index';
import { MembershipEventsTimelineIndex1765530000000 } from './1765530000000-membership-events-timeline-index';
import { PaymentReceiptsOwed1765600000000 } from './1765600000000-payment-receipts-owed';

/** Every migration in order. New migrations are appended here (see docs/database-migrations.md). */
export const MIGRATIONS = [
  PlatformFoundation1764000000000,
  FeeSchedules1764100000000,
  TenantProfileAndCategories1764150000000,
  SelfServiceOnboarding1764400000000,
  SchoolsAndMemberships1764500000000,
  Billing1764600000000,
  BillingPayments1764600000001,
  BillingOnlinePayments1764600000002,
  OneOffInvoices1764650000000,
  Governance1764700000000,
  GeneralMeetings1764710000000,
  SecretBallotReshuffle1764710000001,
  Offers1764800000000,
  Events1764810000000,
  EventReminders1764810000001,
  Reviews1764900000000,
  Improvement1764910000000,
  Hardening1765000000000,
  CitusReadyKeys1765100000000,
  InvoiceSending1765000000200,
  RequestResolver1765200000000,
  FeesFiguresAgree1765300000000,
  SchoolFeeFacts1765400000000,
  RegisterImports1765450000000,
  SchoolsUpdatedIndex1765500000000,
  MembershipEventsTimelineIndex1765530000000,
  PaymentReceiptsOwed1765600000000,
  // append new migrations here, one line each
];
