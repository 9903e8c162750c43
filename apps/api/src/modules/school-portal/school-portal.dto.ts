import { ApiProperty } from '@nestjs/swagger';

export class RegisterSchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty() phase: string;
  @ApiProperty() type: string;
  @ApiProperty() localAuthority: string;
  @ApiProperty({ nullable: true, type: Number }) pupils: number | null;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) postcode: string | null;
}

export class SchoolMembershipDto {
  @ApiProperty() tenantSlug: string;
  @ApiProperty() tenantName: string;
  @ApiProperty() category: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) joinedOn: string | null;
}

export class SchoolPortalDto {
  @ApiProperty({ type: RegisterSchoolDto }) school: RegisterSchoolDto;
  @ApiProperty({ type: [String], description: "The signed-in user's roles at this school" }) roles: string[];
  @ApiProperty({ type: [SchoolMembershipDto] }) memberships: SchoolMembershipDto[];
}
