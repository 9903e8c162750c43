import { z } from 'zod';

/**
 * Every job the platform runs, with its payload schema. One place, so the worker can
 * refuse to start when a job has no handler, and payloads are validated on both sides.
 * Jobs always carry the tenant id (when they touch tenant data) to rebuild the context.
 */
export enum JobName {
  SendMail = 'mail.send',
  ImportSchools = 'schools.import',
  RunBilling = 'billing.run',
  SendInvoice = 'billing.invoice-mail',
  BillingSweep = 'billing.sweep',
  /** Queues again every payment receipt owed and not sent (the outbox on invoice_payments). */
  ReceiptsSweep = 'billing.receipts-sweep',
  ProcessStripeEvent = 'stripe.event',
  GovernanceSweep = 'governance.sweep',
  OffersSweep = 'offers.sweep',
  EventsSweep = 'events.sweep',
}

const email = z.string().email();

export const mailTemplateSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('invitation'),
    to: email,
    data: z.object({ partnershipName: z.string().min(1), role: z.string().min(1), link: z.string().url(), invitedBy: z.string().min(1) }),
  }),
  z.object({
    template: z.literal('password-reset'),
    to: email,
    data: z.object({ name: z.string().min(1), link: z.string().url() }),
  }),
  z.object({
    template: z.literal('verify-email'),
    to: email,
    data: z.object({ name: z.string().min(1), link: z.string().url() }),
  }),
  z.object({
    template: z.literal('account-exists'),
    to: email,
    data: z.object({ name: z.string().min(1), signInLink: z.string().url(), resetLink: z.string().url() }),
  }),
  z.object({
    template: z.literal('school-invitation'),
    to: email,
    data: z.object({ schoolName: z.string().min(1), role: z.string().min(1), invitedBy: z.string().min(1), link: z.string().url(), partnershipName: z.string().min(1).optional() }),
  }),
  z.object({
    template: z.literal('membership-invitation'),
    to: email,
    data: z.object({ partnershipName: z.string().min(1), schoolName: z.string().min(1), invitedBy: z.string().min(1), link: z.string().url() }),
  }),
  z.object({
    template: z.literal('meeting-invitation'),
    to: email,
    data: z.object({
      partnershipName: z.string().min(1),
      bodyName: z.string().min(1),
      when: z.string().min(1),
      where: z.string().nullable(),
      link: z.string().url(),
      cancelled: z.boolean(),
      /** The iCalendar invitation (METHOD:REQUEST or CANCEL), attached as invitation.ics. */
      ics: z.string().min(1).max(100_000),
    }),
  }),
  z.object({
    template: z.literal('governance-reminder'),
    to: email,
    data: z.object({ partnershipName: z.string().min(1), headline: z.string().min(1), details: z.array(z.string()), link: z.string().url() }),
  }),
  z.object({
    template: z.literal('membership-update'),
    to: email,
    data: z.object({ partnershipName: z.string().min(1), schoolName: z.string().min(1), headline: z.string().min(1), details: z.array(z.string()), link: z.string().url() }),
  }),
  // CPD bookings (issue 11): approval requests, confirmations, waiting-list offers, certificates.
  z.object({
    template: z.literal('event-booking'),
    to: email,
    data: z.object({ partnershipName: z.string().min(1), eventTitle: z.string().min(1), headline: z.string().min(1), details: z.array(z.string()), link: z.string().url(), linkLabel: z.string().min(1) }),
  }),
]);

export const JOB_PAYLOAD_SCHEMAS = {
  [JobName.SendMail]: mailTemplateSchema.and(z.object({ tenantId: z.string().uuid().nullable().optional() })),
  // tenantId null: the platform operator's import of the national extract into the register.
  [JobName.ImportSchools]: z.object({ tenantId: z.string().uuid().nullable(), importId: z.string().uuid() }),
  [JobName.RunBilling]: z.object({ tenantId: z.string().uuid(), runId: z.string().uuid() }),
  [JobName.SendInvoice]: z.object({
    tenantId: z.string().uuid(),
    invoiceId: z.string().uuid(),
    kind: z.enum(['invoice', 'reminder', 'receipt']),
    to: z.array(email).max(20).optional(),
    reminderKey: z.string().max(20).optional(),
    onlyIfUnsent: z.boolean().optional(),
    paymentId: z.string().uuid().optional(),
  }),
  [JobName.BillingSweep]: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  [JobName.ReceiptsSweep]: z.object({ at: z.string().datetime(), minAgeSeconds: z.number().int().min(0).max(86_400).optional() }),
  [JobName.GovernanceSweep]: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  [JobName.OffersSweep]: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  [JobName.EventsSweep]: z.object({ at: z.string().datetime() }),
  [JobName.ProcessStripeEvent]: z.object({ eventId: z.string().min(1).max(255) }),
} satisfies Record<JobName, z.ZodType>;

export type JobPayloads = { [K in JobName]: z.infer<(typeof JOB_PAYLOAD_SCHEMAS)[K]> };
export type JobHandler<K extends JobName> = (payload: JobPayloads[K], meta: { jobId: string; attempt: number }) => Promise<void>;
export type JobHandlers = { [K in JobName]: JobHandler<K> };

export class InvalidJobPayloadError extends Error {
  constructor(name: JobName, issues: string[]) {
    super(`Invalid payload for job ${name}: ${issues.join('; ')}`);
  }
}

export function parseJobPayload<K extends JobName>(name: K, payload: unknown): JobPayloads[K] {
  const result = JOB_PAYLOAD_SCHEMAS[name].safeParse(payload);
  if (!result.success) throw new InvalidJobPayloadError(name, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data as JobPayloads[K];
}

/** The worker refuses to start unless every job has exactly one handler. */
export function assertHandlersComplete(handlers: Partial<Record<string, unknown>>): asserts handlers is JobHandlers {
  const missing = Object.values(JobName).filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !(Object.values(JobName) as string[]).includes(name));
  if (missing.length || unknown.length) {
    throw new Error(`Job handlers incomplete: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`);
  }
}
