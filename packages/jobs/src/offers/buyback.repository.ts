import { UnitOfWorkRepository } from '@partnerships/db';

export interface BuybackWindowRow {
  id: string;
  year: number;
  opensOn: string;
  closesOn: string;
  cancelDeadline: string;
  reminderDays: number[];
  rolledOverAt: string | null;
}

export interface Subscription {
  id: string;
  schoolId: string;
  offerId: string;
  offerTitle: string;
  quantity: number;
  firstYear: number;
  lastYear: number;
  cancelledOn: string | null;
}

interface WindowRow { id: string; year: number; opens_on: string; closes_on: string; cancel_deadline: string; reminder_days: number[]; rolled_over_at: Date | null }
const WINDOW_SELECT = `SELECT id, year, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(closes_on, 'YYYY-MM-DD') AS closes_on,
  to_char(cancel_deadline, 'YYYY-MM-DD') AS cancel_deadline, reminder_days, rolled_over_at FROM buyback_windows`;
const toWindow = (r: WindowRow): BuybackWindowRow => ({
  id: r.id, year: r.year, opensOn: r.opens_on, closesOn: r.closes_on, cancelDeadline: r.cancel_deadline, reminderDays: r.reminder_days, rolledOverAt: r.rolled_over_at ? new Date(r.rolled_over_at).toISOString() : null,
});

interface SubscriptionRow { id: string; school_id: string; offer_id: string; title: string; quantity: number; first_year: number; last_year: number; cancelled_on: string | null }
const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id, schoolId: r.school_id, offerId: r.offer_id, offerTitle: r.title, quantity: r.quantity, firstYear: r.first_year, lastYear: r.last_year, cancelledOn: r.cancelled_on,
});
const SUBSCRIPTION_SELECT = `SELECT s.id, s.school_id, s.offer_id, o.title, s.quantity, s.first_year, s.last_year, to_char(s.cancelled_on, 'YYYY-MM-DD') AS cancelled_on
  FROM subscriptions s JOIN offers o ON o.id = s.offer_id AND o.tenant_id = s.tenant_id`;

/** The annual buy-back: windows, rolling subscriptions and the reminders sent (tables `buyback_windows`, `subscriptions`, `buyback_reminders`). */
export class BuybackRepository extends UnitOfWorkRepository {
  async windows(tenantId: string): Promise<BuybackWindowRow[]> {
    return (await this.rows<WindowRow>(`${WINDOW_SELECT} WHERE tenant_id = $1 ORDER BY year DESC`, [tenantId])).map(toWindow);
  }

  async findWindow(tenantId: string, id: string): Promise<BuybackWindowRow | null> {
    const row = await this.one<WindowRow>(`${WINDOW_SELECT} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toWindow(row) : null;
  }

  async lockWindow(tenantId: string, id: string): Promise<BuybackWindowRow | null> {
    const row = await this.one<WindowRow>(`${WINDOW_SELECT} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return row ? toWindow(row) : null;
  }

  /** The window open on a date (the latest year if two overlap). */
  async openWindowOn(tenantId: string, date: string): Promise<BuybackWindowRow | null> {
    const row = await this.one<WindowRow>(`${WINDOW_SELECT} WHERE tenant_id = $1 AND opens_on <= $2 AND closes_on >= $2 ORDER BY year DESC LIMIT 1`, [tenantId, date]);
    return row ? toWindow(row) : null;
  }

  /** Windows whose reminders may be due (deadline not passed) or whose rollover has not run (deadline passed). */
  async windowsToSweep(tenantId: string): Promise<BuybackWindowRow[]> {
    return (await this.rows<WindowRow>(`${WINDOW_SELECT} WHERE tenant_id = $1 AND rolled_over_at IS NULL ORDER BY year`, [tenantId])).map(toWindow);
  }

  async createWindow(tenantId: string, w: { year: number; opensOn: string; closesOn: string; cancelDeadline: string; reminderDays: number[]; createdBy: string | null }): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO buyback_windows (tenant_id, year, opens_on, closes_on, cancel_deadline, reminder_days, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [tenantId, w.year, w.opensOn, w.closesOn, w.cancelDeadline, w.reminderDays, w.createdBy],
    );
    return row!.id;
  }

  async markRolledOver(tenantId: string, id: string): Promise<void> {
    await this.execute(`UPDATE buyback_windows SET rolled_over_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  // ---- subscriptions

  async subscriptionsOf(tenantId: string, schoolId: string): Promise<Subscription[]> {
    return (await this.rows<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.tenant_id = $1 AND s.school_id = $2 ORDER BY lower(o.title)`, [tenantId, schoolId])).map(toSubscription);
  }

  async findSubscription(tenantId: string, id: string): Promise<Subscription | null> {
    const row = await this.one<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, id]);
    return row ? toSubscription(row) : null;
  }

  /** Subscriptions bought for `year - 1` (candidates to roll over into `year`), locked. */
  async lockSubscriptionsEndingIn(tenantId: string, year: number): Promise<Subscription[]> {
    const rows = await this.rows<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.tenant_id = $1 AND s.last_year = $2 ORDER BY s.school_id, lower(o.title) FOR UPDATE OF s`, [tenantId, year - 1]);
    return rows.map(toSubscription);
  }

  /** Schools with a live subscription bought for `year - 1` (those to remind before a deadline). */
  async schoolsWithRollingServices(tenantId: string, year: number): Promise<string[]> {
    const rows = await this.rows<{ school_id: string }>(`SELECT DISTINCT school_id FROM subscriptions WHERE tenant_id = $1 AND last_year = $2 AND cancelled_on IS NULL`, [tenantId, year - 1]);
    return rows.map((r) => r.school_id);
  }

  /** A school bought (or renewed) a rolling service for a year: it runs to that year and is no longer cancelled. */
  async renew(tenantId: string, s: { schoolId: string; offerId: string; quantity: number; year: number; sourceOrderId: string }): Promise<void> {
    await this.execute(
      `INSERT INTO subscriptions (tenant_id, school_id, offer_id, quantity, first_year, last_year, source_order_id) VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (tenant_id, school_id, offer_id) DO UPDATE SET quantity = EXCLUDED.quantity, last_year = greatest(subscriptions.last_year, EXCLUDED.last_year),
         first_year = least(subscriptions.first_year, EXCLUDED.first_year), source_order_id = EXCLUDED.source_order_id, cancelled_on = NULL, cancelled_by = NULL, updated_at = now()`,
      [tenantId, s.schoolId, s.offerId, s.quantity, s.year, s.sourceOrderId],
    );
  }

  async cancelSubscription(tenantId: string, id: string, on: string, userId: string): Promise<void> {
    await this.execute(`UPDATE subscriptions SET cancelled_on = $3, cancelled_by = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND cancelled_on IS NULL`, [tenantId, id, on, userId]);
  }

  // ---- reminders

  async remindersSent(tenantId: string, windowId: string): Promise<Map<string, number[]>> {
    const rows = await this.rows<{ school_id: string; days: number[] }>(
      `SELECT school_id, array_agg(days_before) AS days FROM buyback_reminders WHERE tenant_id = $1 AND window_id = $2 GROUP BY school_id`,
      [tenantId, windowId],
    );
    return new Map(rows.map((r) => [r.school_id, r.days]));
  }

  /** Records a reminder step; false when it had already been sent (so it is queued once). */
  async recordReminder(tenantId: string, windowId: string, schoolId: string, daysBefore: number): Promise<boolean> {
    return (await this.execute(
      `INSERT INTO buyback_reminders (tenant_id, window_id, school_id, days_before) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, window_id, school_id, days_before) DO NOTHING RETURNING id`,
      [tenantId, windowId, schoolId, daysBefore],
    )) > 0;
  }

  /** The addresses of the school's headteachers and business managers, with the school's name. */
  async schoolDecisionMakers(schoolIds: string[]): Promise<Map<string, { name: string; emails: string[] }>> {
    const rows = await this.rows<{ school_id: string; name: string; emails: string[] }>(
      `SELECT s.id AS school_id, s.name, coalesce(array_agg(DISTINCT u.email) FILTER (WHERE u.email IS NOT NULL), '{}') AS emails
       FROM schools s LEFT JOIN school_roles r ON r.school_id = s.id AND r.role IN ('headteacher', 'business-manager') LEFT JOIN users u ON u.id = r.user_id
       WHERE s.id = ANY($1::uuid[]) GROUP BY s.id, s.name`,
      [schoolIds],
    );
    return new Map(rows.map((r) => [r.school_id, { name: r.name, emails: r.emails }]));
  }
}
