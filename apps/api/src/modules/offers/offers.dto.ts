import { ApiProperty } from '@nestjs/swagger';
import { OFFER_KINDS, OFFER_STATUSES, OFFER_UNITS, OFFER_VAT_TREATMENTS, ORDER_STATUSES, PHASES } from '@partnerships/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class BuyerRuleDto {
  @ApiProperty({ required: false, enum: ['member', 'non-member'] }) membership?: 'member' | 'non-member';
  @ApiProperty({ required: false, type: [String], enum: PHASES }) phases?: string[];
  @ApiProperty({ required: false, type: [String], description: 'School types, matched by word ("academy" matches "Academy converter")' }) schoolTypes?: string[];
  @ApiProperty({ required: false, type: [String], description: 'Membership category codes' }) categories?: string[];
}

export class PriceInputDto {
  @ApiProperty({ required: false, nullable: true, type: String, description: 'e.g. "Member price"' })
  @IsOptional() @IsString() @MaxLength(100) label?: string | null;
  @ApiProperty({ required: false, type: BuyerRuleDto, description: 'Who the price is for; empty: every school' })
  @IsOptional() @IsObject({ message: 'Say who the price is for: membership, phases, schoolTypes or categories' }) buyer?: Record<string, unknown>;
  @ApiProperty({ description: 'Price of one unit in pence, before VAT (0 is free)' })
  @IsInt({ message: 'The price is a whole number of pence' }) @Min(0, { message: 'The price cannot be negative' }) @Max(100_000_000, { message: 'The price is at most £1,000,000' }) pence: number;
  @ApiProperty({ required: false, enum: OFFER_VAT_TREATMENTS, description: 'standard (the partnership’s rate, none if not VAT-registered), zero or exempt' })
  @IsOptional() @IsIn(OFFER_VAT_TREATMENTS, { message: `VAT is one of: ${OFFER_VAT_TREATMENTS.join(', ')}` }) vat?: (typeof OFFER_VAT_TREATMENTS)[number];
}

export class SetPricesDto {
  @ApiProperty({ description: 'Start year of the academic (or financial) year: 2026 is 2026-27' })
  @IsInt({ message: 'The year is a start year like 2026' }) @Min(2000) @Max(2200) year: number;
  @ApiProperty({ type: [PriceInputDto], description: 'Tried in order; the first rule that matches the school is its price. Replaces that year’s list.' })
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => PriceInputDto) prices: PriceInputDto[];
}

/** What an offer's creation and its later changes have in common (all optional). */
export class OfferSettingsDto {
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) summary?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(10_000) description?: string | null;
  @ApiProperty({ required: false, enum: OFFER_UNITS }) @IsOptional() @IsIn(OFFER_UNITS, { message: `The unit is one of: ${OFFER_UNITS.join(', ')}` }) unit?: (typeof OFFER_UNITS)[number];
  @ApiProperty({ required: false, enum: ['academic', 'financial'], description: 'Which year the prices’ years count' })
  @IsOptional() @IsIn(['academic', 'financial'], { message: 'The year basis is academic or financial' }) yearBasis?: 'academic' | 'financial';
  @ApiProperty({ required: false, type: [String], description: 'For a core entitlement: the membership categories it is included in (empty: every member)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true }) categories?: string[];
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'Units included each year (core entitlement)' })
  @IsOptional() @IsInt({ message: 'The allowance is a whole number' }) @Min(0) @Max(100_000) allowance?: number | null;
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'For a pool: places available each day' })
  @IsOptional() @IsInt({ message: 'The pool capacity is a whole number of places' }) @Min(1, { message: 'A pool has at least one place a day' }) @Max(10_000) poolCapacity?: number | null;
  @ApiProperty({ required: false, description: 'Bought back each year unless cancelled by the deadline' }) @IsOptional() @IsBoolean() rolling?: boolean;
  @ApiProperty({ required: false, description: 'Shown in the public catalogue' }) @IsOptional() @IsBoolean() public?: boolean;
}

export class UpdateOfferDto extends OfferSettingsDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @trimmed() @Matches(/\S/, { message: 'Give the offer a title' }) @MaxLength(200) title?: string;
}

export class CreateOfferDto extends OfferSettingsDto {
  @ApiProperty({ enum: OFFER_KINDS }) @IsIn(OFFER_KINDS, { message: `The kind is one of: ${OFFER_KINDS.join(', ')}` }) kind: (typeof OFFER_KINDS)[number];
  @ApiProperty() @IsString({ message: 'Give the offer a title' }) @trimmed() @Matches(/\S/, { message: 'Give the offer a title' }) @MaxLength(200) title: string;
  @ApiProperty({ required: false, type: SetPricesDto, description: 'The first year’s prices' })
  @IsOptional() @ValidateNested() @Type(() => SetPricesDto) prices?: SetPricesDto;
}

export class OfferListQueryDto {
  @ApiProperty({ required: false, enum: OFFER_STATUSES }) @IsOptional() @IsIn(OFFER_STATUSES, { message: `The status is one of: ${OFFER_STATUSES.join(', ')}` }) status?: (typeof OFFER_STATUSES)[number];
  @ApiProperty({ required: false, enum: OFFER_KINDS }) @IsOptional() @IsIn(OFFER_KINDS, { message: `The kind is one of: ${OFFER_KINDS.join(', ')}` }) kind?: (typeof OFFER_KINDS)[number];
}

export class OfferPriceDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() position: number;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ type: BuyerRuleDto }) buyer: BuyerRuleDto;
  @ApiProperty({ description: 'Before VAT' }) pence: number;
  @ApiProperty({ enum: OFFER_VAT_TREATMENTS }) vat: string;
  @ApiProperty({ description: 'Who it is for, in words' }) forWhom: string;
}

export class OfferDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: OFFER_UNITS }) unit: string;
  @ApiProperty({ enum: ['academic', 'financial'] }) yearBasis: string;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ nullable: true, type: Number }) allowance: number | null;
  @ApiProperty({ nullable: true, type: Number }) poolCapacity: number | null;
  @ApiProperty() rolling: boolean;
  @ApiProperty({ enum: OFFER_STATUSES }) status: string;
  @ApiProperty() public: boolean;
  @ApiProperty({ type: [OfferPriceDto] }) prices: OfferPriceDto[];
}

export class OfferListDto {
  @ApiProperty({ type: [OfferDto] }) items: OfferDto[];
}

// ---------------------------------------------------------------- the school's prices

export class SchoolOffersQueryDto {
  @ApiProperty({ description: 'The partnership’s slug' }) @IsString({ message: 'Say which partnership (tenant)' }) @Matches(/^[a-z0-9-]{1,60}$/, { message: 'Give the partnership’s short name, e.g. redbridge' }) tenant: string;
  @ApiProperty({ required: false, description: 'Prices on this date (default today), YYYY-MM-DD' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) date?: string;
}

export class SchoolOfferDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ enum: OFFER_UNITS }) unit: string;
  @ApiProperty() rolling: boolean;
  @ApiProperty() available: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'This school’s price of one unit before VAT; null when not offered to it' }) pricePence: number | null;
  @ApiProperty({ nullable: true, type: Number }) vatPence: number | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ nullable: true, type: Number, description: 'quantity × price' }) totalPence: number | null;
  @ApiProperty() free: boolean;
  @ApiProperty() includedInMembership: boolean;
  @ApiProperty({ description: 'Why this price (or why not offered), in one sentence' }) explanation: string;
  @ApiProperty({ nullable: true, type: Number, description: 'For a core entitlement with an allowance: units left this year' }) remaining: number | null;
}

export class SchoolOfferListDto {
  @ApiProperty() member: boolean;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() phase: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: [SchoolOfferDto] }) items: SchoolOfferDto[];
}

export class PublicOfferPriceDto {
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() forWhom: string;
  @ApiProperty() pence: number;
}

export class PublicOfferDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ enum: OFFER_UNITS }) unit: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The lowest member price this year' }) memberPricePence: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The lowest non-member price this year' }) nonMemberPricePence: number | null;
  @ApiProperty({ type: [PublicOfferPriceDto] }) prices: PublicOfferPriceDto[];
}

export class PublicOfferListDto {
  @ApiProperty({ type: [PublicOfferDto] }) items: PublicOfferDto[];
}

// ---------------------------------------------------------------- entitlements

export class EntitlementQueryDto {
  @ApiProperty({ required: false, description: 'Start year of the academic year (default: this year)' }) @IsOptional() @Type(() => Number) @IsInt({ message: 'The year is a start year like 2026' }) @Min(2000) @Max(2200) year?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'Give the school’s id' }) schoolId?: string;
}

export class RecordUseDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the core entitlement' }) offerId: string;
  @ApiProperty({ description: 'The school’s URN' }) @IsString() @Matches(/^\d{6}$/, { message: 'The URN is six digits' }) urn: string;
  @ApiProperty({ description: 'Units used (negative to give units back)' }) @IsInt({ message: 'The quantity is a whole number' }) @Min(-1000) @Max(1000) quantity: number;
  @ApiProperty({ required: false, description: 'Default today' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) onDate?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}

export class EntitlementBalanceDto {
  @ApiProperty() offerId: string;
  @ApiProperty() title: string;
  @ApiProperty() schoolId: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: Number }) allowance: number | null;
  @ApiProperty() used: number;
  @ApiProperty({ nullable: true, type: Number }) remaining: number | null;
  @ApiProperty() over: number;
  @ApiProperty() sentence: string;
}

export class EntitlementBalanceListDto {
  @ApiProperty({ type: [EntitlementBalanceDto] }) items: EntitlementBalanceDto[];
}

export class LedgerEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() schoolId: string;
  @ApiProperty() year: number;
  @ApiProperty() quantity: number;
  @ApiProperty() onDate: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty() recordedAt: string;
}

export class LedgerDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items: LedgerEntryDto[];
}

// ---------------------------------------------------------------- orders

export class OrderLineInputDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose an offer' }) offerId: string;
  @ApiProperty({ required: false, description: 'Units (default 1; a per-pupil price uses the school’s pupils)' })
  @IsOptional() @IsInt({ message: 'The quantity is a whole number' }) @Min(1, { message: 'The quantity is at least 1' }) @Max(100_000) quantity?: number;
}

export class AddLinesDto {
  @ApiProperty({ type: [OrderLineInputDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OrderLineInputDto) lines: OrderLineInputDto[];
}

export class SchoolTenantQueryDto {
  @ApiProperty({ description: 'The partnership’s slug' }) @IsString({ message: 'Say which partnership (tenant)' }) @Matches(/^[a-z0-9-]{1,60}$/, { message: 'Give the partnership’s short name, e.g. redbridge' }) tenant: string;
}

export class ApproveOrderDto {
  @ApiProperty({ description: 'The school’s purchase order number' }) @IsString({ message: 'Enter the purchase order number' }) @trimmed()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /._-]{0,59}$/, { message: 'Enter the purchase order number: 1 to 60 letters, digits, spaces or / - . _' }) poNumber: string;
}

export class BuybackOrderDto {
  @ApiProperty({ type: [OrderLineInputDto], description: 'Next year’s services, in one order' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OrderLineInputDto) lines: OrderLineInputDto[];
  @ApiProperty({ required: false, enum: ['once', 'school_financial_year'], description: 'One invoice, or parts along the school’s own financial year' })
  @IsOptional() @IsIn(['once', 'school_financial_year'], { message: 'Invoicing is once or school_financial_year' }) invoicing?: 'once' | 'school_financial_year';
}

export class OrderLineDto {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() description: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitPence: number;
  @ApiProperty() amountPence: number;
  @ApiProperty({ enum: OFFER_VAT_TREATMENTS }) vat: string;
  @ApiProperty() priceRule: string;
  @ApiProperty() rolling: boolean;
}

export class OrderDto {
  @ApiProperty() id: string;
  @ApiProperty() schoolId: string;
  @ApiProperty({ enum: ['shop', 'buyback', 'rollover'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) buybackWindowId: string | null;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty({ enum: ['once', 'school_financial_year'] }) invoicing: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) requestedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) poNumber: string | null;
  @ApiProperty({ type: [String] }) invoiceIds: string[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty() totalPence: number;
}

export class OrderListDto {
  @ApiProperty({ type: [OrderDto] }) items: OrderDto[];
}

export class OrderListQueryDto {
  @ApiProperty({ required: false, enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES, { message: `The status is one of: ${ORDER_STATUSES.join(', ')}` }) status?: (typeof ORDER_STATUSES)[number];
}

// ---------------------------------------------------------------- buy-back

export class CreateBuybackWindowDto {
  @ApiProperty({ description: 'Start year of the academic year bought for (2027 is 2027-28)' }) @IsInt({ message: 'The year is a start year like 2027' }) year: number;
  @ApiProperty() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) opensOn: string;
  @ApiProperty() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) closesOn: string;
  @ApiProperty({ description: 'The last day schools may cancel a rolling service' }) @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) cancelDeadline: string;
  @ApiProperty({ required: false, type: [Number], description: 'Days before the deadline to remind schools (default 28, 14, 7)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true, message: 'Reminder days are whole numbers' }) reminderDays?: number[];
}

export class BuybackWindowDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() yearLabel: string;
  @ApiProperty() opensOn: string;
  @ApiProperty() closesOn: string;
  @ApiProperty() cancelDeadline: string;
  @ApiProperty({ type: [Number] }) reminderDays: number[];
  @ApiProperty({ enum: ['not-open', 'open', 'closed'] }) phase: string;
  @ApiProperty({ nullable: true, type: String }) rolledOverAt: string | null;
}

export class BuybackWindowListDto {
  @ApiProperty({ type: [BuybackWindowDto] }) items: BuybackWindowDto[];
}

export class SweepQueryDto {
  @ApiProperty({ required: false, description: 'As if today were this date (default today), YYYY-MM-DD' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) date?: string;
}

export class RolloverResultDto {
  @ApiProperty() year: number;
  @ApiProperty() ordersCreated: number;
  @ApiProperty({ type: [String] }) invoiceIds: string[];
  @ApiProperty() rolledOver: number;
  @ApiProperty() notRolledOver: number;
}

export class RemindersResultDto {
  @ApiProperty() schoolsReminded: number;
  @ApiProperty() emailsQueued: number;
}

export class SubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() title: string;
  @ApiProperty() quantity: number;
  @ApiProperty() firstYear: number;
  @ApiProperty() lastYear: number;
  @ApiProperty({ nullable: true, type: String }) cancelledOn: string | null;
}

export class SchoolBuybackDto {
  @ApiProperty({ nullable: true, type: BuybackWindowDto }) window: BuybackWindowDto | null;
  @ApiProperty({ nullable: true, type: OrderDto }) order: OrderDto | null;
  @ApiProperty({ type: [SubscriptionDto] }) subscriptions: SubscriptionDto[];
  @ApiProperty() canCancelRollover: boolean;
}

// ---------------------------------------------------------------- bespoke

export class BespokeRequestInputDto {
  @ApiProperty() @IsString({ message: 'Say what the work is' }) @trimmed() @Matches(/\S/, { message: 'Say what the work is' }) @MaxLength(200) title: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) details?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose a bespoke package' }) offerId?: string | null;
}

export class BespokeQuoteInputDto {
  @ApiProperty({ description: 'Price in pence before VAT' }) @IsInt({ message: 'The quote is a whole number of pence' }) @Min(0, { message: 'The quote cannot be negative' }) @Max(100_000_000) pence: number;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) note?: string | null;
  @ApiProperty({ required: false, description: 'YYYY-MM-DD' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) validUntil?: string;
}

export class RefusalDto {
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
}

export class BespokeRequestDto {
  @ApiProperty() id: string;
  @ApiProperty() schoolId: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, type: String }) offerId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) details: string | null;
  @ApiProperty({ enum: ['requested', 'quoted', 'accepted', 'invoiced', 'declined', 'withdrawn'] }) status: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: Number }) quotePence: number | null;
  @ApiProperty({ nullable: true, type: String }) quoteNote: string | null;
  @ApiProperty({ nullable: true, type: String }) quoteValidUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) poNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ nullable: true, type: String }) refusal: string | null;
}

export class BespokeRequestListDto {
  @ApiProperty({ type: [BespokeRequestDto] }) items: BespokeRequestDto[];
}

// ---------------------------------------------------------------- pools

export class PoolBookingInputDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) onDate: string;
  @ApiProperty({ required: false, description: 'Places (default 1)' }) @IsOptional() @IsInt({ message: 'Places is a whole number' }) @Min(1, { message: 'Book at least one place' }) @Max(100) places?: number;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}

export class PoolBookingDto {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() schoolId: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() onDate: string;
  @ApiProperty() places: number;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class PoolDaysQueryDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) from: string;
  @ApiProperty({ description: 'YYYY-MM-DD (at most 92 days after from)' }) @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) to: string;
}

export class SchoolPoolDaysQueryDto extends PoolDaysQueryDto {
  @ApiProperty({ description: 'The partnership’s slug' }) @IsString({ message: 'Say which partnership (tenant)' }) @Matches(/^[a-z0-9-]{1,60}$/, { message: 'Give the partnership’s short name, e.g. redbridge' }) tenant: string;
}

export class PoolDayDto {
  @ApiProperty() onDate: string;
  @ApiProperty() capacity: number;
  @ApiProperty() booked: number;
  @ApiProperty() left: number;
}


export class PoolDaysDto {
  @ApiProperty({ type: [PoolDayDto] }) days: PoolDayDto[];
  @ApiProperty({ type: [PoolBookingDto] }) bookings: PoolBookingDto[];
}

// ---------------------------------------------------------------- service levels

export class SetServiceLevelDto {
  @ApiProperty({ nullable: true, type: String, description: 'The tier code from the fee schedule (null: none)' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/, { message: 'Give the service level’s code from the fee schedule' }) serviceLevel: string | null;
  @ApiProperty({ required: false, description: 'From this date (default today), YYYY-MM-DD' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) fromDate?: string;
  @ApiProperty({ required: false, description: 'Work out the adjustment only, change nothing' }) @IsOptional() @IsBoolean() preview?: boolean;
}

export class ServiceLevelChangeDto {
  @ApiProperty() membershipId: string;
  @ApiProperty({ nullable: true, type: String }) previousLevel: string | null;
  @ApiProperty({ nullable: true, type: String }) serviceLevel: string | null;
  @ApiProperty() fromDate: string;
  @ApiProperty({ description: 'Positive: invoiced; negative: credited' }) adjustmentPence: number;
  @ApiProperty() explanation: string;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ nullable: true, type: String }) creditNoteId: string | null;
  @ApiProperty() preview: boolean;
}

export class ServiceLevelHistoryDto {
  @ApiProperty({ nullable: true, type: String }) serviceLevel: string | null;
  @ApiProperty({ type: [ServiceLevelChangeDto] }) changes: ServiceLevelChangeDto[];
}

// ---------------------------------------------------------------- reports

export class ReportQueryDto {
  @ApiProperty({ required: false, description: 'From (YYYY-MM-DD), default a year ago' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) from?: string;
  @ApiProperty({ required: false, description: 'To (YYYY-MM-DD), default today' }) @IsOptional() @Matches(ISO_DATE, { message: 'The date is YYYY-MM-DD' }) to?: string;
}

export class TakeUpRowDto {
  @ApiProperty() offerId: string;
  @ApiProperty() title: string;
  @ApiProperty() kind: string;
  @ApiProperty() schoolId: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() quantity: number;
  @ApiProperty() amountPence: number;
}

export class IncomeRowDto {
  @ApiProperty() offerId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'YYYY-MM' }) month: string;
  @ApiProperty() amountPence: number;
}

export class OffersReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [TakeUpRowDto] }) takeUp: TakeUpRowDto[];
  @ApiProperty({ type: [IncomeRowDto] }) income: IncomeRowDto[];
}

export class ReportCsvQueryDto extends ReportQueryDto {
  @ApiProperty({ required: false, enum: ['take-up', 'income'], description: 'Default take-up' }) @IsOptional() @IsIn(['take-up', 'income'], { message: 'The report is take-up or income' }) report?: 'take-up' | 'income';
}
