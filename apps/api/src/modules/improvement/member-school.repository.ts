import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { SchoolRef } from './data-round.repository';

/** The partnership's member schools as school improvement names them (read-only). */
export class MemberSchoolRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  /** A school with a membership (any status but prospect) in this partnership, by URN. */
  async byUrn(urn: string): Promise<SchoolRef | null> {
    return this.one<SchoolRef>(
      `SELECT s.id, s.urn, s.name FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.urn = $2 AND m.status IN ('active', 'notice-given', 'suspended', 'approved') LIMIT 1`,
      [this.tenantId, urn],
    );
  }

  async byUrns(urns: readonly string[]): Promise<Map<string, SchoolRef>> {
    const rows = await this.rows<SchoolRef>(
      `SELECT DISTINCT s.id, s.urn, s.name FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.urn = ANY($2::text[]) AND m.status IN ('active', 'notice-given', 'suspended', 'approved')`,
      [this.tenantId, [...urns]],
    );
    return new Map(rows.map((r) => [r.urn, r]));
  }

  /** Member schools (active or under notice), by name. */
  async all(): Promise<SchoolRef[]> {
    return this.rows<SchoolRef>(
      `SELECT DISTINCT ON (s.name, s.id) s.id, s.urn, s.name FROM memberships m JOIN schools s ON s.id = m.school_id
       WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given', 'suspended', 'approved') ORDER BY s.name, s.id`,
      [this.tenantId],
    );
  }

  async termDates(): Promise<{ start: string; end: string }[]> {
    const rows = await this.rows<{ halfTerms: { start: string; end: string }[] }>(`SELECT half_terms AS "halfTerms" FROM tenant_calendars WHERE tenant_id = $1 ORDER BY academic_year_start`, [this.tenantId]);
    return rows.flatMap((r) => r.halfTerms);
  }
}
