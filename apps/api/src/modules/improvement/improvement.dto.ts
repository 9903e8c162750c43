import { ApiProperty } from '@nestjs/swagger';
import { BENCHMARK_SOURCES, CONCERN_KINDS, CONCERN_STATUSES, INDICATOR_UNITS, NEED_STATUSES, SUPPORTER_KINDS } from '@partnerships/domain';
import { Type } from 'class-transformer';
import { PageQueryDto } from '../../common/pagination.dto';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URN = /^\d{6}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const CODE_MESSAGE = 'Use lower-case letters, digits and underscores, starting with a letter (e.g. phonics)';

export class ImprovementCreatedDto {
  @ApiProperty() id: string;
}

// --- data sets ---------------------------------------------------------------

export class IndicatorInputDto {
  @ApiProperty({ example: 'gld' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the indicator a name' }) @MaxLength(200) name: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Say what the indicator counts' }) @MaxLength(2000) definition: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) @IsIn(INDICATOR_UNITS, { message: `The unit is one of: ${INDICATOR_UNITS.join(', ')}` }) unit: (typeof INDICATOR_UNITS)[number];
  @ApiProperty({ required: false, description: 'Default true' }) @IsOptional() @IsBoolean() higherIsBetter?: boolean;
  @ApiProperty({ required: false, description: 'Decimal places allowed (0 to 3); default 0' }) @IsOptional() @IsInt({ message: 'Decimal places are a whole number' }) @Min(0) @Max(3) decimals?: number;
  @ApiProperty({ required: false, description: 'Lowest valid value; default 0' }) @IsOptional() @IsNumber({}, { message: 'The lowest value is a number' }) min?: number;
  @ApiProperty({ required: false, description: 'Highest valid value; default 100 for percentages' }) @IsOptional() @IsNumber({}, { message: 'The highest value is a number' }) max?: number;
  @ApiProperty({ description: 'The area of improvement it speaks to (phonics, reading, writing, maths, early_years)' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) area: string;
}

export class DataSetInputDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the data set a name' }) @MaxLength(200) name: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiProperty({ type: [IndicatorInputDto] }) @IsArray({ message: 'List the indicators' }) @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => IndicatorInputDto) indicators: IndicatorInputDto[];
}

export class IndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() definition: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: string;
  @ApiProperty() higherIsBetter: boolean;
  @ApiProperty() decimals: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() area: string;
}

export class DataSetDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [IndicatorDto] }) indicators: IndicatorDto[];
}

export class DataSetListDto {
  @ApiProperty({ type: [DataSetDto] }) items: DataSetDto[];
}

// --- rounds ------------------------------------------------------------------

export class RoundInputDto {
  @ApiProperty({ description: 'The body (usually a cluster) running the round' }) @IsUUID('all', { message: 'Choose the body running the round' }) bodyId: string;
  @ApiProperty() @IsUUID('all', { message: 'Choose the data set' }) dataSetId: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the round a name' }) @MaxLength(200) name: string;
  @ApiProperty({ description: 'Window opens, YYYY-MM-DD' }) @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) opensOn: string;
  @ApiProperty({ description: 'Window closes, YYYY-MM-DD' }) @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) closesOn: string;
}

export class ImprovementSchoolDto {
  @ApiProperty() id: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
}

export class RoundSchoolDto extends ImprovementSchoolDto {
  @ApiProperty() submitted: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
}

export class RoundSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() bodyId: string;
  @ApiProperty() bodyName: string;
  @ApiProperty() dataSetId: string;
  @ApiProperty() academicYearStart: number;
  @ApiProperty() opensOn: string;
  @ApiProperty() closesOn: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'reported'] }) status: string;
  @ApiProperty() schools: number;
  @ApiProperty() submissions: number;
}

export class RoundListDto {
  @ApiProperty({ type: [RoundSummaryDto] }) items: RoundSummaryDto[];
}

export class RoundDto extends RoundSummaryDto {
  @ApiProperty({ type: DataSetDto }) dataSet: DataSetDto;
  @ApiProperty({ type: [RoundSchoolDto] }) schoolList: RoundSchoolDto[];
}

export class SubmissionInputDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'One value per indicator code; null where the school has no figure' })
  @IsObject({ message: 'Give the figures as one value per indicator' })
  values: Record<string, unknown>;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The school’s own analysis: strengths' }) @IsOptional() @IsString() @MaxLength(5000) ownStrengths?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The school’s own analysis: areas to develop' }) @IsOptional() @IsString() @MaxLength(5000) ownAreasToDevelop?: string | null;
}

export class AdminSubmissionInputDto extends SubmissionInputDto {
  @ApiProperty() @Matches(URN, { message: 'The URN is six digits' }) schoolUrn: string;
}

export class CsvInputDto {
  @ApiProperty({ description: 'CSV text: "indicator,value" lines for one school, or URN then one column per indicator for many' }) @IsString({ message: 'Paste or upload the CSV text' }) @MaxLength(2_000_000) csv: string;
}

export class SubmissionDto {
  @ApiProperty({ type: ImprovementSchoolDto }) school: ImprovementSchoolDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true } }) values: Record<string, number | null>;
  @ApiProperty({ nullable: true, type: String }) ownStrengths: string | null;
  @ApiProperty({ nullable: true, type: String }) ownAreasToDevelop: string | null;
  @ApiProperty({ enum: ['form', 'csv'] }) via: string;
  @ApiProperty() submittedAt: string;
}

export class CsvResultDto {
  @ApiProperty() imported: number;
  @ApiProperty({ type: [SubmissionDto] }) items: SubmissionDto[];
}

export class BenchmarkInputDto {
  @ApiProperty() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) indicatorCode: string;
  @ApiProperty({ enum: BENCHMARK_SOURCES }) @IsIn(BENCHMARK_SOURCES, { message: 'The source is la (local authority) or national' }) source: (typeof BENCHMARK_SOURCES)[number];
  @ApiProperty() @IsNumber({}, { message: 'The benchmark is a number' }) value: number;
}

export class BenchmarksInputDto {
  @ApiProperty({ type: [BenchmarkInputDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BenchmarkInputDto) items: BenchmarkInputDto[];
}

export class BenchmarkDto {
  @ApiProperty() indicatorCode: string;
  @ApiProperty({ enum: BENCHMARK_SOURCES }) source: string;
  @ApiProperty() value: number;
}

export class BenchmarkListDto {
  @ApiProperty({ type: [BenchmarkDto] }) items: BenchmarkDto[];
}

export class SchoolFigureDto {
  @ApiProperty() schoolId: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty({ nullable: true, type: Number }) rank: number | null;
  @ApiProperty({ nullable: true, type: Number }) quartile: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Difference from each benchmark, positive is better' }) versus: Record<string, number>;
}

export class ComparisonDto {
  @ApiProperty({ type: IndicatorDto }) indicator: IndicatorDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) benchmarks: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number }) lowerQuartile: number | null;
  @ApiProperty({ nullable: true, type: Number }) upperQuartile: number | null;
  @ApiProperty({ type: [SchoolFigureDto] }) schools: SchoolFigureDto[];
  @ApiProperty({ description: 'The chart as an SVG image' }) chartUrl: string;
  @ApiProperty({ description: 'The chart’s text alternative' }) chartText: string;
}

export class FindingDto {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() area: string;
  @ApiProperty() reason: string;
}

export class SchoolFindingsDto {
  @ApiProperty() schoolId: string;
  @ApiProperty({ type: [FindingDto] }) strengths: FindingDto[];
  @ApiProperty({ type: [FindingDto] }) areasToDevelop: FindingDto[];
}

export class RoundComparisonDto {
  @ApiProperty({ type: [ComparisonDto] }) indicators: ComparisonDto[];
  @ApiProperty({ type: [SchoolFindingsDto], description: 'Suggested strengths and areas to develop (the meeting agrees the outcomes)' }) suggestions: SchoolFindingsDto[];
}

export class OutcomeItemDto {
  @ApiProperty() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) area: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) indicatorCode?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

export class OutcomeInputDto {
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The meeting where it was agreed' }) @IsOptional() @IsUUID('all', { message: 'The meeting is a meeting id' }) meetingId?: string | null;
  @ApiProperty({ type: [OutcomeItemDto] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => OutcomeItemDto) strengths: OutcomeItemDto[];
  @ApiProperty({ type: [OutcomeItemDto] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => OutcomeItemDto) areasToDevelop: OutcomeItemDto[];
}

export class OutcomeDto {
  @ApiProperty({ type: ImprovementSchoolDto }) school: ImprovementSchoolDto;
  @ApiProperty({ nullable: true, type: String }) meetingId: string | null;
  @ApiProperty({ type: [OutcomeItemDto] }) strengths: OutcomeItemDto[];
  @ApiProperty({ type: [OutcomeItemDto] }) areasToDevelop: OutcomeItemDto[];
  @ApiProperty() recordedAt: string;
}

export class OutcomeListDto {
  @ApiProperty({ type: [OutcomeDto] }) items: OutcomeDto[];
}

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done'] as const;

export class ActionPlanItemDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Say what will be done' }) @MaxLength(1000) action: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) owner?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) dueOn?: string | null;
  @ApiProperty({ required: false, enum: ACTION_STATUSES }) @IsOptional() @IsIn(ACTION_STATUSES, { message: `The status is one of: ${ACTION_STATUSES.join(', ')}` }) status?: (typeof ACTION_STATUSES)[number];
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(40) area?: string | null;
}

export class GroupReportInputDto {
  @ApiProperty() @IsString() @MaxLength(20000) summary: string;
  @ApiProperty({ type: [ActionPlanItemDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ActionPlanItemDto) actionPlan: ActionPlanItemDto[];
}

export class GroupReportDto {
  @ApiProperty() roundId: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [ActionPlanItemDto] }) actionPlan: ActionPlanItemDto[];
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class SchoolRoundsQueryDto {
  @ApiProperty({ description: 'The partnership’s slug' }) @IsString({ message: 'Say which partnership (tenant)' }) @Matches(/^[a-z0-9-]{1,60}$/, { message: 'Give the partnership’s short name, e.g. ealing' }) tenant: string;
}

export class SchoolRoundDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() opensOn: string;
  @ApiProperty() closesOn: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: DataSetDto }) dataSet: DataSetDto;
  @ApiProperty({ type: SubmissionDto, nullable: true }) submission: SubmissionDto | null;
}

export class SchoolRoundListDto {
  @ApiProperty({ type: [SchoolRoundDto] }) items: SchoolRoundDto[];
}

// --- brokerage ---------------------------------------------------------------

export class NeedInputDto {
  @ApiProperty() @Matches(URN, { message: 'The URN is six digits' }) schoolUrn: string;
  @ApiProperty() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) area: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Describe the need' }) @MaxLength(2000) description: string;
  @ApiProperty({ required: false, enum: ['review', 'request'], description: 'Default request' }) @IsOptional() @IsIn(['review', 'request'], { message: 'The source is review or request' }) source?: 'review' | 'request';
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The review it came from' }) @IsOptional() @IsUUID('all', { message: 'The review is a review id' }) sourceRef?: string | null;
  @ApiProperty({ required: false, description: 'Default today' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) foundOn?: string;
  @ApiProperty({ required: false, description: 'Default: within a term of being found, from the term dates' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) targetOn?: string;
}

export class SchoolRequestInputDto {
  @ApiProperty({ description: 'The area support is wanted in (phonics, reading, writing, maths, early_years, leadership)' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) area: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Describe what support you need' }) @MaxLength(2000) description: string;
}

export class NeedQueryDto {
  @ApiProperty({ required: false, enum: NEED_STATUSES }) @IsOptional() @IsIn(NEED_STATUSES, { message: `The status is one of: ${NEED_STATUSES.join(', ')}` }) status?: (typeof NEED_STATUSES)[number];
}

export class AgreementDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SUPPORTER_KINDS }) supporterKind: string;
  @ApiProperty() supporterName: string;
  @ApiProperty({ nullable: true, type: String }) supporterSchoolId: string | null;
  @ApiProperty({ nullable: true, type: String }) supporterOfferId: string | null;
  @ApiProperty({ nullable: true, type: String }) supporterBodyId: string | null;
  @ApiProperty({ enum: ['proposed', 'agreed', 'delivered', 'withdrawn'] }) status: string;
  @ApiProperty({ nullable: true, enum: ['free', 'charged'] }) basis: string | null;
  @ApiProperty({ nullable: true, type: Number }) amountPence: number | null;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class NeedDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: ImprovementSchoolDto }) school: ImprovementSchoolDto;
  @ApiProperty({ enum: ['data_round', 'review', 'request'] }) source: string;
  @ApiProperty({ nullable: true, type: String }) sourceRef: string | null;
  @ApiProperty() area: string;
  @ApiProperty() description: string;
  @ApiProperty() foundOn: string;
  @ApiProperty() targetOn: string;
  @ApiProperty({ enum: NEED_STATUSES }) status: string;
  @ApiProperty({ enum: ['on_track', 'due_soon', 'overdue', 'met', 'missed'] }) timing: string;
  @ApiProperty({ nullable: true, type: String }) deliveredOn: string | null;
  @ApiProperty({ nullable: true, type: String }) impactNote: string | null;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ type: AgreementDto, nullable: true }) agreement: AgreementDto | null;
}

export class NeedListDto {
  @ApiProperty({ type: [NeedDto] }) items: NeedDto[];
}

export class SupportCandidateDto {
  @ApiProperty({ enum: SUPPORTER_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class NeedDetailDto extends NeedDto {
  @ApiProperty({ type: [SupportCandidateDto], description: 'Who could support, best first' }) candidates: SupportCandidateDto[];
}

export class DashboardDto {
  @ApiProperty() open: number;
  @ApiProperty() onTrack: number;
  @ApiProperty() dueSoon: number;
  @ApiProperty() overdue: number;
  @ApiProperty() closed: number;
  @ApiProperty() metWithinTarget: number;
  @ApiProperty({ type: [NeedDto], description: 'Open needs, nearest target first' }) needs: NeedDto[];
}

export class MatchInputDto {
  @ApiProperty({ enum: SUPPORTER_KINDS }) @IsIn(SUPPORTER_KINDS, { message: `The supporter is one of: ${SUPPORTER_KINDS.join(', ')}` }) supporterKind: (typeof SUPPORTER_KINDS)[number];
  @ApiProperty({ required: false, description: 'For a school: its URN' }) @IsOptional() @Matches(URN, { message: 'The URN is six digits' }) supporterUrn?: string;
  @ApiProperty({ required: false, description: 'For a traded service: the offer' }) @IsOptional() @IsUUID('all', { message: 'The offer is an offer id' }) offerId?: string;
  @ApiProperty({ required: false, description: 'For a teaching school or the board: the body' }) @IsOptional() @IsUUID('all', { message: 'The body is a body id' }) bodyId?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

export class AgreeInputDto {
  @ApiProperty({ enum: ['free', 'charged'] }) @IsIn(['free', 'charged'], { message: 'Support is free or charged' }) basis: 'free' | 'charged';
  @ApiProperty({ required: false, description: 'For charged support: the price in pence (before VAT)' }) @IsOptional() @IsInt({ message: 'The amount is a whole number of pence' }) @Min(1, { message: 'Charged support costs at least 1p' }) @Max(100_000_000) amountPence?: number;
}

export class DeliverInputDto {
  @ApiProperty({ required: false, description: 'Default today' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) deliveredOn?: string;
}

export class CloseInputDto {
  @ApiProperty({ description: 'What difference the support made' }) @IsString({ message: 'Say what difference the support made' }) @Matches(/\S/, { message: 'Say what difference the support made' }) @MaxLength(5000) impactNote: string;
}

// --- schools causing concern ------------------------------------------------------

export class NameInputDto {
  @ApiProperty() @IsUUID('all', { message: 'Choose a person' }) userId: string;
}

export class NamedPersonDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() namedAt: string;
}

export class NamedPersonListDto {
  @ApiProperty({ type: [NamedPersonDto] }) items: NamedPersonDto[];
}

export class ConcernIndicatorInputDto {
  @ApiProperty({ enum: CONCERN_KINDS }) @IsIn(CONCERN_KINDS, { message: `The kind is one of: ${CONCERN_KINDS.join(', ')}` }) kind: (typeof CONCERN_KINDS)[number];
  @ApiProperty({ description: 'inspection: grade 1-4; data: below, well_below, in_line, above; leadership_change: new_head, interim_head, stable; finance: deficit, licensed_deficit, balanced, surplus' }) @IsString() @Matches(/\S/, { message: 'Give the value' }) @MaxLength(100) value: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'When it happened (the inspection date)' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) occurredOn?: string | null;
  @ApiProperty({ required: false, description: 'Default today' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) recordedOn?: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) note?: string | null;
}

export class ConcernStatusInputDto {
  @ApiProperty({ enum: CONCERN_STATUSES }) @IsIn(CONCERN_STATUSES, { message: `The status is one of: ${CONCERN_STATUSES.join(', ')}` }) status: (typeof CONCERN_STATUSES)[number];
  @ApiProperty({ type: [String] }) @IsArray({ message: 'Give the reasons' }) @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true }) reasons: string[];
  @ApiProperty({ required: false, description: 'Default today' }) @IsOptional() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) since?: string;
}

export class VisitInputDto {
  @ApiProperty() @Matches(DATE, { message: 'The date is YYYY-MM-DD' }) visitedOn: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Say who visited' }) @MaxLength(200) visitor: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Write the visit’s notes' }) @MaxLength(20000) notes: string;
}

export class ConcernIndicatorDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CONCERN_KINDS }) kind: string;
  @ApiProperty() value: string;
  @ApiProperty({ nullable: true, type: String }) occurredOn: string | null;
  @ApiProperty() recordedOn: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class ConcernStatusDto {
  @ApiProperty({ enum: CONCERN_STATUSES }) status: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty() since: string;
  @ApiProperty({ nullable: true, type: String }) endedOn: string | null;
}

export class VisitDto {
  @ApiProperty() id: string;
  @ApiProperty() visitedOn: string;
  @ApiProperty() visitor: string;
  @ApiProperty() notes: string;
}

export class ConcernSummaryDto {
  @ApiProperty({ type: ImprovementSchoolDto }) school: ImprovementSchoolDto;
  @ApiProperty({ type: ConcernStatusDto, nullable: true }) current: ConcernStatusDto | null;
  @ApiProperty({ type: ConcernStatusDto, description: 'What the partnership’s rules suggest from the latest indicators' }) suggested: ConcernStatusDto;
}

export class ConcernListDto {
  @ApiProperty({ description: 'Whether you are named to see schools causing concern; if not, the list is empty' }) named: boolean;
  @ApiProperty({ type: [ConcernSummaryDto] }) items: ConcernSummaryDto[];
}

export class ConcernDetailDto extends ConcernSummaryDto {
  @ApiProperty({ type: [ConcernIndicatorDto] }) indicators: ConcernIndicatorDto[];
  @ApiProperty({ type: [ConcernStatusDto] }) history: ConcernStatusDto[];
  @ApiProperty({ type: [VisitDto] }) visits: VisitDto[];
}

// --- annual report and participation -----------------------------------------------

export class YearInputDto {
  @ApiProperty({ description: 'The academic year (2026 for 2026 to 2027)' }) @IsInt({ message: 'Give the year as a number, e.g. 2026' }) @Min(2000) @Max(2100) academicYearStart: number;
}

export class AnnualReportInputDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Matches(/\S/, { message: 'Give the report a title' }) @MaxLength(300) title?: string;
  @ApiProperty({ required: false, description: 'The whole document, in markdown' }) @IsOptional() @IsString() @MaxLength(500_000) document?: string;
  @ApiProperty({ required: false, enum: ['draft', 'final'] }) @IsOptional() @IsIn(['draft', 'final'], { message: 'The status is draft or final' }) status?: 'draft' | 'final';
}

export class AnnualReportDto {
  @ApiProperty() id: string;
  @ApiProperty() academicYearStart: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Markdown' }) document: string;
  @ApiProperty({ enum: ['draft', 'final'] }) status: string;
  @ApiProperty() generatedAt: string;
  @ApiProperty() updatedAt: string;
}

export class AnnualReportListDto {
  @ApiProperty({ type: [AnnualReportDto] }) items: AnnualReportDto[];
}

export class ExportQueryDto {
  @ApiProperty({ required: false, enum: ['md', 'html'], description: 'Default md' }) @IsOptional() @IsIn(['md', 'html'], { message: 'The format is md or html' }) format?: 'md' | 'html';
}

export class ParticipationQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Academic year; default this one' }) @IsOptional() @Type(() => Number) @IsInt({ message: 'Give the year as a number, e.g. 2026' }) @Min(2000) @Max(2100) year?: number;
}

export class ParticipationRowDto {
  @ApiProperty() schoolId: string;
  @ApiProperty() urn: string;
  @ApiProperty() schoolName: string;
  @ApiProperty() meetingsAttended: number;
  @ApiProperty() reviewsLed: number;
  @ApiProperty() reviewsReceived: number;
  @ApiProperty() supportGiven: number;
  @ApiProperty() supportReceived: number;
  @ApiProperty() cpdPlaces: number;
  @ApiProperty() dataRoundsSubmitted: number;
}

export class ParticipationTotalsDto {
  @ApiProperty() meetingsAttended: number;
  @ApiProperty() reviewsLed: number;
  @ApiProperty() reviewsReceived: number;
  @ApiProperty() supportGiven: number;
  @ApiProperty() supportReceived: number;
  @ApiProperty() cpdPlaces: number;
  @ApiProperty() dataRoundsSubmitted: number;
}

/** How many schools not taking part the picture names (the CSV has every school). */
export const NOT_TAKING_PART_NAMED = 20;

export class ParticipationPictureDto {
  @ApiProperty() schools: number;
  @ApiProperty({ type: ParticipationTotalsDto }) totals: ParticipationTotalsDto;
  @ApiProperty({ type: [String], description: `The first ${NOT_TAKING_PART_NAMED} schools not taking part, by name (notTakingPartCount: how many in all)` }) notTakingPart: string[];
  @ApiProperty({ description: 'How many schools are not taking part' }) notTakingPartCount: number;
  @ApiProperty() givingSupport: number;
}

export class ParticipationDto {
  @ApiProperty() academicYearStart: number;
  @ApiProperty({ type: [ParticipationRowDto], description: 'One page of the schools (page, pageSize); the picture is over them all' }) items: ParticipationRowDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'How many schools there are in all' }) total: number;
  @ApiProperty({ type: ParticipationPictureDto }) picture: ParticipationPictureDto;
}
