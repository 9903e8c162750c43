import { type EntityManager, PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';
import type { Membership, MembershipState, Phase } from '@partnerships/domain';

/** A membership row with its school, read for a transition. */
export interface MembershipRow {
  id: string;
  status: MembershipState;
  since: string | null;
  suspended_from: 'active' | 'notice-given' | null;
  application: Membership['application'] | null;
  notice: Membership['notice'] | null;
  joined_on: string | null;
  left_on: string | null;
  category: string;
  school_id: string;
  urn: string;
  school_name: string;
}

/** One line of the members list: the membership, its category's name and the school as the register has it. */
export interface MembershipListRow {
  id: string;
  category: string;
  category_name: string | null;
  status: MembershipState;
  since: string | null;
  joined_on: string | null;
  leaving_on: string | null;
  updated_at: Date;
  school_id: string;
  urn: string;
  name: string;
  phase: string;
  type: string;
  local_authority: string;
  pupils: number | null;
  register_status: string;
  postcode: string | null;
}

/** The members list's filters; null means "any". */
export interface MembershipListFilter {
  phases: string[] | null;
  categories: string[] | null;
  statuses: string[] | null;
  /** Lower-case. */
  localAuthorities: string[] | null;
  /** A LIKE pattern (already escaped) for the school's name, URN or postcode. */
  pattern: string | null;
  sort: MembershipSort;
}

export type MembershipSort = 'name' | 'status' | 'updated';

/** One `membership_events` row, as the timeline shows it. */
export interface MembershipEventRow {
  id: string;
  event: string;
  from: MembershipState | null;
  to: MembershipState;
  on: string;
  actor_user_id: string | null;
  actor_name: string;
  note: string | null;
  data: Record<string, unknown> | null;
  created_at: Date;
}

/** A new `membership_events` row. */
export interface NewMembershipEvent {
  membershipId: string;
  event: string;
  from: MembershipState | null;
  to: MembershipState;
  on: string;
  actor: { id: string | null; name: string };
  note?: string | null;
  data?: Record<string, unknown> | null;
}

/** A register school that could be put on the list as a prospect, and whether it is on it already. */
export interface ProspectCandidate {
  id: string;
  urn: string;
  name: string;
  pupils: number | null;
  phase: Phase;
  type: string;
  local_authority: string;
  listed: boolean;
}

export interface ProspectFilter {
  /** Lower-case; null means any. */
  localAuthorities: string[] | null;
  phases: string[] | null;
  urns: string[] | null;
  statuses: string[];
}

const LIST_COLUMNS = `m.id, m.category, c.name AS category_name, m.status, to_char(m.since, 'YYYY-MM-DD') AS since,
    to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, m.notice ->> 'leavingOn' AS leaving_on, m.updated_at,
    s.id AS school_id, s.urn, s.name, s.phase, s.type, s.local_authority, s.pupils, s.status AS register_status, s.postcode`;

const LIST_SELECT = `SELECT ${LIST_COLUMNS}
  FROM memberships m JOIN schools s ON s.id = m.school_id
  LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category`;

const LIST_WHERE = `m.tenant_id = $1 AND ($2::text[] IS NULL OR s.phase = ANY($2)) AND ($3::text[] IS NULL OR m.category = ANY($3))
      AND ($4::text[] IS NULL OR m.status = ANY($4)) AND ($5::text[] IS NULL OR lower(s.local_authority) = ANY($5))
      AND ($6::text IS NULL OR s.name ILIKE $6 OR s.urn LIKE $6 OR s.postcode ILIKE $6)`;

const SORTS: Record<MembershipSort, string> = { name: 's.name, s.urn', status: 'm.status, s.name', updated: 'm.updated_at DESC, s.name' };

/** A membership row with its school (`MembershipRow`); callers add the WHERE. */
export const MEMBERSHIP_SELECT = `SELECT m.id, m.status, to_char(m.since, 'YYYY-MM-DD') AS since, m.suspended_from, m.application, m.notice,
  to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on, m.category,
  s.id AS school_id, s.urn, s.name AS school_name
  FROM memberships m JOIN schools s ON s.id = m.school_id`;

/**
 * One partnership's memberships and their history (`memberships`, `membership_events`).
 * Every state change goes through `MembershipLifecycleService`, which locks the row here
 * (`find(id, { lock: true })`) and stores the new state and its event in the same transaction.
 */
export class MembershipRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('MembershipRepository needs a tenant');
  }

  // ---- the members list (a benchmarked hot path: the page and its total in one statement, ADR 0009)

  private listParams(filter: MembershipListFilter): unknown[] {
    return [this.tenantId, filter.phases, filter.categories, filter.statuses, filter.localAuthorities, filter.pattern];
  }

  /**
   * One page of the list and how many memberships match, in one statement. A narrow inner query
   * (ids and sort keys) filters, counts and finds the page; only the page's rows are then joined
   * to their wide columns (at 10,000 members this costs about two thirds of sorting and counting
   * the wide rows; ADR 0009). `m.id` breaks ties, so pages never overlap.
   */
  listPage(filter: MembershipListFilter, page: PageWindow): Promise<PagedRows<MembershipListRow>> {
    const order = `${SORTS[filter.sort]}, m.id`;
    return this.pageRows<MembershipListRow>(
      (limitOffset) => `SELECT p.page_total, ${LIST_COLUMNS}
        FROM (SELECT ${PAGE_TOTAL}, m.id FROM memberships m JOIN schools s ON s.id = m.school_id
              WHERE ${LIST_WHERE} ORDER BY ${order} ${limitOffset}) p
        JOIN memberships m ON m.tenant_id = $1 AND m.id = p.id JOIN schools s ON s.id = m.school_id
        LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
        ORDER BY ${order}`,
      this.listParams(filter),
      page,
    );
  }

  /** Every membership matching the filters (for the CSV file). */
  listAll(filter: MembershipListFilter): Promise<MembershipListRow[]> {
    return this.rows<MembershipListRow>(`${LIST_SELECT} WHERE ${LIST_WHERE} ORDER BY ${SORTS[filter.sort]}`, this.listParams(filter));
  }

  findListRow(id: string): Promise<MembershipListRow | null> {
    return this.one<MembershipListRow>(`${LIST_SELECT} WHERE m.tenant_id = $1 AND m.id = $2`, [this.tenantId, id]);
  }

  // ---- counts

  /**
   * The membership chart's figures, in one statement: how many memberships were in each status at
   * the end of each month from `first` to `today` (today for the current month), worked out from the
   * timeline (`byMonth`; months and statuses with none are absent), and how many are in each status
   * now (`now`, from the rows' `status`; statuses with none are absent).
   *
   * One set-based pass, linear in memberships and events (not memberships × months): the timeline
   * becomes spans of one status each — before the first event (from joining on, in the first event's
   * `from_status`, or the current status when there are no events) and from each event to the next —
   * a span counts for every month whose end falls in [start, end), so spans are grouped by their
   * start and end month and only those few groups are summed per month. The first branch has one
   * row per membership, so the same pass also groups them by their status now (a second grouping
   * set, `now`; the event rows have none).
   *
   * Issue 14 (under 100 ms at 10,000 members; under half the database time of the first version):
   * the events are read in timeline order from `membership_events_timeline_idx`, twice (each
   * membership's first event, and each event's successor), with no sort and no materialised CTE;
   * months are `timestamp`s, truncated once per span and formatted once per answer row (`to_char`
   * per span and per month × group was a third of the time); a span starting before `first` is
   * counted from `first`, so there are fewer groups; the events are not joined back to
   * `memberships` (the composite foreign key keeps each event in its membership's partnership, and
   * row-level security limits both to this one); and the current counts need no second scan.
   */
  async statusCounts(first: string, today: string): Promise<{ byMonth: { month: string; status: MembershipState; n: number }[]; now: { status: MembershipState; n: number }[] }> {
    const rows = await this.rows<{ month: string | null; status: MembershipState; n: number }>(
      `WITH spans AS (
           SELECT coalesce(m.joined_on, m.created_at::date) AS from_date, f.on_date AS to_date,
                  CASE WHEN f.membership_id IS NULL THEN m.status ELSE f.from_status END AS status, m.status AS now
           FROM memberships m
           LEFT JOIN (SELECT DISTINCT ON (e.membership_id) e.membership_id, e.on_date, e.from_status FROM membership_events e
                      WHERE e.tenant_id = $1 ORDER BY e.membership_id, e.on_date, e.created_at) f ON f.membership_id = m.id
           WHERE m.tenant_id = $1
           UNION ALL
           SELECT e.on_date, lead(e.on_date) OVER (PARTITION BY e.membership_id ORDER BY e.on_date, e.created_at), e.to_status, NULL
           FROM membership_events e WHERE e.tenant_id = $1),
         grouped AS (
           SELECT status, date_trunc('month', greatest(from_date, $2::date)::timestamp) AS start_month,
                  CASE WHEN to_date <= $3::date THEN date_trunc('month', to_date::timestamp) END AS end_month, now,
                  grouping(now) = 1 AS by_span, count(*) FILTER (WHERE status IS NOT NULL AND from_date <= $3::date AND (to_date IS NULL OR to_date > from_date)) AS n,
                  count(*) AS memberships
           FROM spans
           GROUP BY GROUPING SETS ((status, start_month, end_month), (now)))
         SELECT to_char(mo.month, 'YYYY-MM') AS month, g.status, sum(g.n)::int AS n
         FROM generate_series($2::timestamp, $3::timestamp, interval '1 month') mo(month)
         JOIN grouped g ON g.by_span AND g.n > 0 AND g.start_month <= mo.month AND (g.end_month IS NULL OR g.end_month > mo.month)
         GROUP BY mo.month, g.status
         UNION ALL
         SELECT NULL, now, memberships::int FROM grouped WHERE NOT by_span AND now IS NOT NULL`,
      [this.tenantId, first, today],
    );
    return {
      byMonth: rows.filter((r): r is { month: string; status: MembershipState; n: number } => r.month !== null),
      now: rows.filter((r) => r.month === null).map(({ status, n }) => ({ status, n })),
    };
  }

  // ---- one membership, for a transition

  /** The membership with its school; with `lock`, row-locked (`FOR UPDATE`) until the unit of work ends. */
  find(id: string, options: { lock?: boolean } = {}): Promise<MembershipRow | null> {
    return this.one<MembershipRow>(`${MEMBERSHIP_SELECT} WHERE m.tenant_id = $1 AND m.id = $2 ${options.lock ? 'FOR UPDATE OF m' : ''}`, [this.tenantId, id]);
  }

  /** The school's membership of this partnership, if it has one; with `lock`, row-locked. */
  findBySchool(schoolId: string, options: { lock?: boolean } = {}): Promise<MembershipRow | null> {
    return this.one<MembershipRow>(`${MEMBERSHIP_SELECT} WHERE m.tenant_id = $1 AND m.school_id = $2 ${options.lock ? 'FOR UPDATE OF m' : ''}`, [this.tenantId, schoolId]);
  }

  /** The school's category code in this partnership, if it is on the list. */
  async categoryOfSchool(schoolId: string): Promise<string | null> {
    const row = await this.one<{ category: string }>(`SELECT category FROM memberships WHERE tenant_id = $1 AND school_id = $2`, [this.tenantId, schoolId]);
    return row?.category ?? null;
  }

  /** The register's id for a school on this partnership's list, by URN. */
  async schoolIdOnList(urn: string): Promise<string | null> {
    const row = await this.one<{ id: string }>(`SELECT s.id FROM schools s JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1 WHERE s.urn = $2`, [this.tenantId, urn]);
    return row?.id ?? null;
  }

  /** Stores the state the domain's `transition()` decided. */
  async saveState(id: string, next: Membership): Promise<void> {
    await this.execute(
      `UPDATE memberships SET status = $2, since = $3, suspended_from = $4, application = $5, notice = $6, left_on = $7, joined_on = $8, updated_at = now()
       WHERE id = $1`,
      [id, next.state, next.since ?? null, next.suspendedFrom ?? null, next.application ? JSON.stringify(next.application) : null,
        next.notice ? JSON.stringify(next.notice) : null, next.leftOn ?? null, next.startedOn ?? null],
    );
  }

  async setCategory(id: string, category: string): Promise<void> {
    await this.execute(`UPDATE memberships SET category = $2, updated_at = now() WHERE id = $1`, [id, category]);
  }

  // ---- history

  /** Appends to the membership's history; returns the event's id. */
  async recordEvent(entry: NewMembershipEvent): Promise<string> {
    const data = entry.data && Object.keys(entry.data).length ? JSON.stringify(entry.data) : null;
    const row = await this.one<{ id: string }>(
      `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_user_id, actor_name, note, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [this.tenantId, entry.membershipId, entry.event, entry.from, entry.to, entry.on, entry.actor.id, entry.actor.name, entry.note ?? null, data],
    );
    return row!.id;
  }

  /** The membership's history, oldest first. */
  timeline(id: string): Promise<MembershipEventRow[]> {
    return this.rows<MembershipEventRow>(
      `SELECT id, event, from_status AS "from", to_status AS "to", to_char(on_date, 'YYYY-MM-DD') AS "on", actor_user_id, actor_name, note, data, created_at
       FROM membership_events WHERE tenant_id = $1 AND membership_id = $2 ORDER BY created_at, id`,
      [this.tenantId, id],
    );
  }

  // ---- prospects

  /** Register schools matching the filter, each saying whether it is on this partnership's list already. */
  prospectCandidates(filter: ProspectFilter): Promise<ProspectCandidate[]> {
    return this.rows<ProspectCandidate>(
      `SELECT s.id, s.urn, s.name, s.pupils, s.phase, s.type, s.local_authority,
                EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.school_id = s.id) AS listed
         FROM schools s
         WHERE ($2::text[] IS NULL OR lower(s.local_authority) = ANY($2)) AND ($3::text[] IS NULL OR s.phase = ANY($3))
           AND ($4::text[] IS NULL OR s.urn = ANY($4)) AND s.status = ANY($5)
         ORDER BY s.name, s.urn`,
      [this.tenantId, filter.localAuthorities, filter.phases, filter.urns, filter.statuses],
    );
  }

  /**
   * Puts schools on the list as prospects, each with its category, and records an 'add' event
   * for each one created: two set-based statements whatever the number. Schools already listed
   * are left alone. Returns how many were added.
   */
  async addProspects(schools: { schoolId: string; category: string }[], on: string, actor: { id: string; name: string }): Promise<number> {
    const created = await this.rows<{ id: string }>(
      `INSERT INTO memberships (tenant_id, school_id, category, status, since)
         SELECT $1, school_id, category, 'prospect', $4 FROM unnest($2::uuid[], $3::text[]) AS t(school_id, category)
         ON CONFLICT (tenant_id, school_id) DO NOTHING RETURNING id`,
      [this.tenantId, schools.map((a) => a.schoolId), schools.map((a) => a.category), on],
    );
    if (created.length > 0) {
      await this.execute(
        `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_user_id, actor_name)
           SELECT $1, id, 'add', NULL, 'prospect', $3, $4, $5 FROM unnest($2::uuid[]) AS t(id)`,
        [this.tenantId, created.map((c) => c.id), on, actor.id, actor.name],
      );
    }
    return created.length;
  }
}
