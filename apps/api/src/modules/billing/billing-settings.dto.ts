import { ApiProperty } from '@nestjs/swagger';
import { MAX_PAYMENT_TERMS_DAYS } from '@partnerships/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

// A partnership's billing settings: VAT, payment terms, reminders, invoice numbers and bank details.

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
