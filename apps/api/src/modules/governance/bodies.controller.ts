import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { BodiesService } from './bodies.service';
import { CalendarService } from './calendar.service';
import {
  ActionPlanInputDto,
  AppointmentDto,
  BodyDto,
  BodyInputDto,
  BodyListDto,
  BodySeatsQueryDto,
  CalendarUrlDto,
  EndAppointmentDto,
  OfficeInputDto,
  ParentsDto,
  MeetingPlanInputDto,
  MeetingPlanResultDto,
  SchoolsDto,
  SeatPageDto,
  SeatRuleInputDto,
  StructureDto,
  TermsOfReferenceInputDto,
  YearQueryDto,
} from './governance.dto';
import { MeetingsService } from './meetings.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('governance')
@Controller('v1/tenants/:slug')
export class BodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly meetings: MeetingsService,
    private readonly calendars: CalendarService,
  ) {}

  @Get('bodies')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'The partnership’s bodies with their parents and the number of seats held' })
  @ApiResponse({ status: 200, type: BodyListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.bodies.list(ctx);
  }

  @Post('bodies')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Add a body (board, committee, cluster, forum, working party, task-and-finish group, general meeting ...)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: BodyInputDto) {
    return this.bodies.create(ctx, dto);
  }

  @Get('bodies/:id')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'A body with its seats (resolved from its rules now), offices, schools and terms of reference' })
  @ApiResponse({ status: 200, type: BodyDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bodies.get(ctx, id);
  }

  @Get('bodies/:id/seats')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'One page of a body’s seats (resolved now), searched by seat label, school name or URN, or holder’s name' })
  @ApiResponse({ status: 200, type: SeatPageDto })
  seats(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() query: BodySeatsQueryDto) {
    return this.bodies.seats(ctx, id, query);
  }

  @Put('bodies/:id')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Change a body (purpose, rhythm, quorum, annual rhythm; parents and schools when given)' })
  @ApiResponse({ status: 200, type: BodyDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: BodyInputDto) {
    return this.bodies.update(ctx, id, dto);
  }

  @Post('bodies/:id/archive')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Archive a body (its history stays)' })
  @ApiResponse({ status: 200, type: BodyDto })
  archive(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bodies.archive(ctx, id);
  }

  @Put('bodies/:id/links')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'The bodies this body reports to (replaces the set; no circles)' })
  @ApiResponse({ status: 200, type: BodyDto })
  links(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ParentsDto) {
    return this.bodies.setParents(ctx, id, dto.parentIds);
  }

  @Put('bodies/:id/schools')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'The member schools a cluster groups (replaces the set)' })
  @ApiResponse({ status: 200, type: BodyDto })
  schools(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SchoolsDto) {
    return this.bodies.setSchools(ctx, id, dto.urns);
  }

  @Post('bodies/:id/seat-rules')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Add a seat rule; the seats are resolved at once' })
  @ApiResponse({ status: 201, type: CreatedDto })
  addRule(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SeatRuleInputDto) {
    return this.bodies.addSeatRule(ctx, id, dto);
  }

  @Put('seat-rules/:id')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Change a seat rule; the seats are resolved at once' })
  @ApiResponse({ status: 200, type: CreatedDto })
  updateRule(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SeatRuleInputDto) {
    return this.bodies.updateSeatRule(ctx, id, dto);
  }

  @Post('seat-rules/:id/archive')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Retire a seat rule; its holders’ seats end today' })
  @ApiResponse({ status: 200, type: CreatedDto })
  archiveRule(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bodies.archiveSeatRule(ctx, id);
  }

  @Post('seats/resolve')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Bring every body’s seats up to date with memberships, roles and offices now' })
  resolveAll(@Ctx() ctx: TenantContext) {
    return this.bodies.resolveAll(ctx);
  }

  @Get('bodies/:id/seat-history')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Who held which seat, from when to when' })
  history(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bodies.seatHistory(ctx, id);
  }

  @Post('bodies/:id/appointments')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Appoint a named person to an appointed seat, or record an election winner' })
  @ApiResponse({ status: 200, type: BodyDto })
  appoint(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AppointmentDto) {
    return this.bodies.appoint(ctx, id, dto);
  }

  @Post('bodies/:id/appointments/end')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'End an appointment (the seat ends yesterday)' })
  @ApiResponse({ status: 200, type: BodyDto })
  endAppointment(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: EndAppointmentDto) {
    return this.bodies.endAppointment(ctx, id, dto);
  }

  @Put('bodies/:id/offices')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Fill an office (chair, vice-chair, secretary) by appointment or election result, or leave it empty' })
  @ApiResponse({ status: 200, type: BodyDto })
  office(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: OfficeInputDto) {
    return this.bodies.setOffice(ctx, id, dto);
  }

  @Get('bodies/:id/terms-of-reference')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Every version of the terms of reference, newest first, with review dates' })
  termsOfReference(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bodies.termsOfReference(ctx, id);
  }

  @Post('bodies/:id/terms-of-reference')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'A new version of the terms of reference (reviewed a year after approval unless a date is given)' })
  addTermsOfReference(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: TermsOfReferenceInputDto) {
    return this.bodies.addTermsOfReference(ctx, id, dto);
  }

  @Get('bodies/:id/action-plan')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'The body’s action plan for a year (budget lines in pence) and impact report' })
  actionPlan(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.bodies.actionPlan(ctx, id, query.academicYearStart);
  }

  @Put('bodies/:id/action-plan')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Save the action plan; submit it to put it on the parent bodies’ next agendas' })
  saveActionPlan(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ActionPlanInputDto) {
    return this.bodies.saveActionPlan(ctx, id, dto, (em, planId, body) => this.meetings.addReportToParents(em, ctx, planId, body));
  }

  @Post('bodies/:id/meetings/plan')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Plan a whole year of this body’s meetings on the partnership’s term dates (idempotent)' })
  @ApiResponse({ status: 200, type: MeetingPlanResultDto })
  plan(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: MeetingPlanInputDto) {
    return this.meetings.plan(ctx, id, dto.academicYearStart);
  }

  @Post('bodies/:id/calendar')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'A new secret calendar address for the body’s meetings (the previous one stops working)' })
  @ApiResponse({ status: 200, type: CalendarUrlDto })
  bodyCalendar(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.calendars.bodyCalendar(ctx, id);
  }

  @Get('structure')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'The bodies and who reports to whom' })
  @ApiResponse({ status: 200, type: StructureDto })
  structure(@Ctx() ctx: TenantContext) {
    return this.bodies.structure(ctx);
  }

  @Get('structure.svg')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'The structure diagram as SVG, with a title and a text description' })
  @ApiProduces('image/svg+xml')
  async structureSvg(@Ctx() ctx: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const svg = await this.bodies.structureSvg(ctx);
    reply.header('content-type', 'image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff');
    return svg;
  }
}
