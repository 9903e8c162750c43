import { Body, type CanActivate, Controller, type ExecutionContext, Get, HttpCode, Injectable, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import { ConfidentialReportDto, OkDto, FocusInputDto, HeadResponseDto, MySchoolReviewListDto, ReadLogDto, ReportContentInputDto, ReviewDto, ReviewListDto, ShareInputDto, ShareListDto } from './reviews.dto';
import { ReviewsService } from './reviews.service';
import { SchoolReviewsService } from './school-reviews.service';

/** The school's side: its peer reviews (focus, the head's response) and its confidential reviews (shares, the read log). */
@ApiTags('school portal')
@Controller('v1/school-portal/:urn')
@UseGuards(SchoolPeopleGuard)
export class ReviewPortalController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly sdr: SchoolReviewsService,
  ) {}

  @SignedIn()
  @Get('reviews')
  @ApiOperation({ summary: 'The school’s peer reviews in every partnership, with the report as it stands' })
  @ApiResponse({ status: 200, type: ReviewListDto })
  list(@Ctx() ctx: AuthedContext, @Param('urn') urn: string) {
    return this.reviews.forSchool(ctx, urn);
  }

  @SignedIn()
  @Put('reviews/:id/focus')
  @ApiOperation({ summary: 'The head agrees the review’s focus' })
  @ApiResponse({ status: 200, type: ReviewDto })
  focus(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Body() dto: FocusInputDto) {
    return this.reviews.agreeFocus(ctx, urn, id, dto);
  }

  @SignedIn()
  @Post('reviews/:id/response')
  @HttpCode(200)
  @ApiOperation({ summary: 'The head’s response to the draft report' })
  @ApiResponse({ status: 200, type: ReviewDto })
  respond(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Body() dto: HeadResponseDto) {
    return this.reviews.respond(ctx, urn, id, dto);
  }

  @SignedIn()
  @Get('confidential-reviews')
  @ApiOperation({ summary: 'The school’s confidential school development reviews (the content is read at /me/confidential-reviews/{id})' })
  @ApiResponse({ status: 200, type: MySchoolReviewListDto })
  confidential(@Ctx() ctx: AuthedContext, @Param('urn') urn: string) {
    return this.sdr.forSchool(ctx, urn);
  }

  @SignedIn()
  @Post('confidential-reviews/:id/shares')
  @HttpCode(200)
  @ApiOperation({ summary: 'The head shares the report with a named person or a body' })
  @ApiResponse({ status: 200, type: ShareListDto })
  share(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Body() dto: ShareInputDto) {
    return this.sdr.share(ctx, urn, id, dto);
  }

  @SignedIn()
  @Post('confidential-review-shares/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'The head revokes a share' })
  @ApiResponse({ status: 200, type: ShareListDto })
  revoke(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string) {
    return this.sdr.revoke(ctx, urn, id);
  }

  @SignedIn()
  @Get('confidential-reviews/:id/reads')
  @ApiOperation({ summary: 'Who has read the report, and when (the head only)' })
  @ApiResponse({ status: 200, type: ReadLogDto })
  reads(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string) {
    return this.sdr.reads(ctx, urn, id);
  }
}

/** Runs before the body is validated, so anyone who may not open the review gets the same 404 whatever they send. */
@Injectable()
export class ConfidentialReviewReaderGuard implements CanActivate {
  constructor(private readonly sdr: SchoolReviewsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ params?: Record<string, string>; ctx?: AuthedContext }>();
    const id = request.params?.id;
    if (id === undefined || !request.ctx?.user) return true;
    await this.sdr.assertReader(request.ctx, id);
    return true;
  }
}

/** The one door to a confidential report's content: the reviewer, the head and those the head shared it with. */
@ApiTags('school development reviews')
@Controller('v1/me/confidential-reviews')
@UseGuards(ConfidentialReviewReaderGuard)
export class MyConfidentialReviewsController {
  constructor(private readonly sdr: SchoolReviewsService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Confidential reviews you may open: as reviewer, head or share recipient' })
  @ApiResponse({ status: 200, type: MySchoolReviewListDto })
  mine(@Ctx() ctx: AuthedContext) {
    return this.sdr.mine(ctx);
  }

  @SignedIn()
  @Get(':id')
  @ApiOperation({ summary: 'Read the report (recorded in the head’s read log); 404 to anyone else' })
  @ApiResponse({ status: 200, type: ConfidentialReportDto })
  read(@Ctx() ctx: AuthedContext, @Param('id') id: string) {
    return this.sdr.read(ctx, id);
  }

  @SignedIn()
  @Put(':id/report')
  @ApiOperation({ summary: 'The reviewer writes the report; ready: true tells the head (by e-mail, without the content)' })
  @ApiResponse({ status: 200, type: OkDto })
  write(@Ctx() ctx: AuthedContext, @Param('id') id: string, @Body() dto: ReportContentInputDto) {
    return this.sdr.write(ctx, id, dto);
  }
}
