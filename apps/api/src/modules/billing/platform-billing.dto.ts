import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_PLAN_CODES } from '@partnerships/domain';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

// The platform's own billing: a partnership's plan subscription and the operator's view of every partnership.

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
