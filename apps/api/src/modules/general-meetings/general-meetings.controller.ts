import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import {
  BallotReceiptDto,
  CastBallotDto,
  CloseMotionDto,
  CreateMotionDto,
  MotionDetailDto,
  MotionListDto,
  MotionListQueryDto,
  ProxyListDto,
  ProxyListQueryDto,
  SchoolVoterListDto,
  SchoolVoterListQueryDto,
  ElectoratePageQueryDto,
} from './general-meetings.dto';
import { MotionsService } from './motions.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('general meetings')
@Controller('v1/tenants/:slug')
export class GeneralMeetingsController {
  constructor(private readonly motions: MotionsService) {}

  @Get('motions')
  @Access('read', 'GeneralMeeting')
  @ApiOperation({ summary: 'Motions put to the partnership’s general meetings, with their results once counted' })
  @ApiResponse({ status: 200, type: MotionListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: MotionListQueryDto) {
    return this.motions.list(ctx, query);
  }

  @Post('motions')
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Put a motion to a general meeting (a draft until the poll is opened)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: CreateMotionDto) {
    return this.motions.create(ctx, dto);
  }

  @Get('motions/:id')
  @Access('read', 'GeneralMeeting')
  @ApiOperation({ summary: 'A motion: its frozen electorate (who has voted, never what they chose) and, once counted, its result' })
  @ApiResponse({ status: 200, type: MotionDetailDto })
  detail(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() page: ElectoratePageQueryDto) {
    return this.motions.detail(ctx, id, page);
  }

  @Post('motions/:id/open')
  @HttpCode(200)
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Open the poll: the electorate (voting member schools and their voters) is frozen now' })
  @ApiResponse({ status: 200, type: MotionDetailDto })
  open(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.motions.open(ctx, id);
  }

  @Post('motions/:id/close')
  @HttpCode(200)
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Close the poll and count it, one school one vote' })
  @ApiResponse({ status: 200, type: MotionDetailDto })
  close(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CloseMotionDto) {
    return this.motions.close(ctx, id, dto);
  }

  @Post('motions/:id/ballots')
  @Access('create', 'Ballot')
  @ApiOperation({ summary: 'Cast a school’s vote, as its designated voter or the holder of its proxy (409/403 with the reason when refused; nothing changes)' })
  @ApiResponse({ status: 201, type: BallotReceiptDto })
  cast(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CastBallotDto) {
    return this.motions.castFromTenant(ctx, id, dto);
  }

  @Get('proxies')
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Proxies schools have appointed for general meetings, revoked ones included' })
  @ApiResponse({ status: 200, type: ProxyListDto })
  proxies(@Ctx() ctx: TenantContext, @Query() query: ProxyListQueryDto) {
    return this.motions.proxies(ctx, query);
  }

  @Get('school-voters')
  @Access('read', 'GeneralMeeting')
  @ApiOperation({ summary: 'Each member school’s designated voter (the headteacher unless the school named another) and whether its category votes' })
  @ApiResponse({ status: 200, type: SchoolVoterListDto })
  voters(@Ctx() ctx: TenantContext, @Query() query: SchoolVoterListQueryDto) {
    return this.motions.voters(ctx, query);
  }
}
