import { ApiProperty } from '@nestjs/swagger';
import { PHASES, REGISTER_STATUSES } from '@partnerships/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';

/** Accepts `?x=a,b` and `?x=a&x=b` alike. */
export const listParam = () => Transform(({ value }) => (value === undefined || value === '' ? undefined : (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean)));

export class SchoolSearchQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'A six-digit URN' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'A URN is six digits' }) urn?: string;

  @ApiProperty({ required: false, description: 'Part of a school name, postcode or URN (at least 2 characters)' })
  @IsOptional() @IsString() @MinLength(2, { message: 'Type at least 2 characters to search' }) @MaxLength(100) q?: string;

  @ApiProperty({ required: false, description: 'A local authority (exact name, any case)' })
  @IsOptional() @IsString() @MaxLength(100) localAuthority?: string;

  @ApiProperty({ required: false, enum: PHASES, enumName: 'Phase' })
  @IsOptional() @IsIn(PHASES, { message: `Choose a phase: ${PHASES.join(', ')}` }) phase?: string;

  @ApiProperty({ required: false, enum: REGISTER_STATUSES, enumName: 'RegisterStatus' })
  @IsOptional() @IsIn(REGISTER_STATUSES, { message: `Choose a status: ${REGISTER_STATUSES.join(', ')}` }) status?: string;
}

export class RegisterEntryDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) phase: string;
  @ApiProperty() type: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty({ enum: REGISTER_STATUSES, enumName: 'RegisterStatus' }) status: string;
  @ApiProperty({ nullable: true, type: String }) postcode: string | null;
  @ApiProperty({ nullable: true, type: Number }) statutoryLowAge: number | null;
  @ApiProperty({ nullable: true, type: Number }) statutoryHighAge: number | null;
}

export class RegisterPageDto extends PageMetaDto {
  @ApiProperty({ type: [RegisterEntryDto] }) items: RegisterEntryDto[];
}

export class LocalAuthorityDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Open schools in the register' }) schools: number;
}

export class LocalAuthorityListDto {
  @ApiProperty({ type: [LocalAuthorityDto] }) items: LocalAuthorityDto[];
}

export class ImportCreatedDto {
  @ApiProperty() id: string;
}

export class ImportCountsDto {
  @ApiProperty({ description: 'Data rows read (the header is not counted)' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'Rows not used: problems, repeated URNs, and closed schools the register never held' }) skipped: number;
}

export class ImportProblemDto {
  @ApiProperty({ description: 'The row as a spreadsheet numbers it (the header is row 1)' }) row: number;
  @ApiProperty({ nullable: true, type: String }) urn: string | null;
  @ApiProperty() message: string;
}

export class ImportProgressDto {
  @ApiProperty() bytesRead: number;
  @ApiProperty() byteSize: number;
  @ApiProperty({ description: '0 to 100' }) percent: number;
}

export class SchoolImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['utf-8', 'windows-1252'] }) encoding: string | null;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: [ImportProblemDto], description: 'The first 1,000 problems, in file order' }) problems: ImportProblemDto[];
  @ApiProperty({ description: 'How many problems there were in all' }) problemCount: number;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed import stopped' }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class SchoolImportPageDto extends PageMetaDto {
  @ApiProperty({ type: [SchoolImportDto] }) items: SchoolImportDto[];
}

export class AddProspectsDto {
  @ApiProperty({ required: false, type: [String], description: 'Local authority names (any case)' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(100, { each: true }) localAuthorities?: string[];

  @ApiProperty({ required: false, type: [String], enum: PHASES, enumName: 'Phase' })
  @IsOptional() @IsArray() @IsIn(PHASES, { each: true, message: `Phases are: ${PHASES.join(', ')}` }) phases?: string[];

  @ApiProperty({ required: false, type: [String], enum: REGISTER_STATUSES, enumName: 'RegisterStatus', description: 'Default: open and open-but-proposed-to-close schools' })
  @IsOptional() @IsArray() @IsIn(REGISTER_STATUSES, { each: true, message: `Statuses are: ${REGISTER_STATUSES.join(', ')}` }) statuses?: string[];

  @ApiProperty({ required: false, type: [String], description: 'Particular schools by URN' })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @Matches(/^\d{6}$/, { each: true, message: 'Each URN is six digits' }) urns?: string[];

  @ApiProperty({ required: false, description: 'Category code for every new prospect; otherwise each gets the first category it is eligible for' })
  @IsOptional() @IsString() @MaxLength(40) category?: string;

  @ApiProperty({ required: false, description: 'Count what would be added without adding anything' })
  @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class ProspectSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PHASES, enumName: 'Phase' }) phase: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ type: Number, nullable: true }) pupils: number | null;
  @ApiProperty({ description: 'The category the school would get' }) category: string;
}

export class AddProspectsResultDto {
  @ApiProperty({ description: 'Schools in the register matching the filters' }) matched: number;
  @ApiProperty({
    type: [ProspectSchoolDto],
    description: 'The schools that would be added (a dry run) or were added, by name; at most the first 1,000 (`created` counts them all)',
  })
  schools: ProspectSchoolDto[];
  @ApiProperty({ description: 'New prospects added (or that would be, on a dry run)' }) created: number;
  @ApiProperty({ description: 'Matching schools already on the partnership’s list' }) alreadyListed: number;
  @ApiProperty({ description: 'Matching schools no category is open to' }) notEligible: number;
  @ApiProperty() dryRun: boolean;
}
