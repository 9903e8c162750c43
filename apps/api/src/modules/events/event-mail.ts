import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { type JobQueue, JobName } from '@partnerships/jobs';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';

export interface EventMail {
  /** Names the e-mail for the job id, so a repeat is a no-op (e.g. `approval-request-<booking>`). */
  key: string;
  to: string[];
  tenantId: string;
  partnershipName: string;
  eventTitle: string;
  headline: string;
  details: string[];
  path: string;
  linkLabel: string;
}

/** Booking e-mails (approval requests, confirmations, waiting-list offers, certificates) through the mail job. */
@Injectable()
export class EventMailer {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(ENV) private readonly env: Env,
  ) {}

  link(path: string): string {
    return `${(this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '')}${path}`;
  }

  async send(mail: EventMail): Promise<void> {
    const to = [...new Set(mail.to.map((t) => t.trim().toLowerCase()).filter((t) => t.includes('@')))];
    for (const [i, address] of to.entries()) {
      await this.queue.enqueue(
        JobName.SendMail,
        {
          template: 'event-booking',
          to: address,
          tenantId: mail.tenantId,
          data: { partnershipName: mail.partnershipName, eventTitle: mail.eventTitle, headline: mail.headline, details: mail.details, link: this.link(mail.path), linkLabel: mail.linkLabel },
        } as never,
        { jobId: `event-mail-${mail.key}-${i}` },
      );
    }
  }
}
