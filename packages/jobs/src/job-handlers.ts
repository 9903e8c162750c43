import { type JobHandlers, JobName, assertHandlersComplete } from './job-names';
import { renderMail } from './mail/mail-templates';
import type { Mailer } from './mail/mailer';
import type { Database } from '@partnerships/db';
import type { Logger } from 'pino';
import { runSchoolImport } from './schools/school-import.job';
import type Stripe from 'stripe';
import type { JobQueue } from './job-queue';
import { runBillingRun } from './billing/billing-run.job';
import { sendInvoiceMail } from './billing/invoice-mail.job';
import { runBillingSweep } from './billing/billing-sweep.job';
import { processStripeEvent } from './billing/stripe-events.job';

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
    [JobName.RunBilling]: async (payload) => {
      if (!deps.db) throw new Error('The billing run job needs the database');
      await runBillingRun(deps.db, payload, deps.logger);
    },
    [JobName.SendInvoice]: async (payload) => {
      if (!deps.db) throw new Error('The invoice e-mail job needs the database');
      await sendInvoiceMail({ db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl ?? 'http://localhost:3000', logger: deps.logger }, payload);
    },
    [JobName.BillingSweep]: async (payload) => {
      if (!deps.db || !deps.queue) throw new Error('The billing sweep needs the database and the queue');
      const queue = deps.queue();
      await runBillingSweep({ db: deps.db, logger: deps.logger }, {
        invoiceReminder: (p, options) => queue.enqueue(JobName.SendInvoice, p, options),
        stripeEvent: (p, options) => queue.enqueue(JobName.ProcessStripeEvent, p, options),
      }, payload);
    },
    [JobName.ProcessStripeEvent]: async (payload) => {
      if (!deps.db) throw new Error('Stripe events need the database');
      await processStripeEvent({ db: deps.db, stripe: deps.stripe ?? null, logger: deps.logger }, payload);
    },
  } satisfies JobHandlers;
  assertHandlersComplete(handlers);
  return handlers;
}
