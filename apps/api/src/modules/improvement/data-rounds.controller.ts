import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { DataRoundsService } from './data-rounds.service';
import {
  AdminSubmissionInputDto,
  BenchmarkListDto,
  BenchmarksInputDto,
  ImprovementCreatedDto,
  CsvInputDto,
  CsvResultDto,
  DataSetDto,
  DataSetInputDto,
  DataSetListDto,
  GroupReportDto,
  GroupReportInputDto,
  NeedListDto,
  OutcomeInputDto,
  OutcomeListDto,
  RoundComparisonDto,
  RoundDto,
  RoundInputDto,
  RoundListDto,
  SubmissionDto,
} from './improvement.dto';

@ApiTags('school improvement')
@Controller('v1/tenants/:slug')
export class DataRoundsController {
  constructor(private readonly rounds: DataRoundsService) {}

  @Get('data-sets')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Data sets agreed for data rounds, with their indicators' })
  @ApiResponse({ status: 200, type: DataSetListDto })
  listSets(@Ctx() ctx: TenantContext) {
    return this.rounds.listDataSets(ctx);
  }

  @Post('data-sets')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Agree a data set: indicators with definitions, units, direction, precision and valid range' })
  @ApiResponse({ status: 201, type: ImprovementCreatedDto })
  createSet(@Ctx() ctx: TenantContext, @Body() dto: DataSetInputDto) {
    return this.rounds.createDataSet(ctx, dto);
  }

  @Get('data-sets/:id')
  @Access('read', 'Improvement')
  @ApiResponse({ status: 200, type: DataSetDto })
  getSet(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.getDataSet(ctx, id);
  }

  @Get('data-rounds')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Data rounds, newest first' })
  @ApiResponse({ status: 200, type: RoundListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.rounds.listRounds(ctx);
  }

  @Post('data-rounds')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Open a data round for a body (usually a cluster) with a data set and a window' })
  @ApiResponse({ status: 201, type: ImprovementCreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: RoundInputDto) {
    return this.rounds.createRound(ctx, dto);
  }

  @Get('data-rounds/:id')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'A round with its data set and which schools have submitted' })
  @ApiResponse({ status: 200, type: RoundDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.getRound(ctx, id);
  }

  @Post('data-rounds/:id/close')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Close the window' })
  @ApiResponse({ status: 200, type: RoundDto })
  close(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.closeRound(ctx, id);
  }

  @Get('data-rounds/:id/submissions')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Every school’s figures and own analysis' })
  @ApiResponse({ status: 200, type: CsvResultDto })
  submissions(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.submissions(ctx, id);
  }

  @Post('data-rounds/:id/submissions')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Enter a school’s figures for it (checked field by field)' })
  @ApiResponse({ status: 200, type: SubmissionDto })
  submit(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: AdminSubmissionInputDto) {
    return this.rounds.submitForSchool(ctx, id, dto);
  }

  @Post('data-rounds/:id/submissions/csv')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Import many schools’ figures from CSV (URN, then one column per indicator); nothing is saved unless every row is right' })
  @ApiResponse({ status: 200, type: CsvResultDto })
  importCsv(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CsvInputDto) {
    return this.rounds.importCsv(ctx, id, dto.csv);
  }

  @Get('data-rounds/:id/benchmarks')
  @Access('read', 'Improvement')
  @ApiResponse({ status: 200, type: BenchmarkListDto })
  benchmarks(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.benchmarks(ctx, id);
  }

  @Put('data-rounds/:id/benchmarks')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Enter local authority and national benchmarks' })
  @ApiResponse({ status: 200, type: BenchmarkListDto })
  setBenchmarks(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: BenchmarksInputDto) {
    return this.rounds.setBenchmarks(ctx, id, dto);
  }

  @Get('data-rounds/:id/comparison')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Schools side by side with the benchmarks: ranks, quartiles, each chart’s address and text, suggested strengths and areas' })
  @ApiResponse({ status: 200, type: RoundComparisonDto })
  comparison(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.comparison(ctx, id);
  }

  @Get('data-rounds/:id/charts/:code')
  @Access('read', 'Improvement')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: 'One indicator’s chart as SVG (titled and described for screen readers)' })
  @ApiResponse({ status: 200, description: 'An SVG image' })
  async chart(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const svg = await this.rounds.chart(ctx, id, code);
    reply.header('content-type', 'image/svg+xml; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return svg;
  }

  @Get('data-rounds/:id/outcomes')
  @Access('read', 'Improvement')
  @ApiResponse({ status: 200, type: OutcomeListDto })
  outcomes(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.outcomes(ctx, id);
  }

  @Put('data-rounds/:id/outcomes/:urn')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Record the strengths and areas to develop the meeting agreed for a school' })
  @ApiResponse({ status: 200, type: OutcomeListDto })
  setOutcome(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('urn') urn: string, @Body() dto: OutcomeInputDto) {
    return this.rounds.setOutcome(ctx, id, urn, dto);
  }

  @Get('data-rounds/:id/report')
  @Access('read', 'Improvement')
  @ApiResponse({ status: 200, type: GroupReportDto })
  report(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.report(ctx, id);
  }

  @Put('data-rounds/:id/report')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'The group report and its action plan' })
  @ApiResponse({ status: 200, type: GroupReportDto })
  setReport(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: GroupReportInputDto) {
    return this.rounds.setReport(ctx, id, dto);
  }

  @Post('data-rounds/:id/needs')
  @HttpCode(200)
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Raise a need for support from each agreed area to develop (due within a term); raising again adds nothing' })
  @ApiResponse({ status: 200, type: NeedListDto })
  raiseNeeds(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.rounds.raiseNeeds(ctx, id);
  }
}
