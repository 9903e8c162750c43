import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { londonToday } from '@partnerships/domain';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import {
  BookingListDto,
  CertificatesIssuedDto,
  CreateEventDto,
  EvaluationSetupDto,
  EvaluationSummaryDto,
  EventDetailDto,
  EventListDto,
  EventReportDto,
  RegisterDto,
  RegisterInputDto,
  TermInvoicingDto,
  TermInvoicingResultDto,
  UpdateEventDto,
} from './events.dto';
import { EventsService } from './events.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('events')
@Controller('v1/tenants/:slug')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'CPD courses, events and conferences, with places taken and waiting' })
  @ApiResponse({ status: 200, type: EventListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.events.list(ctx);
  }

  @Post('events')
  @Access('manage', 'Event')
  @ApiOperation({ summary: 'An event for an offer of kind event (or a new offer with member and non-member prices): sessions, venue or online, capacity, cap per school, booking window, cancellation terms, invoicing' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: CreateEventDto) {
    return this.events.create(ctx, dto);
  }

  @Get('event-report')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'Capacity use and evaluation scores for every event' })
  @ApiResponse({ status: 200, type: EventReportDto })
  report(@Ctx() ctx: TenantContext) {
    return this.events.report(ctx);
  }

  @Get('event-report.csv')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'Capacity use and evaluation scores as CSV' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'A CSV file' })
  async reportCsv(@Ctx() ctx: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.events.reportCsv(ctx);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ctx.tenant.slug}-events-${londonToday()}.csv"`);
    return body;
  }

  @Post('event-invoicing')
  @HttpCode(200)
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Consolidated invoicing: one invoice per school per term for approved bookings not yet invoiced (events invoiced per school per term)' })
  @ApiResponse({ status: 200, type: TermInvoicingResultDto })
  invoiceTerm(@Ctx() ctx: TenantContext, @Body() dto: TermInvoicingDto) {
    return this.events.invoiceTerm(ctx, dto.term);
  }

  @Get('events/:id')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'One event: {capacity, confirmed, waiting, sessions} and its settings, prices and take-up' })
  @ApiResponse({ status: 200, type: EventDetailDto })
  detail(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.events.detail(ctx, id);
  }

  @Put('events/:id')
  @Access('manage', 'Event')
  @ApiOperation({ summary: 'Change an event and its sessions (capacity never below the places taken; a freed place is offered to the next person waiting)' })
  @ApiResponse({ status: 200, type: EventDetailDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: UpdateEventDto) {
    return this.events.update(ctx, id, dto);
  }

  @Get('events/:id/bookings')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'Everyone booked, waiting or offered a place, with their school, status and money' })
  @ApiResponse({ status: 200, type: BookingListDto })
  bookings(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.events.bookings(ctx, id);
  }

  @Get('events/:id/sessions/:sessionId/register')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'The register of one session' })
  @ApiResponse({ status: 200, type: RegisterDto })
  register(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('sessionId') sessionId: string) {
    return this.events.register(ctx, id, sessionId);
  }

  @Put('events/:id/sessions/:sessionId/register')
  @Access('manage', 'Event')
  @ApiOperation({ summary: 'Mark the register (attended or not); bookings become attended or no-shows (charged under the terms)' })
  @ApiResponse({ status: 200, type: RegisterDto })
  markRegister(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('sessionId') sessionId: string, @Body() dto: RegisterInputDto) {
    return this.events.markRegister(ctx, id, sessionId, dto);
  }

  @Get('events/:id/evaluation')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'The evaluation: scores, answers (named unless anonymous) and who has not answered' })
  @ApiResponse({ status: 200, type: EvaluationSummaryDto })
  evaluation(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.events.evaluation(ctx, id);
  }

  @Put('events/:id/evaluation')
  @Access('manage', 'Event')
  @ApiOperation({ summary: 'Set up the evaluation survey (questions, anonymous or not); fixed once answered' })
  @ApiResponse({ status: 200, type: EvaluationSummaryDto })
  setEvaluation(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: EvaluationSetupDto) {
    return this.events.setEvaluation(ctx, id, dto);
  }

  @Post('events/:id/certificates')
  @HttpCode(200)
  @Access('manage', 'Event')
  @ApiOperation({ summary: 'Issue certificates to everyone who attended (once each), with an e-mail' })
  @ApiResponse({ status: 200, type: CertificatesIssuedDto })
  certificates(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.events.issueCertificates(ctx, id);
  }

  @Get('events/:id/bookings/:bookingId/certificate.pdf')
  @Access('read', 'Event')
  @ApiOperation({ summary: 'A certificate of attendance as a PDF' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A PDF file' })
  async certificatePdf(@Ctx() ctx: TenantContext, @Param('id') id: string, @Param('bookingId') bookingId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { name, pdf } = await this.events.certificatePdf(ctx, id, bookingId);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`);
    return pdf;
  }
}
