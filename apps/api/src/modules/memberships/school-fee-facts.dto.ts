import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** What the register (GIAS) says about a school for fees. */
export class RegisterFeeFactsDto {
  @ApiProperty({ nullable: true, type: Boolean, description: 'GIAS OfficialSixthForm' }) sixthForm: boolean | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-09-01', description: 'GIAS OpenDate' }) openedOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'GIAS Trusts (name)' }) trust: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'GIAS Federations (name)' }) federation: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'GIAS Diocese (name)' }) diocese: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'GIAS DistrictAdministrative (name)' }) district: string | null;
}

/** The partnership's record for one member; a field left out defers to the register. */
export class FeeFactOverridesDto {
  @ApiPropertyOptional({ nullable: true, type: Boolean }) @IsOptional() @IsBoolean({ message: 'sixthForm must be true or false' }) sixthForm?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2024-09-01', description: 'Opening date, YYYY-MM-DD' })
  @IsOptional() @IsString() @MaxLength(10) openedOn?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Federations and trusts by name; [] for none' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(200, { each: true }) trusts?: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Diocese; null or "" for none' }) @IsOptional() @IsString() @MaxLength(200) diocese?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The partnership’s own area name' }) @IsOptional() @IsString() @MaxLength(200) area?: string | null;
}

/** The facts fee rules may price by, as the fee engine reads them (the partnership's record over the register's). */
export class SchoolFeeFactsDto {
  @ApiPropertyOptional({ type: Boolean }) sixthForm?: boolean;
  @ApiPropertyOptional({ type: String }) openedOn?: string;
  @ApiPropertyOptional({ type: [String] }) trusts?: string[];
  @ApiPropertyOptional({ type: String }) diocese?: string;
  @ApiPropertyOptional({ type: [String] }) areas?: string[];
}

export class MembershipFeeFactsDto {
  @ApiProperty() membershipId: string;
  @ApiProperty({ type: RegisterFeeFactsDto }) register: RegisterFeeFactsDto;
  @ApiProperty({ nullable: true, type: FeeFactOverridesDto }) overrides: FeeFactOverridesDto | null;
  @ApiProperty({ type: SchoolFeeFactsDto }) facts: SchoolFeeFactsDto;
}
