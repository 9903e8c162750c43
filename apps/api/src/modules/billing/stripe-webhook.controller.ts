import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/access.decorator';
import { WebhookAckDto } from './stripe.dto';
import { StripeWebhookService } from './stripe-webhook.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Public()
  @Post('stripe')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stripe events (signed with STRIPE_WEBHOOK_SECRET): verified on the raw body, stored by id, processed by a job' })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiResponse({ status: 200, type: WebhookAckDto })
  @ApiResponse({ status: 400, description: 'Missing or wrong signature, stale timestamp, or a body that is not the one signed: nothing is stored' })
  receive(@Req() request: FastifyRequest & { rawBody?: Buffer }) {
    return this.webhooks.receive(request.rawBody, request.headers['stripe-signature']);
  }
}

