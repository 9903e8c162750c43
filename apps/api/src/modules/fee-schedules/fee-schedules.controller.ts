import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { exportFeeSchedule, type FeeSchedule } from '@partnerships/domain';
import type { FastifyReply } from 'fastify';
import { Access, Ctx, Public } from '../../common/access.decorator';
import type { RequestContext, TenantContext } from '../../common/request-context';
import {
  FeeScheduleDto,
  FeeScheduleListDto,
  FeeScheduleTemplateListDto,
  MemberGroupsDto,
  PublicSchoolListDto,
  PublicSchoolSearchQueryDto,
  PreviewDto,
  PreviewFeeScheduleDto,
  PreviewQueryDto,
  QuoteDto,
  QuoteQueryDto,
  SaveFeeScheduleDto,
  ScenarioRequestDto,
  ScenarioResultDto,
} from './fee-schedules.dto';
import { FeeSchedulesService } from './fee-schedules.service';
import { FEE_SCHEDULE_TEMPLATES } from './fee-schedule-templates';
import { PublicQuoteService } from './public-quote.service';

@ApiTags('fee schedules')
@Controller('v1/tenants/:slug')
export class FeeSchedulesController {
  constructor(private readonly schedules: FeeSchedulesService) {}

  @Get('fee-schedules')
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'Every version of every fee schedule' })
  @ApiResponse({ status: 200, type: FeeScheduleListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.schedules.list(ctx);
  }

  @Post('fee-schedules')
  @Access('create', 'FeeSchedule')
  @ApiOperation({ summary: 'Create a draft schedule, or import one exported from another partnership' })
  @ApiResponse({ status: 201, type: FeeScheduleDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: SaveFeeScheduleDto) {
    return this.schedules.create(ctx, dto.document);
  }

  @Get('fee-schedules/:id')
  @Access('read', 'FeeSchedule')
  @ApiResponse({ status: 200, type: FeeScheduleDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.schedules.get(ctx, id);
  }

  @Put('fee-schedules/:id')
  @Access('update', 'FeeSchedule')
  @ApiOperation({ summary: 'Change a draft (a published schedule answers 409)' })
  @ApiResponse({ status: 200, type: FeeScheduleDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SaveFeeScheduleDto) {
    return this.schedules.update(ctx, id, dto.document);
  }

  @Delete('fee-schedules/:id')
  @HttpCode(204)
  @Access('delete', 'FeeSchedule')
  @ApiOperation({ summary: 'Discard a draft (a published schedule answers 409)' })
  remove(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.schedules.remove(ctx, id);
  }

  @Post('fee-schedules/:id/publish')
  @HttpCode(200)
  @Access('update', 'FeeSchedule')
  @ApiOperation({ summary: 'Publish a draft for its period; the period’s previous version is superseded' })
  @ApiResponse({ status: 200, type: FeeScheduleDto })
  publish(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.schedules.publish(ctx, id);
  }

  @Post('fee-schedules/:id/new-version')
  @Access('create', 'FeeSchedule')
  @ApiOperation({ summary: 'Start a new draft version from this one' })
  @ApiResponse({ status: 201, type: FeeScheduleDto })
  newVersion(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.schedules.newVersion(ctx, id);
  }

  @Post('fee-schedules/:id/preview')
  @HttpCode(200)
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'What each current member would pay, and the change from the previous period: totals for every school, the schools a page at a time' })
  @ApiResponse({ status: 200, type: PreviewDto })
  preview(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: PreviewFeeScheduleDto, @Query() query: PreviewQueryDto) {
    return this.schedules.preview(ctx, id, dto?.document, query);
  }

  @Get('fee-schedules/:id/member-groups')
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'For the planner: the current member schools (the preview’s) grouped by phase, category and the pupil figure their fee uses, at most 50 groups, in one request' })
  @ApiResponse({ status: 200, type: MemberGroupsDto })
  memberGroups(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.schedules.memberGroups(ctx, id);
  }

  @Get('fee-schedules/:id/export')
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'The schedule as a JSON file another partnership can import' })
  async export(@Ctx() ctx: TenantContext, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const schedule = await this.schedules.get(ctx, id);
    const file = `${ctx.tenant.slug}-fees-${schedule.period.start}-v${schedule.version}.json`;
    reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`);
    return exportFeeSchedule(schedule.document as unknown as FeeSchedule);
  }

  @Get('fee-schedule-templates')
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'Published models to start a new schedule from (Ealing, THE Partnership, Haringey, size bands, service levels)' })
  @ApiResponse({ status: 200, type: FeeScheduleTemplateListDto })
  templates() {
    return { items: FEE_SCHEDULE_TEMPLATES };
  }

  @Post('fee-scenarios')
  @HttpCode(200)
  @Access('read', 'FeeSchedule')
  @ApiOperation({ summary: 'Scenario planner: fees and income for a set of schools; optionally solve for a rate that raises a target' })
  @ApiResponse({ status: 200, type: ScenarioResultDto })
  scenario(@Ctx() ctx: TenantContext, @Body() dto: ScenarioRequestDto) {
    return this.schedules.scenario(ctx, dto);
  }
}

@ApiTags('public')
@Controller('v1/public/tenants/:slug')
export class PublicQuoteController {
  constructor(private readonly quotes: PublicQuoteService) {}

  @Public()
  @Get('quote/schools')
  @ApiOperation({ summary: 'For the fee calculator: find a school in the register by name or URN (open schools; URN, name, phase, local authority, pupils only; rate-limited; 404 when the partnership is unlisted or suspended)' })
  @ApiResponse({ status: 200, type: PublicSchoolListDto })
  schools(@Param('slug') slug: string, @Ctx() ctx: RequestContext, @Query() query: PublicSchoolSearchQueryDto) {
    return this.quotes.searchSchools(slug, ctx.ip, query);
  }

  @Public()
  @Get('quote')
  @ApiOperation({ summary: 'What a school would pay and why, under the published schedule in force on the date (404 when the partnership is unlisted or suspended)' })
  @ApiResponse({ status: 200, type: QuoteDto })
  quote(@Param('slug') slug: string, @Query() query: QuoteQueryDto) {
    return this.quotes.quote(slug, query, 'public');
  }
}
