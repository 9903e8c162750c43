import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

// Money reports: invoiced, paid, credited, outstanding and overdue by school, billing period or month.

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
