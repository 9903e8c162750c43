import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Database } from '@partnerships/db';
import { Access } from '../../common/access.decorator';

export class PlatformTenantDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty() createdAt: string;
}

@ApiTags('platform')
@Controller('v1/platform')
export class PlatformController {
  constructor(private readonly db: Database) {}

  @Get('tenants')
  @Access('manage', 'Platform')
  @ApiOperation({ summary: 'Every partnership on the platform (platform operators only)' })
  @ApiResponse({ status: 200, type: [PlatformTenantDto] })
  tenants(): Promise<PlatformTenantDto[]> {
    return this.db.asPlatform({}, (em) => em.query(`SELECT id, slug, name, status, created_at AS "createdAt" FROM tenants ORDER BY name`));
  }
}
