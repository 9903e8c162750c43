import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { AppointInputDto, RequirementsDto, ReviewQueryDto, SchoolReviewDto, SchoolReviewListDto } from './reviews.dto';
import { SchoolReviewsService } from './school-reviews.service';
import { CreatedDto } from '../../common/created.dto';

/** The partnership's side of confidential reviews: who must have one and who reviews. No route here returns a report's content. */
@ApiTags('school development reviews')
@Controller('v1/tenants/:slug')
export class SchoolReviewsController {
  constructor(private readonly sdr: SchoolReviewsService) {}

  @Get('school-review-requirements')
  @Access('manage', 'SchoolReview')
  @ApiOperation({ summary: 'The membership categories whose schools must have a school development review' })
  @ApiResponse({ status: 200, type: RequirementsDto })
  requirements(@Ctx() ctx: TenantContext) {
    return this.sdr.requirements(ctx);
  }

  @Put('school-review-requirements')
  @Access('manage', 'SchoolReview')
  @ApiOperation({ summary: 'Require school development reviews for these membership categories' })
  @ApiResponse({ status: 200, type: RequirementsDto })
  setRequirements(@Ctx() ctx: TenantContext, @Body() dto: RequirementsDto) {
    return this.sdr.setRequirements(ctx, dto);
  }

  @Get('school-reviews')
  @Access('manage', 'SchoolReview')
  @ApiOperation({ summary: 'School development reviews (who, when, whether the report is ready: never its content) and, for a year, required schools without one' })
  @ApiResponse({ status: 200, type: SchoolReviewListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: ReviewQueryDto) {
    return this.sdr.list(ctx, query.year);
  }

  @Post('school-reviews')
  @Access('manage', 'SchoolReview')
  @ApiOperation({ summary: 'Appoint an external reviewer for a school (invited by e-mail if they have no account)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  appoint(@Ctx() ctx: TenantContext, @Body() dto: AppointInputDto) {
    return this.sdr.appoint(ctx, dto);
  }

  @Get('school-reviews/:id')
  @Access('manage', 'SchoolReview')
  @ApiOperation({ summary: 'A school development review (never its content)' })
  @ApiResponse({ status: 200, type: SchoolReviewDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.sdr.get(ctx, id);
  }
}
