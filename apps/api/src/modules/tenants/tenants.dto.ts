import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TENANT_ROLES, type TenantRole } from '@partnerships/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.dto';

export class PhaseCountDto {
  @ApiProperty() phase: string;
  @ApiProperty() count: number;
}

export class TenantDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty({ type: [String], description: "The signed-in user's roles here" }) roles: string[];
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: [PhaseCountDto] }) membersByPhase: PhaseCountDto[];
  @ApiProperty({ nullable: true, type: String, example: '#1d4f91', description: 'The brand colour for its pages (dark enough for white text)' }) brandColour: string | null;
  @ApiProperty({ description: 'Whether it has a logo (see GET /api/v1/tenants/{slug}/settings)' }) hasLogo: boolean;
  @ApiProperty({ description: 'Whether every setup wizard step is done' }) setupComplete: boolean;
}

export class MemberSchoolsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Part of a school name or URN' })
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class MemberSchoolDto {
  @ApiProperty() membershipId: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
  @ApiProperty() type: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty() category: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) joinedOn: string | null;
}

export class MemberSchoolPageDto extends PageMetaDto {
  @ApiProperty({ type: [MemberSchoolDto] }) items: MemberSchoolDto[];
}

export class PersonDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class PersonPageDto extends PageMetaDto {
  @ApiProperty({ type: [PersonDto] }) items: PersonDto[];
}

export class CreateInvitationDto {
  @ApiProperty()
  @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: TENANT_ROLES, enumName: 'TenantRole' })
  @IsIn(TENANT_ROLES, { message: `Choose a role: ${TENANT_ROLES.join(', ')}` })
  role: TenantRole;
}

export class InvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class InvitationPageDto extends PageMetaDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() action: string;
  @ApiProperty() entityTable: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) detail: Record<string, unknown> | null;
}

export class AuditPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}
