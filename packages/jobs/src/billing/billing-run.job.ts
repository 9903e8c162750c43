import type { Database } from '@partnerships/db';
import { runBillingRun } from '@partnerships/invoicing';
import type { Logger } from 'pino';

// The billing run lives in @partnerships/invoicing; tests and the benchmark call it through here too.
export { BILLING_BATCH_SIZE, runBillingRun, SimulatedCrashError, type BillingRunOptions } from '@partnerships/invoicing';

/** The `billing.run` job: invoices the run's members in batches (see `runBillingRun`). */
export async function billingRunJob(deps: { db?: Database; logger?: Logger }, payload: { tenantId: string; runId: string }): Promise<void> {
  if (!deps.db) throw new Error('The billing run job needs the database');
  await runBillingRun(deps.db, payload, deps.logger);
}
