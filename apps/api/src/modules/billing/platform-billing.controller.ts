import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { PlatformOperator } from '../platform/platform-operator.guard';
import { PlatformBillingDto, UpdatePlanFeeDto } from './platform-billing.dto';
import { PlatformBillingService } from './platform-billing.service';

@ApiTags('platform')
@Controller('v1/platform')
export class PlatformBillingController {
  constructor(private readonly billing: PlatformBillingService) {}

  @Get('billing')
  @Access('manage', 'Platform')
  @ApiOperation({ summary: 'Every partnership’s plan, subscription status and revenue, and the plans with their application fees (platform operators only)' })
  @ApiResponse({ status: 200, type: PlatformBillingDto })
  overview(@Ctx() ctx: AuthedContext) {
    return this.billing.overview(ctx);
  }

  @Put('billing/plans/:plan')
  @PlatformOperator()
  @ApiOperation({ summary: 'Change the platform’s fee on schools’ online payments for a plan (operators only)' })
  @ApiResponse({ status: 200, type: PlatformBillingDto })
  updatePlan(@Ctx() ctx: AuthedContext, @Param('plan') plan: string, @Body() dto: UpdatePlanFeeDto) {
    return this.billing.updatePlanFee(ctx, plan, dto);
  }
}
