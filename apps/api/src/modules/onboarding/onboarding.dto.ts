import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_FORMS, PARTNERSHIP_TEMPLATE_CODES, SETUP_STEPS, slugProblem } from '@partnerships/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { ProblemCheck } from './problem-check.validator';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Areas trimmed, blanks dropped and duplicates removed (case-insensitively), so "Newham, newham" is one area. */
export const cleanAreas = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value
        .map((a) => (typeof a === 'string' ? a.trim().replace(/\s+/g, ' ') : a))
        .filter((a, i, all) => a !== '' && all.findIndex((b) => (typeof b === 'string' && typeof a === 'string' ? b.toLowerCase() === a.toLowerCase() : b === a)) === i)
    : value;
/** Empty optional text means "none". */
export const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value);

export const PHONE = /^\+?[0-9 ()-]{7,25}$/;
export const phoneProblem = (value: unknown) =>
  typeof value === 'string' && PHONE.test(value) && value.replace(/\D/g, '').length >= 10 && value.replace(/\D/g, '').length <= 13
    ? null
    : 'Enter a telephone number with its area code, like 020 8123 4567';

export class CreateTenantDto {
  @ApiProperty({ example: 'newham', description: 'The web address: 3–40 lower-case letters, digits and single hyphens; not a reserved word' })
  @Transform(trim)
  @ProblemCheck((value) => slugProblem(value))
  slug: string;

  @ApiProperty({ example: 'Newham Schools Partnership' })
  @Transform(trim)
  @IsString({ message: 'Give the partnership’s name' })
  @Length(3, 200, { message: 'The partnership’s name needs 3 to 200 characters' })
  name: string;

  @ApiProperty({ type: [String], example: ['Newham'], description: 'Local authority areas it serves' })
  @Transform(cleanAreas)
  // class-validator reports the lowest decorator first: the shape, then the count, then each name.
  @Length(2, 80, { each: true, message: 'Each area name must have 2 to 80 characters' })
  @IsString({ each: true, message: 'Each area must be a name, such as Newham' })
  @ArrayMaxSize(20, { message: 'List at most 20 areas' })
  @ArrayMinSize(1, { message: 'Name at least one local authority area the partnership serves, such as Newham' })
  @IsArray({ message: 'List the local authority areas the partnership serves' })
  areas: string[];

  @ApiProperty({ enum: LEGAL_FORMS, enumName: 'LegalForm' })
  @IsIn(LEGAL_FORMS, { message: 'Say how the partnership is constituted: company limited by guarantee, charity, council-hosted or informal' })
  legalForm: string;

  @ApiProperty({ example: 'hello@newham-partnership.org.uk', description: 'Where schools can write to the partnership' })
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a contact e-mail address in the right format, like hello@partnership.org.uk' })
  @MaxLength(254)
  contactEmail: string;

  @ApiProperty({ required: false, nullable: true, type: String, example: '020 8123 4567' })
  @Transform(emptyToNull)
  @IsOptional()
  @ProblemCheck(phoneProblem)
  contactPhone?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, example: 'https://newham-partnership.org.uk' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Enter the website’s full address, starting https://' })
  @MaxLength(300, { message: 'The website address can have at most 300 characters' })
  website?: string | null;

  @ApiProperty({ description: 'Whether the partnership belongs to the national association (AEPA)' })
  @IsBoolean({ message: 'Say whether the partnership belongs to the national association (true or false)' })
  inNationalAssociation: boolean;

  @ApiProperty({ enum: PARTNERSHIP_TEMPLATE_CODES, description: 'Pre-fills categories, notice rule, a draft fee schedule and the calendar' })
  @IsIn(PARTNERSHIP_TEMPLATE_CODES, { message: `Choose a template: ${PARTNERSHIP_TEMPLATE_CODES.join(', ')}` })
  template: string;
}

export class SlugAvailabilityQueryDto {
  @ApiProperty({ example: 'newham' })
  @IsString({ message: 'Give a web address to check' })
  @MaxLength(100, { message: 'The web address can have at most 40 characters' })
  slug: string;
}

export class SlugAvailabilityDto {
  @ApiProperty() slug: string;
  @ApiProperty() available: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it cannot be used (reserved, badly formed or taken)' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A free address close to it, when it is taken' }) suggestion: string | null;
}

export class StepProblemDto {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class SetupStepDto {
  @ApiProperty({ enum: SETUP_STEPS, enumName: 'SetupStep' }) step: string;
  @ApiProperty() title: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ description: 'The first step not yet done: where the wizard resumes' }) next: boolean;
  @ApiProperty({ type: [StepProblemDto], description: 'What is still missing; empty when the step can be completed now' }) problems: StepProblemDto[];
}

export class SetupDto {
  @ApiProperty({ nullable: true, type: String, enum: PARTNERSHIP_TEMPLATE_CODES }) template: string | null;
  @ApiProperty({ type: [SetupStepDto] }) steps: SetupStepDto[];
  @ApiProperty({ nullable: true, type: String, enum: SETUP_STEPS, enumName: 'SetupStep' }) next: string | null;
  @ApiProperty() doneCount: number;
  @ApiProperty() totalSteps: number;
  @ApiProperty() complete: boolean;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

export class CreatedTenantDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNERSHIP_TEMPLATE_CODES }) template: string;
  @ApiProperty({ type: [String], example: ['tenant-admin'] }) roles: string[];
  @ApiProperty({ example: 'trial' }) plan: string;
  @ApiProperty({ example: '2026-12-25', description: 'Last day of the free trial' }) trialEndsAt: string;
  @ApiProperty({ type: SetupDto }) setup: SetupDto;
}

export class TemplateCategoryDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() votingRights: boolean;
}

export class TemplateDto {
  @ApiProperty({ enum: PARTNERSHIP_TEMPLATE_CODES }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() summary: string;
  @ApiProperty() modelledOn: string;
  @ApiProperty({ enum: LEGAL_FORMS, enumName: 'LegalForm' }) suggestedLegalForm: string;
  @ApiProperty({ type: [TemplateCategoryDto] }) categories: TemplateCategoryDto[];
  @ApiProperty({ description: 'The notice rule in plain English' }) noticeRule: string;
}

export class TemplateListDto {
  @ApiProperty({ type: [TemplateDto] }) items: TemplateDto[];
}
