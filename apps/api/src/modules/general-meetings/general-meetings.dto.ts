import { ApiProperty } from '@nestjs/swagger';
import { PHASES } from '@partnerships/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
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
import { SchoolRefDto } from '../../common/school-ref.dto';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const URN = /^\d{6}$/;
const URN_MESSAGE = 'Give the school’s six-digit URN';

export const MOTION_CHOICES = ['for', 'against', 'abstain'] as const;
export const BALLOT_KINDS = ['secret', 'named'] as const;
export const MAJORITIES = ['simple', 'two_thirds'] as const;
export const TIE_RULES = ['chair_casting_vote', 'motion_falls'] as const;
export const ELECTION_TIE_RULES = ['lot', 'longest_serving'] as const;

// ---------------------------------------------------------------------------
// Motions
// ---------------------------------------------------------------------------

export class CreateMotionDto {
  @ApiProperty({ description: 'The general meeting the motion is put to' }) @IsUUID('all', { message: 'Choose the meeting' }) meetingId: string;
  @ApiProperty() @IsString() @trimmed() @Matches(/\S/, { message: 'Give the motion a title' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, description: 'The full wording of the motion' }) @IsOptional() @IsString() @MaxLength(10000) text?: string;
  @ApiProperty({ required: false, enum: BALLOT_KINDS, description: 'Named (default): how each school voted is published. Secret: only the totals and receipts.' })
  @IsOptional() @IsIn(BALLOT_KINDS as unknown as string[], { message: 'The ballot is secret or named' }) ballot?: (typeof BALLOT_KINDS)[number];
  @ApiProperty({ required: false, enum: MAJORITIES, description: 'Of the votes cast (abstentions are not votes cast); default simple' })
  @IsOptional() @IsIn(MAJORITIES as unknown as string[], { message: 'The majority is simple or two_thirds' }) majority?: (typeof MAJORITIES)[number];
  @ApiProperty({ required: false, enum: TIE_RULES, description: 'How an even split is settled; default: the motion falls' })
  @IsOptional() @IsIn(TIE_RULES as unknown as string[], { message: 'A tie is settled by chair_casting_vote or motion_falls' }) tieRule?: (typeof TIE_RULES)[number];
  @ApiProperty({ required: false, description: 'Advance ballot: voting opens at this time (ISO). Default: when the poll is opened.' })
  @IsOptional() @IsDateString({}, { message: 'Give a date and time' }) opensAt?: string;
  @ApiProperty({ required: false, description: 'Voting closes at this time (ISO); the poll can also be closed at the meeting.' })
  @IsOptional() @IsDateString({}, { message: 'Give a date and time' }) closesAt?: string;
}

export class MotionListQueryDto {
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'Not a meeting id' }) meetingId?: string;
  @ApiProperty({ required: false, enum: ['draft', 'open', 'closed'] }) @IsOptional() @IsIn(['draft', 'open', 'closed']) status?: 'draft' | 'open' | 'closed';
}

export class CloseMotionDto {
  @ApiProperty({ required: false, enum: ['for', 'against'], description: 'The chair’s casting vote, used only when the votes are tied and the tie rule is chair_casting_vote (default against)' })
  @IsOptional() @IsIn(['for', 'against'], { message: 'The casting vote is for or against' }) chairCastingVote?: 'for' | 'against';
}

export class CastBallotDto {
  @ApiProperty({ enum: MOTION_CHOICES }) @IsIn(MOTION_CHOICES as unknown as string[], { message: 'Vote for, against or abstain' }) choice: (typeof MOTION_CHOICES)[number];
  @ApiProperty({ description: 'The school whose vote this is (your own, or one whose proxy you hold)' }) @IsString() @Matches(URN, { message: URN_MESSAGE }) schoolUrn: string;
}

export class SchoolCastBallotDto {
  @ApiProperty({ enum: MOTION_CHOICES }) @IsIn(MOTION_CHOICES as unknown as string[], { message: 'Vote for, against or abstain' }) choice: (typeof MOTION_CHOICES)[number];
  @ApiProperty({ required: false, description: 'The school whose vote this is: this school (default) or one whose proxy you hold' })
  @IsOptional() @IsString() @Matches(URN, { message: URN_MESSAGE }) schoolUrn?: string;
}

export class BallotReceiptDto {
  @ApiProperty() motionId: string;
  @ApiProperty({ type: SchoolRefDto }) school: SchoolRefDto;
  @ApiProperty({ description: 'True when cast as the school’s proxy' }) byProxy: boolean;
  @ApiProperty() castAt: string;
  @ApiProperty({ enum: MOTION_CHOICES, nullable: true, type: String, description: 'Named ballots only; null for a secret ballot' }) choice: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Secret ballots only: your ballot id. Keep it: with the salt published at the count it shows your receipt was counted as cast. Nobody else is told it.' })
  ballotId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Secret ballots only: your receipt, published with the result' }) receipt: string | null;
  @ApiProperty() message: string;
}

export class SchoolVoteDto {
  @ApiProperty() schoolUrn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, type: String, enum: MOTION_CHOICES, description: 'Null: did not vote' }) choice: string | null;
  @ApiProperty() byProxy: boolean;
}

export class TallyEntryDto {
  @ApiProperty() receipt: string;
  @ApiProperty({ enum: MOTION_CHOICES }) choice: string;
}

export class QuorumDto {
  @ApiProperty() met: boolean;
  @ApiProperty() explanation: string;
}

export class MotionResultDto {
  @ApiProperty({ enum: ['carried', 'fallen', 'not_quorate'], description: "'not_quorate': the meeting lacked its quorum, so nothing was decided" }) outcome: string;
  @ApiProperty() for: number;
  @ApiProperty() against: number;
  @ApiProperty() abstain: number;
  @ApiProperty() notVoted: number;
  @ApiProperty() electorate: number;
  @ApiProperty() byProxy: number;
  @ApiProperty() tie: boolean;
  @ApiProperty({ nullable: true, type: String, enum: TIE_RULES }) tieSettledBy: string | null;
  @ApiProperty({ description: 'In plain English, with the majority needed and how any tie was settled' }) explanation: string;
  @ApiProperty({ type: [SchoolVoteDto], nullable: true, description: 'Named ballots: how each school voted. Secret ballots: null.' }) votes: SchoolVoteDto[] | null;
  @ApiProperty({ type: [SchoolRefDto], description: 'Schools that voted (never their choices, for a secret ballot)' }) schoolsVoted: SchoolRefDto[];
  @ApiProperty({ type: [TallyEntryDto], nullable: true, description: 'Secret ballots: every counted ballot’s receipt and choice, in receipt order' }) receipts: TallyEntryDto[] | null;
  @ApiProperty({ nullable: true, type: String, description: 'Secret ballots: the salt of the receipts, published with the result' }) receiptSalt: string | null;
  @ApiProperty({ type: QuorumDto, nullable: true }) quorum: QuorumDto | null;
  @ApiProperty() countedAt: string;
}

export class MotionDto {
  @ApiProperty() id: string;
  @ApiProperty() meetingId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() meetingStartsAt: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: BALLOT_KINDS }) ballot: string;
  @ApiProperty({ enum: MAJORITIES }) majority: string;
  @ApiProperty({ enum: TIE_RULES }) tieRule: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) opensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closesAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the electorate was frozen (the poll opened)' }) electorateFrozenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ description: 'Schools in the frozen electorate (0 while a draft)' }) electorate: number;
  @ApiProperty({ description: 'Schools that have voted' }) voted: number;
  @ApiProperty({ type: MotionResultDto, nullable: true }) result: MotionResultDto | null;
}

export class ElectorateSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() category: string;
  @ApiProperty({ nullable: true, type: String }) voterName: string | null;
  @ApiProperty() voted: boolean;
}

/** A page of a poll's frozen electorate: a general meeting of every member school can have 10,000. */
export const ELECTORATE_PAGE_SIZE = 200;

export class ElectoratePageQueryDto {
  @ApiProperty({ required: false, default: 1, minimum: 1, description: 'Which page of the electorate' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page starts at 1' })
  page: number = 1;

  @ApiProperty({ required: false, default: ELECTORATE_PAGE_SIZE, minimum: 1, maximum: ELECTORATE_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1) @Max(ELECTORATE_PAGE_SIZE, { message: `pageSize can be at most ${ELECTORATE_PAGE_SIZE}` })
  pageSize: number = ELECTORATE_PAGE_SIZE;
}

export class MotionDetailDto extends MotionDto {
  @ApiProperty({ type: [ElectorateSchoolDto], description: 'One page (electoratePage, electoratePageSize) of the frozen electorate, by school name: who may vote and whether each school has (never what it chose); `electorate` is how many in all' })
  electorateSchools: ElectorateSchoolDto[];
  @ApiProperty() electoratePage: number;
  @ApiProperty() electoratePageSize: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the voting members have changed since the electorate was frozen: which schools joined or left (this poll keeps its electorate)',
  })
  electorateChangedSince: string | null;
}

export class MotionListDto {
  @ApiProperty({ type: [MotionDto] }) items: MotionDto[];
}

// ---------------------------------------------------------------------------
// Proxies and voters
// ---------------------------------------------------------------------------

export class ProxyHolderDto {
  @ApiProperty({ enum: ['school', 'chair'] }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'The school whose designated voter holds the proxy' }) schoolUrn: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName: string | null;
}

export class ProxyDto {
  @ApiProperty() id: string;
  @ApiProperty() meetingId: string;
  @ApiProperty({ type: SchoolRefDto }) fromSchool: SchoolRefDto;
  @ApiProperty({ type: ProxyHolderDto }) holder: ProxyHolderDto;
  @ApiProperty() appointedAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class ProxyListDto {
  @ApiProperty({ type: [ProxyDto] }) items: ProxyDto[];
}

export class ProxyListQueryDto {
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'Not a meeting id' }) meetingId?: string;
}

export class AppointProxyDto {
  @ApiProperty({ enum: ['school', 'chair'], description: 'Another voting school’s designated voter, or the chair of the meeting' })
  @IsIn(['school', 'chair'], { message: 'The proxy is another school’s voter or the chair' }) holder: 'school' | 'chair';
  @ApiProperty({ required: false, description: 'When the holder is a school: its URN' }) @IsOptional() @IsString() @Matches(URN, { message: URN_MESSAGE }) holderSchoolUrn?: string;
}

export class VoterDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
}

export class SchoolVoterDto {
  @ApiProperty({ type: SchoolRefDto }) school: SchoolRefDto;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'Whether the school’s category carries votes' }) votes: boolean;
  @ApiProperty({ type: VoterDto, nullable: true }) voter: VoterDto | null;
  @ApiProperty({ description: 'True when the school named its voter; false: the headteacher' }) named: boolean;
}

/** The voter list feeds the governance pages' pickers, so its pages are large; still bounded (about 120 KB a page). */
export const SCHOOL_VOTERS_PAGE_SIZE = 1000;

export class SchoolVoterListQueryDto {
  @ApiProperty({ required: false, default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page starts at 1' })
  page: number = 1;

  @ApiProperty({ required: false, default: SCHOOL_VOTERS_PAGE_SIZE, minimum: 1, maximum: SCHOOL_VOTERS_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1) @Max(SCHOOL_VOTERS_PAGE_SIZE, { message: `pageSize can be at most ${SCHOOL_VOTERS_PAGE_SIZE}` })
  pageSize: number = SCHOOL_VOTERS_PAGE_SIZE;

  @ApiProperty({ required: false, description: 'Part of a school’s name or URN, or of its voter’s name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class SchoolVoterListDto {
  @ApiProperty({ type: [SchoolVoterDto], description: 'One page, by school name' }) items: SchoolVoterDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'How many schools match in all' }) total: number;
}

export class NameVoterDto {
  @ApiProperty({ nullable: true, type: String, description: 'A person who acts for the school; null: the headteacher again' })
  @IsOptional() @IsUUID('all', { message: 'Choose one of the school’s people' }) userId: string | null;
}

// ---------------------------------------------------------------------------
// Elections
// ---------------------------------------------------------------------------

export class ReservationDto {
  @ApiProperty({ description: 'What the reserved seats are called ("Secondary headteacher")' }) @IsString() @trimmed() @Matches(/\S/, { message: 'Name the reservation' }) @MaxLength(100) label: string;
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'Give a whole number of seats' }) @Min(1) @Max(100) count: number;
  @ApiProperty({ required: false, type: [String], enum: PHASES, enumName: 'Phase' })
  @IsOptional() @IsArray() @IsIn(PHASES as unknown as string[], { each: true, message: `Phases are: ${PHASES.join(', ')}` }) phases?: string[];
  @ApiProperty({ required: false, type: [String], description: 'School characters ("Church of England", "Roman Catholic", "None")' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) characters?: string[];
  @ApiProperty({ required: false, type: [String], description: 'Areas within the partnership' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) areas?: string[];
}

export class CreateElectionDto {
  @ApiProperty({ description: 'The body whose seats are elected' }) @IsUUID('all', { message: 'Choose the body' }) bodyId: string;
  @ApiProperty({ required: false, description: 'The body’s elected seat rule the winners fill (its seats and reservations are the defaults)' })
  @IsOptional() @IsUUID('all', { message: 'Choose one of the body’s seat rules' }) seatRuleId?: string;
  @ApiProperty({ required: false, description: 'The general meeting the election is held at (its proxies apply)' }) @IsOptional() @IsUUID('all', { message: 'Choose the meeting' }) meetingId?: string;
  @ApiProperty() @IsString() @trimmed() @Matches(/\S/, { message: 'Give the election a title' }) @MaxLength(300) title: string;
  @ApiProperty({ required: false, description: 'Seats to fill (default: the seat rule’s)' }) @IsOptional() @IsInt({ message: 'Give a whole number of seats' }) @Min(1) @Max(100) seats?: number;
  @ApiProperty({ required: false, description: 'Candidates each school may choose (default: the number of seats)' }) @IsOptional() @IsInt() @Min(1) @Max(100) maxChoices?: number;
  @ApiProperty({ required: false, type: [ReservationDto], description: 'Seats reserved by phase, character or area (default: the seat rule’s)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ReservationDto) reservations?: ReservationDto[];
  @ApiProperty({ required: false, type: [String], description: 'School roles that may stand (default: headteacher)' })
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(['headteacher', 'business-manager', 'staff'], { each: true, message: 'Roles are headteacher, business-manager or staff' }) eligibleRoles?: string[];
  @ApiProperty({ required: false }) @IsOptional() @IsDateString({}, { message: 'Give a date and time' }) nominationsCloseAt?: string;
  @ApiProperty({ required: false, description: 'Voting opens at this time (default: when voting is opened)' }) @IsOptional() @IsDateString({}, { message: 'Give a date and time' }) votingOpensAt?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsDateString({}, { message: 'Give a date and time' }) votingClosesAt?: string;
  @ApiProperty({ required: false, enum: ELECTION_TIE_RULES, description: 'How a tie for the last seat is settled: by lot (default; drawn from a seed fixed when the election is created) or the longest-serving candidate' })
  @IsOptional() @IsIn(ELECTION_TIE_RULES as unknown as string[], { message: 'Ties are settled by lot or longest_serving' }) tieRule?: (typeof ELECTION_TIE_RULES)[number];
  @ApiProperty({ required: false, description: 'Length of the winners’ term in months (default: the seat rule’s)' }) @IsOptional() @IsInt() @Min(1) @Max(120) termMonths?: number;
}

export class ElectionListQueryDto {
  @ApiProperty({ required: false, enum: ['nominations', 'voting', 'closed'] }) @IsOptional() @IsIn(['nominations', 'voting', 'closed']) status?: 'nominations' | 'voting' | 'closed';
}

export class NominateDto {
  @ApiProperty({ description: 'The candidate' }) @IsUUID('all', { message: 'Choose the candidate' }) candidateUserId: string;
  @ApiProperty({ description: 'The member school the candidate stands from' }) @IsString() @Matches(URN, { message: URN_MESSAGE }) schoolUrn: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(5000) statement?: string;
}

export class SchoolNominateDto {
  @ApiProperty({ required: false, description: 'The candidate, one of the school’s people (default: you)' }) @IsOptional() @IsUUID('all', { message: 'Choose the candidate' }) candidateUserId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(5000) statement?: string;
}

export class ElectionBallotDto {
  @ApiProperty({ type: [String], description: 'The nominations chosen, at most the election’s maxChoices, no repeats' })
  @IsArray() @ArrayMaxSize(100) @ArrayUnique({ message: 'Choose each candidate once' }) @IsUUID('all', { each: true, message: 'Choose candidates from the list' }) nominationIds: string[];
  @ApiProperty({ description: 'The school whose vote this is' }) @IsString() @Matches(URN, { message: URN_MESSAGE }) schoolUrn: string;
}

export class SchoolElectionBallotDto {
  @ApiProperty({ type: [String], description: 'The nominations chosen, at most the election’s maxChoices, no repeats' })
  @IsArray() @ArrayMaxSize(100) @ArrayUnique({ message: 'Choose each candidate once' }) @IsUUID('all', { each: true, message: 'Choose candidates from the list' }) nominationIds: string[];
  @ApiProperty({ required: false, description: 'This school (default) or one whose proxy you hold' }) @IsOptional() @IsString() @Matches(URN, { message: URN_MESSAGE }) schoolUrn?: string;
}

export class ElectionReceiptDto {
  @ApiProperty() electionId: string;
  @ApiProperty({ type: SchoolRefDto }) school: SchoolRefDto;
  @ApiProperty() byProxy: boolean;
  @ApiProperty() castAt: string;
  @ApiProperty({ description: 'Your ballot id: keep it to check your receipt when the result is published. Nobody else is told it.' }) ballotId: string;
  @ApiProperty() receipt: string;
  @ApiProperty() message: string;
}

export class CandidateDto {
  @ApiProperty() nominationId: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SchoolRefDto }) school: SchoolRefDto;
  @ApiProperty() phase: string;
  @ApiProperty({ nullable: true, type: String }) character: string | null;
  @ApiProperty({ nullable: true, type: String }) area: string | null;
  @ApiProperty() statement: string;
}

export class ElectedDto {
  @ApiProperty() nominationId: string;
  @ApiProperty() name: string;
  @ApiProperty() votes: number;
  @ApiProperty({ nullable: true, type: String, description: 'The reservation the seat was filled under; null for an open seat' }) reservation: string | null;
  @ApiProperty({ nullable: true, type: String }) termStartsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) termEndsOn: string | null;
}

export class TallyDto {
  @ApiProperty() nominationId: string;
  @ApiProperty() name: string;
  @ApiProperty() votes: number;
}

export class ElectionReceiptEntryDto {
  @ApiProperty() receipt: string;
  @ApiProperty({ type: [String] }) nominationIds: string[];
}

export class ElectionResultDto {
  @ApiProperty({ type: [ElectedDto] }) elected: ElectedDto[];
  @ApiProperty({ type: [TallyDto] }) tallies: TallyDto[];
  @ApiProperty({ description: 'The stated tie rule' }) tieRule: string;
  @ApiProperty({ type: [String], description: 'Ties settled by the rule, in plain English' }) tiesSettled: string[];
  @ApiProperty({ type: [String], description: 'Reservations that could not be filled, seats left empty' }) problems: string[];
  @ApiProperty() ballots: number;
  @ApiProperty() electorate: number;
  @ApiProperty({ type: [ElectionReceiptEntryDto], description: 'Every counted ballot’s receipt and choices, in receipt order' }) receipts: ElectionReceiptEntryDto[];
  @ApiProperty() receiptSalt: string;
  @ApiProperty() countedAt: string;
}

export class ReservationViewDto {
  @ApiProperty() label: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [String] }) phases: string[];
  @ApiProperty({ type: [String] }) characters: string[];
  @ApiProperty({ type: [String] }) areas: string[];
}

export class ElectionDto {
  @ApiProperty() id: string;
  @ApiProperty() bodyId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty({ nullable: true, type: String }) seatRuleId: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() seats: number;
  @ApiProperty() maxChoices: number;
  @ApiProperty({ type: [ReservationViewDto] }) reservations: ReservationViewDto[];
  @ApiProperty({ type: [String] }) eligibleRoles: string[];
  @ApiProperty({ nullable: true, type: String }) nominationsCloseAt: string | null;
  @ApiProperty({ nullable: true, type: String }) votingOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) votingClosesAt: string | null;
  @ApiProperty({ enum: ELECTION_TIE_RULES }) tieRule: string;
  @ApiProperty({ description: 'The tie rule in plain English' }) tieRuleText: string;
  @ApiProperty({ nullable: true, type: Number }) termMonths: number | null;
  @ApiProperty({ enum: ['nominations', 'voting', 'closed'] }) status: string;
  @ApiProperty() candidates: number;
  @ApiProperty() electorate: number;
  @ApiProperty() voted: number;
  @ApiProperty({ type: ElectionResultDto, nullable: true }) result: ElectionResultDto | null;
}

export class ElectionDetailDto extends ElectionDto {
  @ApiProperty({ type: [CandidateDto] }) candidateList: CandidateDto[];
  @ApiProperty({ type: [ElectorateSchoolDto], description: 'One page (electoratePage, electoratePageSize) of the frozen electorate; `electorate` is how many in all' }) electorateSchools: ElectorateSchoolDto[];
  @ApiProperty() electoratePage: number;
  @ApiProperty() electoratePageSize: number;
}

export class ElectionListDto {
  @ApiProperty({ type: [ElectionDto] }) items: ElectionDto[];
}

// ---------------------------------------------------------------------------
// The school's side
// ---------------------------------------------------------------------------

export class VotingForDto {
  @ApiProperty({ type: SchoolRefDto }) school: SchoolRefDto;
  @ApiProperty({ description: 'As the school’s proxy' }) asProxy: boolean;
  @ApiProperty() voted: boolean;
}

export class SchoolMotionDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() meetingStartsAt: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ enum: BALLOT_KINDS }) ballot: string;
  @ApiProperty({ nullable: true, type: String }) opensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closesAt: string | null;
  @ApiProperty({ description: 'Whether this school is in the frozen electorate' }) schoolInElectorate: boolean;
  @ApiProperty() schoolVoted: boolean;
  @ApiProperty({ type: [VotingForDto], description: 'The schools you may vote for now (this school, and those whose proxy you hold)' }) youMayVoteFor: VotingForDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Why this school cannot vote, when it cannot' }) whyNot: string | null;
  @ApiProperty({ type: MotionResultDto, nullable: true }) result: MotionResultDto | null;
}

export class SchoolElectionDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() bodyName: string;
  @ApiProperty({ enum: ['nominations', 'voting', 'closed'] }) status: string;
  @ApiProperty() seats: number;
  @ApiProperty() maxChoices: number;
  @ApiProperty({ type: [ReservationViewDto] }) reservations: ReservationViewDto[];
  @ApiProperty({ nullable: true, type: String }) nominationsCloseAt: string | null;
  @ApiProperty({ nullable: true, type: String }) votingClosesAt: string | null;
  @ApiProperty({ type: [CandidateDto] }) candidates: CandidateDto[];
  @ApiProperty() schoolInElectorate: boolean;
  @ApiProperty() schoolVoted: boolean;
  @ApiProperty({ type: [VotingForDto] }) youMayVoteFor: VotingForDto[];
  @ApiProperty({ type: ElectionResultDto, nullable: true }) result: ElectionResultDto | null;
}

export class GeneralMeetingDto {
  @ApiProperty() id: string;
  @ApiProperty() bodyName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty({ type: ProxyDto, nullable: true, description: 'The proxy this school has appointed for the meeting' }) proxy: ProxyDto | null;
}

export class PartnershipRefDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class SchoolPartnershipVotesDto {
  @ApiProperty({ type: PartnershipRefDto }) partnership: PartnershipRefDto;
  @ApiProperty({ description: 'Whether the school’s category carries votes in this partnership' }) votes: boolean;
  @ApiProperty() category: string;
  @ApiProperty({ type: VoterDto, nullable: true, description: 'The school’s designated voter here' }) voter: VoterDto | null;
  @ApiProperty() voterNamed: boolean;
  @ApiProperty({ description: 'Whether you are the school’s designated voter here' }) youAreVoter: boolean;
  @ApiProperty({ type: [SchoolMotionDto] }) motions: SchoolMotionDto[];
  @ApiProperty({ type: [SchoolElectionDto] }) elections: SchoolElectionDto[];
  @ApiProperty({ type: [GeneralMeetingDto], description: 'Coming general meetings, with this school’s proxy for each' }) meetings: GeneralMeetingDto[];
  @ApiProperty({ type: [ProxyDto], description: 'Proxies other schools have given this school’s voter' }) proxiesHeld: ProxyDto[];
}

export class SchoolVotesDto {
  @ApiProperty({ type: [SchoolPartnershipVotesDto] }) items: SchoolPartnershipVotesDto[];
}
