import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../auth/auth.dto';

export class MyTenantDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class MySchoolDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: [MyTenantDto] }) tenants: MyTenantDto[];
  @ApiProperty({ type: [MySchoolDto] }) schools: MySchoolDto[];
  @ApiProperty({ description: 'Send as the X-CSRF-Token header on writes' }) csrfToken: string;
}
