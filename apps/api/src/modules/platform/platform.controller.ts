import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { PlatformOperator } from './platform-operator.guard';
import { PlatformTenantDto, SuspendTenantDto } from './platform.dto';
import { PlatformService } from './platform.service';

@ApiTags('platform')
@Controller('v1/platform')
export class PlatformController {
  constructor(private readonly platform: PlatformService) {}

  @Get('tenants')
  @Access('manage', 'Platform')
  @ApiOperation({ summary: 'Every partnership on the platform with status, plan, setup progress and member count (platform operators only)' })
  @ApiResponse({ status: 200, type: [PlatformTenantDto] })
  tenants(@Ctx() ctx: AuthedContext): Promise<PlatformTenantDto[]> {
    return this.platform.tenants(ctx);
  }

  @Post('tenants/:tenantSlug/suspend')
  @HttpCode(200)
  @PlatformOperator()
  @ApiOperation({ summary: 'Suspend a partnership (operators only): its people get 403 and it leaves the directory' })
  @ApiResponse({ status: 200, type: PlatformTenantDto })
  suspend(@Ctx() ctx: AuthedContext, @Param('tenantSlug') slug: string, @Body() dto: SuspendTenantDto): Promise<PlatformTenantDto> {
    return this.platform.suspend(ctx, slug, dto.reason);
  }

  @Post('tenants/:tenantSlug/reinstate')
  @HttpCode(200)
  @PlatformOperator()
  @ApiOperation({ summary: 'Reinstate a suspended partnership (operators only)' })
  @ApiResponse({ status: 200, type: PlatformTenantDto })
  reinstate(@Ctx() ctx: AuthedContext, @Param('tenantSlug') slug: string): Promise<PlatformTenantDto> {
    return this.platform.reinstate(ctx, slug);
  }
}
