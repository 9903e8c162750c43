import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { BrokerageService } from './brokerage.service';
import { AgreeInputDto, CloseInputDto, ImprovementCreatedDto, DashboardDto, DeliverInputDto, MatchInputDto, NeedDetailDto, NeedInputDto, NeedListDto, NeedQueryDto } from './improvement.dto';

@ApiTags('school improvement')
@Controller('v1/tenants/:slug')
export class BrokerageController {
  constructor(private readonly brokerage: BrokerageService) {}

  @Get('support-needs')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Needs for support, nearest target first, each timed against its target' })
  @ApiResponse({ status: 200, type: NeedListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: NeedQueryDto) {
    return this.brokerage.list(ctx, query);
  }

  @Get('support-dashboard')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Open needs against their target' })
  @ApiResponse({ status: 200, type: DashboardDto })
  dashboard(@Ctx() ctx: TenantContext) {
    return this.brokerage.dashboard(ctx);
  }

  @Post('support-needs')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Record a need from a review or a school’s own request (target: within a term unless given)' })
  @ApiResponse({ status: 201, type: ImprovementCreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: NeedInputDto) {
    return this.brokerage.create(ctx, dto);
  }

  @Get('support-needs/:id')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'A need with who could support it, best first (schools strong in the area, teaching schools, services, the board)' })
  @ApiResponse({ status: 200, type: NeedDetailDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.brokerage.get(ctx, id);
  }

  @Post('support-needs/:id/match')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Match the need to a supporter' })
  @ApiResponse({ status: 200, type: NeedDetailDto })
  match(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: MatchInputDto) {
    return this.brokerage.match(ctx, id, dto);
  }

  @Post('support-needs/:id/agree')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Agree the support, free or charged; charged support is invoiced to the school once' })
  @ApiResponse({ status: 200, type: NeedDetailDto })
  agree(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AgreeInputDto) {
    return this.brokerage.agree(ctx, id, dto);
  }

  @Post('support-needs/:id/deliver')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Record that the support was delivered' })
  @ApiResponse({ status: 200, type: NeedDetailDto })
  deliver(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: DeliverInputDto) {
    return this.brokerage.deliver(ctx, id, dto);
  }

  @Post('support-needs/:id/close')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Close the need with a note of the support’s impact' })
  @ApiResponse({ status: 200, type: NeedDetailDto })
  close(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CloseInputDto) {
    return this.brokerage.close(ctx, id, dto);
  }
}
