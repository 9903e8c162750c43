import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_STATES, PHASES } from '@partnerships/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';
import { listParam } from '../school-register/school-register.dto';
import { IsPupilCount } from '../../common/pupil-count.validator';

/** What an admin can do to a membership with `POST .../memberships/{id}/{action}`. */
export const ADMIN_ACTIONS = ['invite', 'approve', 'reject', 'withdraw-application', 'activate', 'withdraw-notice', 'suspend', 'reinstate', 'leave', 'rejoin'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export class MembershipListQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Phases, comma-separated', enum: PHASES, enumName: 'Phase' })
  @IsOptional() @listParam() @IsIn(PHASES, { each: true, message: `Phases are: ${PHASES.join(', ')}` }) phase?: string[];

  @ApiProperty({ required: false, description: 'Category codes, comma-separated' })
  @IsOptional() @listParam() @IsString({ each: true }) category?: string[];

  @ApiProperty({ required: false, description: 'Statuses, comma-separated', enum: MEMBERSHIP_STATES, enumName: 'MembershipStatus' })
  @IsOptional() @listParam() @IsIn(MEMBERSHIP_STATES, { each: true, message: `Statuses are: ${MEMBERSHIP_STATES.join(', ')}` }) status?: string[];

  @ApiProperty({ required: false, description: 'Local authorities, comma-separated (any case)' })
  @IsOptional() @listParam() @IsString({ each: true }) localAuthority?: string[];

  @ApiProperty({ required: false, description: 'Part of a school name, URN or postcode' })
  @IsOptional() @IsString() @MaxLength(100) q?: string;

  @ApiProperty({ required: false, enum: ['name', 'status', 'updated'], default: 'name' })
  @IsOptional() @IsIn(['name', 'status', 'updated'], { message: 'Sort by name, status or updated' }) sort?: 'name' | 'status' | 'updated';
}

export class MembershipSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) phase: string;
  @ApiProperty() type: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty() registerStatus: string;
  @ApiProperty({ nullable: true, type: String }) postcode: string | null;
}

export class MembershipListItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: MembershipSchoolDto }) school: MembershipSchoolDto;
  @ApiProperty({ description: 'Category code' }) category: string;
  @ApiProperty({ nullable: true, type: String }) categoryName: string | null;
  @ApiProperty({ enum: MEMBERSHIP_STATES, enumName: 'MembershipStatus' }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ nullable: true, type: String, description: 'The day the current status began' }) since: string | null;
  @ApiProperty({ nullable: true, type: String }) joinedOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set once notice is given' }) leavingOn: string | null;
  @ApiProperty() updatedAt: string;
}

export class MembershipPageDto extends PageMetaDto {
  @ApiProperty({ type: [MembershipListItemDto] }) items: MembershipListItemDto[];
}

export class ActorDto {
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty() name: string;
}

export class TimelineEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "The lifecycle event ('add' when the school was put on the list)" }) event: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'The day it happened' }) on: string;
  @ApiProperty({ type: ActorDto }) by: ActorDto;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data: Record<string, unknown> | null;
  @ApiProperty({ description: 'When it was recorded' }) recordedAt: string;
}

export class NoticeDto {
  @ApiProperty() givenOn: string;
  @ApiProperty({ type: ActorDto }) givenBy: ActorDto;
  @ApiProperty() leavingOn: string;
  @ApiProperty() explanation: string;
}

export class CategorySummaryDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() votingRights: boolean;
  @ApiProperty() feesApply: boolean;
  @ApiProperty({ type: [String] }) includes: string[];
}

export class PupilFigureDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The number the partnership’s fees use' }) pupils: number | null;
  @ApiProperty({ enum: ['partnership', 'register'], description: 'An approved figure for the chosen census, or else the register’s' }) source: string;
  @ApiProperty({ nullable: true, type: String, description: "The census, e.g. '2025-10' for October 2025" }) census: string | null;
  @ApiProperty({ description: 'Corrections waiting for the partnership to approve' }) pendingCorrections: number;
  @ApiProperty({ example: '312 pupils, October 2026 census', description: 'Which figure, in the words the quote, preview and invoice use' }) label: string;
}

export class ContactPersonDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class MembershipDetailDto extends MembershipListItemDto {
  @ApiProperty({ type: CategorySummaryDto, nullable: true }) categoryDetail: CategorySummaryDto | null;
  @ApiProperty({ nullable: true, type: String, enum: ['active', 'notice-given'] }) suspendedFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) leftOn: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What the school sent when it applied, with who accepted the terms and guarantee, and when' })
  application: Record<string, unknown> | null;
  @ApiProperty({ type: NoticeDto, nullable: true }) notice: NoticeDto | null;
  @ApiProperty({ type: [String], description: 'Actions that could be taken now (POST .../{action}; give-notice is POST .../notice)' }) possibleActions: string[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline: TimelineEntryDto[];
  @ApiProperty({ type: [ContactPersonDto], description: 'People who act for the school' }) schoolPeople: ContactPersonDto[];
  @ApiProperty({ type: PupilFigureDto }) pupilNumber: PupilFigureDto;
}

export class MembershipActionDto {
  @ApiProperty({ required: false, description: 'A reason or remark for the timeline (needed to reject or suspend)' })
  @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty({ required: false, description: 'The day it happened, YYYY-MM-DD (default today; not in the future)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write the date as YYYY-MM-DD' }) date?: string;

  @ApiProperty({ required: false, description: 'Invite/rejoin: the e-mail of the school’s headteacher or business manager, needed when nobody acts for the school yet' })
  @IsOptional() @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' }) @MaxLength(254) email?: string;
}

export class ChangeCategoryDto {
  @ApiProperty({ description: 'Category code' })
  @IsString() @MaxLength(40) category: string;
}

export class NoticeRequestDto {
  @ApiProperty({ description: 'false: only work out the leaving date; true: give notice' })
  @IsBoolean({ message: 'Say whether to confirm the notice (true) or only preview it (false)' }) confirm: boolean;

  @ApiProperty({ required: false, description: 'The day notice is given, YYYY-MM-DD (default today; not in the future)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write the date as YYYY-MM-DD' }) date?: string;

  @ApiProperty({ required: false })
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class NoticeResultDto {
  @ApiProperty({ description: 'The last day of membership' }) leavingOn: string;
  @ApiProperty({ description: 'Why, in plain English: show it before the school confirms' }) explanation: string;
  @ApiProperty() givenOn: string;
  @ApiProperty({ description: "The partnership's notice rule in words" }) noticeRule: string;
  @ApiProperty({ description: 'Whether notice has now been given' }) confirmed: boolean;
  @ApiProperty({ enum: MEMBERSHIP_STATES, enumName: 'MembershipStatus' }) status: string;
}

export class BulkContactDto {
  @ApiProperty() @IsUUID('all', { message: 'Each contact needs a membership id' }) id: string;
  @ApiProperty() @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' }) email: string;
}

export class BulkInviteDto {
  @ApiProperty({ type: [String], description: 'Membership ids (up to 500)' })
  @IsArray() @ArrayMinSize(1, { message: 'Choose at least one school' }) @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Each id must be a membership id' }) ids: string[];

  @ApiProperty({ required: false, type: [BulkContactDto], description: 'E-mail addresses for schools nobody acts for yet' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => BulkContactDto) contacts?: BulkContactDto[];
}

export class BulkSkippedDto {
  @ApiProperty() id: string;
  @ApiProperty() reason: string;
}

export class BulkInviteResultDto {
  @ApiProperty({ type: [String] }) invited: string[];
  @ApiProperty({ type: [BulkSkippedDto] }) skipped: BulkSkippedDto[];
}

export class StatsQueryDto {
  @ApiProperty({ required: false, default: 12, minimum: 1, maximum: 60, description: 'How many months back, including this one' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(60, { message: 'At most 60 months' }) months: number = 12;
}

export class StatusCountsDto {
  @ApiProperty() prospect: number;
  @ApiProperty() invited: number;
  @ApiProperty() applied: number;
  @ApiProperty() approved: number;
  @ApiProperty() active: number;
  @ApiProperty({ name: 'notice-given' }) 'notice-given': number;
  @ApiProperty() left: number;
  @ApiProperty() suspended: number;
  @ApiProperty() rejected: number;
  @ApiProperty() withdrawn: number;
}

export class MonthCountsDto {
  @ApiProperty({ description: 'YYYY-MM; counts are as at the end of the month (today for this month)' }) month: string;
  @ApiProperty({ type: StatusCountsDto }) counts: StatusCountsDto;
  @ApiProperty({ description: 'Active, under notice or suspended: the members' }) members: number;
}

export class MembershipStatsDto {
  @ApiProperty({ type: [MonthCountsDto] }) months: MonthCountsDto[];
  @ApiProperty({ type: StatusCountsDto }) current: StatusCountsDto;
}

export class MembershipSettingsDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The notice rule in force (edited in the partnership settings)' }) noticeRule: Record<string, unknown>;
  @ApiProperty() noticeRuleDescription: string;
  @ApiProperty({ description: 'True when the partnership has not chosen one and one year’s notice applies' }) noticeRuleIsDefault: boolean;
  @ApiProperty({ enum: ['october', 'january', 'may'], description: 'Which school census the fees use' }) feeCensus: string;
  @ApiProperty({ nullable: true, type: Number, description: 'From the published fee schedule' }) liabilityGuaranteePence: number | null;
}

export class UpdateMembershipSettingsDto {
  @ApiProperty({ enum: ['october', 'january', 'may'] })
  @IsIn(['october', 'january', 'may'], { message: 'Choose the October, January or May census' }) feeCensus: string;
}

export class PupilCountQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ['pending', 'needs-confirmation', 'approved', 'rejected'] })
  @IsOptional() @IsIn(['pending', 'needs-confirmation', 'approved', 'rejected'], { message: 'Status is pending, needs-confirmation, approved or rejected' }) status?: string;

  @ApiProperty({ required: false })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'A URN is six digits' }) urn?: string;
}

export class PupilCountDto {
  @ApiProperty() id: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() census: string;
  @ApiProperty() pupils: number;
  @ApiProperty({ enum: ['school', 'partnership'] }) source: string;
  @ApiProperty({ enum: ['pending', 'needs-confirmation', 'approved', 'rejected'], description: 'needs-confirmation: far from the register’s or last year’s figure; the admin approves it to use it' }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the figure needs the admin’s confirmation' }) checkNote: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
}

export class PupilCountPageDto extends PageMetaDto {
  @ApiProperty({ type: [PupilCountDto] }) items: PupilCountDto[];
}

export const CENSUS_PATTERN = /^\d{4}-(01|05|10)$/;
export const CENSUS_MESSAGE = "The census is written YYYY-MM for the January (01), May (05) or October (10) census, e.g. '2025-10'";

export class RecordPupilCountDto {
  @ApiProperty() @Matches(/^\d{6}$/, { message: 'A URN is six digits' }) urn: string;
  @ApiProperty({ example: '2025-10' }) @Matches(CENSUS_PATTERN, { message: CENSUS_MESSAGE }) census: string;
  @ApiProperty({ minimum: 0, maximum: 10000 }) @IsPupilCount() pupils: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiProperty({ required: false, description: 'The admin has checked a figure far from the register’s or last year’s and confirms it; without this such a figure waits as "needs-confirmation"' })
  @IsOptional() @IsBoolean({ message: 'confirmed is true or false' }) confirmed?: boolean;
}

export class DecisionDto {
  @ApiProperty({ required: false, description: 'Needed to reject' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DocumentDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) archivedAt: string | null;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) items: DocumentDto[];
}

export class CreateDocumentDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the document a title' }) @MaxLength(200) title: string;
  @ApiProperty({ required: false }) @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'A link starts with https:// or http://' }) @MaxLength(2000) url?: string;
  @ApiProperty({ required: false, description: 'Text shown to members, when there is no link' }) @IsOptional() @IsString() @MaxLength(20000) body?: string;
}
