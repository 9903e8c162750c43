import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import { BespokeService } from './bespoke.service';
import { CatalogueService } from './catalogue.service';
import {
  AddLinesDto, ApproveOrderDto, BespokeRequestDto, BespokeRequestInputDto, BespokeRequestListDto, BuybackOrderDto, EntitlementBalanceListDto, OrderDto, OrderListDto,
  PoolBookingDto, PoolBookingInputDto, PoolDaysDto, RefusalDto, SchoolBuybackDto, SchoolOfferListDto, SchoolOffersQueryDto, SchoolPoolDaysQueryDto, SchoolTenantQueryDto,
} from './offers.dto';
import { OrdersService } from './orders.service';
import { PoolsService } from './pools.service';

@ApiTags('school portal')
@Controller('v1/school-portal/:urn')
@UseGuards(SchoolPeopleGuard)
export class SchoolOffersController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly orders: OrdersService,
    private readonly bespoke: BespokeService,
    private readonly pools: PoolsService,
  ) {}

  @SignedIn()
  @Get('offers')
  @ApiOperation({ summary: 'A partnership’s published offers with this school’s price for each (member or not, by phase), and why' })
  @ApiResponse({ status: 200, type: SchoolOfferListDto })
  offers(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolOffersQueryDto) {
    return this.catalogue.forSchool(ctx, urn, query.tenant, query.date);
  }

  @SignedIn()
  @Get('entitlements')
  @ApiOperation({ summary: 'The school’s core entitlement balances this year' })
  @ApiResponse({ status: 200, type: EntitlementBalanceListDto })
  entitlements(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto) {
    return this.catalogue.schoolBalances(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Get('orders')
  @ApiResponse({ status: 200, type: OrderListDto })
  orderList(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.schoolOrders(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Post('basket')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add services to the school’s basket (any of its staff), priced for the school' })
  @ApiResponse({ status: 200, type: OrderDto })
  addToBasket(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto, @Body() dto: AddLinesDto) {
    return this.orders.addToBasket(ctx, urn, query.tenant, dto);
  }

  @SignedIn()
  @Delete('order-lines/:lineId')
  @ApiOperation({ summary: 'Take a line out of a draft order' })
  @ApiResponse({ status: 200, type: OrderDto })
  removeLine(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('lineId') lineId: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.removeLine(ctx, urn, query.tenant, lineId);
  }

  @SignedIn()
  @Post('orders/:orderId/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the order to the headteacher or business manager for approval' })
  @ApiResponse({ status: 200, type: OrderDto })
  submit(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('orderId') orderId: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.submit(ctx, urn, query.tenant, orderId);
  }

  @SignedIn()
  @Post('orders/:orderId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve with a PO number (headteacher or business manager; staff never approve their own request); the order is then invoiced once' })
  @ApiResponse({ status: 200, type: OrderDto })
  approve(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('orderId') orderId: string, @Query() query: SchoolTenantQueryDto, @Body() dto: ApproveOrderDto) {
    return this.orders.approve(ctx, urn, query.tenant, orderId, dto);
  }

  @SignedIn()
  @Post('orders/:orderId/cancel')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: OrderDto })
  cancel(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('orderId') orderId: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.cancel(ctx, urn, query.tenant, orderId);
  }

  @SignedIn()
  @Get('buyback')
  @ApiOperation({ summary: 'The buy-back: the open window, the school’s order for next year and its rolling services' })
  @ApiResponse({ status: 200, type: SchoolBuybackDto })
  buyback(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.schoolBuyback(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Post('buyback/order')
  @ApiOperation({ summary: 'The school’s one order for next year, sent for approval; invoiced once (or in parts along the school’s financial year) when approved' })
  @ApiResponse({ status: 201, type: OrderDto })
  buybackOrder(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto, @Body() dto: BuybackOrderDto) {
    return this.orders.placeBuybackOrder(ctx, urn, query.tenant, dto);
  }

  @SignedIn()
  @Post('subscriptions/:subscriptionId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop a rolling service rolling over (headteacher or business manager; by the deadline it does not roll over)' })
  @ApiResponse({ status: 200, type: SchoolBuybackDto })
  cancelSubscription(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('subscriptionId') id: string, @Query() query: SchoolTenantQueryDto) {
    return this.orders.cancelSubscription(ctx, urn, query.tenant, id);
  }

  @SignedIn()
  @Get('bespoke-requests')
  @ApiResponse({ status: 200, type: BespokeRequestListDto })
  bespokeList(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto) {
    return this.bespoke.schoolList(ctx, urn, query.tenant);
  }

  @SignedIn()
  @Post('bespoke-requests')
  @ApiOperation({ summary: 'Ask for bespoke work; the partnership quotes' })
  @ApiResponse({ status: 201, type: BespokeRequestDto })
  requestBespoke(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolTenantQueryDto, @Body() dto: BespokeRequestInputDto) {
    return this.bespoke.request(ctx, urn, query.tenant, dto);
  }

  @SignedIn()
  @Post('bespoke-requests/:requestId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the quote with a PO number (headteacher or business manager)' })
  @ApiResponse({ status: 200, type: BespokeRequestDto })
  acceptQuote(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('requestId') id: string, @Query() query: SchoolTenantQueryDto, @Body() dto: ApproveOrderDto) {
    return this.bespoke.accept(ctx, urn, query.tenant, id, dto);
  }

  @SignedIn()
  @Post('bespoke-requests/:requestId/withdraw')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: BespokeRequestDto })
  withdrawBespoke(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('requestId') id: string, @Query() query: SchoolTenantQueryDto, @Body() dto: RefusalDto) {
    return this.bespoke.withdraw(ctx, urn, query.tenant, id, dto);
  }

  @SignedIn()
  @Get('pools/:offerId/days')
  @ApiOperation({ summary: 'Places left in a shared pool by day, and the school’s bookings' })
  @ApiResponse({ status: 200, type: PoolDaysDto })
  poolDays(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('offerId') offerId: string, @Query() query: SchoolPoolDaysQueryDto) {
    return this.pools.schoolDays(ctx, urn, query.tenant, offerId, query);
  }

  @SignedIn()
  @Post('pools/:offerId/bookings')
  @ApiOperation({ summary: 'Book places from a shared pool on a day (never beyond its capacity)' })
  @ApiResponse({ status: 201, type: PoolBookingDto })
  bookPool(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('offerId') offerId: string, @Query() query: SchoolTenantQueryDto, @Body() dto: PoolBookingInputDto) {
    return this.pools.book(ctx, urn, query.tenant, offerId, dto);
  }

  @SignedIn()
  @Post('pool-bookings/:bookingId/cancel')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: PoolBookingDto })
  cancelPoolBooking(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('bookingId') id: string, @Query() query: SchoolTenantQueryDto) {
    return this.pools.cancel(ctx, urn, query.tenant, id);
  }
}
