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
// Governance (issue 10)
import { Body } from './governance/body.entity';
import { BodyLink } from './governance/body-link.entity';
import { BodySchool } from './governance/body-school.entity';
import { MemberSchoolDetails } from './governance/member-school-details.entity';
import { BodyDocument } from './governance/body-document.entity';
import { SeatRuleRecord } from './governance/seat-rule.entity';
import { SeatHoldingRecord } from './governance/seat-holding.entity';
import { BodyOffice } from './governance/body-office.entity';
import { Appointment } from './governance/appointment.entity';
import { Meeting } from './governance/meeting.entity';
import { AgendaItem } from './governance/agenda-item.entity';
import { MeetingPaper } from './governance/meeting-paper.entity';
import { AttendanceRecord } from './governance/attendance.entity';
import { Minutes } from './governance/minutes.entity';
import { GovernanceAction } from './governance/action.entity';
import { BodyActionPlan } from './governance/body-action-plan.entity';
import { CalendarFeed } from './governance/calendar-feed.entity';

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
  Body,
  BodyLink,
  BodySchool,
  MemberSchoolDetails,
  BodyDocument,
  SeatRuleRecord,
  SeatHoldingRecord,
  BodyOffice,
  Appointment,
  Meeting,
  AgendaItem,
  MeetingPaper,
  AttendanceRecord,
  Minutes,
  GovernanceAction,
  BodyActionPlan,
  CalendarFeed,
};
export type { AgendaItemKind } from './governance/agenda-item.entity';
export type { MeetingRecordStatus } from './governance/meeting.entity';
export type { ActionPlanItem, AnnualRhythmItem, BodyRhythm } from './governance/governance-json';
export type { BillingCounterSeries } from './billing-counter.entity';
export type { BillingRunStatus } from './billing-run.entity';
export type { BillingRunItemStatus } from './billing-run-item.entity';
export type { FeeScheduleStatus } from './fee-schedule.entity';
export type { InvoiceKind } from './invoice.entity';
export type { PupilCountSource, PupilCountStatus } from './school-pupil-count.entity';
export type { SchoolImportStatus } from './school-import.entity';
export type { TenantPlan, TenantStatus } from './tenant.entity';
export { bigintAsNumber } from './column-transformers';
// General meetings and elections (issue 10)
export * from './general-meetings';
import { GENERAL_MEETING_ENTITIES } from './general-meetings';
// Offers (issue 11)
export * from './offers';
import { OFFER_ENTITIES } from './offers';
// CPD events (issue 11)
export * from './events';
import { EVENT_ENTITIES } from './events';
// Peer reviews and confidential school development reviews (issue 12)
export * from './reviews';
export * from './improvement';
import { REVIEW_ENTITIES } from './reviews';
import { IMPROVEMENT_ENTITIES } from './improvement';

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
  Body,
  BodyLink,
  BodySchool,
  MemberSchoolDetails,
  BodyDocument,
  SeatRuleRecord,
  SeatHoldingRecord,
  BodyOffice,
  Appointment,
  Meeting,
  AgendaItem,
  MeetingPaper,
  AttendanceRecord,
  Minutes,
  GovernanceAction,
  BodyActionPlan,
  CalendarFeed,
  ...GENERAL_MEETING_ENTITIES,
  ...OFFER_ENTITIES,
  ...EVENT_ENTITIES,
  ...REVIEW_ENTITIES,
  ...IMPROVEMENT_ENTITIES,
];
