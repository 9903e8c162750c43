import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import {
  CreateElectionDto,
  ElectionBallotDto,
  ElectionDetailDto,
  ElectionListDto,
  ElectionListQueryDto,
  ElectoratePageQueryDto,
  ElectionReceiptDto,
  NominateDto,
} from './general-meetings.dto';
import { ElectionsService } from './elections.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('general meetings')
@Controller('v1/tenants/:slug/elections')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  @Get()
  @Access('read', 'GeneralMeeting')
  @ApiOperation({ summary: 'Elections to the partnership’s bodies, with results once counted' })
  @ApiResponse({ status: 200, type: ElectionListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: ElectionListQueryDto) {
    return this.elections.list(ctx, query);
  }

  @Post()
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Call an election to a body’s seats, some reserved by phase, character or area; nominations open now' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: CreateElectionDto) {
    return this.elections.create(ctx, dto);
  }

  @Get(':id')
  @Access('read', 'GeneralMeeting')
  @ApiOperation({ summary: 'An election: candidates, the frozen electorate (who has voted) and, once counted, the result' })
  @ApiResponse({ status: 200, type: ElectionDetailDto })
  detail(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() page: ElectoratePageQueryDto) {
    return this.elections.detail(ctx, id, page);
  }

  @Post(':id/nominations')
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Nominate a candidate from a member school (eligibility checked; a refusal is a 409 with the reason)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  nominate(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: NominateDto) {
    return this.elections.nominate({ tenantId: ctx.tenant.id, userId: ctx.user.id }, id, dto);
  }

  @Post(':id/open-voting')
  @HttpCode(200)
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Close nominations and open voting: the electorate is frozen now' })
  @ApiResponse({ status: 200, type: ElectionDetailDto })
  openVoting(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.elections.openVoting(ctx, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Access('manage', 'GeneralMeeting')
  @ApiOperation({ summary: 'Close voting and count: reserved seats first, ties by the stated rule; winners take their seats for their term' })
  @ApiResponse({ status: 200, type: ElectionDetailDto })
  close(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.elections.close(ctx, id);
  }

  @Post(':id/ballots')
  @Access('create', 'Ballot')
  @ApiOperation({ summary: 'Cast a school’s secret ballot, as its designated voter or the holder of its proxy' })
  @ApiResponse({ status: 201, type: ElectionReceiptDto })
  cast(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ElectionBallotDto) {
    return this.elections.cast({ tenantId: ctx.tenant.id, userId: ctx.user.id }, id, dto.schoolUrn, dto.nominationIds);
  }
}
