import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_STATES, SCHOOL_ROLES } from '@partnerships/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { UserDto } from '../auth/auth.dto';
import { CategorySummaryDto, CENSUS_MESSAGE, CENSUS_PATTERN, DocumentDto, NoticeDto, PupilCountDto, PupilFigureDto, TimelineEntryDto } from '../memberships/membership.dto';
import { IsPupilCount } from '../../common/pupil-count.validator';
import { MeetingSummaryDto } from '../governance/governance.dto';

export class PortalMembershipSummaryDto {
  @ApiProperty() membershipId: string;
  @ApiProperty() tenantSlug: string;
  @ApiProperty() tenantName: string;
  @ApiProperty({ description: 'Category code' }) category: string;
  @ApiProperty({ enum: MEMBERSHIP_STATES, enumName: 'MembershipStatus' }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ nullable: true, type: String }) joinedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) leavingOn: string | null;
}

/** One school in "my schools" (named apart from the /me answer's MySchoolDto: OpenAPI schemas are named by class). */
export class PortalSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [PortalMembershipSummaryDto] }) memberships: PortalMembershipSummaryDto[];
}

export class MySchoolsDto {
  @ApiProperty({ type: [PortalSchoolDto], description: 'Every school the signed-in person acts for, with its memberships in every partnership' }) schools: PortalSchoolDto[];
}

export class PartnershipContactDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class PartnershipSummaryDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ type: [PartnershipContactDto], description: 'The partnership’s admins' }) contacts: PartnershipContactDto[];
}

/** Where the school's membership of one partnership stands: what the school home shows for each partnership. */
export class SchoolMembershipOverviewDto {
  @ApiProperty({ type: PartnershipSummaryDto }) partnership: PartnershipSummaryDto;
  @ApiProperty() membershipId: string;
  @ApiProperty({ enum: MEMBERSHIP_STATES, enumName: 'MembershipStatus' }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ nullable: true, type: String }) since: string | null;
  @ApiProperty({ nullable: true, type: String }) joinedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) leftOn: string | null;
  @ApiProperty({ type: CategorySummaryDto, nullable: true, description: 'The category, with what it includes' }) category: CategorySummaryDto | null;
  @ApiProperty({ type: NoticeDto, nullable: true }) notice: NoticeDto | null;
  @ApiProperty({ description: "The partnership's notice rule in words" }) noticeRule: string;
  @ApiProperty({ nullable: true, type: String, description: 'When membership next rolls over (1 September), unless notice has been given' }) renewsOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The last day to give notice to leave at the end of this academic year, where the rule has one' }) noticeDeadline: string | null;
  @ApiProperty({ nullable: true, type: Number }) liabilityGuaranteePence: number | null;
  @ApiProperty({ type: [String], description: 'What the school can do now: apply, give-notice, withdraw-application' }) possibleActions: string[];
  @ApiProperty({ type: [DocumentDto], description: 'Documents the partnership shares with members (once approved)' }) documents: DocumentDto[];
}

/** The membership page's answer: the overview, with the application, the timeline and the pupil number. */
export class SchoolMembershipDetailDto extends SchoolMembershipOverviewDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) application: Record<string, unknown> | null;
  @ApiProperty({ type: [TimelineEntryDto] }) timeline: TimelineEntryDto[];
  @ApiProperty({ type: PupilFigureDto }) pupilNumber: PupilFigureDto;
}

export class HomeBodySeatDto {
  @ApiProperty() bodyId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'The seat’s label' }) seat: string;
  @ApiProperty() voting: string;
  @ApiProperty({ nullable: true, type: String }) schoolUrn: string | null;
  @ApiProperty() since: string;
}

export class HomeMeetingDto extends MeetingSummaryDto {
  @ApiProperty({ description: 'The person takes the notes' }) noteTaker: boolean;
}

export class HomePaperDto {
  @ApiProperty() meetingId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty({ nullable: true, type: String, description: 'The agenda item' }) item: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
}

export class HomeActionDto {
  @ApiProperty() id: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) dueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ description: 'The person owns it' }) mine: boolean;
}

export class HomeRepresentationDto {
  @ApiProperty() schoolUrn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() bodyId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() holderName: string;
  @ApiProperty() label: string;
}

/** The person's governance in one of the school's partnerships, as `GET /me/governance` gives it (without the structure). */
export class SchoolHomeGovernanceDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [HomeBodySeatDto] }) bodies: HomeBodySeatDto[];
  @ApiProperty({ type: [HomeMeetingDto] }) nextMeetings: HomeMeetingDto[];
  @ApiProperty({ type: [HomePaperDto] }) papers: HomePaperDto[];
  @ApiProperty({ type: [HomeActionDto] }) openActions: HomeActionDto[];
  @ApiProperty({ type: [HomeRepresentationDto], description: 'This school’s seats on the bodies (only for its headteacher)' }) representation: HomeRepresentationDto[];
}

export class SchoolHomeDto {
  @ApiProperty({ type: [SchoolMembershipOverviewDto], description: 'Each partnership the school belongs to, by name' }) partnerships: SchoolMembershipOverviewDto[];
  @ApiProperty({
    type: [SchoolHomeGovernanceDto],
    description: 'The person’s governance in the school’s partnerships where they have some (a role there, or the headship of a member school)',
  })
  governance: SchoolHomeGovernanceDto[];
}

export class ApplyContactDto {
  @ApiProperty({ description: 'The named person applying for the school' }) @IsString() @Length(1, 200, { message: 'Enter the name of the person applying' }) name: string;
  @ApiProperty({ required: false, description: 'Their job title' }) @IsOptional() @IsString() @MaxLength(200) role?: string;
  @ApiProperty() @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' }) @MaxLength(254) email: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

export class ApplyDto {
  @ApiProperty({ type: ApplyContactDto }) @IsDefined({ message: 'Give the name and e-mail address of the person applying' }) @ValidateNested() @Type(() => ApplyContactDto) contact: ApplyContactDto;
  @ApiProperty({ description: 'The contact details are correct' }) @IsBoolean({ message: 'Confirm the contact details are correct' }) contactDetailsConfirmed: boolean;
  @ApiProperty({ description: 'Pupils on roll', minimum: 0, maximum: 10000 }) @IsPupilCount() pupilNumber: number;
  @ApiProperty({ description: "The partnership's membership terms are accepted (recorded with who and when)" }) @IsBoolean({ message: 'Say whether you accept the terms' }) acceptTerms: boolean;
  @ApiProperty({ required: false, description: 'The liability guarantee is accepted, where the partnership has one (recorded with who, when and how much)' })
  @IsOptional() @IsBoolean() acceptLiabilityGuarantee?: boolean;
}

export class SchoolNoticeDto {
  @ApiProperty({ description: 'false: only show the leaving date; true: give notice' }) @IsBoolean({ message: 'Say whether to confirm the notice (true) or only preview it (false)' }) confirm: boolean;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SchoolNoteDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SchoolPupilCountDto extends PupilCountDto {
  @ApiProperty() tenantSlug: string;
  @ApiProperty() tenantName: string;
}

export class SchoolPupilCountsDto {
  @ApiProperty({ nullable: true, type: Number, description: "The register's number (from GIAS)" }) registerPupils: number | null;
  @ApiProperty({ type: [SchoolPupilCountDto], description: 'Every figure and correction, in every partnership, newest first' }) items: SchoolPupilCountDto[];
}

export class SubmitPupilCountDto {
  @ApiProperty({ description: 'The partnership the correction is for' }) @IsString() @MaxLength(40) tenantSlug: string;
  @ApiProperty({ example: '2025-10' }) @Matches(CENSUS_PATTERN, { message: CENSUS_MESSAGE }) census: string;
  @ApiProperty({ minimum: 0, maximum: 10000 }) @IsPupilCount() pupils: number;
  @ApiProperty({ required: false, description: 'Why the figure should change' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SchoolPersonDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String], enum: SCHOOL_ROLES, enumName: 'SchoolRole' }) roles: string[];
}

export class SchoolInvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: SCHOOL_ROLES, enumName: 'SchoolRole' }) role: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
}

export class SchoolPeopleDto {
  @ApiProperty({ type: [SchoolPersonDto] }) people: SchoolPersonDto[];
  @ApiProperty({ type: [SchoolInvitationDto] }) invitations: SchoolInvitationDto[];
}

export class InviteSchoolPersonDto {
  @ApiProperty() @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' }) @MaxLength(254) email: string;
  @ApiProperty({ enum: SCHOOL_ROLES, enumName: 'SchoolRole' }) @IsIn(SCHOOL_ROLES, { message: `Choose a role: ${SCHOOL_ROLES.join(', ')}` }) role: string;
}

export class SetSchoolRolesDto {
  @ApiProperty({ type: [String], enum: SCHOOL_ROLES, enumName: 'SchoolRole', description: 'The person’s roles at the school; none removes them from the school' })
  @IsArray() @ArrayMaxSize(3) @IsIn(SCHOOL_ROLES, { each: true, message: `Roles are: ${SCHOOL_ROLES.join(', ')}` }) roles: string[];
}

export class SchoolInvitationTokenDto {
  @ApiProperty() @IsString() @Length(10, 100, { message: 'The invitation link is not valid' }) token: string;
}

export class SchoolInvitationLookupDto {
  @ApiProperty() schoolUrn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ enum: SCHOOL_ROLES, enumName: 'SchoolRole' }) role: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'Whether the address already has an account (then its password confirms acceptance)' }) hasAccount: boolean;
}

export class AcceptSchoolInvitationDto extends SchoolInvitationTokenDto {
  @ApiProperty({ required: false, description: 'Your name, when you are new to the platform' }) @IsOptional() @IsString() @Length(1, 200, { message: 'Enter your name' }) name?: string;
  @ApiProperty({ description: 'A new password, or your existing one if you already have an account' }) @IsString({ message: 'Enter a password' }) @MaxLength(256) password: string;
}

export class AcceptSchoolInvitationResponseDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty() csrfToken: string;
  @ApiProperty() schoolUrn: string;
  @ApiProperty() schoolName: string;
}
