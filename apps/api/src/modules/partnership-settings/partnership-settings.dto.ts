import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUDGET_YEARS, brandColourProblem, HALF_TERM_NAMES, LEGAL_FORMS, logoProblem, type NoticeRule, noticeRuleProblems, PLATFORM_PLAN_CODES } from '@partnerships/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { cleanAreas, emptyToNull, phoneProblem, trim } from '../onboarding/onboarding.dto';
import { ProblemCheck } from '../onboarding/problem-check.validator';
import { TenantProfileDto } from '../../common/tenant-profile.dto';

/** Present means "change it": a field left out keeps its value, so these rules run only when it is sent. */
const sent = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

export class SettingsDto extends TenantProfileDto {
  @ApiProperty({ description: 'Shown in the public directory and at /p/{slug}' }) listed: boolean;
  @ApiProperty({ enum: BUDGET_YEARS, enumName: 'BudgetYear' }) budgetYear: string;
  @ApiProperty({ nullable: true, type: String, example: '#1d4f91' }) brandColour: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'data:image/png;base64,...' }) logoDataUrl: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'When a school that gives notice leaves (see the membership notice rules)' })
  noticeRule: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: 'The notice rule in plain English' }) noticeRuleText: string | null;
  @ApiProperty({ nullable: true, type: String }) template: string | null;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
}

export class UpdateSettingsDto {
  @ApiProperty({ required: false })
  @Transform(trim)
  @sent('name')
  @IsString({ message: 'Give the partnership’s name' })
  @Length(3, 200, { message: 'The partnership’s name needs 3 to 200 characters' })
  name?: string;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'A few sentences for schools: what the partnership does and for whom' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'Write the description as text' })
  @MaxLength(2000, { message: 'Keep the description to 2,000 characters' })
  description?: string | null;

  @ApiProperty({ required: false, type: [String] })
  @Transform(cleanAreas)
  @sent('areas')
  // class-validator reports the lowest decorator first: the shape, then the count, then each name.
  @Length(2, 80, { each: true, message: 'Each area name must have 2 to 80 characters' })
  @IsString({ each: true, message: 'Each area must be a name, such as Newham' })
  @ArrayMaxSize(20, { message: 'List at most 20 areas' })
  @ArrayMinSize(1, { message: 'Name at least one local authority area the partnership serves, such as Newham' })
  @IsArray({ message: 'List the local authority areas the partnership serves' })
  areas?: string[];

  @ApiProperty({ required: false, enum: LEGAL_FORMS, enumName: 'LegalForm' })
  @sent('legalForm')
  @IsIn(LEGAL_FORMS, { message: 'Say how the partnership is constituted: company limited by guarantee, charity, council-hosted or informal' })
  legalForm?: string;

  @ApiProperty({ required: false })
  @Transform(trim)
  @sent('contactEmail')
  @IsEmail({}, { message: 'Enter a contact e-mail address in the right format, like hello@partnership.org.uk' })
  @MaxLength(254)
  contactEmail?: string;

  @ApiProperty({ required: false, nullable: true, type: String })
  @Transform(emptyToNull)
  @IsOptional()
  @ProblemCheck(phoneProblem)
  contactPhone?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @Transform(emptyToNull)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Enter the website’s full address, starting https://' })
  @MaxLength(300, { message: 'The website address can have at most 300 characters' })
  website?: string | null;

  @ApiProperty({ required: false })
  @sent('listed')
  @IsBoolean({ message: 'Say whether to list the partnership in the public directory (true or false)' })
  listed?: boolean;

  @ApiProperty({ required: false })
  @sent('inNationalAssociation')
  @IsBoolean({ message: 'Say whether the partnership belongs to the national association (true or false)' })
  inNationalAssociation?: boolean;

  @ApiProperty({ required: false, enum: BUDGET_YEARS, enumName: 'BudgetYear' })
  @sent('budgetYear')
  @IsIn(BUDGET_YEARS, { message: 'Choose the year the partnership budgets on: academic-year (September) or financial-year (April)' })
  budgetYear?: string;

  @ApiProperty({ required: false, nullable: true, type: String, example: '#1d4f91', description: '#rrggbb, dark enough for white text' })
  @Transform(emptyToNull)
  @IsOptional()
  @ProblemCheck((value) => brandColourProblem(value))
  brandColour?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'A PNG, JPEG or SVG data URL of at most 200 KB; null removes the logo' })
  @IsOptional()
  @ProblemCheck((value) => logoProblem(value))
  logoDataUrl?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject({ message: 'Give the notice rule as an object, such as {"kind":"period","months":12,"leaveAt":"period-end"}' })
  @ProblemCheck((value) => noticeRuleProblems(value as NoticeRule).join(' ') || null)
  noticeRule?: Record<string, unknown> | null;
}

export class HalfTermDto {
  @ApiProperty({ enum: HALF_TERM_NAMES })
  @IsIn(HALF_TERM_NAMES, { message: `Name each half term: ${HALF_TERM_NAMES.join(', ')}` })
  name: string;

  @ApiProperty({ example: '2026-09-02', description: 'First day, YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write the start date as YYYY-MM-DD' })
  start: string;

  @ApiProperty({ example: '2026-10-23', description: 'Last day, YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write the end date as YYYY-MM-DD' })
  end: string;
}

export class SaveCalendarDto {
  @ApiProperty({ type: [HalfTermDto], description: 'The six half terms, Autumn 1 to Summer 2' })
  @IsArray({ message: 'Give the six half terms' })
  @ArrayMaxSize(12, { message: 'An academic year has six half terms' })
  @ValidateNested({ each: true })
  @Type(() => HalfTermDto)
  halfTerms: HalfTermDto[];
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026, description: 'The calendar year the academic year starts in' }) academicYearStart: number;
  @ApiProperty({ example: '2026-27' }) label: string;
  @ApiProperty({ example: '2026-09-01' }) start: string;
  @ApiProperty({ example: '2027-08-31' }) end: string;
  @ApiProperty({ type: [HalfTermDto] }) halfTerms: HalfTermDto[];
  @ApiProperty({ description: 'False: not saved yet; these are typical English dates to start from' }) saved: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class CalendarDto {
  @ApiProperty({ enum: BUDGET_YEARS, enumName: 'BudgetYear' }) budgetYear: string;
  @ApiProperty({ type: [CalendarYearDto], description: 'The current and next academic years, and any other saved year' }) years: CalendarYearDto[];
}

export class PlanOptionDto {
  @ApiProperty({ enum: PLATFORM_PLAN_CODES }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: Number }) maxMemberSchools: number | null;
  @ApiProperty({ description: 'Per year, pence, before VAT' }) annualPricePence: number;
  @ApiProperty() available: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it cannot be chosen now' }) reason: string | null;
}

export class PlanDto {
  @ApiProperty({ enum: PLATFORM_PLAN_CODES }) plan: string;
  @ApiProperty() planName: string;
  @ApiProperty({ nullable: true, type: String }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Days left in the trial, counting today; null when not on the trial' }) trialDaysLeft: number | null;
  @ApiProperty() memberSchools: number;
  @ApiProperty({ enum: PLATFORM_PLAN_CODES, description: 'The paid plan that fits the member schools' }) recommended: string;
  @ApiProperty({ type: [PlanOptionDto] }) plans: PlanOptionDto[];
  @ApiProperty({ description: 'Payment is taken once billing is available; until then the choice is recorded' }) paymentRequired: boolean;
}

export class ChoosePlanDto {
  @ApiProperty({ enum: PLATFORM_PLAN_CODES })
  @IsIn(PLATFORM_PLAN_CODES, { message: `Choose a plan: ${PLATFORM_PLAN_CODES.join(', ')}` })
  plan: string;
}
