import { Module } from '@nestjs/common';
import { BillingController } from './billing.controller';
import { BillingReportService } from './billing-report.service';
import { BillingRunsService } from './billing-runs.service';
import { BillingSettingsService } from './billing-settings.service';
import { InvoicesService } from './invoices.service';
import { PlatformBillingController } from './platform-billing.controller';
import { PlatformBillingService } from './platform-billing.service';
import { SchoolInvoicesController } from './school-invoices.controller';
import { SchoolInvoicesService } from './school-invoices.service';
import { StripeConnectService } from './stripe-connect.service';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';
import { StripeGateway } from './stripe.gateway';

/** Billing (issue 6): Stripe Connect, settings, billing runs, invoices, the school's side, webhooks, the platform's own billing, reports. */
@Module({
  controllers: [BillingController, SchoolInvoicesController, StripeWebhookController, PlatformBillingController],
  providers: [StripeGateway, StripeConnectService, BillingSettingsService, BillingRunsService, InvoicesService, SchoolInvoicesService, StripeWebhookService, PlatformBillingService, BillingReportService],
})
export class BillingModule {}
