import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';
import { FeePupilFigureDto } from '../fee-schedules/fee-schedules.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Write the date as YYYY-MM-DD';

// Billing runs: the dry run school by school, the real run with its progress, and its members.

export class CreateBillingRunDto {
  @ApiProperty({ required: false, description: 'The published fee schedule version to bill under' })
  @IsOptional() @IsUUID('all', { message: 'Choose a fee schedule' }) scheduleId?: string;
  @ApiProperty({ required: false, example: '2018-19', description: 'Or the billing year’s label (academic or financial year), matched against the published schedules' })
  @IsOptional() @IsString() @MaxLength(40) period?: string;
  @ApiProperty({ required: false, default: true, description: 'true: show what would be invoiced, write nothing (200). false: issue the invoices in the background (202)' })
  @IsOptional() @IsBoolean({ message: 'dryRun is true or false' }) dryRun?: boolean;
  @ApiProperty({ required: false, description: 'Date of issue (default today); payment terms run from it' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) issuedOn?: string;
  @ApiProperty({ required: false, description: 'true: e-mail each invoice to its school once the run has issued them. Otherwise (the default) nothing is sent: use "Send all" on the run' })
  @IsOptional() @IsBoolean({ message: 'sendInvoices is true or false' }) sendInvoices?: boolean;
}

export class SendRunInvoicesDto {
  @ApiProperty({ required: false, description: 'true: also e-mail the invoices that have been sent already (default false)' })
  @IsOptional() @IsBoolean({ message: 'resend is true or false' }) resend?: boolean;
}

export class RunInvoicesSentDto {
  @ApiProperty({ description: 'Invoices queued to be e-mailed now' }) queued: number;
  @ApiProperty({ description: 'Invoices of the run e-mailed before (not sent again unless resend)' }) alreadySent: number;
  @ApiProperty({ nullable: true, type: String, description: 'Set when schools would have no way to pay (no bank details and no online payments)' }) paymentWarning: string | null;
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
  @ApiProperty({ type: FeePupilFigureDto, description: 'The pupil number the fee uses, and which census' }) pupilFigure: FeePupilFigureDto;
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
  @ApiProperty({ nullable: true, type: String, description: 'Set when schools would have no way to pay (no bank details and no online payments)' }) paymentWarning: string | null;
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
  @ApiProperty({ description: 'The run was asked to e-mail each invoice it issued' }) sendInvoices: boolean;
  @ApiProperty({ description: 'How many of its invoices have been e-mailed' }) invoicesSent: number;
  @ApiProperty({ nullable: true, type: String, description: 'Set when schools would have no way to pay (no bank details and no online payments)' }) paymentWarning: string | null;
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
