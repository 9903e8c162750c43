import { type JobHandlers, JobName, assertHandlersComplete } from './job-names';
import { renderMail } from './mail/mail-templates';
import type { Mailer } from './mail/mailer';
import type { Database } from '@partnerships/db';
import type { Logger } from 'pino';
import { runSchoolImport } from './schools/school-import.job';

export interface JobDependencies {
  mailer: Mailer;
  /** Needed by jobs that read or write data (the school register import). */
  db?: Database;
  logger?: Logger;
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
  } satisfies JobHandlers;
  assertHandlersComplete(handlers);
  return handlers;
}
