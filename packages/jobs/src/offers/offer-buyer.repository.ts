import { UnitOfWorkRepository } from '@partnerships/db';

/** A school as its prices see it in one partnership: register facts and its membership there. */
export interface SchoolAsBuyer {
  schoolId: string;
  urn: string;
  name: string;
  phase: string;
  type: string;
  pupils: number | null;
  membershipId: string | null;
  membershipStatus: string | null;
  category: string | null;
  serviceLevel: string | null;
}

/** Members for pricing: those whose membership is in force (active or working out their notice). */
export const MEMBER_STATES_FOR_PRICES = ['active', 'notice-given'] as const;

/**
 * Read-only: what pricing needs from the school register and memberships (aggregates owned by
 * other modules), one statement per call, set-based for lists.
 */
export class OfferBuyerRepository extends UnitOfWorkRepository {
  async bySchoolIds(tenantId: string, schoolIds: string[]): Promise<SchoolAsBuyer[]> {
    const rows = await this.rows<{
      school_id: string; urn: string; name: string; phase: string; type: string; pupils: number | null;
      membership_id: string | null; status: string | null; category: string | null; service_level: string | null;
    }>(
      `SELECT s.id AS school_id, s.urn, s.name, s.phase, s.type, s.pupils, m.id AS membership_id, m.status, m.category, m.service_level
       FROM schools s LEFT JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1
       WHERE s.id = ANY($2::uuid[])`,
      [tenantId, schoolIds],
    );
    return rows.map((r) => ({
      schoolId: r.school_id, urn: r.urn, name: r.name, phase: r.phase, type: r.type, pupils: r.pupils,
      membershipId: r.membership_id, membershipStatus: r.status, category: r.category, serviceLevel: r.service_level,
    }));
  }

  async bySchoolId(tenantId: string, schoolId: string): Promise<SchoolAsBuyer | null> {
    return (await this.bySchoolIds(tenantId, [schoolId]))[0] ?? null;
  }

  /** The school with a membership of this partnership (any state), found by URN; null when it has none. */
  async memberSchoolByUrn(tenantId: string, urn: string): Promise<SchoolAsBuyer | null> {
    const row = await this.one<{ id: string }>(`SELECT s.id FROM schools s JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1 WHERE s.urn = $2`, [tenantId, urn]);
    return row ? this.bySchoolId(tenantId, row.id) : null;
  }

  /** Names and URNs of schools, for reports and lists. */
  async schoolNames(schoolIds: string[]): Promise<Map<string, { urn: string; name: string }>> {
    const rows = await this.rows<{ id: string; urn: string; name: string }>(`SELECT id, urn, name FROM schools WHERE id = ANY($1::uuid[])`, [schoolIds]);
    return new Map(rows.map((r) => [r.id, { urn: r.urn, name: r.name }]));
  }

  /** How the school keeps its books (an academy's September year or a maintained school's April year). */
  async schoolType(schoolId: string): Promise<string | null> {
    const row = await this.one<{ type: string }>(`SELECT type FROM schools WHERE id = $1`, [schoolId]);
    return row?.type ?? null;
  }
}
