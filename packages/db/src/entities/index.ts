import { AuditEntry } from './audit-entry.entity';
import { BillingCounter } from './billing-counter.entity';
import { BillingRunItem } from './billing-run-item.entity';
import { BillingRun } from './billing-run.entity';
import { BillingSettings } from './billing-settings.entity';
import { CreditNote } from './credit-note.entity';
import { EmailVerification } from './email-verification.entity';
import { FeeScheduleRecord } from './fee-schedule.entity';
import { Invitation } from './invitation.entity';
import { InvoicePayment } from './invoice-payment.entity';
import { Invoice } from './invoice.entity';
import { MembershipCategory } from './membership-category.entity';
import { MembershipEventRecord } from './membership-event.entity';
import { Membership } from './membership.entity';
import { PasswordReset } from './password-reset.entity';
import { PlatformInvoice } from './platform-invoice.entity';
import { PlatformPlanSettings } from './platform-plan-settings.entity';
import { SchoolImportChunk } from './school-import-chunk.entity';
import { SchoolImport } from './school-import.entity';
import { SchoolInvitation } from './school-invitation.entity';
import { SchoolPupilCount } from './school-pupil-count.entity';
import { SchoolRole } from './school-role.entity';
import { School } from './school.entity';
import { Session } from './session.entity';
import { StripeAccount } from './stripe-account.entity';
import { StripeEvent } from './stripe-event.entity';
import { TenantCalendar } from './tenant-calendar.entity';
import { TenantDocument } from './tenant-document.entity';
import { TenantRole } from './tenant-role.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

export {
  AuditEntry,
  BillingCounter,
  BillingRun,
  BillingRunItem,
  BillingSettings,
  CreditNote,
  EmailVerification,
  FeeScheduleRecord,
  Invitation,
  Invoice,
  InvoicePayment,
  Membership,
  MembershipCategory,
  MembershipEventRecord,
  PasswordReset,
  PlatformInvoice,
  PlatformPlanSettings,
  School,
  SchoolImport,
  SchoolImportChunk,
  SchoolInvitation,
  SchoolPupilCount,
  SchoolRole,
  Session,
  StripeAccount,
  StripeEvent,
  Tenant,
  TenantCalendar,
  TenantDocument,
  TenantRole,
  User,
};
export type { BillingCounterSeries } from './billing-counter.entity';
export type { BillingRunStatus } from './billing-run.entity';
export type { BillingRunItemStatus } from './billing-run-item.entity';
export type { FeeScheduleStatus } from './fee-schedule.entity';
export type { PupilCountSource, PupilCountStatus } from './school-pupil-count.entity';
export type { SchoolImportStatus } from './school-import.entity';
export type { TenantPlan, TenantStatus } from './tenant.entity';
export { bigintAsNumber } from './column-transformers';

/** Every table's entity (the entity-schema test fails when a table has none). Add new entities here, one line each. */
export const ENTITIES = [
  AuditEntry,
  BillingCounter,
  BillingRun,
  BillingRunItem,
  BillingSettings,
  CreditNote,
  EmailVerification,
  FeeScheduleRecord,
  Invitation,
  Invoice,
  InvoicePayment,
  Membership,
  MembershipCategory,
  MembershipEventRecord,
  PasswordReset,
  PlatformInvoice,
  PlatformPlanSettings,
  School,
  SchoolImport,
  SchoolImportChunk,
  SchoolInvitation,
  SchoolPupilCount,
  SchoolRole,
  Session,
  StripeAccount,
  StripeEvent,
  Tenant,
  TenantCalendar,
  TenantDocument,
  TenantRole,
  User,
];
