import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { ConcernIndicator, ConcernKind, ConcernStatus } from '@partnerships/domain';
import type { SchoolRef } from './data-round.repository';

export interface NamedPerson {
  id: string;
  userId: string;
  name: string;
  email: string;
  namedAt: string;
}

export interface ConcernIndicatorRow extends ConcernIndicator {
  id: string;
  schoolId: string;
  occurredOn: string | null;
  note: string | null;
}

export interface ConcernStatusRow {
  schoolId: string;
  status: ConcernStatus;
  reasons: string[];
  since: string;
  endedOn: string | null;
}

export interface VisitRow {
  id: string;
  schoolId: string;
  visitedOn: string;
  visitor: string;
  notes: string;
}

/**
 * Schools causing concern: the people named to see them, indicators with their history, statuses
 * and monitoring visits. Row-level security lets only named people read or write the last three,
 * so these queries answer nothing (and writes fail) for anyone else.
 */
export class ConcernRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  async isNamed(userId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM concern_access WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [this.tenantId, userId])) !== null;
  }

  async named(): Promise<NamedPerson[]> {
    const rows = await this.rows<NamedPerson & { namedAt: Date }>(
      `SELECT a.id, a.user_id AS "userId", u.name, u.email, a.created_at AS "namedAt" FROM concern_access a JOIN users u ON u.id = a.user_id
       WHERE a.tenant_id = $1 AND a.revoked_at IS NULL ORDER BY u.name`,
      [this.tenantId],
    );
    return rows.map((r) => ({ ...r, namedAt: new Date(r.namedAt).toISOString() }));
  }

  /** Someone with a role in the partnership (only they can be named). */
  async personInTenant(userId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM tenant_roles WHERE tenant_id = $1 AND user_id = $2`, [this.tenantId, userId])) !== null;
  }

  async name(userId: string, by: string): Promise<void> {
    await this.execute(
      `INSERT INTO concern_access (tenant_id, user_id, named_by) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, user_id) WHERE revoked_at IS NULL DO NOTHING`,
      [this.tenantId, userId, by],
    );
  }

  async revoke(id: string): Promise<boolean> {
    return (await this.execute(`UPDATE concern_access SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`, [this.tenantId, id])) > 0;
  }

  async indicators(schoolId: string | null): Promise<ConcernIndicatorRow[]> {
    return this.rows<ConcernIndicatorRow>(
      `SELECT id, school_id AS "schoolId", kind, value, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", to_char(recorded_on, 'YYYY-MM-DD') AS "recordedOn", note
       FROM concern_indicators WHERE tenant_id = $1 AND ($2::uuid IS NULL OR school_id = $2) ORDER BY recorded_on DESC, created_at DESC`,
      [this.tenantId, schoolId],
    );
  }

  async addIndicator(schoolId: string, input: { kind: ConcernKind; value: string; occurredOn: string | null; recordedOn: string; note: string | null }, userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO concern_indicators (tenant_id, school_id, kind, value, occurred_on, recorded_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.tenantId, schoolId, input.kind, input.value, input.occurredOn, input.recordedOn, input.note, userId],
    );
  }

  async statuses(schoolId: string | null, currentOnly = false): Promise<ConcernStatusRow[]> {
    return this.rows<ConcernStatusRow>(
      `SELECT school_id AS "schoolId", status, reasons, to_char(since, 'YYYY-MM-DD') AS since, to_char(ended_on, 'YYYY-MM-DD') AS "endedOn"
       FROM concern_statuses WHERE tenant_id = $1 AND ($2::uuid IS NULL OR school_id = $2) AND (NOT $3 OR ended_on IS NULL) ORDER BY since DESC, created_at DESC`,
      [this.tenantId, schoolId, currentOnly],
    );
  }

  /** Ends the current status (if any) the day before and starts the new one. */
  async setStatus(schoolId: string, status: ConcernStatus, reasons: string[], since: string, userId: string): Promise<void> {
    await this.execute(`UPDATE concern_statuses SET ended_on = greatest(since, $3::date - 1) WHERE tenant_id = $1 AND school_id = $2 AND ended_on IS NULL`, [this.tenantId, schoolId, since]);
    await this.execute(
      `INSERT INTO concern_statuses (tenant_id, school_id, status, reasons, since, set_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [this.tenantId, schoolId, status, JSON.stringify(reasons), since, userId],
    );
  }

  async visits(schoolId: string): Promise<VisitRow[]> {
    return this.rows<VisitRow>(
      `SELECT id, school_id AS "schoolId", to_char(visited_on, 'YYYY-MM-DD') AS "visitedOn", visitor, notes FROM monitoring_visits WHERE tenant_id = $1 AND school_id = $2 ORDER BY visited_on DESC`,
      [this.tenantId, schoolId],
    );
  }

  async addVisit(schoolId: string, input: { visitedOn: string; visitor: string; notes: string }, userId: string): Promise<void> {
    await this.execute(`INSERT INTO monitoring_visits (tenant_id, school_id, visited_on, visitor, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [this.tenantId, schoolId, input.visitedOn, input.visitor, input.notes, userId]);
  }

  /** Schools with any indicator or status, with their names. */
  async schoolsOnRecord(): Promise<SchoolRef[]> {
    return this.rows<SchoolRef>(
      `SELECT s.id, s.urn, s.name FROM schools s WHERE s.id IN (
         SELECT school_id FROM concern_indicators WHERE tenant_id = $1 UNION SELECT school_id FROM concern_statuses WHERE tenant_id = $1) ORDER BY s.name`,
      [this.tenantId],
    );
  }

  /** Counts of schools per current status, whoever asks (no names): for the annual report. */
  async countsByStatus(): Promise<Partial<Record<ConcernStatus, number>>> {
    const rows = await this.rows<{ status: ConcernStatus; schools: number }>(`SELECT status, schools FROM concern_status_counts()`);
    return Object.fromEntries(rows.map((r) => [r.status, r.schools]));
  }
}
