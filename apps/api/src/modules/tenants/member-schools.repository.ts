import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';

/** A school on the partnership's books (any status), as its members list shows it. */
export interface MemberSchoolRow {
  membershipId: string;
  urn: string;
  name: string;
  phase: string;
  type: string;
  localAuthority: string;
  pupils: number | null;
  category: string;
  status: string;
  joinedOn: string | null;
}

const SEARCH = `m.tenant_id = $1 AND ($2::text IS NULL OR s.name ILIKE $2 OR s.urn LIKE $2)`;

/** Read model: the partnership's schools joined with the register, for its overview and members list. */
export class MemberSchoolsRepository extends UnitOfWorkRepository {
  /** Current members (not left, not prospects) by phase. */
  countByPhase(tenantId: string): Promise<{ phase: string; count: number }[]> {
    return this.rows<{ phase: string; count: number }>(
      `SELECT s.phase, count(*)::int AS count FROM memberships m JOIN schools s ON s.id = m.school_id
         WHERE m.tenant_id = $1 AND m.status NOT IN ('left', 'prospect') GROUP BY s.phase ORDER BY s.phase`,
      [tenantId],
    );
  }

  /** By school name; `pattern` is a LIKE pattern for the name or URN, or null for all. */
  page(tenantId: string, pattern: string | null, page: PageWindow): Promise<PagedRows<MemberSchoolRow>> {
    return this.pageRows<MemberSchoolRow>(
      `SELECT ${PAGE_TOTAL}, m.id AS "membershipId", s.urn, s.name, s.phase, s.type, s.local_authority AS "localAuthority", s.pupils,
                m.category, m.status, to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn"
         FROM memberships m JOIN schools s ON s.id = m.school_id WHERE ${SEARCH}
         ORDER BY s.name`,
      [tenantId, pattern],
      page,
    );
  }
}
