import { Body, Controller, Get, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import { BrokerageService } from './brokerage.service';
import { DataRoundsService } from './data-rounds.service';
import { CsvInputDto, ImprovementCreatedDto, NeedListDto, SchoolRequestInputDto, SchoolRoundListDto, SchoolRoundsQueryDto, SubmissionDto, SubmissionInputDto } from './improvement.dto';

/** The school's side of data rounds: its head or staff submit its figures and own analysis. */
@ApiTags('school portal')
@Controller('v1/school-portal/:urn')
@UseGuards(SchoolPeopleGuard)
export class ImprovementPortalController {
  constructor(
    private readonly rounds: DataRoundsService,
    private readonly brokerage: BrokerageService,
  ) {}

  @SignedIn()
  @Get('support-requests')
  @ApiOperation({ summary: 'The school’s needs for support in a partnership, each timed against its target' })
  @ApiResponse({ status: 200, type: NeedListDto })
  requests(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolRoundsQueryDto) {
    return this.brokerage.forSchool(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Post('support-requests')
  @ApiOperation({ summary: 'The head or business manager asks the partnership for support (due within a term)' })
  @ApiResponse({ status: 201, type: ImprovementCreatedDto })
  request(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolRoundsQueryDto, @Body() dto: SchoolRequestInputDto) {
    return this.brokerage.request(ctx, urn, query.tenant, dto);
  }

  @SignedIn()
  @Get('data-rounds')
  @ApiOperation({ summary: 'The data rounds of the school’s groups in a partnership, with its own submission' })
  @ApiResponse({ status: 200, type: SchoolRoundListDto })
  list(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolRoundsQueryDto) {
    return this.rounds.schoolRounds(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Put('data-rounds/:roundId/submission')
  @ApiOperation({ summary: 'Submit the school’s figures in the common form, with its own strengths and areas to develop' })
  @ApiResponse({ status: 200, type: SubmissionDto })
  submit(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('roundId') roundId: string, @Query() query: SchoolRoundsQueryDto, @Body() dto: SubmissionInputDto) {
    return this.rounds.schoolSubmit(ctx, urn, query.tenant, roundId, dto);
  }

  @SignedIn()
  @Put('data-rounds/:roundId/submission/csv')
  @ApiOperation({ summary: 'Submit the school’s figures as CSV ("indicator,value" lines)' })
  @ApiResponse({ status: 200, type: SubmissionDto })
  submitCsv(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('roundId') roundId: string, @Query() query: SchoolRoundsQueryDto, @Body() dto: CsvInputDto) {
    return this.rounds.schoolSubmit(ctx, urn, query.tenant, roundId, { csv: dto.csv });
  }
}
