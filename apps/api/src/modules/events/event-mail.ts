import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { type EventMailRequest, eventMailJobs, type JobQueue, JobName } from '@partnerships/jobs';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';

/** Booking e-mails (approval requests, confirmations, waiting-list offers, certificates) through the mail job. */
@Injectable()
export class EventMailer {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async send(mail: EventMailRequest): Promise<void> {
    for (const job of eventMailJobs(mail, this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`)) {
      await this.queue.enqueue(JobName.SendMail, job.payload, { jobId: job.jobId });
    }
  }
}
