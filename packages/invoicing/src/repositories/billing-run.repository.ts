import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository, withPageTotal } from '@partnerships/db';

/** A billing run with its schedule's name and its dates as ISO strings (bigints come back as text). */
export interface BillingRunViewRow {
  id: string;
  status: string;
  schedule_id: string;
  schedule_version: number;
  schedule_name: string;
  period_label: string;
  p_start: string;
  p_end: string;
  issued: string;
  members: number;
  processed: number;
  invoiced: number;
  skipped: number;
  failed: number;
  invoices_created: number;
  total_pence: string;
  attempts: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** The run was asked to e-mail each invoice it issues. */
  send_invoices: boolean;
  /** How many of its invoices have been e-mailed. */
  invoices_sent: number;
}

/** A run as its job works through it. */
export interface BillingRunStarted {
  id: string;
  scheduleId: string;
  issuedOn: string;
  createdBy: string | null;
}

export interface BillingRunItemViewRow {
  membership_id: string;
  position: number;
  status: string;
  amount_pence: string | null;
  reason: string | null;
  invoice_ids: string[] | null;
  school_id: string;
  urn: string;
  name: string;
  phase: string;
}

/** What happened to one member of a run. */
export interface BillingRunItemOutcome {
  id: string;
  status: 'invoiced' | 'skipped';
  amount: number;
  reason: string;
  invoice_ids: string[];
}

const RUN_SELECT = `SELECT r.*, to_char(r.issued_on, 'YYYY-MM-DD') AS issued, to_char(r.period_start, 'YYYY-MM-DD') AS p_start,
    to_char(r.period_end, 'YYYY-MM-DD') AS p_end, f.name AS schedule_name,
    (SELECT count(*)::int FROM invoices i WHERE i.tenant_id = r.tenant_id AND i.billing_run_id = r.id AND i.sent_at IS NOT NULL) AS invoices_sent
  FROM billing_runs r JOIN fee_schedules f ON f.id = r.schedule_id`;

/** Billing runs (`billing_runs`) and their work lists (`billing_run_items`). */
export class BillingRunRepository extends UnitOfWorkRepository {
  // ------------------------------------------------------------ asking for a run

  /** Serialises asking for runs of one schedule, for the rest of the transaction. */
  async lockSchedule(tenantId: string, scheduleId: string): Promise<void> {
    await this.rows(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`billing-run:${tenantId}:${scheduleId}`]);
  }

  /** The run of this schedule that is queued or running, if any. */
  async findActive(tenantId: string, scheduleId: string): Promise<{ id: string; status: string } | null> {
    return this.one<{ id: string; status: string }>(`SELECT id, status FROM billing_runs WHERE tenant_id = $1 AND schedule_id = $2 AND status IN ('queued', 'running')`, [tenantId, scheduleId]);
  }

  async create(
    tenantId: string,
    run: { scheduleId: string; scheduleVersion: number; periodLabel: string; periodStart: string; periodEnd: string; issuedOn: string; createdBy: string; sendInvoices?: boolean },
  ): Promise<{ id: string; status: string }> {
    const row = await this.one<{ id: string; status: string }>(
      `INSERT INTO billing_runs (tenant_id, schedule_id, schedule_version, period_label, period_start, period_end, issued_on, created_by, send_invoices)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, status`,
      [tenantId, run.scheduleId, run.scheduleVersion, run.periodLabel, run.periodStart, run.periodEnd, run.issuedOn, run.createdBy, run.sendInvoices ?? false],
    );
    return row!;
  }

  /** Writes the run's work list (every member in a billable state, by school name) in one statement, and its size on the run. */
  async listMembers(tenantId: string, runId: string): Promise<number> {
    const row = await this.one<{ members: number }>(
      `WITH listed AS (
           INSERT INTO billing_run_items (tenant_id, run_id, membership_id, school_id, position)
           SELECT m.tenant_id, $2, m.id, m.school_id, row_number() OVER (ORDER BY s.name, s.urn)
           FROM memberships m JOIN schools s ON s.id = m.school_id
           WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given', 'suspended')
           RETURNING 1)
         SELECT count(*)::int AS members FROM listed`,
      [tenantId, runId],
    );
    await this.execute(`UPDATE billing_runs SET members = $2 WHERE id = $1`, [runId, row!.members]);
    return row!.members;
  }

  /** The run's status and attempts, locked (resuming). */
  async lockForResume(tenantId: string, id: string): Promise<{ status: string; attempts: number } | null> {
    return this.one<{ status: string; attempts: number }>(`SELECT status, attempts FROM billing_runs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  async requeue(id: string): Promise<void> {
    await this.execute(`UPDATE billing_runs SET status = 'queued' WHERE id = $1`, [id]);
  }

  // ------------------------------------------------------------ reading

  findView(tenantId: string, id: string): Promise<BillingRunViewRow | null> {
    return this.one<BillingRunViewRow>(`${RUN_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, id]);
  }

  /** Newest first, with how many runs there are. */
  listPage(tenantId: string, page: PageWindow): Promise<PagedRows<BillingRunViewRow>> {
    return this.pageRows<BillingRunViewRow>(`${withPageTotal(RUN_SELECT)} WHERE r.tenant_id = $1 ORDER BY r.created_at DESC, r.id`, [tenantId], page);
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    return Boolean(await this.one<{ id: string }>(`SELECT id FROM billing_runs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
  }

  /** A run's status (null: no such run). */
  /** Whether a run has completed and was asked to e-mail its invoices. */
  async sendingOf(id: string): Promise<{ status: string; sendInvoices: boolean } | null> {
    const row = await this.one<{ status: string; send_invoices: boolean }>(`SELECT status, send_invoices FROM billing_runs WHERE id = $1`, [id]);
    return row ? { status: row.status, sendInvoices: row.send_invoices } : null;
  }

  async statusOf(id: string): Promise<string | null> {
    const known = await this.one<{ status: string }>(`SELECT status FROM billing_runs WHERE id = $1`, [id]);
    return known?.status ?? null;
  }

  /** A run's schools in run order (of one outcome when `status` is given), with how many there are. */
  itemsPage(tenantId: string, runId: string, status: string | null, page: PageWindow): Promise<PagedRows<BillingRunItemViewRow>> {
    return this.pageRows<BillingRunItemViewRow>(
      `SELECT ${PAGE_TOTAL}, i.membership_id, i.position, i.status, i.amount_pence, i.reason, i.invoice_ids, s.id AS school_id, s.urn, s.name, s.phase
         FROM billing_run_items i JOIN schools s ON s.id = i.school_id
         WHERE i.tenant_id = $1 AND i.run_id = $2 AND ($3::text IS NULL OR i.status = $3) ORDER BY i.position`,
      [tenantId, runId, status],
      page,
    );
  }

  // ------------------------------------------------------------ the job

  /** Marks the run running (another attempt); null when it is not queued, running or failed. */
  async startAttempt(id: string): Promise<BillingRunStarted | null> {
    // An UPDATE ... RETURNING answers [rows, count] through TypeORM.
    const [updated] = (await this.rows<unknown>(
      `UPDATE billing_runs SET status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1, error = NULL
       WHERE id = $1 AND status IN ('queued', 'running', 'failed')
       RETURNING id, schedule_id, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, created_by`,
      [id],
    )) as unknown as [{ id: string; schedule_id: string; issued_on: string; created_by: string | null }[], number];
    const run = updated[0];
    return run ? { id: run.id, scheduleId: run.schedule_id, issuedOn: run.issued_on, createdBy: run.created_by } : null;
  }

  /**
   * Marks the run completed once no member is left pending; false while another job still holds
   * a batch (its items, locked by that job, still read as pending), which completes the run itself.
   */
  async complete(id: string): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE billing_runs r SET status = 'completed', finished_at = now() WHERE r.id = $1 AND r.status = 'running'
       AND NOT EXISTS (SELECT 1 FROM billing_run_items i WHERE i.tenant_id = r.tenant_id AND i.run_id = r.id AND i.status = 'pending')`,
      [id],
    );
    return changed > 0;
  }

  async fail(id: string, message: string): Promise<void> {
    await this.execute(`UPDATE billing_runs SET status = 'failed', error = $2 WHERE id = $1 AND status = 'running'`, [id, message]);
  }

  /** The next pending members of the run, locked (others running the same run skip them). */
  async lockPendingItems(tenantId: string, runId: string, limit: number): Promise<{ id: string; membershipId: string }[]> {
    const items = await this.rows<{ id: string; membership_id: string }>(
      `SELECT id, membership_id FROM billing_run_items WHERE tenant_id = $1 AND run_id = $2 AND status = 'pending'
     ORDER BY position LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [tenantId, runId, limit],
    );
    return items.map((i) => ({ id: i.id, membershipId: i.membership_id }));
  }

  /** Records the members' outcomes in one statement. */
  async settleItems(tenantId: string, outcomes: BillingRunItemOutcome[]): Promise<void> {
    await this.execute(
      `UPDATE billing_run_items i SET status = x.status, amount_pence = x.amount, reason = x.reason, invoice_ids = x.invoice_ids, updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, status text, amount bigint, reason text, invoice_ids uuid[])
     WHERE i.tenant_id = $1 AND i.id = x.id`,
      [tenantId, JSON.stringify(outcomes)],
    );
  }

  /** Adds a batch to the run's counts. */
  async addCounts(id: string, c: { processed: number; invoiced: number; skipped: number; invoicesCreated: number; totalPence: number }): Promise<void> {
    await this.execute(
      `UPDATE billing_runs SET processed = processed + $2, invoiced = invoiced + $3, skipped = skipped + $4, invoices_created = invoices_created + $5,
       total_pence = total_pence + $6 WHERE id = $1`,
      [id, c.processed, c.invoiced, c.skipped, c.invoicesCreated, c.totalPence],
    );
  }
}
