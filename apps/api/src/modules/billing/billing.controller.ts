import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Ctx } from '../../common/access.decorator';
import { PageQueryDto } from '../../common/pagination.dto';
import type { TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import { BillingOverviewDto, BillingOverviewQueryDto, BillingReportDto, BillingReportQueryDto } from './billing-report.dto';
import {
  BillingRunCreatedDto,
  BillingRunDto,
  BillingRunItemPageDto,
  BillingRunItemQueryDto,
  BillingRunPageDto,
  CreateBillingRunDto,
  DryRunDto,
  RunInvoicesSentDto,
  SendRunInvoicesDto,
} from './billing-runs.dto';
import { BillingSettingsDto, UpdateBillingSettingsDto } from './billing-settings.dto';
import {
  CreateCreditNoteDto,
  InvoiceDetailDto,
  InvoiceListQueryDto,
  InvoicePageDto,
  InvoiceSentDto,
  PoNumberDto,
  RecordPaymentDto,
  SendInvoiceDto,
  VoidInvoiceDto,
} from './invoices.dto';
import { PlatformSubscriptionDto, SubscribeDto } from './platform-billing.dto';
import { CheckoutSessionDto, ConnectLinkDto, StripeConnectionDto } from './stripe.dto';
import { BillingReportService } from './billing-report.service';
import { BillingRunsService } from './billing-runs.service';
import { BillingSettingsService } from './billing-settings.service';
import { InvoicesService } from './invoices.service';
import { PlatformBillingService } from './platform-billing.service';
import { StripeConnectService } from './stripe-connect.service';

@ApiTags('billing')
@Controller('v1/tenants/:slug')
export class BillingController {
  constructor(
    private readonly connect: StripeConnectService,
    private readonly settings: BillingSettingsService,
    private readonly runs: BillingRunsService,
    private readonly invoices: InvoicesService,
    private readonly reports: BillingReportService,
    private readonly platform: PlatformBillingService,
  ) {}

  // ---------------------------------------------------------------- Stripe Connect

  @Get('stripe')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'The partnership’s Stripe connection: connected, charges enabled, and the platform’s fee on online payments' })
  @ApiResponse({ status: 200, type: StripeConnectionDto })
  stripe(@Ctx() ctx: TenantContext) {
    return this.connect.status(ctx);
  }

  @Post('stripe/connect')
  @HttpCode(200)
  @Access('manage', 'Billing')
  @ApiOperation({ summary: 'Connect a Stripe account: creates it once and answers a fresh Stripe onboarding link to send the admin to' })
  @ApiResponse({ status: 200, type: ConnectLinkDto })
  connectStripe(@Ctx() ctx: TenantContext) {
    return this.connect.connect(ctx);
  }

  @Post('stripe/refresh')
  @HttpCode(200)
  @Access('manage', 'Billing')
  @ApiOperation({ summary: 'Ask Stripe for the account’s state now (on coming back from onboarding)' })
  @ApiResponse({ status: 200, type: StripeConnectionDto })
  refreshStripe(@Ctx() ctx: TenantContext) {
    return this.connect.refresh(ctx);
  }

  // ---------------------------------------------------------------- settings

  @Get('billing-settings')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'VAT, payment terms, reminders, invoice numbering and bank details' })
  @ApiResponse({ status: 200, type: BillingSettingsDto })
  getSettings(@Ctx() ctx: TenantContext) {
    return this.settings.get(ctx);
  }

  @Put('billing-settings')
  @Access('manage', 'Billing')
  @ApiOperation({ summary: 'Change billing settings (only the fields sent); issued invoices keep what they were issued with' })
  @ApiResponse({ status: 200, type: BillingSettingsDto })
  updateSettings(@Ctx() ctx: TenantContext, @Body() dto: UpdateBillingSettingsDto) {
    return this.settings.update(ctx, dto);
  }

  // ---------------------------------------------------------------- billing runs

  @Post('billing-runs')
  @Access('manage', 'Billing')
  @ApiOperation({
    summary:
      'Bill every member under a published schedule (by scheduleId or billing-year label). dryRun (the default): 200 with each school’s amount and why, and totals; nothing is written. dryRun: false: 202 {id}, invoices issued by a job (repeating, resuming or restarting it never issues a second invoice per member, period and schedule version)',
  })
  @ApiResponse({ status: 200, type: DryRunDto, description: 'The dry run' })
  @ApiResponse({ status: 202, type: BillingRunCreatedDto, description: 'The run is queued (or was already under way)' })
  async createRun(@Ctx() ctx: TenantContext, @Body() dto: CreateBillingRunDto, @Res({ passthrough: true }) reply: FastifyReply) {
    if (dto.dryRun === false) {
      reply.status(202);
      return this.runs.start(ctx, dto);
    }
    reply.status(200);
    return this.runs.dryRun(ctx, dto);
  }

  @Get('billing-runs')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'Billing runs, newest first' })
  @ApiResponse({ status: 200, type: BillingRunPageDto })
  listRuns(@Ctx() ctx: TenantContext, @Query() query: PageQueryDto) {
    return this.runs.list(ctx, query);
  }

  @Get('billing-runs/:id')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'A run’s status and progress (x of N), for the progress bar' })
  @ApiResponse({ status: 200, type: BillingRunDto })
  getRun(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.runs.get(ctx, id);
  }

  @Get('billing-runs/:id/items')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'Each member of a run: invoiced, skipped (and why) or still pending' })
  @ApiResponse({ status: 200, type: BillingRunItemPageDto })
  runItems(@Ctx() ctx: TenantContext, @Param('id') id: string, @Query() query: BillingRunItemQueryDto) {
    return this.runs.items(ctx, id, query);
  }

  @Post('billing-runs/:id/resume')
  @HttpCode(202)
  @Access('manage', 'Billing')
  @ApiOperation({ summary: 'Start a failed or stalled run again from where it stopped' })
  @ApiResponse({ status: 202, type: BillingRunDto })
  resumeRun(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.runs.resume(ctx, id);
  }

  @Post('billing-runs/:id/send')
  @HttpCode(202)
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: '"Send all": e-mail every invoice of the run that has not been sent yet (resend: true sends them all again); warns when schools would have no way to pay' })
  @ApiResponse({ status: 202, type: RunInvoicesSentDto })
  sendRunInvoices(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SendRunInvoicesDto) {
    return this.runs.sendAll(ctx, id, dto);
  }

  // ---------------------------------------------------------------- invoices

  @Get('invoices')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'Invoices, newest first, with filters (status, urn, q, period, runId, overdue) and pages; totals over all matches' })
  @ApiResponse({ status: 200, type: InvoicePageDto })
  listInvoices(@Ctx() ctx: TenantContext, @Query() query: InvoiceListQueryDto) {
    return this.invoices.list(ctx, query);
  }

  @Get('invoices.csv')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'Invoices as CSV in Xero’s sales invoice import layout (Sage reads the same columns); same filters as the list' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'A CSV file' })
  async invoicesCsv(@Ctx() ctx: TenantContext, @Query() query: InvoiceListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.invoices.csv(ctx, query);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ctx.tenant.slug}-invoices-${londonToday()}.csv"`);
    return body;
  }

  @Get('invoices/:id.pdf')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'The invoice as a PDF' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A PDF file' })
  async invoicePdf(@Ctx() ctx: TenantContext, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { number, pdf } = await this.invoices.pdf(ctx, id);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`);
    return pdf;
  }

  @Get('invoices/:id')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'An invoice: lines and the fee engine’s working, payments, credit notes, bank details' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  invoice(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.invoices.detail(ctx, id);
  }

  @Post('invoices/:id/void')
  @HttpCode(200)
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Void an invoice no money has reached (its number stays used); otherwise issue a credit note' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  voidInvoice(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: VoidInvoiceDto) {
    return this.invoices.void(ctx, id, dto);
  }

  @Post('invoices/:id/uncollectible')
  @HttpCode(200)
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Write an open invoice off as uncollectible (a payment can still settle it)' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  uncollectible(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.invoices.markUncollectible(ctx, id);
  }

  @Post('invoices/:id/credit-notes')
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Issue a credit note: an amount, or the difference a corrected pupil number makes; never more than the invoice' })
  @ApiResponse({ status: 201, type: InvoiceDetailDto })
  creditNote(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: CreateCreditNoteDto) {
    return this.invoices.creditNote(ctx, id, dto);
  }

  @Post('invoices/:id/payments')
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Record a bank transfer received (date, reference, amount; part payments allowed)' })
  @ApiResponse({ status: 201, type: InvoiceDetailDto })
  recordPayment(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: RecordPaymentDto) {
    return this.invoices.recordPayment(ctx, id, dto);
  }

  @Put('invoices/:id/po-number')
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'Set or clear the school’s purchase order number' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  poNumber(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: PoNumberDto) {
    return this.invoices.setPoNumber(ctx, id, dto);
  }

  @Post('invoices/:id/send')
  @HttpCode(202)
  @Access('manage', 'Invoice')
  @ApiOperation({ summary: 'E-mail the invoice with its PDF to the school’s finance contact (or the addresses given)' })
  @ApiResponse({ status: 202, type: InvoiceSentDto })
  send(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: SendInvoiceDto) {
    return this.invoices.send(ctx, id, dto);
  }

  // ---------------------------------------------------------------- reports

  @Get('billing-report')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'Invoiced, paid, credited, outstanding and overdue by school, billing period or month (for the chart)' })
  @ApiResponse({ status: 200, type: BillingReportDto })
  report(@Ctx() ctx: TenantContext, @Query() query: BillingReportQueryDto) {
    return this.reports.report(ctx, query);
  }

  @Get('billing-overview')
  @Access('read', 'Invoice')
  @ApiOperation({ summary: 'Money at a glance for the current academic year (1 September–31 August, by date of issue): invoiced, paid, outstanding, overdue, platform fees; with urn, one school’s and its current fee' })
  @ApiResponse({ status: 200, type: BillingOverviewDto })
  overview(@Ctx() ctx: TenantContext, @Query() query: BillingOverviewQueryDto) {
    return this.reports.overview(ctx, query);
  }

  // ---------------------------------------------------------------- the partnership's plan subscription

  @Get('platform-subscription')
  @Access('read', 'Billing')
  @ApiOperation({ summary: 'The partnership’s subscription to the platform: plan, status, trial, invoices' })
  @ApiResponse({ status: 200, type: PlatformSubscriptionDto })
  subscription(@Ctx() ctx: TenantContext) {
    return this.platform.subscription(ctx);
  }

  @Post('platform-subscription')
  @HttpCode(200)
  @Access('manage', 'Billing')
  @ApiOperation({ summary: 'Subscribe to a paid plan on a Stripe Checkout page (the rest of the free trial carries over)' })
  @ApiResponse({ status: 200, type: CheckoutSessionDto })
  subscribe(@Ctx() ctx: TenantContext, @Body() dto: SubscribeDto) {
    return this.platform.subscribe(ctx, dto);
  }
}
