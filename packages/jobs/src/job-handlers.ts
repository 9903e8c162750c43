import { type JobHandlers, JobName, assertHandlersComplete } from './job-names';
import { renderMail } from './mail/mail-templates';
import type { Mailer } from './mail/mailer';

export interface JobDependencies {
  mailer: Mailer;
}

/** Each job's handler, declared once. Handlers are thin: rules live in packages/domain. */
export function createJobHandlers(deps: JobDependencies): JobHandlers {
  const handlers = {
    [JobName.SendMail]: async (payload) => {
      await deps.mailer.send(renderMail(payload));
    },
  } satisfies JobHandlers;
  assertHandlersComplete(handlers);
  return handlers;
}
