import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES, BODY_KINDS, OFFICES, SEAT_VOTING } from '@partnerships/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { PageQueryDto } from '../../common/pagination.dto';
import { SchoolRefDto } from '../../common/school-ref.dto';

/** The most seats a body's own answer carries (a general meeting has one per member school). */
export const BODY_SEATS_LIMIT = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// --- bodies -----------------------------------------------------------------

export class BodyInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the body a name' }) @MaxLength(200) name: string;
  @ApiProperty({ enum: BODY_KINDS }) @IsIn(BODY_KINDS as unknown as string[], { message: `The kind of body is one of: ${BODY_KINDS.join(', ')}` }) kind: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(4000) purpose?: string | null;
  @ApiProperty({ required: false, type: [String], description: 'Bodies this one reports to' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'Each parent is a body id' }) parentIds?: string[];
  @ApiProperty({ required: false, nullable: true, type: Object, description: 'When it meets: {rhythm: {type: half_termly|termly|annually|one_off, ...}, week, weekday, startTime, endTime, meetsBefore, rotateHost}' })
  @IsOptional() @IsObject() rhythm?: Record<string, unknown> | null;
  @ApiProperty({ required: false, nullable: true, type: Object, description: '{type: count, n} or {type: fraction, numerator, denominator}' })
  @IsOptional() @IsObject() quorumRule?: Record<string, unknown> | null;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'Task-and-finish groups end (YYYY-MM-DD)' })
  @IsOptional() @Matches(DATE, { message: 'Give the end date as YYYY-MM-DD' }) endsOn?: string | null;
  @ApiProperty({ required: false, type: [Object], description: 'Core agenda items by half term: [{halfTerm: "Autumn 1", title}]' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) annualRhythm?: Record<string, unknown>[];
  @ApiProperty({ required: false, type: [String], description: 'URNs of the member schools a cluster groups' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @Matches(/^\d{6}$/, { each: true, message: 'Each URN is six digits' }) schoolUrns?: string[];
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) @Max(10000) position?: number;
}

export class BodySummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BODY_KINDS }) kind: string;
  @ApiProperty({ type: [String] }) parentIds: string[];
  @ApiProperty({ description: 'Seats held now' }) seatCount: number;
}

export class BodyListDto {
  @ApiProperty({ type: [BodySummaryDto] }) items: BodySummaryDto[];
}

export class SeatHolderDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) schoolUrn: string | null;
}

export class SeatDto {
  @ApiProperty({ description: 'The seat key (stable while holders change)' }) id: string;
  @ApiProperty({ description: 'The id of the seat rule that defines it' }) rule: string;
  @ApiProperty() ruleKind: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: SEAT_VOTING }) voting: string;
  @ApiProperty({ nullable: true, type: SeatHolderDto }) holder: SeatHolderDto | null;
}

export class OfficeDto {
  @ApiProperty({ enum: OFFICES }) office: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() fromOn: string;
  @ApiProperty() filledBy: string;
}

export class SeatRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: Object }) rule: Record<string, unknown>;
  @ApiProperty({ enum: SEAT_VOTING }) voting: string;
  @ApiProperty({ nullable: true, type: Number }) termMonths: number | null;
  @ApiProperty() label: string;
  @ApiProperty() position: number;
}

export class BodyDto extends BodySummaryDto {
  @ApiProperty({ nullable: true, type: String }) purpose: string | null;
  @ApiProperty({ type: [String] }) childIds: string[];
  @ApiProperty({ nullable: true, type: Object }) rhythm: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) quorumRule: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty({ type: [Object] }) annualRhythm: Record<string, unknown>[];
  @ApiProperty() archived: boolean;
  @ApiProperty({ type: [SchoolRefDto] }) schools: SchoolRefDto[];
  @ApiProperty({ type: [SeatDto], description: `Every seat, or the first ${BODY_SEATS_LIMIT} when the body has more (seatsTruncated; the rest from GET bodies/{id}/seats)` }) seats: SeatDto[];
  @ApiProperty({ description: 'Every seat now, held or empty (seatCount counts the held ones)' }) seatTotal: number;
  @ApiProperty({ description: `The body has more than ${BODY_SEATS_LIMIT} seats and seats holds only the first ${BODY_SEATS_LIMIT}` }) seatsTruncated: boolean;
  @ApiProperty({ type: [SeatRuleDto] }) seatRules: SeatRuleDto[];
  @ApiProperty({ type: [OfficeDto] }) offices: OfficeDto[];
  @ApiProperty({ description: 'The signed-in person holds a seat or office here' }) isMember: boolean;
  @ApiProperty({ nullable: true, type: Object, description: 'The current terms of reference' }) termsOfReference: Record<string, unknown> | null;
}

export class BodySeatsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Part of a seat’s label, its school’s name or URN, or its holder’s name' })
  @IsOptional() @IsString({ message: 'q is text' }) @MaxLength(100, { message: 'q can be at most 100 characters' }) q?: string;
}

export class SeatPageDto {
  @ApiProperty({ type: [SeatDto], description: 'One page, in the body’s seat order' }) items: SeatDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class ParentsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'Each parent is a body id' }) parentIds: string[];
}

export class SchoolsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(200) @Matches(/^\d{6}$/, { each: true, message: 'Each URN is six digits' }) urns: string[];
}

export class SeatRuleInputDto {
  @ApiProperty({ type: Object, description: "The domain's SeatRule without id/label/voting: {kind: school_representative, scope: {type: partnership}} ..." })
  @IsObject({ message: 'Describe the seat rule' }) rule: Record<string, unknown>;
  @ApiProperty({ enum: SEAT_VOTING }) @IsIn(SEAT_VOTING as unknown as string[], { message: `Seats are ${SEAT_VOTING.join(', ')}` }) voting: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the seat a label' }) @MaxLength(200) label: string;
  @ApiProperty({ required: false, nullable: true, type: Number }) @IsOptional() @IsInt() @Min(1) @Max(120) termMonths?: number | null;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}

export class AppointmentDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the seat rule' }) ruleId: string;
  @ApiProperty() @IsUUID('all', { message: 'Choose the person' }) userId: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(/^\d{6}$/, { message: 'The URN is six digits' }) schoolUrn?: string | null;
  @ApiProperty({ required: false, enum: ['appointed', 'elected'] }) @IsOptional() @IsIn(['appointed', 'elected']) source?: 'appointed' | 'elected';
  @ApiProperty({ required: false }) @IsOptional() @Matches(DATE, { message: 'Give the date as YYYY-MM-DD' }) startsOn?: string;
}

export class EndAppointmentDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the seat rule' }) ruleId: string;
  @ApiProperty() @IsUUID('all', { message: 'Choose the person' }) userId: string;
}

export class OfficeInputDto {
  @ApiProperty({ enum: OFFICES }) @IsIn(OFFICES as unknown as string[], { message: `The office is one of: ${OFFICES.join(', ')}` }) office: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The new holder; null leaves the office empty' })
  @IsOptional() @IsUUID('all', { message: 'Choose the person' }) userId?: string | null;
  @ApiProperty({ enum: ['election', 'appointment'] }) @IsIn(['election', 'appointment'], { message: 'Filled by election or appointment' }) filledBy: string;
  @ApiProperty({ required: false }) @IsOptional() @Matches(DATE, { message: 'Give the date as YYYY-MM-DD' }) fromOn?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) electionRef?: string | null;
}

export class TermsOfReferenceInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Write the terms of reference' }) @MaxLength(100_000) text: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the review date as YYYY-MM-DD' }) reviewDueOn?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the approval date as YYYY-MM-DD' }) approvedOn?: string | null;
}

export class ActionPlanLineDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the line a title' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) owner?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the date as YYYY-MM-DD' }) dueOn?: string | null;
  @ApiProperty({ description: 'Budget in pence' }) @IsInt({ message: 'The budget is a whole number of pence' }) @Min(0) @Max(100_000_000_00) budgetPence: number;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000_00) spentPence?: number;
  @ApiProperty({ required: false, enum: ['planned', 'under_way', 'done'] }) @IsOptional() @IsIn(['planned', 'under_way', 'done']) status?: 'planned' | 'under_way' | 'done';
}

export class ActionPlanInputDto {
  @ApiProperty({ description: 'The academic year by its starting calendar year, e.g. 2026' }) @IsInt({ message: 'Give the academic year, e.g. 2026' }) @Min(2000) @Max(2100) academicYearStart: number;
  @ApiProperty({ type: [ActionPlanLineDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ActionPlanLineDto) items: ActionPlanLineDto[];
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(50_000) impactReport?: string | null;
  @ApiProperty({ required: false, description: 'Send it up: it becomes an item on the parent bodies’ next agendas' }) @IsOptional() @IsBoolean() submit?: boolean;
}

export class YearQueryDto {
  @ApiProperty({ required: false, description: 'Academic year by its starting calendar year; default the current one' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'Give the academic year, e.g. 2026' }) @Min(2000) @Max(2100) academicYearStart?: number;
}

export class StructureBodyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BODY_KINDS }) kind: string;
  @ApiProperty() seatCount: number;
  @ApiProperty({ nullable: true, type: String }) chair: string | null;
}

export class StructureLinkDto {
  @ApiProperty() childId: string;
  @ApiProperty() parentId: string;
}

export class StructureDto {
  @ApiProperty({ type: [StructureBodyDto] }) bodies: StructureBodyDto[];
  @ApiProperty({ type: [StructureLinkDto] }) links: StructureLinkDto[];
}

// --- meetings ---------------------------------------------------------------

export class MeetingsQueryDto {
  @ApiProperty({ required: false, description: 'First day (YYYY-MM-DD); default today' }) @IsOptional() @IsString() from?: string;
  @ApiProperty({ required: false, description: 'Last day (YYYY-MM-DD); default a year after from' }) @IsOptional() @IsString() to?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'Choose a body' }) bodyId?: string;
}

export class MeetingSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() bodyId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ nullable: true, type: String }) halfTerm: string | null;
  @ApiProperty({ nullable: true, type: String }) hostSchoolUrn: string | null;
  @ApiProperty({ enum: ['scheduled', 'moved', 'cancelled', 'held'] }) status: string;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingSummaryDto] }) items: MeetingSummaryDto[];
}

export class MeetingPlanInputDto {
  @ApiProperty({ description: 'The academic year by its starting calendar year, e.g. 2026' }) @IsInt({ message: 'Give the academic year, e.g. 2026' }) @Min(2000) @Max(2100) academicYearStart: number;
}

export class MeetingPlanResultDto {
  @ApiProperty() created: number;
  @ApiProperty() existing: number;
  @ApiProperty({ type: [MeetingSummaryDto] }) meetings: MeetingSummaryDto[];
  @ApiProperty({ type: [Object] }) problems: Record<string, unknown>[];
  @ApiProperty({ enum: ['partnership', 'typical', 'mixed'] }) termDates: string;
}

export class MoveMeetingDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'Give the date as YYYY-MM-DD' }) date: string;
  @ApiProperty({ description: 'HH:MM, UK time' }) @Matches(TIME, { message: 'Give the start time as HH:MM' }) startTime: string;
  @ApiProperty({ description: 'HH:MM, UK time' }) @Matches(TIME, { message: 'Give the end time as HH:MM' }) endTime: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(300) location?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(/^\d{6}$/, { message: 'The URN is six digits' }) hostSchoolUrn?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose the note-taker' }) noteTakerUserId?: string | null;
}

export class CancelMeetingDto {
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

export class AgendaItemInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the item a title' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(10_000) description?: string | null;
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() confidential?: boolean;
}

export class AgendaItemRefDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the agenda item' }) itemId: string;
}

export class PaperInputDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the agenda item' }) agendaItemId: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the paper a title' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200_000) content?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'Give a web address starting https://' }) url?: string | null;
}

export class AttendanceEntryDto {
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The seat; absent for someone in attendance without a seat' })
  @IsOptional() @IsString() @MaxLength(300) seatKey?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose the person' }) userId?: string | null;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES as unknown as string[], { message: `Attendance is one of: ${ATTENDANCE_STATUSES.join(', ')}` }) status: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose the deputy' }) deputyUserId?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) reason?: string | null;
}

export class AttendanceInputDto {
  @ApiProperty({ type: [AttendanceEntryDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AttendanceEntryDto) entries: AttendanceEntryDto[];
}

export class MinutesInputDto {
  @ApiProperty() @IsString() @MaxLength(200_000) text: string;
}

export class ActionInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Say what is to be done' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose the owner' }) ownerUserId?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(/^\d{6}$/, { message: 'The URN is six digits' }) ownerSchoolUrn?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the due date as YYYY-MM-DD' }) dueOn?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID('all', { message: 'Choose the agenda item' }) agendaItemId?: string | null;
}

export class CloseActionDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose the action' }) actionId: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

export class MeetingDto extends MeetingSummaryDto {
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) hostSchoolName: string | null;
  @ApiProperty({ nullable: true, type: String }) noteTakerUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) noteTakerName: string | null;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty() sequence: number;
  @ApiProperty() isMember: boolean;
  @ApiProperty() canManage: boolean;
  @ApiProperty({ type: [Object] }) agenda: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) attendance: Record<string, unknown>[];
  @ApiProperty({ type: Object }) quorum: Record<string, unknown>;
  @ApiProperty({ type: [Object], description: 'Schools not represented, for the chair to follow up' }) followUp: Record<string, unknown>[];
  @ApiProperty({ nullable: true, type: Object }) minutes: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The previous meeting’s minutes, approved at this one' }) previousMinutes: Record<string, unknown> | null;
  @ApiProperty({ type: [Object] }) actions: Record<string, unknown>[];
}

// --- calendars and the person's own view ----------------------------------------

export class CalendarUrlDto {
  @ApiProperty({ description: 'Secret address to subscribe to in Outlook, Google or Apple Calendar' }) url: string;
}

export class RevokedDto {
  @ApiProperty() revoked: number;
}
