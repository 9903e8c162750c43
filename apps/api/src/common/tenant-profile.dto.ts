import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_FORMS } from '@partnerships/domain';

/** A partnership's profile as the public directory and its own settings both show it. */
export class TenantProfileDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ nullable: true, type: String, enum: LEGAL_FORMS, enumName: 'LegalForm' }) legalForm: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty() inNationalAssociation: boolean;
}
