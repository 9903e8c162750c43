import { ApiProperty } from '@nestjs/swagger';
import { INVOICE_STATUSES } from '@partnerships/domain';
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
import { CurrentFeeDto } from './billing-report.dto';
import { IsPupilCount } from '../../common/pupil-count.validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Write the date as YYYY-MM-DD';

// Invoices: the partnership's list, detail and changes (void, credit notes, payments, e-mail, PO numbers), and the school's side.

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
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'The platform’s fee on an online payment (Stripe application fee); shown to the partnership only' }) applicationFeePence?: number | null;
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
  @ApiProperty({ nullable: true, type: String, description: 'When the invoice was first e-mailed to the school' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
  @ApiProperty({ description: 'The school can pay this invoice by card or Direct Debit now' }) payOnline: boolean;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'For the partnership: set when schools have no way to pay (no bank details and no online payments)' }) paymentWarning?: string | null;
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
  @IsOptional() @IsPupilCount() correctedPupils?: number;
  @ApiProperty({ description: 'Why, printed on the credit note' })
  @IsString({ message: 'Say why the credit is given' }) @MinLength(3, { message: 'Say why the credit is given' }) @MaxLength(500) reason: string;
}

export class RecordPaymentDto {
  @ApiProperty({ example: '2026-11-30', description: 'The day the money arrived' }) @Matches(DATE, { message: DATE_MESSAGE }) date: string;
  @ApiProperty({ description: 'The bank reference on the transfer' })
  @IsString({ message: 'Enter the bank reference' }) @MinLength(1, { message: 'Enter the bank reference' }) @MaxLength(100) reference: string;
  @ApiProperty({ description: 'Pence received (part payments are fine)' })
  @IsInt({ message: 'The amount is a whole number of pence' }) @Min(1, { message: 'The amount is at least 1p' }) amountPence: number;
}

export class SendInvoiceDto {
  @ApiProperty({ required: false, type: [String], description: 'Addresses to send to; default: the school’s finance contacts (business managers, else the membership contact, else the headteacher)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true, message: 'Each recipient is an e-mail address' }) to?: string[];
}

export class InvoiceSentDto {
  @ApiProperty() queued: boolean;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Set when the school has no way to pay (no bank details and no online payments)' }) paymentWarning: string | null;
}

export class PoNumberDto {
  @ApiProperty({ nullable: true, type: String, description: 'The school’s purchase order number (null to remove it)' })
  @ValidateIf((_, v) => v !== null) @IsString({ message: 'Enter the purchase order number' }) @MaxLength(50, { message: 'A purchase order number is at most 50 characters' }) poNumber: string | null;
}

export class SchoolInvoiceDto extends InvoiceListItemDto {
  @ApiProperty({ type: InvoicePartnershipDto }) partnership: InvoicePartnershipDto;
  @ApiProperty() payOnline: boolean;
}

export class SchoolInvoiceQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Only this partnership’s invoices (its slug)' })
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'A partnership is named by its slug, like ealing' }) partnership?: string;
}

export class SchoolInvoiceListDto extends PageMetaDto {
  @ApiProperty({ type: [SchoolInvoiceDto], description: 'One page, newest first' }) items: SchoolInvoiceDto[];
  @ApiProperty({ description: 'Left to pay on all of them (every page)' }) outstandingPence: number;
  @ApiProperty({ type: [CurrentFeeDto], description: 'The school’s current fee from each partnership that bills it (its latest billed period)' }) currentFees: CurrentFeeDto[];
}
