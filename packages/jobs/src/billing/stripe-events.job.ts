import type { Database } from '@partnerships/db';
import { processStripeEvent, type Stripe } from '@partnerships/invoicing';
import type { Logger } from 'pino';
import type { JobQueue } from '../job-queue';
import { JobName } from '../job-names';

export { processStripeEvent, type StripeEventDeps } from '@partnerships/invoicing';

/** The receipt job for a payment: keyed by the payment, so it is queued (and sent) once however often it is asked for. */
export const receiptJobId = (paymentId: string) => `payment-receipt-${paymentId}`;

/** The `stripe.event` job: one stored Stripe event, processed once (see `processStripeEvent`); a new payment gets its receipt. */
export async function stripeEventJob(deps: { db?: Database; stripe?: Stripe | null; logger?: Logger; queue?: () => JobQueue }, payload: { eventId: string }): Promise<void> {
  if (!deps.db) throw new Error('Stripe events need the database');
  const queue = deps.queue;
  await processStripeEvent(
    {
      db: deps.db,
      stripe: deps.stripe ?? null,
      logger: deps.logger,
      onPaymentRecorded: queue
        ? async (p) => {
            await queue().enqueue(JobName.SendInvoice, { tenantId: p.tenantId, invoiceId: p.invoiceId, kind: 'receipt', paymentId: p.paymentId }, { jobId: receiptJobId(p.paymentId) });
          }
        : undefined,
    },
    payload,
  );
}
