import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import {
  ADMIN_ACTIONS,
  BulkInviteDto,
  BulkInviteResultDto,
  ChangeCategoryDto,
  CreateDocumentDto,
  DecisionDto,
  DocumentDto,
  DocumentListDto,
  MembershipActionDto,
  MembershipDetailDto,
  MembershipListQueryDto,
  MembershipPageDto,
  MembershipSettingsDto,
  MembershipStatsDto,
  NoticeRequestDto,
  NoticeResultDto,
  PupilCountDto,
  PupilCountPageDto,
  PupilCountQueryDto,
  RecordPupilCountDto,
  StatsQueryDto,
  UpdateMembershipSettingsDto,
} from './membership.dto';
import { BulkInviteService } from './bulk-invite.service';
import { MemberListService } from './member-list.service';
import { MembershipSettingsService } from './membership-settings.service';
import { MembershipsService } from './memberships.service';
import { PupilCountsService } from './pupil-counts.service';
import { TenantDocumentsService } from './tenant-documents.service';

@ApiTags('memberships')
@Controller('v1/tenants/:slug')
export class MembershipsController {
  constructor(
    private readonly members: MemberListService,
    private readonly memberships: MembershipsService,
    private readonly invites: BulkInviteService,
    private readonly membershipSettings: MembershipSettingsService,
    private readonly pupilNumbers: PupilCountsService,
    private readonly documentsShared: TenantDocumentsService,
  ) {}

  @Get('memberships')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'The partnership’s schools in every state, with filters (phase, category, status, localAuthority, q) and pages' })
  @ApiResponse({ status: 200, type: MembershipPageDto })
  list(@Ctx() ctx: TenantContext, @Query() query: MembershipListQueryDto) {
    return this.members.list(ctx, query);
  }

  @Get('memberships.csv')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'The member list as a CSV file (same filters as the list, every page)' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'A CSV file' })
  async csv(@Ctx() ctx: TenantContext, @Query() query: MembershipListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.members.csv(ctx, query);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ctx.tenant.slug}-members-${londonToday()}.csv"`);
    return body;
  }

  @Get('memberships/stats')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Counts by status at the end of each month, for the chart of membership over time' })
  @ApiResponse({ status: 200, type: MembershipStatsDto })
  stats(@Ctx() ctx: TenantContext, @Query() query: StatsQueryDto) {
    return this.members.stats(ctx, query);
  }

  @Post('memberships/bulk-invite')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Invite many schools; each school’s headteacher and business manager (or the address given) is e-mailed' })
  @ApiResponse({ status: 200, type: BulkInviteResultDto })
  bulkInvite(@Ctx() ctx: TenantContext, @Body() dto: BulkInviteDto) {
    return this.invites.bulkInvite(ctx, dto);
  }

  @Get('memberships/:id')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'A member page: school, category, application, notice, possible actions and the full timeline' })
  @ApiResponse({ status: 200, type: MembershipDetailDto })
  detail(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.memberships.detail(ctx, id);
  }

  @Put('memberships/:id')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Change a school’s membership category (eligibility is checked)' })
  @ApiResponse({ status: 200, type: MembershipDetailDto })
  changeCategory(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ChangeCategoryDto) {
    return this.memberships.changeCategory(ctx, id, dto);
  }

  @Post('memberships/:id/notice')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Notice on the school’s behalf: the effective leaving date under the partnership’s rule; given only with confirm: true' })
  @ApiResponse({ status: 200, type: NoticeResultDto })
  notice(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: NoticeRequestDto) {
    return this.memberships.notice(ctx, id, dto);
  }

  @Post('memberships/:id/:action')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiParam({ name: 'action', enum: ADMIN_ACTIONS })
  @ApiOperation({ summary: 'A lifecycle step (illegal in the current state: 409 with the reason, and nothing changes)' })
  @ApiResponse({ status: 200, type: MembershipDetailDto })
  act(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('action') action: string, @Body() dto: MembershipActionDto) {
    return this.memberships.act(ctx, id, action, dto);
  }

  @Get('membership-settings')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'The notice rule in force, the census that drives fees and the liability guarantee' })
  @ApiResponse({ status: 200, type: MembershipSettingsDto })
  settings(@Ctx() ctx: TenantContext) {
    return this.membershipSettings.settings(ctx);
  }

  @Put('membership-settings')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Choose which school census (October, January or May) drives fees' })
  @ApiResponse({ status: 200, type: MembershipSettingsDto })
  updateSettings(@Ctx() ctx: TenantContext, @Body() dto: UpdateMembershipSettingsDto) {
    return this.membershipSettings.updateSettings(ctx, dto);
  }

  @Get('pupil-counts')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Pupil numbers per school per census, with schools’ corrections (filter status=pending to approve them)' })
  @ApiResponse({ status: 200, type: PupilCountPageDto })
  pupilCounts(@Ctx() ctx: TenantContext, @Query() query: PupilCountQueryDto) {
    return this.pupilNumbers.pupilCounts(ctx, query);
  }

  @Post('pupil-counts')
  @Access('update', 'Membership')
  @ApiOperation({
    summary: 'Record a pupil number for a school on the list: approved at once, unless it is far from the register’s or last year’s (more than 25% and more than 30 pupils) and not confirmed; then it waits as needs-confirmation',
  })
  @ApiResponse({ status: 201, type: PupilCountDto })
  recordPupilCount(@Ctx() ctx: TenantContext, @Body() dto: RecordPupilCountDto) {
    return this.pupilNumbers.recordPupilCount(ctx, dto);
  }

  @Post('pupil-counts/:id/approve')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Approve a school’s correction, or confirm a figure that needs confirmation' })
  @ApiResponse({ status: 200, type: PupilCountDto })
  approvePupilCount(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.pupilNumbers.decidePupilCount(ctx, id, 'approved', dto);
  }

  @Post('pupil-counts/:id/reject')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Turn down a school’s correction, saying why' })
  @ApiResponse({ status: 200, type: PupilCountDto })
  rejectPupilCount(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.pupilNumbers.decidePupilCount(ctx, id, 'rejected', dto);
  }

  @Get('documents')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Documents shared with member schools (archived ones last)' })
  @ApiResponse({ status: 200, type: DocumentListDto })
  documents(@Ctx() ctx: TenantContext) {
    return this.documentsShared.documents(ctx);
  }

  @Post('documents')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Share a document (a link or some text) with member schools' })
  @ApiResponse({ status: 201, type: DocumentDto })
  createDocument(@Ctx() ctx: TenantContext, @Body() dto: CreateDocumentDto) {
    return this.documentsShared.createDocument(ctx, dto);
  }

  @Post('documents/:id/archive')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Stop sharing a document (it is kept, not deleted)' })
  @ApiResponse({ status: 200, type: DocumentDto })
  archiveDocument(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.documentsShared.archiveDocument(ctx, id);
  }
}
