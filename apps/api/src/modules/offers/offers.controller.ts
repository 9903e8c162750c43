import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { londonToday } from '@partnerships/domain';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { BespokeService } from './bespoke.service';
import { CatalogueService } from './catalogue.service';
import { OfferReportsService } from './offer-reports.service';
import {
  BespokeRequestDto,
  BespokeRequestListDto,
  BuybackWindowDto,
  BuybackWindowListDto,
  CreateBuybackWindowDto,
  CreateOfferDto,
  EntitlementBalanceDto,
  EntitlementBalanceListDto,
  EntitlementQueryDto,
  LedgerDto,
  OfferDto,
  OfferListDto,
  OfferListQueryDto,
  OffersReportDto,
  OrderDto,
  OrderListDto,
  OrderListQueryDto,
  PoolDaysDto,
  PoolDaysQueryDto,
  BespokeQuoteInputDto,
  RecordUseDto,
  RefusalDto,
  RemindersResultDto,
  ReportCsvQueryDto,
  ReportQueryDto,
  RolloverResultDto,
  ServiceLevelChangeDto,
  ServiceLevelHistoryDto,
  SetPricesDto,
  SetServiceLevelDto,
  UpdateOfferDto,
} from './offers.dto';
import { OrdersService } from './orders.service';
import { PoolsService } from './pools.service';
import { ServiceLevelsService } from './service-levels.service';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('offers')
@Controller('v1/tenants/:slug')
export class OffersController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly orders: OrdersService,
    private readonly bespoke: BespokeService,
    private readonly pools: PoolsService,
    private readonly levels: ServiceLevelsService,
    private readonly reports: OfferReportsService,
  ) {}

  @Get('offers')
  @Access('read', 'Offer')
  @ApiOperation({ summary: 'The partnership’s catalogue: every offer with its prices (filter by status or kind)' })
  @ApiResponse({ status: 200, type: OfferListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: OfferListQueryDto) {
    return this.catalogue.list(ctx, query);
  }

  @Post('offers')
  @Access('create', 'Offer')
  @ApiOperation({ summary: 'Add an offer (a draft) with its first year’s prices' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: CreateOfferDto) {
    return this.catalogue.create(ctx, dto);
  }

  @Get('offers/:id')
  @Access('read', 'Offer')
  @ApiResponse({ status: 200, type: OfferDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.catalogue.get(ctx, id);
  }

  @Put('offers/:id')
  @Access('update', 'Offer')
  @ApiOperation({ summary: 'Change an offer’s details (only the fields given)' })
  @ApiResponse({ status: 200, type: OfferDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: UpdateOfferDto) {
    return this.catalogue.update(ctx, id, dto);
  }

  @Put('offers/:id/prices')
  @Access('update', 'Offer')
  @ApiOperation({ summary: 'Set one year’s prices (replaces that year’s list; the first rule matching a school is its price)' })
  @ApiResponse({ status: 200, type: OfferDto })
  setPrices(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SetPricesDto) {
    return this.catalogue.setPrices(ctx, id, dto);
  }

  @Post('offers/:id/publish')
  @HttpCode(200)
  @Access('update', 'Offer')
  @ApiResponse({ status: 200, type: OfferDto })
  publish(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.catalogue.setStatus(ctx, id, 'published');
  }

  @Post('offers/:id/archive')
  @HttpCode(200)
  @Access('update', 'Offer')
  @ApiResponse({ status: 200, type: OfferDto })
  archive(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.catalogue.setStatus(ctx, id, 'archived');
  }

  @Get('offers/:id/pool-days')
  @Access('read', 'Offer')
  @ApiOperation({ summary: 'A shared pool’s capacity and bookings by day' })
  @ApiResponse({ status: 200, type: PoolDaysDto })
  poolDays(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() query: PoolDaysQueryDto) {
    return this.pools.days(ctx, id, query);
  }

  @Get('entitlements')
  @Access('read', 'Offer')
  @ApiOperation({ summary: 'Core entitlement balances by school for a year (allowance, used, left)' })
  @ApiResponse({ status: 200, type: EntitlementBalanceListDto })
  balances(@Ctx() ctx: TenantContext, @Query() query: EntitlementQueryDto) {
    return this.catalogue.balances(ctx, query);
  }

  @Get('entitlements/ledger')
  @Access('read', 'Offer')
  @ApiResponse({ status: 200, type: LedgerDto })
  ledger(@Ctx() ctx: TenantContext, @Query() query: EntitlementQueryDto) {
    return this.catalogue.ledger(ctx, query);
  }

  @Post('entitlements/ledger')
  @Access('update', 'Offer')
  @ApiOperation({ summary: 'Record use of a core entitlement by a school (never beyond its allowance)' })
  @ApiResponse({ status: 201, type: EntitlementBalanceDto })
  recordUse(@Ctx() ctx: TenantContext, @Body() dto: RecordUseDto) {
    return this.catalogue.recordUse(ctx, dto);
  }

  @Get('orders')
  @Access('read', 'Order')
  @ApiResponse({ status: 200, type: OrderListDto })
  orderList(@Ctx() ctx: TenantContext, @Query() query: OrderListQueryDto) {
    return this.orders.list(ctx, query);
  }

  @Get('orders/:id')
  @Access('read', 'Order')
  @ApiResponse({ status: 200, type: OrderDto })
  order(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.orders.get(ctx, id);
  }

  @Get('buyback-windows')
  @Access('read', 'Order')
  @ApiResponse({ status: 200, type: BuybackWindowListDto })
  windows(@Ctx() ctx: TenantContext) {
    return this.orders.windows(ctx);
  }

  @Post('buyback-windows')
  @Access('create', 'Order')
  @ApiOperation({ summary: 'Open an annual buy-back: when schools choose next year’s services, and the deadline to cancel a rollover' })
  @ApiResponse({ status: 201, type: BuybackWindowDto })
  openWindow(@Ctx() ctx: TenantContext, @Body() dto: CreateBuybackWindowDto) {
    return this.orders.openWindow(ctx, dto);
  }

  @Post('buyback-windows/:id/rollover')
  @HttpCode(200)
  @Access('update', 'Order')
  @ApiOperation({ summary: 'Roll services not cancelled by the deadline over into the year (once; refused before the deadline). The daily sweep does this too.' })
  @ApiResponse({ status: 200, type: RolloverResultDto })
  rollover(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.orders.rollover(ctx, id);
  }

  @Post('buyback-windows/:id/reminders')
  @HttpCode(200)
  @Access('update', 'Order')
  @ApiOperation({ summary: 'E-mail the reminders due before the deadline (each school and step once). The daily sweep does this too.' })
  @ApiResponse({ status: 200, type: RemindersResultDto })
  reminders(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.orders.sendReminders(ctx, id);
  }

  @Get('bespoke-requests')
  @Access('read', 'Order')
  @ApiResponse({ status: 200, type: BespokeRequestListDto })
  bespokeList(@Ctx() ctx: TenantContext) {
    return this.bespoke.list(ctx);
  }

  @Post('bespoke-requests/:id/quote')
  @HttpCode(200)
  @Access('update', 'Order')
  @ApiResponse({ status: 200, type: BespokeRequestDto })
  quote(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: BespokeQuoteInputDto) {
    return this.bespoke.quote(ctx, id, dto);
  }

  @Post('bespoke-requests/:id/decline')
  @HttpCode(200)
  @Access('update', 'Order')
  @ApiResponse({ status: 200, type: BespokeRequestDto })
  decline(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: RefusalDto) {
    return this.bespoke.decline(ctx, id, dto);
  }

  @Post('bespoke-requests/:id/invoice')
  @HttpCode(200)
  @Access('update', 'Order')
  @ApiOperation({ summary: 'Invoice an accepted quote once' })
  @ApiResponse({ status: 200, type: BespokeRequestDto })
  invoiceBespoke(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.bespoke.invoice(ctx, id);
  }

  @Get('memberships/:id/service-level')
  @Access('read', 'Membership')
  @ApiResponse({ status: 200, type: ServiceLevelHistoryDto })
  serviceLevel(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.levels.history(ctx, id);
  }

  @Put('memberships/:id/service-level')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Set the service level (tier) a member chose; part-way through the year the difference is invoiced or credited pro rata' })
  @ApiResponse({ status: 200, type: ServiceLevelChangeDto })
  setServiceLevel(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SetServiceLevelDto) {
    return this.levels.set(ctx, id, dto);
  }

  @Get('offers-report')
  @Access('read', 'Order')
  @ApiOperation({ summary: 'Take-up by offer and school, income by offer and month' })
  @ApiResponse({ status: 200, type: OffersReportDto })
  report(@Ctx() ctx: TenantContext, @Query() query: ReportQueryDto) {
    return this.reports.report(ctx, query);
  }

  @Get('offers-report.csv')
  @Access('read', 'Order')
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'A CSV file' })
  async reportCsv(@Ctx() ctx: TenantContext, @Query() query: ReportCsvQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.reports.csv(ctx, query);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ctx.tenant.slug}-offers-${query.report ?? 'take-up'}-${londonToday()}.csv"`);
    return body;
  }
}
