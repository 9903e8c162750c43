import { ApiProperty } from '@nestjs/swagger';
import { INVOICE_STATUSES, MAX_PAYMENT_TERMS_DAYS, PLATFORM_PLAN_CODES } from '@partnerships/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';
import { listParam } from '../school-register/school-register.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Write the date as YYYY-MM-DD';

// ------------------------------------------------------------------ Stripe Connect

export class StripeConnectionDto {
  @ApiProperty({ description: 'Online payments can be offered at all (Stripe is configured on this platform)' }) available: boolean;
  @ApiProperty({ description: 'The partnership has a connected Stripe account' }) connected: boolean;
  @ApiProperty({ nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ description: 'Schools can pay online (Stripe has enabled charges)' }) chargesEnabled: boolean;
  @ApiProperty() detailsSubmitted: boolean;
  @ApiProperty() payoutsEnabled: boolean;
  @ApiProperty({ description: 'The platform’s fee on each online payment under the partnership’s plan, in basis points (100 = 1%)' }) applicationFeeBasisPoints: number;
  @ApiProperty() plan: string;
}

export class ConnectLinkDto {
  @ApiProperty({ description: 'Send the admin here to finish setting up the Stripe account (Stripe’s hosted onboarding)' }) url: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ description: 'The link works until then (ISO 8601)' }) expiresAt: string;
}

// ------------------------------------------------------------------ settings

export class BillingSettingsDto {
  @ApiProperty() vatRegistered: boolean;
  @ApiProperty({ nullable: true, type: String }) vatNumber: string | null;
  @ApiProperty({ description: 'VAT rate in basis points (2000 = 20%), used when VAT-registered' }) vatRateBasisPoints: number;
  @ApiProperty() paymentTermsDays: number;
  @ApiProperty() remindersEnabled: boolean;
  @ApiProperty({ type: [Number], description: 'Days relative to the due date: negative before, 0 on the day, positive overdue' }) reminderOffsets: number[];
  @ApiProperty({ example: 'ELP' }) invoicePrefix: string;
  @ApiProperty({ description: 'The number the next invoice will get, e.g. ELP-000043' }) nextInvoiceNumber: string;
  @ApiProperty({ nullable: true, type: String }) bankAccountName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12-34-56' }) bankSortCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12345678' }) bankAccountNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Printed on invoices for questions; the partnership’s contact address otherwise' }) financeEmail: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Printed at the foot of every invoice' }) invoiceNote: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class UpdateBillingSettingsDto {
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean({ message: 'Say whether the partnership is VAT-registered' }) vatRegistered?: boolean;
  @ApiProperty({ required: false, nullable: true, type: String, example: 'GB123456789' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(20) vatNumber?: string | null;
  @ApiProperty({ required: false, minimum: 0, maximum: 10000 })
  @IsOptional() @IsInt({ message: 'The VAT rate is a whole number of basis points (20% is 2000)' }) @Min(0) @Max(10000, { message: 'The VAT rate is at most 10000 basis points' }) vatRateBasisPoints?: number;
  @ApiProperty({ required: false, minimum: 0, maximum: MAX_PAYMENT_TERMS_DAYS })
  @IsOptional() @IsInt({ message: 'Payment terms are a whole number of days' }) @Min(0, { message: 'Payment terms cannot be negative' }) @Max(MAX_PAYMENT_TERMS_DAYS, { message: `Payment terms are at most ${MAX_PAYMENT_TERMS_DAYS} days` }) paymentTermsDays?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() remindersEnabled?: boolean;
  @ApiProperty({ required: false, type: [Number] }) @IsOptional() @IsArray({ message: 'Give the reminder days as a list' }) @ArrayMaxSize(10) @IsInt({ each: true, message: 'Each reminder is a whole number of days' }) reminderOffsets?: number[];
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(21) invoicePrefix?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(100) bankAccountName?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{2}-?\d{2}-?\d{2}$/, { message: 'A sort code is six digits, e.g. 12-34-56' }) bankSortCode?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{8}$/, { message: 'An account number is eight digits' }) bankAccountNumber?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail({}, { message: 'Enter an e-mail address' }) financeEmail?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(1000) invoiceNote?: string | null;
}

// ------------------------------------------------------------------ billing runs

export class CreateBillingRunDto {
  @ApiProperty({ required: false, description: 'The published fee schedule version to bill under' })
  @IsOptional() @IsUUID('all', { message: 'Choose a fee schedule' }) scheduleId?: string;
  @ApiProperty({ required: false, example: '2018-19', description: 'Or the billing year’s label (academic or financial year), matched against the published schedules' })
  @IsOptional() @IsString() @MaxLength(40) period?: string;
  @ApiProperty({ required: false, default: true, description: 'true: show what would be invoiced, write nothing (200). false: issue the invoices in the background (202)' })
  @IsOptional() @IsBoolean({ message: 'dryRun is true or false' }) dryRun?: boolean;
  @ApiProperty({ required: false, description: 'Date of issue (default today); payment terms run from it' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) issuedOn?: string;
}

export class BillingScheduleRefDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2018–19' }) periodLabel: string;
  @ApiProperty() periodStart: string;
  @ApiProperty() periodEnd: string;
}

export class RunSchoolDto {
  @ApiProperty() id: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
}

export class PlannedInvoiceDto {
  @ApiProperty() part: number;
  @ApiProperty() partCount: number;
  @ApiProperty() label: string;
  @ApiProperty() dueOn: string;
  @ApiProperty() subtotalPence: number;
  @ApiProperty() vatPence: number;
  @ApiProperty() totalPence: number;
}

export class DryRunMemberDto {
  @ApiProperty() membershipId: string;
  @ApiProperty({ type: RunSchoolDto }) school: RunSchoolDto;
  @ApiProperty({ enum: ['invoice', 'skip', 'already-invoiced'] }) outcome: string;
  @ApiProperty({ description: 'What the member would be invoiced (VAT included); for already-invoiced, what it was' }) amountPence: number;
  @ApiProperty({ description: 'Why, in words' }) reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'The fee engine’s working' }) explanation: string | null;
  @ApiProperty({ type: [PlannedInvoiceDto] }) invoices: PlannedInvoiceDto[];
}

export class DryRunTotalsDto {
  @ApiProperty() members: number;
  @ApiProperty() toInvoice: number;
  @ApiProperty() skipped: number;
  @ApiProperty() alreadyInvoiced: number;
  @ApiProperty({ description: 'Invoices the run would issue' }) invoices: number;
  @ApiProperty() subtotalPence: number;
  @ApiProperty() vatPence: number;
  @ApiProperty() totalPence: number;
}

export class DryRunDto {
  @ApiProperty({ enum: [true] }) dryRun: true;
  @ApiProperty({ type: BillingScheduleRefDto }) schedule: BillingScheduleRefDto;
  @ApiProperty() issuedOn: string;
  @ApiProperty({ type: [DryRunMemberDto] }) members: DryRunMemberDto[];
  @ApiProperty({ type: DryRunTotalsDto }) totals: DryRunTotalsDto;
}

export class BillingRunCountsDto {
  @ApiProperty() members: number;
  @ApiProperty() invoiced: number;
  @ApiProperty() skipped: number;
  @ApiProperty() failed: number;
}

export class BillingRunProgressDto {
  @ApiProperty() processed: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: '0 to 100' }) percent: number;
}

export class BillingRunDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: BillingScheduleRefDto }) schedule: BillingScheduleRefDto;
  @ApiProperty() issuedOn: string;
  @ApiProperty({ type: BillingRunCountsDto }) counts: BillingRunCountsDto;
  @ApiProperty({ type: BillingRunProgressDto }) progress: BillingRunProgressDto;
  @ApiProperty() invoicesCreated: number;
  @ApiProperty({ description: 'Total invoiced by this run, VAT included' }) totalPence: number;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class BillingRunCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'True when a run of this schedule was already under way: that run is the answer, and nothing new was started' }) existing: boolean;
}

export class BillingRunPageDto extends PageMetaDto {
  @ApiProperty({ type: [BillingRunDto] }) items: BillingRunDto[];
}

export class BillingRunItemQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ['pending', 'invoiced', 'skipped', 'failed'] })
  @IsOptional() @IsIn(['pending', 'invoiced', 'skipped', 'failed'], { message: 'Status is pending, invoiced, skipped or failed' }) status?: string;
}

export class BillingRunItemDto {
  @ApiProperty() membershipId: string;
  @ApiProperty({ type: RunSchoolDto }) school: RunSchoolDto;
  @ApiProperty() position: number;
  @ApiProperty({ enum: ['pending', 'invoiced', 'skipped', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: Number }) amountPence: number | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: [String] }) invoiceIds: string[];
}

export class BillingRunItemPageDto extends PageMetaDto {
  @ApiProperty({ type: [BillingRunItemDto] }) items: BillingRunItemDto[];
}

// ------------------------------------------------------------------ invoices

export class InvoiceListQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Statuses, comma-separated', enum: INVOICE_STATUSES, enumName: 'InvoiceStatus' })
  @IsOptional() @listParam() @IsIn(INVOICE_STATUSES as unknown as string[], { each: true, message: `Statuses are: ${INVOICE_STATUSES.join(', ')}` }) status?: string[];
  @ApiProperty({ required: false }) @IsOptional() @Matches(/^\d{6}$/, { message: 'A URN is six digits' }) urn?: string;
  @ApiProperty({ required: false, description: 'Part of an invoice number, school name, URN or PO number' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiProperty({ required: false, description: 'Billing year label, e.g. 2018-19' }) @IsOptional() @IsString() @MaxLength(40) period?: string;
  @ApiProperty({ required: false, description: 'Invoices issued by one billing run' }) @IsOptional() @IsUUID('all', { message: 'runId is a billing run id' }) runId?: string;
  @ApiProperty({ required: false, description: 'Only open invoices past their due date' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean() overdue?: boolean;
}

export class InvoiceSchoolDto {
  @ApiProperty() id: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
}

export class InvoicePartnershipDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class InvoiceListItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'INV-000042' }) number: string;
  @ApiProperty({ type: InvoiceSchoolDto }) school: InvoiceSchoolDto;
  @ApiProperty({ example: '2018–19' }) periodLabel: string;
  @ApiProperty() part: number;
  @ApiProperty() partCount: number;
  @ApiProperty({ nullable: true, type: String }) partLabel: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES, enumName: 'InvoiceStatus' }) status: string;
  @ApiProperty() issuedOn: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ description: 'Open and past its due date' }) overdue: boolean;
  @ApiProperty() subtotalPence: number;
  @ApiProperty() vatPence: number;
  @ApiProperty() totalPence: number;
  @ApiProperty() amountPaidPence: number;
  @ApiProperty() amountCreditedPence: number;
  @ApiProperty() outstandingPence: number;
  @ApiProperty({ nullable: true, type: String }) poNumber: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['card', 'bacs_debit'], description: 'An online payment is on its way (a Direct Debit takes a few days)' }) pendingPaymentMethod: string | null;
}

export class InvoiceTotalsDto {
  @ApiProperty() totalPence: number;
  @ApiProperty() outstandingPence: number;
}

export class InvoicePageDto extends PageMetaDto {
  @ApiProperty({ type: [InvoiceListItemDto] }) items: InvoiceListItemDto[];
  @ApiProperty({ type: InvoiceTotalsDto, description: 'Over every invoice matching the filters, not just this page' }) totals: InvoiceTotalsDto;
}

export class InvoiceLineDto {
  @ApiProperty({ enum: ['charge', 'note'] }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty() amountPence: number;
}

export class InvoicePaymentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['card', 'bacs_debit', 'bank_transfer'] }) method: string;
  @ApiProperty() amountPence: number;
  @ApiProperty() paidOn: string;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty() recordedAt: string;
}

export class CreditNoteDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'INV-CN-000001' }) number: string;
  @ApiProperty() reason: string;
  @ApiProperty() subtotalPence: number;
  @ApiProperty() vatPence: number;
  @ApiProperty() totalPence: number;
  @ApiProperty() issuedOn: string;
}

export class BankTransferDto {
  @ApiProperty({ description: 'What to quote: the invoice number' }) reference: string;
  @ApiProperty({ nullable: true, type: String }) accountName: string | null;
  @ApiProperty({ nullable: true, type: String }) sortCode: string | null;
  @ApiProperty({ nullable: true, type: String }) accountNumber: string | null;
  @ApiProperty() amountPence: number;
  @ApiProperty() dueOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'Whom to ask when the partnership has not given its bank details here' }) contactEmail: string | null;
}

export class InvoicePeriodDto {
  @ApiProperty() label: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class InvoiceDetailDto extends InvoiceListItemDto {
  @ApiProperty({ type: InvoicePartnershipDto }) partnership: InvoicePartnershipDto;
  @ApiProperty({ type: InvoicePeriodDto }) period: InvoicePeriodDto;
  @ApiProperty({ nullable: true, type: String, description: 'Charged from (a school that joined part-way)' }) chargedFrom: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Charged up to (a school that leaves part-way)' }) chargedTo: string | null;
  @ApiProperty() vatRateBasisPoints: number;
  @ApiProperty({ type: [InvoiceLineDto] }) lines: InvoiceLineDto[];
  @ApiProperty({ description: 'The fee engine’s working, as plain text' }) explanation: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The school as printed on the invoice' }) billTo: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The partnership as printed on the invoice' }) seller: Record<string, unknown>;
  @ApiProperty() scheduleId: string;
  @ApiProperty() scheduleVersion: number;
  @ApiProperty({ nullable: true, type: String }) billingRunId: string | null;
  @ApiProperty({ type: [InvoicePaymentDto] }) payments: InvoicePaymentDto[];
  @ApiProperty({ type: [CreditNoteDto] }) creditNotes: CreditNoteDto[];
  @ApiProperty({ type: [String], description: 'Reminder steps already sent' }) remindersSent: string[];
  @ApiProperty({ nullable: true, type: String }) transferChosenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
  @ApiProperty({ description: 'The school can pay this invoice by card or Direct Debit now' }) payOnline: boolean;
  @ApiProperty({ type: BankTransferDto }) bankTransfer: BankTransferDto;
  @ApiProperty({ description: 'Path of the PDF' }) pdfPath: string;
}

export class VoidInvoiceDto {
  @ApiProperty({ description: 'Why, kept with the invoice' })
  @IsString({ message: 'Say why the invoice is void' }) @MinLength(3, { message: 'Say why the invoice is void' }) @MaxLength(500) reason: string;
}

export class CreateCreditNoteDto {
  @ApiProperty({ required: false, description: 'The amount to credit, VAT included, in pence' })
  @IsOptional() @IsInt({ message: 'The amount is a whole number of pence' }) @Min(1, { message: 'The amount is at least 1p' }) amountPence?: number;
  @ApiProperty({ required: false, description: 'Or: the corrected pupil number; the difference from what was invoiced is credited' })
  @IsOptional() @IsInt({ message: 'The pupil number is a whole number' }) @Min(0) @Max(100000) correctedPupils?: number;
  @ApiProperty({ description: 'Why, printed on the credit note' })
  @IsString({ message: 'Say why the credit is given' }) @MinLength(3, { message: 'Say why the credit is given' }) @MaxLength(500) reason: string;
}

export class RecordPaymentDto {
  @ApiProperty({ example: '2026-11-30', description: 'The day the money arrived' }) @Matches(DATE, { message: DATE_MESSAGE }) date: string;
  @ApiProperty({ description: 'The bank reference on the transfer' })
  @IsString({ message: 'Enter the bank reference' }) @MinLength(1, { message: 'Enter the bank reference' }) @MaxLength(100) reference: string;
  @ApiProperty({ description: 'Pence received (part payments are fine)' })
  @Type(() => Number) @IsInt({ message: 'The amount is a whole number of pence' }) @Min(1, { message: 'The amount is at least 1p' }) amountPence: number;
}

export class SendInvoiceDto {
  @ApiProperty({ required: false, type: [String], description: 'Addresses to send to; default: the school’s finance contacts (business managers, else the membership contact, else the headteacher)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true, message: 'Each recipient is an e-mail address' }) to?: string[];
}

export class InvoiceSentDto {
  @ApiProperty() queued: boolean;
  @ApiProperty({ type: [String] }) to: string[];
}

export class PoNumberDto {
  @ApiProperty({ nullable: true, type: String, description: 'The school’s purchase order number (null to remove it)' })
  @ValidateIf((_, v) => v !== null) @IsString({ message: 'Enter the purchase order number' }) @MaxLength(50, { message: 'A purchase order number is at most 50 characters' }) poNumber: string | null;
}

// ------------------------------------------------------------------ the school's side

export class SchoolInvoiceDto extends InvoiceListItemDto {
  @ApiProperty({ type: InvoicePartnershipDto }) partnership: InvoicePartnershipDto;
  @ApiProperty() payOnline: boolean;
}

export class SchoolInvoiceListDto {
  @ApiProperty({ type: [SchoolInvoiceDto] }) items: SchoolInvoiceDto[];
  @ApiProperty() outstandingPence: number;
}

export class CheckoutDto {
  @ApiProperty({ enum: ['card', 'bacs_debit'] }) @IsIn(['card', 'bacs_debit'], { message: 'Pay by card or bacs_debit' }) method: 'card' | 'bacs_debit';
}

export class CheckoutSessionDto {
  @ApiProperty({ description: 'Stripe’s hosted payment page: send the person there' }) url: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() amountPence: number;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

// ------------------------------------------------------------------ webhooks

export class WebhookAckDto {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'This event id had been received before; nothing was done again' }) duplicate: boolean;
}

// ------------------------------------------------------------------ the platform's own billing

export class PlatformInvoiceDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty() status: string;
  @ApiProperty() amountDuePence: number;
  @ApiProperty() amountPaidPence: number;
  @ApiProperty({ nullable: true, type: String }) periodStart: string | null;
  @ApiProperty({ nullable: true, type: String }) periodEnd: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) hostedInvoiceUrl: string | null;
}

export class PlatformSubscriptionDto {
  @ApiProperty({ enum: PLATFORM_PLAN_CODES }) plan: string;
  @ApiProperty() planName: string;
  @ApiProperty() annualPricePence: number;
  @ApiProperty({ nullable: true, type: String, description: 'Stripe’s subscription status: trialing, active, past_due, canceled… (null before subscribing)' }) status: string | null;
  @ApiProperty({ nullable: true, type: String }) trialEndsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) currentPeriodEnd: string | null;
  @ApiProperty() memberSchools: number;
  @ApiProperty({ enum: PLATFORM_PLAN_CODES, description: 'The cheapest paid plan that covers the member schools' }) recommendedPlan: string;
  @ApiProperty() available: boolean;
  @ApiProperty({ type: [PlatformInvoiceDto] }) invoices: PlatformInvoiceDto[];
}

export class SubscribeDto {
  @ApiProperty({ required: false, enum: PLATFORM_PLAN_CODES.filter((p) => p !== 'trial'), description: 'Default: the partnership’s plan, else the recommended one' })
  @IsOptional() @IsIn(PLATFORM_PLAN_CODES.filter((p) => p !== 'trial'), { message: 'Choose the small, medium or large plan' }) plan?: string;
}

export class PlatformBillingRowDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty() plan: string;
  @ApiProperty() planName: string;
  @ApiProperty() memberSchools: number;
  @ApiProperty({ nullable: true, type: String }) subscriptionStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) trialEndsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) currentPeriodEnd: string | null;
  @ApiProperty({ description: 'Paid to the platform, all time' }) revenuePence: number;
  @ApiProperty({ nullable: true, type: String }) lastPaidAt: string | null;
  @ApiProperty({ description: 'The plan’s price per year' }) annualPricePence: number;
  @ApiProperty() stripeConnected: boolean;
}

export class PlatformPlanDto {
  @ApiProperty({ enum: PLATFORM_PLAN_CODES }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) maxMemberSchools: number | null;
  @ApiProperty() annualPricePence: number;
  @ApiProperty() applicationFeeBasisPoints: number;
  @ApiProperty() partnerships: number;
}

export class PlatformBillingTotalsDto {
  @ApiProperty() partnerships: number;
  @ApiProperty() trialing: number;
  @ApiProperty() active: number;
  @ApiProperty({ description: 'Past due, unpaid or incomplete' }) attention: number;
  @ApiProperty() revenuePence: number;
  @ApiProperty({ description: 'The yearly price of every active and trialing subscription' }) annualRecurringPence: number;
}

export class PlatformBillingDto {
  @ApiProperty({ type: [PlatformBillingRowDto] }) items: PlatformBillingRowDto[];
  @ApiProperty({ type: PlatformBillingTotalsDto }) totals: PlatformBillingTotalsDto;
  @ApiProperty({ type: [PlatformPlanDto] }) plans: PlatformPlanDto[];
}

export class UpdatePlanFeeDto {
  @ApiProperty({ minimum: 0, maximum: 1000, description: 'The platform’s fee on schools’ online payments for partnerships on this plan, in basis points' })
  @IsInt({ message: 'The fee is a whole number of basis points' }) @Min(0) @Max(1000, { message: 'The fee is at most 1000 basis points (10%)' }) applicationFeeBasisPoints: number;
}

// ------------------------------------------------------------------ money reports

export class BillingReportQueryDto {
  @ApiProperty({ required: false, enum: ['school', 'period', 'month'], default: 'school' })
  @IsOptional() @IsIn(['school', 'period', 'month'], { message: 'Group by school, period or month' }) groupBy?: 'school' | 'period' | 'month';
  @ApiProperty({ required: false, description: 'Billing year label, e.g. 2018-19' }) @IsOptional() @IsString() @MaxLength(40) period?: string;
}

export class BillingReportRowDto {
  @ApiProperty({ description: 'School URN, period label or YYYY-MM' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty() invoices: number;
  @ApiProperty() invoicedPence: number;
  @ApiProperty() paidPence: number;
  @ApiProperty() creditedPence: number;
  @ApiProperty() outstandingPence: number;
  @ApiProperty() overduePence: number;
}

export class BillingReportDto {
  @ApiProperty({ enum: ['school', 'period', 'month'] }) groupBy: string;
  @ApiProperty({ type: [BillingReportRowDto] }) rows: BillingReportRowDto[];
  @ApiProperty({ type: BillingReportRowDto }) totals: BillingReportRowDto;
}
