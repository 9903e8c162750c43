import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import {
  AppointProxyDto,
  BallotReceiptDto,
  ElectionReceiptDto,
  NameVoterDto,
  ProxyDto,
  SchoolCastBallotDto,
  SchoolElectionBallotDto,
  SchoolNominateDto,
  SchoolVoterDto,
  SchoolVotesDto,
} from './general-meetings.dto';
import { SchoolVotesService } from './school-votes.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('school portal')
@Controller('v1/school-portal/:urn')
@UseGuards(SchoolPeopleGuard)
export class SchoolVotesController {
  constructor(private readonly votes: SchoolVotesService) {}

  @SignedIn()
  @Get('votes')
  @ApiOperation({ summary: 'Open motions and elections the school can vote in (in every partnership where it is a member), recent results, its voter and its proxies' })
  @ApiResponse({ status: 200, type: SchoolVotesDto })
  list(@Ctx() ctx: AuthedContext, @Param('urn') urn: string) {
    return this.votes.votes(ctx, urn);
  }

  @SignedIn()
  @Post('motions/:motionId/ballots')
  @ApiOperation({ summary: 'Vote on a motion for this school (its designated voter) or for a school whose proxy you hold' })
  @ApiResponse({ status: 201, type: BallotReceiptDto })
  castMotion(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('motionId') motionId: string, @Body() dto: SchoolCastBallotDto) {
    return this.votes.castMotion(ctx, urn, motionId, dto);
  }

  @SignedIn()
  @Post('elections/:electionId/ballots')
  @ApiOperation({ summary: 'Vote in an election for this school or for a school whose proxy you hold (a secret ballot)' })
  @ApiResponse({ status: 201, type: ElectionReceiptDto })
  castElection(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('electionId') electionId: string, @Body() dto: SchoolElectionBallotDto) {
    return this.votes.castElection(ctx, urn, electionId, dto);
  }

  @SignedIn()
  @Post('elections/:electionId/nominations')
  @ApiOperation({ summary: 'Nominate a candidate from this school (headteacher; yourself by default)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  nominate(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('electionId') electionId: string, @Body() dto: SchoolNominateDto) {
    return this.votes.nominate(ctx, urn, electionId, dto);
  }

  @SignedIn()
  @Put('voters/:tenantSlug')
  @ApiOperation({ summary: 'Name the school’s voter in a partnership (headteacher; null: the headteacher votes)' })
  @ApiResponse({ status: 200, type: SchoolVoterDto })
  nameVoter(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') tenantSlug: string, @Body() dto: NameVoterDto) {
    return this.votes.nameVoter(ctx, urn, tenantSlug, dto);
  }

  @SignedIn()
  @Post('meetings/:meetingId/proxy')
  @ApiOperation({ summary: 'Appoint the school’s proxy for one general meeting: another voting school’s voter or the chair (headteacher); replaces any earlier one' })
  @ApiResponse({ status: 201, type: ProxyDto })
  appointProxy(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('meetingId') meetingId: string, @Body() dto: AppointProxyDto) {
    return this.votes.appointProxy(ctx, urn, meetingId, dto);
  }

  @SignedIn()
  @Post('meetings/:meetingId/proxy/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke the school’s proxy for the meeting (headteacher); ballots it already cast stand' })
  @ApiResponse({ status: 200, type: ProxyDto })
  revokeProxy(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('meetingId') meetingId: string) {
    return this.votes.revokeProxy(ctx, urn, meetingId);
  }
}
