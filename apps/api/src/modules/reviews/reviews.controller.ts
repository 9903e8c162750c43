import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import {
  ReviewActionInputDto,
  ReviewActionUpdateDto,
  CarriedDto,
  ParticipantInputDto,
  ReportStepDto,
  ReviewDto,
  ReviewerListDto,
  ReviewListDto,
  ReviewQueryDto,
  ReviewUpdateDto,
  TrainingInputDto,
} from './reviews.dto';
import { ReviewsService } from './reviews.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('peer review')
@Controller('v1/tenants/:slug')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('reviews')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'Peer reviews: all of them for the coordinator, otherwise those you take part in' })
  @ApiResponse({ status: 200, type: ReviewListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: ReviewQueryDto) {
    return this.reviews.list(ctx, query);
  }

  @Get('reviews/:id')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'A review with its team, report versions and agreed actions (coordinator and team only)' })
  @ApiResponse({ status: 200, type: ReviewDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.reviews.get(ctx, id);
  }

  @Put('reviews/:id')
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Move the visit (a school day of the partnership’s calendar)' })
  @ApiResponse({ status: 200, type: ReviewDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ReviewUpdateDto) {
    return this.reviews.update(ctx, id, dto);
  }

  @Post('reviews/:id/participants')
  @HttpCode(200)
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Give someone a role on the review; a conflict of interest needs an override reason' })
  @ApiResponse({ status: 200, type: ReviewDto })
  addParticipant(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ParticipantInputDto) {
    return this.reviews.addParticipant(ctx, id, dto);
  }

  @Post('review-participants/:id/remove')
  @HttpCode(200)
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Take someone off a review' })
  @ApiResponse({ status: 200, type: ReviewDto })
  removeParticipant(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.reviews.removeParticipant(ctx, id);
  }

  @Post('reviews/:id/cancel')
  @HttpCode(200)
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Cancel a review that has no report yet' })
  @ApiResponse({ status: 200, type: ReviewDto })
  cancel(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.reviews.cancel(ctx, id);
  }

  @Post('reviews/:id/report')
  @HttpCode(200)
  @Access('read', 'Review')
  @ApiOperation({ summary: 'The report’s next step: the lead’s draft or final report, or quality assurance (the head responds through the school portal)' })
  @ApiResponse({ status: 200, type: ReviewDto })
  report(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ReportStepDto) {
    return this.reviews.report(ctx, id, dto);
  }

  @Post('reviews/:id/actions')
  @HttpCode(200)
  @Access('read', 'Review')
  @ApiOperation({ summary: 'Record an action the review agreed (lead reviewer or coordinator)' })
  @ApiResponse({ status: 200, type: ReviewDto })
  addAction(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ReviewActionInputDto) {
    return this.reviews.addAction(ctx, id, dto);
  }

  @Post('reviews/:id/carry-forward')
  @HttpCode(200)
  @Access('read', 'Review')
  @ApiOperation({ summary: 'Start this review from the actions the school’s last review left open' })
  @ApiResponse({ status: 200, type: CarriedDto })
  carryForward(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.reviews.carryForward(ctx, id);
  }

  @Put('review-actions/:id')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'Follow up an agreed action (lead reviewer or coordinator)' })
  @ApiResponse({ status: 200, type: ReviewDto })
  updateAction(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: ReviewActionUpdateDto) {
    return this.reviews.updateAction(ctx, id, dto);
  }

  @Get('reviewers')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'Reviewers with their training and the number of reviews they have led' })
  @ApiResponse({ status: 200, type: ReviewerListDto })
  reviewers(@Ctx() ctx: TenantContext) {
    return this.reviews.reviewers(ctx);
  }

  @Post('reviewer-training')
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Record a reviewer’s training' })
  @ApiResponse({ status: 201, type: CreatedDto })
  addTraining(@Ctx() ctx: TenantContext, @Body() dto: TrainingInputDto) {
    return this.reviews.addTraining(ctx, dto);
  }
}
