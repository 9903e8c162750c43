import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_CATEGORY_TEMPLATE_NAMES, PHASES } from '@partnerships/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const trimmedList = () => Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value));

export class UpdateCategoryDto {
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'Give the category a name' }) @MaxLength(100) name: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiProperty({ required: false, type: [String], enum: PHASES, enumName: 'Phase', description: 'Empty: every phase' })
  @IsOptional() @IsArray() @IsIn(PHASES, { each: true, message: `Phases are: ${PHASES.join(', ')}` }) eligiblePhases?: string[];
  @ApiProperty({ required: false, type: [String], description: 'GIAS establishment types; empty: every type' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) @trimmedList() eligibleTypes?: string[];
  @ApiProperty({ required: false, type: [String], description: 'Local authorities; empty: anywhere' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) @trimmedList() eligibleLocalAuthorities?: string[];
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() votingRights?: boolean;
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() feesApply?: boolean;
  @ApiProperty({ required: false, type: [String], description: 'What membership includes, one item each' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(300, { each: true }) @trimmedList() includes?: string[];
  @ApiProperty({ required: false, description: 'Order in lists (lower first)' }) @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}

export class CreateCategoryDto extends UpdateCategoryDto {
  @ApiProperty({ description: 'Short code: lower-case letters, digits and hyphens (cannot be changed later)' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'The code is up to 40 lower-case letters, digits and hyphens, like "full" or "associate"' })
  code: string;
}

export class FromTemplateDto {
  @ApiProperty({ enum: MEMBERSHIP_CATEGORY_TEMPLATE_NAMES })
  @IsIn(MEMBERSHIP_CATEGORY_TEMPLATE_NAMES, { message: `Choose a template: ${MEMBERSHIP_CATEGORY_TEMPLATE_NAMES.join(', ')}` })
  template: string;
}

export class CategoryListQueryDto {
  @ApiProperty({ required: false, description: 'Include archived categories' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() includeArchived?: boolean;
}

export class CategoryDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) eligiblePhases: string[];
  @ApiProperty({ type: [String] }) eligibleTypes: string[];
  @ApiProperty({ type: [String] }) eligibleLocalAuthorities: string[];
  @ApiProperty() votingRights: boolean;
  @ApiProperty() feesApply: boolean;
  @ApiProperty({ type: [String] }) includes: string[];
  @ApiProperty() position: number;
  @ApiProperty({ nullable: true, type: String }) archivedAt: string | null;
  @ApiProperty({ description: 'Schools on the list with this category (any status)' }) schools: number;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] }) items: CategoryDto[];
}
