import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { londonToday } from '@partnerships/domain';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { AnnualReportsService } from './annual-reports.service';
import { AnnualReportDto, AnnualReportInputDto, AnnualReportListDto, ExportQueryDto, ParticipationDto, ParticipationQueryDto, YearInputDto } from './improvement.dto';

@ApiTags('school improvement')
@Controller('v1/tenants/:slug')
export class AnnualReportsController {
  constructor(private readonly reports: AnnualReportsService) {}

  @Get('annual-reports')
  @Access('manage', 'Improvement')
  @ApiResponse({ status: 200, type: AnnualReportListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.reports.list(ctx);
  }

  @Post('annual-reports')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Generate (or regenerate) the year’s annual report on the quality of education as an editable draft' })
  @ApiResponse({ status: 201, type: AnnualReportDto })
  generate(@Ctx() ctx: TenantContext, @Body() dto: YearInputDto) {
    return this.reports.generate(ctx, dto.academicYearStart);
  }

  @Get('annual-reports/:year')
  @Access('manage', 'Improvement')
  @ApiResponse({ status: 200, type: AnnualReportDto })
  get(@Ctx() ctx: TenantContext, @Param('year') year: string) {
    return this.reports.get(ctx, year);
  }

  @Put('annual-reports/:year')
  @Access('manage', 'Improvement')
  @ApiOperation({ summary: 'Edit the report (markdown) or mark it final' })
  @ApiResponse({ status: 200, type: AnnualReportDto })
  update(@Ctx() ctx: TenantContext, @Param('year') year: string, @Body() dto: AnnualReportInputDto) {
    return this.reports.update(ctx, year, dto);
  }

  @Get('annual-reports/:year/export')
  @Access('manage', 'Improvement')
  @ApiProduces('text/markdown', 'text/html')
  @ApiOperation({ summary: 'Export the report as markdown or HTML' })
  @ApiResponse({ status: 200, description: 'The document' })
  async export(@Ctx() ctx: TenantContext, @Param('year') year: string, @Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const out = await this.reports.export(ctx, year, query.format ?? 'md');
    reply.header('content-type', out.contentType).header('content-disposition', `attachment; filename="${out.filename}"`);
    return out.body;
  }

  @Get('participation')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Per school, what it took part in and gave in a year, and the partnership’s picture' })
  @ApiResponse({ status: 200, type: ParticipationDto })
  participation(@Ctx() ctx: TenantContext, @Query() query: ParticipationQueryDto) {
    return this.reports.participationPage(ctx, query);
  }

  @Get('participation.csv')
  @Access('read', 'Improvement')
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'A CSV file' })
  async participationCsv(@Ctx() ctx: TenantContext, @Query() query: ParticipationQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.reports.participationCsv(ctx, query.year);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ctx.tenant.slug}-participation-${londonToday()}.csv"`);
    return body;
  }
}
