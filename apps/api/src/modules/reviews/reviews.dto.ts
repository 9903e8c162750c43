import { ApiProperty } from '@nestjs/swagger';
import { REPORT_VERSION_KINDS, REVIEW_ACTION_STATUSES, REVIEW_ROLES, REVIEW_STATUSES } from '@partnerships/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URN = /^\d{6}$/;
export const GROUP_FORMED_BY = ['cluster', 'area', 'phase', 'diocese', 'cross_phase', 'hand'] as const;

// --- programmes ---------------------------------------------------------------

export class ConflictRulesDto {
  @ApiProperty({ required: false, description: 'Refuse reviewers from a school of the same trust' }) @IsOptional() @IsBoolean() sameTrust?: boolean;
  @ApiProperty({ required: false, description: 'Refuse reviewers from a school of the same diocese' }) @IsOptional() @IsBoolean() sameDiocese?: boolean;
  @ApiProperty({ required: false, description: 'Refuse a pair of schools that reviewed each other last cycle' }) @IsOptional() @IsBoolean() reviewedEachOtherLastCycle?: boolean;
}

export class ProgrammeInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the programme a name' }) @MaxLength(200) name: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) framework?: string | null;
  @ApiProperty({ description: 'The academic year the cycle starts (2026 for 2026-27)' }) @IsInt({ message: 'Give the first year as a number, e.g. 2026' }) @Min(2000) @Max(2100) firstAcademicYearStart: number;
  @ApiProperty({ required: false, description: 'Years in the cycle; each school is reviewed once in each. Default 2.' }) @IsOptional() @IsInt() @Min(1, { message: 'A cycle is 1 to 5 years' }) @Max(5, { message: 'A cycle is 1 to 5 years' }) cycleYears?: number;
  @ApiProperty({ required: false, description: 'Team members besides the lead. Default 1.' }) @IsOptional() @IsInt() @Min(0) @Max(6, { message: 'A team has at most 6 members besides the lead' }) teamMembers?: number;
  @ApiProperty({ required: false, type: ConflictRulesDto }) @IsOptional() @ValidateNested() @Type(() => ConflictRulesDto) conflictRules?: ConflictRulesDto;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The coordinator (quality-assures reports)' }) @IsOptional() @IsUUID('all', { message: 'The coordinator is a user id' }) coordinatorUserId?: string | null;
}

export class ReviewSchoolRefDto {
  @ApiProperty() id: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
}

export class GroupDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [...GROUP_FORMED_BY, 'trust'] }) formedBy: string;
  @ApiProperty({ nullable: true, type: String }) bodyId: string | null;
  @ApiProperty({ type: [ReviewSchoolRefDto] }) schools: ReviewSchoolRefDto[];
}

export class ProgrammeSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) framework: string | null;
  @ApiProperty() cycleYears: number;
  @ApiProperty() firstAcademicYearStart: number;
  @ApiProperty() teamMembers: number;
  @ApiProperty({ type: ConflictRulesDto }) conflictRules: ConflictRulesDto;
  @ApiProperty({ nullable: true, type: String }) coordinatorUserId: string | null;
}

export class ProgrammeListDto {
  @ApiProperty({ type: [ProgrammeSummaryDto] }) items: ProgrammeSummaryDto[];
}

export class ProgrammeDto extends ProgrammeSummaryDto {
  @ApiProperty({ type: [GroupDto] }) groups: GroupDto[];
  @ApiProperty({ description: 'Reviews proposed and not yet confirmed' }) proposed: number;
  @ApiProperty({ description: 'Reviews confirmed (planned or under way or final)' }) confirmed: number;
}

export class GroupInputDto {
  @ApiProperty({ enum: GROUP_FORMED_BY, description: 'cluster: one group per cluster (all, or those in bodyIds); area, phase, diocese: one group per value; cross_phase: mixed groups; hand: the schools in schoolUrns' })
  @IsIn(GROUP_FORMED_BY as unknown as string[], { message: `Form groups by one of: ${GROUP_FORMED_BY.join(', ')}` }) formedBy: string;
  @ApiProperty({ required: false, description: 'The group’s name (for a group formed by hand)' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ required: false, type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'Each cluster is a body id' }) bodyIds?: string[];
  @ApiProperty({ required: false, type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @Matches(URN, { each: true, message: 'Each URN is six digits' }) schoolUrns?: string[];
  @ApiProperty({ required: false, description: 'Largest group (area, phase, diocese) or usual size (cross-phase)' }) @IsOptional() @IsInt() @Min(2) @Max(30) size?: number;
}

export class GroupSchoolsInputDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(500) @Matches(URN, { each: true, message: 'Each URN is six digits' }) schoolUrns: string[];
}

export class GroupListDto {
  @ApiProperty({ type: [GroupDto] }) items: GroupDto[];
}

// --- reviews --------------------------------------------------------------------

export class ParticipantDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) schoolName: string | null;
  @ApiProperty({ enum: REVIEW_ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) conflictOverrideReason: string | null;
}

export class ReviewSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty({ type: ReviewSchoolRefDto }) school: ReviewSchoolRefDto;
  @ApiProperty() academicYearStart: number;
  @ApiProperty({ nullable: true, type: String }) visitOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'e.g. "5 December 2026"' }) visitOnText: string | null;
  @ApiProperty({ nullable: true, type: String }) focus: string | null;
  @ApiProperty() focusAgreed: boolean;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: string;
  @ApiProperty() confirmed: boolean;
  @ApiProperty({ type: [ParticipantDto] }) participants: ParticipantDto[];
}

export class ReviewListDto {
  @ApiProperty({ type: [ReviewSummaryDto] }) items: ReviewSummaryDto[];
}

export class ReportVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: REPORT_VERSION_KINDS }) kind: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: Boolean }) approved: boolean | null;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty() createdAt: string;
}

export class ReviewActionDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ nullable: true, type: String }) dueOn: string | null;
  @ApiProperty({ enum: REVIEW_ACTION_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) followUpNote: string | null;
  @ApiProperty({ nullable: true, type: String }) carriedFromActionId: string | null;
}

export class ReviewDto extends ReviewSummaryDto {
  @ApiProperty() qaApproved: boolean;
  @ApiProperty({ type: [ReportVersionDto] }) report: ReportVersionDto[];
  @ApiProperty({ type: [ReviewActionDto] }) actions: ReviewActionDto[];
  @ApiProperty({ nullable: true, type: String }) previousReviewId: string | null;
}

export class CyclePlanResultDto {
  @ApiProperty({ description: 'Reviews proposed (not yet confirmed)' }) proposed: number;
  @ApiProperty({ type: [String], description: 'What the planner could not do, in words' }) problems: string[];
  @ApiProperty({ type: [ReviewSummaryDto] }) reviews: ReviewSummaryDto[];
}

export class ConfirmResultDto {
  @ApiProperty() confirmed: number;
}

export class ReviewUpdateDto {
  @ApiProperty({ description: 'The visit (YYYY-MM-DD), on a school day' }) @Matches(DATE, { message: 'Give the visit date as YYYY-MM-DD' }) visitOn: string;
}

export class ParticipantInputDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose a person' }) userId: string;
  @ApiProperty({ enum: REVIEW_ROLES }) @IsIn(REVIEW_ROLES as unknown as string[], { message: `The role is one of: ${REVIEW_ROLES.join(', ')}` }) role: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The school they come from (defaults to the school they lead)' }) @IsOptional() @Matches(URN, { message: 'The URN is six digits' }) schoolUrn?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'Required to assign someone with a conflict of interest' }) @IsOptional() @IsString() @MaxLength(1000) overrideReason?: string | null;
}

export const REPORT_STEPS = ['submit_draft', 'quality_assure', 'finalise'] as const;

export class ReportStepDto {
  @ApiProperty({ enum: REPORT_STEPS, description: 'submit_draft and finalise by the lead reviewer; quality_assure by the QA reviewer or coordinator' })
  @IsIn(REPORT_STEPS as unknown as string[], { message: `The step is one of: ${REPORT_STEPS.join(', ')}` }) step: string;
  @ApiProperty({ description: 'The report text (draft or final), or the quality-assurance note' }) @IsString() @Matches(/\S/, { message: 'Write the report' }) @MaxLength(100000) body: string;
  @ApiProperty({ required: false, description: 'For quality_assure: approve (true) or send back (false)' }) @IsOptional() @IsBoolean() approved?: boolean;
}

export class ReviewActionInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Describe the action' }) @MaxLength(2000) text: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) owner?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the due date as YYYY-MM-DD' }) dueOn?: string | null;
}

export class ReviewActionUpdateDto {
  @ApiProperty({ enum: ['open', 'in_progress', 'done'] }) @IsIn(['open', 'in_progress', 'done'], { message: 'The status is open, in_progress or done' }) status: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(4000) followUpNote?: string | null;
}

export class CarriedDto {
  @ApiProperty() carried: number;
}

export class TrainingInputDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose a person' }) userId: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Name the course' }) @MaxLength(200) course: string;
  @ApiProperty() @Matches(DATE, { message: 'Give the date as YYYY-MM-DD' }) completedOn: string;
}

export class ReviewerDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Final reviews they led' }) reviewsLed: number;
  @ApiProperty({ description: 'Final reviews they joined as a team member' }) reviewsJoined: number;
  @ApiProperty({ type: [Object], description: '[{course, completedOn}]' }) training: { course: string; completedOn: string }[];
}

export class ReviewerListDto {
  @ApiProperty({ type: [ReviewerDto] }) items: ReviewerDto[];
}

export class FocusInputDto {
  @ApiProperty({ description: 'The focus agreed with the head' }) @IsString() @Matches(/\S/, { message: 'Describe the focus' }) @MaxLength(4000) focus: string;
}

export class HeadResponseDto {
  @ApiProperty({ description: 'The head’s response to the draft report' }) @IsString() @Matches(/\S/, { message: 'Write the response' }) @MaxLength(100000) body: string;
}

export class ReviewQueryDto {
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'The programme is an id' }) programmeId?: string;
  @ApiProperty({ required: false }) @IsOptional() @Type(() => Number) @IsInt({ message: 'The year is a number, e.g. 2026' }) @Min(2000) @Max(2100) year?: number;
}

// --- confidential school development reviews ------------------------------------

export class RequirementsDto {
  @ApiProperty({ type: [String], description: 'Membership category codes whose schools must have a school development review' })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(40, { each: true }) categoryCodes: string[];
}

export class AppointInputDto {
  @ApiProperty() @Matches(URN, { message: 'The URN is six digits' }) schoolUrn: string;
  @ApiProperty() @IsInt({ message: 'Give the year as a number, e.g. 2026' }) @Min(2000) @Max(2100) academicYearStart: number;
  @ApiProperty({ description: 'The external reviewer; invited to make an account if they have none' }) @IsEmail({}, { message: 'Give the reviewer’s e-mail address' }) @MaxLength(254) reviewerEmail: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'Give the visit date as YYYY-MM-DD' }) visitOn?: string | null;
}

/** What everyone entitled to know of a review sees: never the report's content. */
export class SchoolReviewDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantSlug: string;
  @ApiProperty() partnershipName: string;
  @ApiProperty({ type: ReviewSchoolRefDto }) school: ReviewSchoolRefDto;
  @ApiProperty() academicYearStart: number;
  @ApiProperty({ nullable: true, type: String }) reviewerName: string | null;
  @ApiProperty() reviewerAccepted: boolean;
  @ApiProperty({ nullable: true, type: String }) visitOn: string | null;
  @ApiProperty() reportReady: boolean;
}

export class SchoolReviewListDto {
  @ApiProperty({ type: [SchoolReviewDto] }) items: SchoolReviewDto[];
  @ApiProperty({ type: [ReviewSchoolRefDto], description: 'Schools in a required category with no review this year' }) missing: ReviewSchoolRefDto[];
}

export class MySchoolReviewListDto {
  @ApiProperty({ type: [SchoolReviewDto] }) items: SchoolReviewDto[];
}

export class ShareDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({ nullable: true, type: String }) bodyName: string | null;
  @ApiProperty() sharedAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class ConfidentialReportDto extends SchoolReviewDto {
  @ApiProperty({ enum: ['reviewer', 'head', 'share'] }) readingAs: string;
  @ApiProperty({ nullable: true, type: String, description: 'The report (null until the reviewer writes it)' }) content: string | null;
  @ApiProperty({ type: [ShareDto], description: 'Shown to the head and the reviewer' }) shares: ShareDto[];
}

export class ShareListDto {
  @ApiProperty({ type: [ShareDto] }) items: ShareDto[];
}

export class OkDto {
  @ApiProperty() ok: boolean;
}

export class ReportContentInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Write the report' }) @MaxLength(200000) content: string;
  @ApiProperty({ required: false, description: 'Tell the head the report is ready (once)' }) @IsOptional() @IsBoolean() ready?: boolean;
}

export class ShareInputDto {
  @ApiProperty({ required: false, description: 'A named person, by e-mail (they need an account)' }) @IsOptional() @IsEmail({}, { message: 'Give the person’s e-mail address' }) email?: string;
  @ApiProperty({ required: false, description: 'A body (e.g. the cluster): its seat holders may read' }) @IsOptional() @IsUUID('all', { message: 'The body is an id' }) bodyId?: string;
}

export class ReadDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['reviewer', 'head', 'share'] }) readerKind: string;
  @ApiProperty() readAt: string;
}

export class ReadLogDto {
  @ApiProperty({ type: [ReadDto] }) items: ReadDto[];
}
