import { type JobHandlers, JobName, assertHandlersComplete } from './job-names';
import { renderMail } from './mail/mail-templates';
import type { Mailer } from './mail/mailer';
import type { Database } from '@partnerships/db';
import type { Logger } from 'pino';
import { runSchoolImport } from './schools/school-import.job';
import type { Stripe } from '@partnerships/invoicing';
import type { JobQueue } from './job-queue';
import { billingRunJob } from './billing/billing-run.job';
import { invoiceMailJob } from './billing/invoice-mail.job';
import { billingSweepJob } from './billing/billing-sweep.job';
import { stripeEventJob } from './billing/stripe-events.job';
import { receiptsSweepJob } from './billing/receipts-sweep.job';
import { governanceSweepJob } from './governance/governance-sweep.job';
import { offersSweepJob } from './offers/offers-sweep.job';
import { eventsSweepJob } from './events/events-sweep.job';

export interface JobDependencies {
  mailer: Mailer;
  /** Needed by jobs that read or write data (the school register import). */
  db?: Database;
  logger?: Logger;
  /** Billing: the Stripe client (null when online payments are off), links in e-mails, and the queue for follow-up jobs. */
  stripe?: Stripe | null;
  publicUrl?: string;
  queue?: () => JobQueue;
}

/** Each job's handler, declared once. Handlers are thin: rules live in packages/domain. */
export function createJobHandlers(deps: JobDependencies): JobHandlers {
  const handlers = {
    [JobName.SendMail]: async (payload) => {
      await deps.mailer.send(renderMail(payload));
    },
    [JobName.ImportSchools]: async (payload) => {
      if (!deps.db) throw new Error('The school import job needs the database');
      await runSchoolImport(deps.db, payload, deps.logger);
    },
    // Billing handlers are thin: the invoicing core is @partnerships/invoicing.
    [JobName.RunBilling]: (payload) => billingRunJob(deps, payload),
    [JobName.SendInvoice]: (payload) => invoiceMailJob(deps, payload),
    [JobName.BillingSweep]: (payload) => billingSweepJob(deps, payload),
    [JobName.ReceiptsSweep]: async (payload) => {
      await receiptsSweepJob(deps, payload);
    },
    [JobName.GovernanceSweep]: (payload) => governanceSweepJob(deps, payload),
    [JobName.EventsSweep]: async (payload) => {
      await eventsSweepJob(deps, payload);
    },
    [JobName.OffersSweep]: async (payload) => {
      await offersSweepJob(deps, payload);
    },
    [JobName.ProcessStripeEvent]: (payload) => stripeEventJob(deps, payload),
  } satisfies JobHandlers;
  assertHandlersComplete(handlers);
  return handlers;
}
