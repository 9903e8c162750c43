import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

// Stripe: a partnership's Connect account, Checkout sessions (a school paying, a partnership subscribing) and the webhook's answer.

export class StripeConnectionDto {
  @ApiProperty({ description: 'Online payments can be offered at all (Stripe is configured on this platform)' }) available: boolean;
  @ApiProperty({ description: 'The partnership has a connected Stripe account' }) connected: boolean;
  @ApiProperty({ nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ description: 'Schools can pay online (Stripe has enabled charges)' }) chargesEnabled: boolean;
  @ApiProperty() detailsSubmitted: boolean;
  @ApiProperty() payoutsEnabled: boolean;
  @ApiProperty({ description: 'The platform’s fee on each online payment under the partnership’s plan, in basis points (100 = 1%)' }) applicationFeeBasisPoints: number;
  @ApiProperty() plan: string;
}

export class ConnectLinkDto {
  @ApiProperty({ description: 'Send the admin here to finish setting up the Stripe account (Stripe’s hosted onboarding)' }) url: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ description: 'The link works until then (ISO 8601)' }) expiresAt: string;
}

export class CheckoutDto {
  @ApiProperty({ enum: ['card', 'bacs_debit'] }) @IsIn(['card', 'bacs_debit'], { message: 'Pay by card or bacs_debit' }) method: 'card' | 'bacs_debit';
}

export class CheckoutSessionDto {
  @ApiProperty({ description: 'Stripe’s hosted payment page: send the person there' }) url: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() amountPence: number;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

export class WebhookAckDto {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'This event id had been received before; nothing was done again' }) duplicate: boolean;
}
