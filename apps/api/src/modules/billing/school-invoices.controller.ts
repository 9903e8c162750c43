import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPeopleGuard } from '../school-portal/school-access';
import { BankTransferDto, InvoiceDetailDto, PoNumberDto, SchoolInvoiceListDto, SchoolInvoiceQueryDto } from './invoices.dto';
import { CheckoutDto, CheckoutSessionDto } from './stripe.dto';
import { SchoolInvoicesService } from './school-invoices.service';

@ApiTags('school portal')
@Controller('v1/school-portal')
@UseGuards(SchoolPeopleGuard)
export class SchoolInvoicesController {
  constructor(private readonly invoices: SchoolInvoicesService) {}

  @SignedIn()
  @Get(':urn/invoices')
  @ApiOperation({ summary: 'A page of the school’s invoices from every partnership it belongs to (or one), with what is outstanding' })
  @ApiResponse({ status: 200, type: SchoolInvoiceListDto })
  list(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Query() query: SchoolInvoiceQueryDto) {
    return this.invoices.list(ctx, urn, query);
  }

  @SignedIn()
  @Get(':urn/invoices/:id.pdf')
  @ApiOperation({ summary: 'One of the school’s invoices as a PDF' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A PDF file' })
  async pdf(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { number, pdf } = await this.invoices.pdf(ctx, urn, id);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`);
    return pdf;
  }

  @SignedIn()
  @Get(':urn/invoices/:id')
  @ApiOperation({ summary: 'One of the school’s invoices: lines, working, payments, credit notes, how to pay' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  detail(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string) {
    return this.invoices.detail(ctx, urn, id);
  }

  @SignedIn()
  @Post(':urn/invoices/:id/checkout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pay by card or Bacs Direct Debit (headteacher or business manager): a Stripe Checkout page on the partnership’s account' })
  @ApiResponse({ status: 200, type: CheckoutSessionDto })
  checkout(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Body() dto: CheckoutDto) {
    return this.invoices.checkout(ctx, urn, id, dto.method);
  }

  @SignedIn()
  @Post(':urn/invoices/:id/bank-transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose to pay by bank transfer (headteacher or business manager): the details and reference to use; the partnership records the payment' })
  @ApiResponse({ status: 200, type: BankTransferDto })
  bankTransfer(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string) {
    return this.invoices.chooseBankTransfer(ctx, urn, id);
  }

  @SignedIn()
  @Put(':urn/invoices/:id/po-number')
  @ApiOperation({ summary: 'Add or change the school’s purchase order number (headteacher or business manager)' })
  @ApiResponse({ status: 200, type: InvoiceDetailDto })
  poNumber(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('id') id: string, @Body() dto: PoNumberDto) {
    return this.invoices.setPoNumber(ctx, urn, id, dto);
  }
}
