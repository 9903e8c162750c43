import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import {
  ApproveBookingDto,
  BookingDto,
  BookingListDto,
  BookingSettingsDto,
  BookingSettingsViewDto,
  CancelOutcomeDto,
  EvaluationAnswersDto,
  ReasonDto,
  RequestPlaceDto,
  SchoolEventListDto,
  SubstituteDto,
  TenantQueryDto,
} from './events.dto';
import { SchoolEventsService } from './school-events.service';

@ApiTags('school portal')
@Controller('v1/school-portal')
@UseGuards(SchoolPeopleGuard)
export class SchoolEventsController {
  constructor(private readonly events: SchoolEventsService) {}

  @SignedIn()
  @Get(':urn/events')
  @ApiOperation({ summary: 'Courses and events the school can book in one partnership, at its own price (members: all; non-members: public ones)' })
  @ApiResponse({ status: 200, type: SchoolEventListDto })
  list(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() q: TenantQueryDto) {
    return this.events.events(ctx, urn, q.tenant);
  }

  @SignedIn()
  @Post(':urn/events/:eventId/bookings')
  @ApiOperation({ summary: 'Ask for a place (any member of staff, for themselves or a colleague): held for the school’s approval, approved at once below its limit, or on the waiting list when full' })
  @ApiResponse({ status: 201, type: BookingDto })
  request(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('eventId') eventId: string, @Query() q: TenantQueryDto, @Body() dto: RequestPlaceDto) {
    return this.events.request(ctx, urn, q.tenant, eventId, dto);
  }

  @SignedIn()
  @Get(':urn/bookings')
  @ApiOperation({ summary: 'The school’s bookings with one partnership' })
  @ApiResponse({ status: 200, type: BookingListDto })
  bookings(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() q: TenantQueryDto) {
    return this.events.bookings(ctx, urn, q.tenant);
  }

  @SignedIn()
  @Get(':urn/booking-approvals')
  @ApiOperation({ summary: 'Requests waiting for the headteacher’s or business manager’s approval' })
  @ApiResponse({ status: 200, type: BookingListDto })
  approvals(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() q: TenantQueryDto) {
    return this.events.bookings(ctx, urn, q.tenant, true);
  }

  @SignedIn()
  @Get(':urn/booking-settings')
  @ApiOperation({ summary: 'The school’s automatic-approval limit with this partnership' })
  @ApiResponse({ status: 200, type: BookingSettingsViewDto })
  settings(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() q: TenantQueryDto) {
    return this.events.settings(ctx, urn, q.tenant);
  }

  @SignedIn()
  @Put(':urn/booking-settings')
  @ApiOperation({ summary: 'Set the automatic-approval limit (headteacher or business manager): bookings priced below it need nobody’s approval' })
  @ApiResponse({ status: 200, type: BookingSettingsViewDto })
  saveSettings(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() q: TenantQueryDto, @Body() dto: BookingSettingsDto) {
    return this.events.saveSettings(ctx, urn, q.tenant, dto.autoApproveBelowPence ?? null);
  }

  @SignedIn()
  @Post(':urn/bookings/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a request with a PO number (headteacher or business manager, never the person who asked): the place is confirmed and invoiced' })
  @ApiResponse({ status: 200, type: BookingDto })
  approve(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Body() dto: ApproveBookingDto) {
    return this.events.approve(ctx, urn, q.tenant, id, dto.poNumber);
  }

  @SignedIn()
  @Post(':urn/bookings/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a request (headteacher or business manager); the place is freed' })
  @ApiResponse({ status: 200, type: BookingDto })
  decline(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Body() dto: ReasonDto) {
    return this.events.decline(ctx, urn, q.tenant, id, dto.reason);
  }

  @SignedIn()
  @Post(':urn/bookings/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a booking: charged by notice under the event’s terms, the rest credited; the place is offered to the next person waiting' })
  @ApiResponse({ status: 200, type: CancelOutcomeDto })
  cancel(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Body() dto: ReasonDto) {
    return this.events.cancel(ctx, urn, q.tenant, id, dto.reason);
  }

  @SignedIn()
  @Post(':urn/bookings/:id/substitute')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send someone else in the delegate’s place (free)' })
  @ApiResponse({ status: 200, type: BookingDto })
  substitute(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Body() dto: SubstituteDto) {
    return this.events.substitute(ctx, urn, q.tenant, id, dto);
  }

  @SignedIn()
  @Post(':urn/bookings/:id/accept-offer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take up a place offered from the waiting list before the offer lapses' })
  @ApiResponse({ status: 200, type: BookingDto })
  acceptOffer(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto) {
    return this.events.acceptOffer(ctx, urn, q.tenant, id);
  }

  @SignedIn()
  @Get(':urn/bookings/:id/calendar.ics')
  @ApiOperation({ summary: 'The booked sessions as calendar entries (.ics)' })
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'An iCalendar file' })
  async ics(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.events.ics(ctx, urn, q.tenant, id);
    reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="booking-${id}.ics"`);
    return body;
  }

  @SignedIn()
  @Post(':urn/bookings/:id/evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer the event’s evaluation (once; anonymous if the partnership set it so)' })
  @ApiResponse({ status: 200, description: '{recorded: true}' })
  evaluate(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Body() dto: EvaluationAnswersDto) {
    return this.events.evaluate(ctx, urn, q.tenant, id, dto);
  }

  @SignedIn()
  @Get(':urn/bookings/:id/certificate.pdf')
  @ApiOperation({ summary: 'The delegate’s certificate of attendance as a PDF' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A PDF file' })
  async certificate(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Query() q: TenantQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { name, pdf } = await this.events.certificatePdf(ctx, urn, q.tenant, id);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`);
    return pdf;
  }
}
