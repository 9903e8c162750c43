import { PageQueryDto } from '../../common/pagination.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PHASES, type Phase, SCENARIO_MAX_GROUP_COUNT, SCENARIO_MAX_GROUPS } from '@partnerships/domain';
import { FeePeriodDto, FeeRoundingDto, FeeScheduleDocumentDto } from './fee-schedule-document.dto';
import { IsPupilCount } from '../../common/pupil-count.validator';

export class FeeScheduleSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: FeePeriodDto }) period: FeePeriodDto;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published', 'superseded'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class FeeScheduleDto extends FeeScheduleSummaryDto {
  @ApiProperty({ type: () => FeeScheduleDocumentDto, description: 'The fee schedule document (see packages/domain/src/fees/fee-schedule.ts)' })
  document: Record<string, unknown>;
}

export class FeeScheduleListDto {
  @ApiProperty({ type: [FeeScheduleSummaryDto] }) items: FeeScheduleSummaryDto[];
}

export class SaveFeeScheduleDto {
  @ApiProperty({ type: () => FeeScheduleDocumentDto, description: 'A fee schedule document, e.g. one exported from another partnership' })
  @IsObject({ message: 'document must be a fee schedule object' })
  document: Record<string, unknown>;
}

export class PreviewFeeScheduleDto {
  @ApiPropertyOptional({ type: () => FeeScheduleDocumentDto, description: 'An unsaved document to preview instead of the stored one' })
  @IsOptional() @IsObject({ message: 'document must be a fee schedule object' })
  document?: Record<string, unknown>;
}

/** The pupil number a fee was worked out with, and where it came from (`choosePupilFigure`): the quote, the preview, the dry run and the invoice say the same. */
export class FeePupilFigureDto {
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty({ enum: ['census', 'register', 'none', 'entered'], description: 'census: the partnership’s approved figure; register: the school register’s; entered: typed into the calculator' }) source: string;
  @ApiProperty({ nullable: true, type: String, description: 'The census (YYYY-MM) of an approved figure' }) census: string | null;
  @ApiProperty({ example: '312 pupils, October 2026 census' }) label: string;
}

export class FeeLineDto {
  @ApiProperty() text: string;
  @ApiProperty() amountPence: number;
}

export class FeeInstalmentDto {
  @ApiProperty() label: string;
  @ApiProperty() dueDate: string;
  @ApiProperty() amountPence: number;
}

export class PreviewRowDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty({ type: FeePupilFigureDto }) pupilFigure: FeePupilFigureDto;
  @ApiProperty() category: string;
  @ApiProperty() totalPence: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Under the previous period’s published schedule' }) previousPence: number | null;
  @ApiProperty({ nullable: true, type: Number }) changePence: number | null;
  @ApiProperty({ type: [FeeLineDto] }) lines: FeeLineDto[];
}

/** A school the partnership is about to invite (prospect, invited or applied), priced under the draft but not counted in the members' total. */
export class PreviewProspectDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The register’s number of pupils' }) pupils: number | null;
  @ApiProperty() category: string;
  @ApiProperty({ enum: ['prospect', 'invited', 'applied'] }) status: string;
  @ApiProperty({ enum: [true], description: 'Always true: marks the row as a prospect, not a member' }) prospect: true;
  @ApiProperty() totalPence: number;
  @ApiProperty({ type: [FeeLineDto] }) lines: FeeLineDto[];
}

/** A contradiction or likely slip in the schedule, with the schools it affects (`analyseFeeSchedule`). Publishing is refused while there are any. */
export class ScheduleWarningDto {
  @ApiProperty({ enum: ['minimum-above-maximum', 'two-base-fees', 'two-size-bands', 'rate-looks-wrong', 'zero-maximum'] }) kind: string;
  @ApiProperty({ type: [Number], description: 'The components at fault, 0-based' }) components: number[];
  @ApiProperty({ example: 'components[2]' }) field: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: [String], description: 'Every school affected (prospects marked "(prospect)")' }) schools: string[];
}

/** Which page of the preview's schools (and how many prospects) to answer with: the totals always cover every school. */
export class PreviewQueryDto extends PageQueryDto {}

export class PreviewDto {
  @ApiProperty({ type: [PreviewRowDto], description: 'One page of the member schools, in name order (`page`, `pageSize`)' }) rows: PreviewRowDto[];
  @ApiProperty({ description: 'The page of schools in `rows`' }) page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'How many member schools are priced (every page): `totalPence` and `previousTotalPence` cover them all' }) schools: number;
  @ApiProperty({ description: 'How many prospects are priced; `prospects` lists at most `pageSize` of them' }) prospectCount: number;
  @ApiProperty() totalPence: number;
  @ApiProperty({ nullable: true, type: Number }) previousTotalPence: number | null;
  @ApiProperty({ nullable: true, type: FeeScheduleSummaryDto }) previousSchedule: FeeScheduleSummaryDto | null;
  @ApiProperty({ type: [PreviewProspectDto] }) prospects: PreviewProspectDto[];
  @ApiProperty({ description: 'What the prospects would pay, besides the members’ total' }) prospectsTotalPence: number;
  @ApiProperty({ type: [ScheduleWarningDto] }) warnings: ScheduleWarningDto[];
}

export class ScenarioSchoolDto {
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) @IsIn(PHASES, { message: `phase must be one of ${PHASES.join(', ')}` }) phase: Phase;
  @ApiProperty() @Type(() => Number) @IsPupilCount() pupils: number;
  @ApiProperty({ required: false, default: 1, description: 'How many schools like this' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SCENARIO_MAX_GROUP_COUNT) count?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() category?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() schoolType?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() tier?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() label?: string;
}

export class ScenarioSolveDto {
  @ApiProperty({ description: 'Index of the component whose rate or fee is solved for' }) @IsInt() @Min(0) componentIndex: number;
  @ApiProperty({ enum: ['ratePence', 'amountPence'] }) @IsIn(['ratePence', 'amountPence']) field: 'ratePence' | 'amountPence';
  @ApiProperty() @IsInt({ message: 'targetPence must be whole pence' }) @Min(1) targetPence: number;
}

export class ScenarioRequestDto {
  @ApiPropertyOptional({ type: () => FeeScheduleDocumentDto, description: 'A schedule document; default: the stored schedule scheduleId' })
  @IsOptional() @IsObject() document?: Record<string, unknown>;
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'scheduleId must be a schedule id' }) scheduleId?: string;
  @ApiProperty({ type: [ScenarioSchoolDto], maxItems: SCENARIO_MAX_GROUPS, description: `At most ${SCENARIO_MAX_GROUPS} groups of schools (the planner's form holds as many)` })
  @IsArray() @ArrayMaxSize(SCENARIO_MAX_GROUPS, { message: `A scenario can hold at most ${SCENARIO_MAX_GROUPS} groups of schools` }) @ValidateNested({ each: true }) @Type(() => ScenarioSchoolDto)
  schools: ScenarioSchoolDto[];
  @ApiProperty({ type: ScenarioSolveDto, required: false }) @IsOptional() @ValidateNested() @Type(() => ScenarioSolveDto) solve?: ScenarioSolveDto;
}

export class ScenarioRowDto {
  @ApiProperty() label: string;
  @ApiProperty() phase: string;
  @ApiProperty() pupils: number;
  @ApiProperty() count: number;
  @ApiProperty() feePence: number;
  @ApiProperty() subtotalPence: number;
}

export class ScenarioSolutionDto {
  @ApiProperty({ description: 'The smallest whole-pence rate or fee that raises at least the target' }) valuePence: number;
  @ApiProperty() totalPence: number;
  @ApiProperty({ type: () => FeeScheduleDocumentDto, description: 'The schedule with the solved value, ready to save' }) document: Record<string, unknown>;
}

export class ScenarioResultDto {
  @ApiProperty({ type: [ScenarioRowDto] }) rows: ScenarioRowDto[];
  @ApiProperty() schools: number;
  @ApiProperty() totalPence: number;
  @ApiProperty({ type: ScenarioSolutionDto, required: false }) solution?: ScenarioSolutionDto;
}

/** Current member schools like each other for the planner: one phase, category and pupil figure (or pupil band). */
export class MemberGroupDto {
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) phase: string;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'The pupils each school of the group is priced with in a scenario: the fee’s own figure (`choosePupilFigure`: approved census, else register, else 0), or, in a band, a whole number next to the band’s mean' })
  pupils: number;
  @ApiProperty({ description: 'How many member schools the group stands for' }) count: number;
  @ApiProperty({ description: 'The smallest pupil figure among the group’s schools (equal to `pupils` when `exact`)' }) pupilsMin: number;
  @ApiProperty({ description: 'The largest pupil figure among the group’s schools' }) pupilsMax: number;
}

export class MemberGroupsDto {
  @ApiProperty({ type: [MemberGroupDto], maxItems: SCENARIO_MAX_GROUPS, description: `At most ${SCENARIO_MAX_GROUPS} groups (what a scenario holds), phases in order, smallest first` })
  groups: MemberGroupDto[];
  @ApiProperty({
    description:
      'True: each group is schools of exactly one phase, pupil figure and category, so a scenario of them totals what the preview totals. False: too many sizes to fit, so each phase and category is cut into pupil bands, each given as at most two groups whose pupils add up to the band’s; a fee straight in pupils still totals the same apart from rounding, a band across a size band, minimum or maximum is an estimate',
  })
  exact: boolean;
  @ApiProperty({ description: 'How many current member schools the groups cover (the preview’s `schools`)' }) schools: number;
}

export class QuoteQueryDto {
  @ApiProperty({ required: false, enum: PHASES, enumName: 'Phase' })
  @IsOptional() @IsIn(PHASES, { message: `phase must be one of ${PHASES.join(', ')}` }) phase?: Phase;
  @ApiProperty({ required: false })
  @IsOptional() @Type(() => Number) @IsPupilCount() pupils?: number;
  @ApiProperty({ required: false, description: 'Pick the school from the register' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'urn must be six digits' }) urn?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() category?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() tier?: string;
  @ApiProperty({ required: false, description: 'YYYY-MM-DD; default today' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date?: string;
}

export class QuoteScheduleDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: FeePeriodDto }) period: FeePeriodDto;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'True when the schedule covers the date asked about' }) coversDate: boolean;
  @ApiProperty({ type: FeeRoundingDto, description: 'How the schedule rounds fees (whole pounds are shown without pence)' }) rounding: FeeRoundingDto;
  @ApiProperty({ required: false }) note?: string;
}

export class QuoteSchoolDto {
  @ApiProperty() phase: string;
  @ApiProperty() pupils: number;
  @ApiProperty({ type: FeePupilFigureDto, description: 'Which pupil number the quote used' }) pupilFigure: FeePupilFigureDto;
  @ApiProperty({ required: false }) urn?: string;
  @ApiProperty({ required: false }) name?: string;
  @ApiProperty({ required: false }) category?: string;
}

export class QuoteDto {
  @ApiProperty() totalPence: number;
  @ApiProperty({ type: [FeeLineDto] }) lines: FeeLineDto[];
  @ApiProperty() explanation: string;
  @ApiProperty({ type: [FeeInstalmentDto] }) instalments: FeeInstalmentDto[];
  @ApiProperty({ required: false }) liabilityGuaranteePence?: number;
  @ApiProperty({ required: false, description: 'What the liability guarantee means, in the partnership’s words' }) liabilityGuaranteeNote?: string;
  @ApiProperty({ type: QuoteScheduleDto }) schedule: QuoteScheduleDto;
  @ApiProperty({ type: QuoteSchoolDto, description: 'What the quote was for' }) school: QuoteSchoolDto;
}

export class PublicSchoolSearchQueryDto {
  @ApiProperty({ description: 'Part of the school’s name, or its six-digit URN (at least 2 characters)' })
  @IsString({ message: 'Enter some of your school’s name or its URN' })
  @MinLength(2, { message: 'Enter at least 2 letters of your school’s name, or its URN' })
  @MaxLength(100, { message: 'Enter at most 100 characters' })
  q: string;
}

export class PublicSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) phase: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
}

export class PublicSchoolListDto {
  @ApiProperty({ type: [PublicSchoolDto], description: 'At most 20 open schools, those in the partnership’s areas first' }) items: PublicSchoolDto[];
}

export class FeeScheduleTemplateDto {
  @ApiProperty({ example: 'ealing-2018-19-scenario-1' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'What the model is, in a sentence' }) description: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A fee schedule document to start from' }) document: Record<string, unknown>;
}

export class FeeScheduleTemplateListDto {
  @ApiProperty({ type: [FeeScheduleTemplateDto] }) items: FeeScheduleTemplateDto[];
}
