import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';
import { TenantProfileDto } from '../../common/tenant-profile.dto';

export class DirectoryQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ['true'], description: 'The directory only ever shows partnerships that chose to be listed' })
  @IsOptional()
  @IsIn(['true'], { message: 'The directory shows listed partnerships only: use listed=true or leave it out' })
  listed?: string;

  @ApiProperty({ required: false, description: 'Part of a name or an area' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class DirectoryEntryDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) brandColour: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Image address of the logo, when there is one' }) logoUrl: string | null;
  @ApiProperty() inNationalAssociation: boolean;
}

export class DirectoryPageDto extends PageMetaDto {
  @ApiProperty({ type: [DirectoryEntryDto] }) items: DirectoryEntryDto[];
}

export class PublicCategoryDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() votingRights: boolean;
  @ApiProperty({ type: [String], description: 'What membership includes' }) includes: string[];
}

export class PublicTenantDto extends TenantProfileDto {
  @ApiProperty({ nullable: true, type: String }) brandColour: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The logo as a data URL' }) logoDataUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) logoUrl: string | null;
  @ApiProperty({ description: 'Whether a fee schedule is published (then GET /api/v1/public/tenants/{slug}/quote works)' }) feesPublished: boolean;
  @ApiProperty({ type: [PublicCategoryDto] }) categories: PublicCategoryDto[];
}
