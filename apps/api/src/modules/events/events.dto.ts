import { ApiProperty } from '@nestjs/swagger';
import { BOOKING_STATUSES, EVENT_INVOICING_MODES } from '@partnerships/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const INSTANT = { strict: true } as const;
const INSTANT_MESSAGE = 'Give a date and time such as 2027-01-20T09:30:00Z';
const FORMATS = ['in_person', 'online', 'hybrid'] as const;

// --- the partnership's side: events and their sessions -------------------------

export class SessionInputDto {
  @ApiProperty({ required: false, nullable: true, type: String, description: 'e.g. "Day 1: planning"' })
  @IsOptional() @IsString() @MaxLength(200) title?: string | null;
  @ApiProperty({ description: 'ISO date-time' }) @IsISO8601(INSTANT, { message: INSTANT_MESSAGE }) startsAt: string;
  @ApiProperty({ description: 'ISO date-time, after the start' }) @IsISO8601(INSTANT, { message: INSTANT_MESSAGE }) endsAt: string;
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'Places in this session when fewer than the event’s' })
  @IsOptional() @IsInt({ message: 'A session’s capacity is a whole number' }) @Min(1) @Max(10000) capacity?: number | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(300) venue?: string | null;
}

export class CancellationTierDto {
  @ApiProperty({ description: 'Cancelling with fewer days’ notice than this…' }) @IsInt({ message: 'Days of notice are a whole number' }) @Min(1) @Max(365) withinDays: number;
  @ApiProperty({ description: '…costs this share of the price' }) @IsInt({ message: 'The charge is a whole percentage' }) @Min(0) @Max(100) chargePercent: number;
}

export class CancellationTermsDto {
  @ApiProperty({ type: [CancellationTierDto] }) @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => CancellationTierDto) tiers: CancellationTierDto[];
  @ApiProperty({ required: false, description: 'Share of the price charged for a no-show (default 100)' })
  @IsOptional() @IsInt() @Min(0) @Max(100) noShowChargePercent?: number;
}

export class EventSettingsDto {
  @ApiProperty({ enum: FORMATS, required: false }) @IsOptional() @IsIn(FORMATS as unknown as string[], { message: 'The format is in_person, online or hybrid' }) format?: (typeof FORMATS)[number];
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(300) venue?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUrl({ require_protocol: true }, { message: 'Give the joining link as a web address' }) @MaxLength(500) onlineUrl?: string | null;
  @ApiProperty({ description: 'Places on the event' }) @IsInt({ message: 'The capacity is a whole number of places' }) @Min(1, { message: 'An event has at least 1 place' }) @Max(10000) capacity: number;
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'Most places one school may hold' })
  @IsOptional() @IsInt({ message: 'The cap per school is a whole number' }) @Min(1) @Max(10000) capPerSchool?: number | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsISO8601(INSTANT, { message: INSTANT_MESSAGE }) bookingOpensAt?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsISO8601(INSTANT, { message: INSTANT_MESSAGE }) bookingClosesAt?: string | null;
  @ApiProperty({ required: false, type: CancellationTermsDto, description: 'Default: 50% within six weeks, 100% within four' })
  @IsOptional() @ValidateNested() @Type(() => CancellationTermsDto) cancellationTerms?: CancellationTermsDto;
  @ApiProperty({ required: false, description: 'How long a waiting-list offer stays open, in minutes (default 1,440: a day)' })
  @IsOptional() @IsInt() @Min(5) @Max(20160) offerMinutes?: number;
  @ApiProperty({ required: false, enum: EVENT_INVOICING_MODES, description: 'One invoice per booking, or one per school per term' })
  @IsOptional() @IsIn(EVENT_INVOICING_MODES as unknown as string[], { message: 'Invoicing is per_booking or per_school_term' }) invoicing?: (typeof EVENT_INVOICING_MODES)[number];
  @ApiProperty({ type: [SessionInputDto], description: 'The programme: one or several dates' })
  @IsArray() @ArrayMinSize(1, { message: 'Give at least one session' }) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SessionInputDto) sessions: SessionInputDto[];
}

export class CreateEventDto extends EventSettingsDto {
  @ApiProperty({ required: false, description: 'An existing offer of kind event; or give title and prices to create one' }) @IsOptional() @IsUUID('all', { message: 'offerId is an offer id' }) offerId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Matches(/\S/, { message: 'Give the event a title' }) @MaxLength(200) title?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) summary?: string | null;
  @ApiProperty({ required: false, description: 'Listed in the public catalogue, so non-members may book' }) @IsOptional() @IsBoolean() public?: boolean;
  @ApiProperty({ required: false, description: 'Members’ price per delegate, in pence, before VAT' }) @IsOptional() @IsInt({ message: 'Prices are whole pence' }) @Min(0) @Max(100000000) memberPricePence?: number;
  @ApiProperty({ required: false, nullable: true, type: Number, description: 'Non-members’ price; none: members only' })
  @IsOptional() @IsInt({ message: 'Prices are whole pence' }) @Min(0) @Max(100000000) nonMemberPricePence?: number | null;
}

export class UpdateEventDto extends EventSettingsDto {}

export class EventSessionDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
}

export class EventPriceDto {
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ type: Object }) buyer: Record<string, unknown>;
  @ApiProperty() pence: number;
}

export class EventSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty() public: boolean;
  @ApiProperty() offerStatus: string;
  @ApiProperty({ enum: FORMATS }) format: string;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty({ description: 'Places on the event (never more than its smallest session)' }) capacity: number;
  @ApiProperty({ description: 'Confirmed places (attended and no-shows included)' }) confirmed: number;
  @ApiProperty() awaitingApproval: number;
  @ApiProperty() offered: number;
  @ApiProperty() waiting: number;
  @ApiProperty() available: number;
}

export class EventDetailDto extends EventSummaryDto {
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty({ nullable: true, type: Number }) capPerSchool: number | null;
  @ApiProperty({ nullable: true, type: String }) bookingOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) bookingClosesAt: string | null;
  @ApiProperty({ type: CancellationTermsDto }) cancellationTerms: CancellationTermsDto;
  @ApiProperty() cancellationTermsText: string;
  @ApiProperty() offerMinutes: number;
  @ApiProperty({ enum: EVENT_INVOICING_MODES }) invoicing: string;
  @ApiProperty() attended: number;
  @ApiProperty() noShow: number;
  @ApiProperty({ type: [EventSessionDto] }) sessions: EventSessionDto[];
  @ApiProperty({ type: [EventPriceDto] }) prices: EventPriceDto[];
}

export class EventListDto {
  @ApiProperty({ type: [EventSummaryDto] }) items: EventSummaryDto[];
}

// --- bookings ------------------------------------------------------------------

export class BookingDto {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() eventTitle: string;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty() schoolUrn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() delegateName: string;
  @ApiProperty() delegateEmail: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName: string | null;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ description: 'Booked at the member price' }) member: boolean;
  @ApiProperty() pricePence: number;
  @ApiProperty({ nullable: true, type: String }) poNumber: string | null;
  @ApiProperty() autoApproved: boolean;
  @ApiProperty({ nullable: true, type: Number }) waitingPosition: number | null;
  @ApiProperty({ nullable: true, type: String }) offerExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ description: 'What a cancellation or no-show costs the school' }) chargePence: number;
  @ApiProperty({ nullable: true, type: String }) creditNoteId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the school declined it' }) declineReason: string | null;
  @ApiProperty() createdAt: string;
}

export class BookingListDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
}

export class TenantQueryDto {
  @ApiProperty({ description: 'The partnership’s slug' }) @IsString() @Matches(/^[a-z0-9-]{3,40}$/, { message: 'Say which partnership (its short name)' }) tenant: string;
}

export class RequestPlaceDto {
  @ApiProperty({ required: false, description: 'A colleague at the school (or yourself); else give a name and e-mail' })
  @IsOptional() @IsUUID('all', { message: 'delegateUserId is a person’s id' }) delegateUserId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Matches(/\S/, { message: 'Give the delegate’s name' }) @MaxLength(200) delegateName?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsEmail({}, { message: 'Give the delegate’s e-mail address' }) @MaxLength(320) delegateEmail?: string;
}

export class SubstituteDto extends RequestPlaceDto {}

export class ApproveBookingDto {
  @ApiProperty({ required: false, description: 'The purchase-order number the invoice quotes (needed for a paid place)' })
  @IsOptional() @IsString() @MaxLength(60, { message: 'A purchase-order number has at most 60 characters' }) poNumber?: string;
}

export class ReasonDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class BookingSettingsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Bookings priced below this are approved without asking; null: always ask' })
  @IsOptional() @IsInt({ message: 'The limit is whole pence' }) @Min(0) @Max(100000000) autoApproveBelowPence: number | null;
}

export class CancelOutcomeDto extends BookingDto {
  @ApiProperty() noticeDays: number;
  @ApiProperty() chargePercent: number;
  @ApiProperty({ description: 'Credit note amount, VAT included (0 when nothing was invoiced)' }) creditPence: number;
}

// --- registers, evaluations, certificates, reports -----------------------------

export class RegisterEntryInputDto {
  @ApiProperty() @IsUUID('all', { message: 'bookingId is a booking id' }) bookingId: string;
  @ApiProperty() @IsBoolean({ message: 'attended is true or false' }) attended: boolean;
}

export class RegisterInputDto {
  @ApiProperty({ type: [RegisterEntryInputDto] }) @IsArray() @ArrayMaxSize(10000) @ValidateNested({ each: true }) @Type(() => RegisterEntryInputDto) entries: RegisterEntryInputDto[];
}

export class SessionRegisterEntryDto {
  @ApiProperty() bookingId: string;
  @ApiProperty() delegateName: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Not yet marked: null' }) attended: boolean | null;
}

export class RegisterDto {
  @ApiProperty() sessionId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty({ type: [SessionRegisterEntryDto] }) entries: SessionRegisterEntryDto[];
}

export class EvaluationQuestionDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'A question id is up to 40 lower-case letters, digits, - or _' }) id: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Write the question' }) @MaxLength(300) text: string;
  @ApiProperty({ enum: ['rating', 'text'] }) @IsIn(['rating', 'text'], { message: 'A question is a rating (1 to 5) or text' }) kind: 'rating' | 'text';
}

export class EvaluationSetupDto {
  @ApiProperty({ required: false, type: [EvaluationQuestionDto], description: 'Default: three standard questions' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => EvaluationQuestionDto) questions?: EvaluationQuestionDto[];
  @ApiProperty({ description: 'Answers kept apart from who gave them' }) @IsBoolean({ message: 'anonymous is true or false' }) anonymous: boolean;
}

export class EvaluationAnswersDto {
  @ApiProperty({ type: Object, description: '{questionId: 1..5 or text}' }) @IsObject({ message: 'Give the answers by question' }) answers: Record<string, unknown>;
}

export class EvaluationScoreDto {
  @ApiProperty() questionId: string;
  @ApiProperty() text: string;
  @ApiProperty() responses: number;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
}

export class NonResponderDto {
  @ApiProperty() bookingId: string;
  @ApiProperty() delegateName: string;
  @ApiProperty() delegateEmail: string;
  @ApiProperty() schoolName: string;
}

export class EvaluationSummaryDto {
  @ApiProperty() set: boolean;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: [EvaluationQuestionDto] }) questions: EvaluationQuestionDto[];
  @ApiProperty({ description: 'People who attended and so are asked' }) invited: number;
  @ApiProperty() responded: number;
  @ApiProperty({ type: [NonResponderDto] }) notAnswered: NonResponderDto[];
  @ApiProperty({ type: [EvaluationScoreDto] }) scores: EvaluationScoreDto[];
  @ApiProperty({ type: [Object], description: 'Each set of answers; with who gave it unless anonymous' }) responses: { delegateName: string | null; answers: Record<string, unknown> }[];
}

export class CertificatesIssuedDto {
  @ApiProperty({ description: 'Certificates newly issued' }) issued: number;
  @ApiProperty({ description: 'Everyone who now has one' }) total: number;
}

export class EventReportRowDto {
  @ApiProperty() eventId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty() placesTaken: number;
  @ApiProperty() attended: number;
  @ApiProperty() waiting: number;
  @ApiProperty({ description: 'Places taken as a percentage of capacity' }) usePercent: number;
  @ApiProperty() evaluationResponses: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of all rating answers, 1 to 5' }) meanScore: number | null;
}

export class EventReportDto {
  @ApiProperty({ type: [EventReportRowDto] }) items: EventReportRowDto[];
}

export class TermInvoicingDto {
  @ApiProperty({ required: false, description: 'Only this term, e.g. 2026-spring' }) @IsOptional() @Matches(/^\d{4}-(autumn|spring|summer)$/, { message: 'Name the term as 2026-autumn, 2026-spring or 2026-summer' }) term?: string;
}

export class TermInvoiceDto {
  @ApiProperty() schoolId: string;
  @ApiProperty() termKey: string;
  @ApiProperty() invoiceId: string;
  @ApiProperty() bookings: number;
  @ApiProperty() created: boolean;
}

export class TermInvoicingResultDto {
  @ApiProperty({ type: [TermInvoiceDto] }) invoices: TermInvoiceDto[];
}

export class BookingSettingsViewDto {
  @ApiProperty({ nullable: true, type: Number }) autoApproveBelowPence: number | null;
}

export class SchoolEventDto extends EventSummaryDto {
  @ApiProperty({ nullable: true, type: Number, description: 'This school’s price per delegate (member or non-member); null: it cannot book' }) pricePence: number | null;
  @ApiProperty() member: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why booking is not open now' }) bookingProblem: string | null;
  @ApiProperty() cancellationTermsText: string;
  @ApiProperty({ type: [EventSessionDto] }) sessions: EventSessionDto[];
}

export class SchoolEventListDto {
  @ApiProperty({ type: [SchoolEventDto] }) items: SchoolEventDto[];
}

export class PublicEventDto extends EventSummaryDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Price per delegate for non-members' }) nonMemberPricePence: number | null;
  @ApiProperty({ nullable: true, type: Number }) memberPricePence: number | null;
  @ApiProperty({ type: [EventSessionDto] }) sessions: EventSessionDto[];
}

export class PublicEventListDto {
  @ApiProperty({ type: [PublicEventDto] }) items: PublicEventDto[];
}
