import { Inject, Injectable } from '@nestjs/common';
import type { Runtime } from '@partnerships/jobs';
import type Stripe from 'stripe';
import { AppError } from '../../common/app-error';
import { RUNTIME } from '../../runtime/runtime.module';

/** The runtime's Stripe client, or a clear 503 when online payments are not configured on this platform. */
@Injectable()
export class StripeGateway {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  get available(): boolean {
    return this.runtime.stripe !== null;
  }

  get client(): Stripe {
    if (!this.runtime.stripe) {
      throw new AppError('stripe_unavailable', 503, 'Online payments are not set up on this platform yet. Invoices and bank transfers still work.');
    }
    return this.runtime.stripe;
  }

  /** Where people come back to after Stripe's hosted pages: the web app. */
  get publicUrl(): string {
    return this.runtime.env.PUBLIC_URL ?? `http://localhost:${this.runtime.env.PORT}`;
  }

  get webhookSecret(): string | undefined {
    return this.runtime.env.STRIPE_WEBHOOK_SECRET;
  }

  /** Stripe's own errors (a declined setup, a bad request) as a problem the person can act on. */
  static problem(error: unknown): never {
    const e = error as { type?: string; message?: string; statusCode?: number };
    if (e && typeof e.type === 'string' && e.type.startsWith('Stripe')) {
      const network = e.type === 'StripeConnectionError' || e.type === 'StripeAPIError' || (e.statusCode ?? 0) >= 500;
      throw new AppError('stripe_error', network ? 502 : 400, network ? 'Stripe could not be reached. Please try again in a minute.' : (e.message ?? 'Stripe refused the request.'));
    }
    throw error;
  }
}
