import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

// Money reports: invoiced, paid, credited, outstanding and overdue by school, billing period or month.

export class BillingReportQueryDto extends PageQueryDto {
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
  @ApiProperty({ type: [BillingReportRowDto], description: 'One page of the rows (page, pageSize); the totals are over them all' }) rows: BillingReportRowDto[];
  @ApiProperty({ type: BillingReportRowDto }) totals: BillingReportRowDto;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'How many rows there are in all' }) total: number;
}

export class BillingOverviewQueryDto {
  @ApiProperty({ required: false, description: 'One member school’s figures and current fee (its URN)' })
  @IsOptional() @Matches(/^\d{5,7}$/, { message: 'A URN is 5 to 7 digits' }) urn?: string;
}

export class BillingYearDto {
  @ApiProperty({ example: '2026-27' }) label: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ enum: ['academic'], description: 'The academic year, 1 September to 31 August; invoices count by their date of issue' }) basis: 'academic';
}

export class CurrentFeeDto {
  @ApiProperty() partnershipSlug: string;
  @ApiProperty() partnershipName: string;
  @ApiProperty({ description: 'The latest billing period the school was invoiced for' }) periodLabel: string;
  @ApiProperty({ description: 'What that period’s membership invoices come to, less credit notes' }) feePence: number;
  @ApiProperty() invoices: number;
}

export class BillingOverviewDto {
  @ApiProperty({ type: BillingYearDto }) year: BillingYearDto;
  @ApiProperty() invoices: number;
  @ApiProperty() invoicedPence: number;
  @ApiProperty() paidPence: number;
  @ApiProperty() creditedPence: number;
  @ApiProperty() outstandingPence: number;
  @ApiProperty() overduePence: number;
  @ApiProperty({ description: 'The platform’s fees on online payments against these invoices (Stripe application fees)' }) platformFeesPence: number;
  @ApiProperty({ required: false, nullable: true, type: CurrentFeeDto, description: 'With urn: the school’s current fee' }) currentFee?: CurrentFeeDto | null;
}
