import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import {
  ActionInputDto,
  AgendaItemInputDto,
  AgendaItemRefDto,
  AttendanceInputDto,
  CancelMeetingDto,
  CloseActionDto,
  MeetingDto,
  MeetingListDto,
  MeetingsQueryDto,
  MinutesInputDto,
  MoveMeetingDto,
  PaperInputDto,
  MeetingPlanInputDto,
  MeetingPlanResultDto,
} from './governance.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('governance')
@Controller('v1/tenants/:slug/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Meetings on the days from..to (default: the coming year)' })
  @ApiResponse({ status: 200, type: MeetingListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: MeetingsQueryDto) {
    return this.meetings.list(ctx, query);
  }

  @Post('plan')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Plan a whole year of every body’s meetings on the term dates (idempotent)' })
  @ApiResponse({ status: 200, type: MeetingPlanResultDto })
  planAll(@Ctx() ctx: TenantContext, @Body() dto: MeetingPlanInputDto) {
    return this.meetings.plan(ctx, null, dto.academicYearStart);
  }

  @Get(':id')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'A meeting: agenda (confidential items only for the body), papers, attendance, quorum, minutes and actions' })
  @ApiResponse({ status: 200, type: MeetingDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.meetings.get(ctx, id);
  }

  @Put(':id')
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Move a meeting (calendars see the change: its SEQUENCE goes up)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  move(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: MoveMeetingDto) {
    return this.meetings.move(ctx, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Cancel a meeting (calendars show it cancelled)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  cancel(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CancelMeetingDto) {
    return this.meetings.cancel(ctx, id, dto);
  }

  @Post(':id/invitations')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'E-mail the body’s members an invitation with a calendar file (a cancellation once cancelled)' })
  invite(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.meetings.sendInvitations(ctx, id);
  }

  @Post(':id/agenda/build')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Add the standing items, the annual rhythm’s items and reports from bodies below that are missing' })
  @ApiResponse({ status: 200, type: MeetingDto })
  build(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.meetings.buildAgenda(ctx, id);
  }

  @Post(':id/agenda')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Add a local item (confidential items are shown only to the body)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  addItem(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AgendaItemInputDto) {
    return this.meetings.addItem(ctx, id, dto);
  }

  @Post(':id/agenda/remove')
  @HttpCode(200)
  @Access('manage', 'Governance')
  @ApiOperation({ summary: 'Take a local item off the agenda' })
  @ApiResponse({ status: 200, type: MeetingDto })
  removeItem(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AgendaItemRefDto) {
    return this.meetings.removeItem(ctx, id, dto.itemId);
  }

  @Post(':id/papers')
  @HttpCode(200)
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Attach a paper to an agenda item (officers, admins and the body’s members)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  addPaper(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: PaperInputDto) {
    return this.meetings.addPaper(ctx, id, dto);
  }

  @Put(':id/attendance')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Record attendance per seat: present, a deputy standing in, apologies with a reason, absent, in attendance' })
  @ApiResponse({ status: 200, type: MeetingDto })
  attendance(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AttendanceInputDto) {
    return this.meetings.recordAttendance(ctx, id, dto);
  }

  @Put(':id/minutes')
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Draft the minutes (the note-taker, chair, secretary, officers or admins)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  minutes(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: MinutesInputDto) {
    return this.meetings.saveMinutes(ctx, id, dto.text);
  }

  @Post(':id/minutes/circulate')
  @HttpCode(200)
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Circulate the draft minutes to the body' })
  @ApiResponse({ status: 200, type: MeetingDto })
  circulate(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.meetings.circulateMinutes(ctx, id);
  }

  @Post(':id/minutes/approve-previous')
  @HttpCode(200)
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'At this meeting, approve the minutes of the body’s previous meeting (members of the body only)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  approve(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.meetings.approvePreviousMinutes(ctx, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Record an action (it carries over from meeting to meeting until closed)' })
  @ApiResponse({ status: 200, type: MeetingDto })
  addAction(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ActionInputDto) {
    return this.meetings.addAction(ctx, id, dto);
  }

  @Post(':id/actions/close')
  @HttpCode(200)
  @Access('read', 'Governance')
  @ApiOperation({ summary: 'Close an action at this meeting' })
  @ApiResponse({ status: 200, type: MeetingDto })
  closeAction(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CloseActionDto) {
    return this.meetings.closeAction(ctx, id, dto);
  }
}
