import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import { DataRoundsService } from './data-rounds.service';
import { CsvInputDto, SchoolRoundListDto, SchoolRoundsQueryDto, SubmissionDto, SubmissionInputDto } from './improvement.dto';

/** The school's side of data rounds: its head or staff submit its figures and own analysis. */
@ApiTags('school portal')
@Controller('v1/school-portal/:urn')
@UseGuards(SchoolPeopleGuard)
export class ImprovementPortalController {
  constructor(private readonly rounds: DataRoundsService) {}

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
