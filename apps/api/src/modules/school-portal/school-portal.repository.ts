import { UnitOfWorkRepository } from '@partnerships/db';
import type { MembershipState } from '@partnerships/domain';
import { PUPIL_COUNT_SELECT, type PupilCountRow } from '../memberships/pupil-count.repository';

/** A school's membership of one partnership, as the school's overview lists it. */
export interface MembershipOfSchool {
  tenantSlug: string;
  tenantName: string;
  category: string;
  status: MembershipState;
  joinedOn: string | null;
}

/** The same, for one of several schools (the person's "my schools" page). */
export interface MembershipOfSchools extends MembershipOfSchool {
  school_id: string;
  membershipId: string;
  leavingOn: string | null;
}

/**
 * The school's side across partnerships: what a school's own people read of its memberships and
 * pupil numbers in every partnership. Run under `asPlatform` with the person's id; row-level
 * security lets a school's people read their school's rows in every partnership, and nothing else.
 * (One partnership's own view of the same tables is `MembershipRepository` / `PupilCountRepository`.)
 */
export class SchoolPortalRepository extends UnitOfWorkRepository {
  /** The school's memberships, by partnership name. */
  membershipsOf(schoolId: string): Promise<MembershipOfSchool[]> {
    return this.rows<MembershipOfSchool>(
      `SELECT t.slug AS "tenantSlug", t.name AS "tenantName", m.category, m.status, to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn"
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = $1 ORDER BY t.name`,
      [schoolId],
    );
  }

  /** The partnerships the school belongs to (any status), by name: where the school home looks. */
  partnershipsOf(schoolId: string): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(`SELECT t.id, t.slug, t.name FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = $1 ORDER BY t.name`, [schoolId]);
  }

  /** Every membership of these schools, by partnership name (one query for all of them). */
  membershipsOfSchools(schoolIds: string[]): Promise<MembershipOfSchools[]> {
    return this.rows<MembershipOfSchools>(
      `SELECT m.school_id, m.id AS "membershipId", t.slug AS "tenantSlug", t.name AS "tenantName", m.category, m.status,
                to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", m.notice ->> 'leavingOn' AS "leavingOn"
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = ANY($1::uuid[]) ORDER BY t.name`,
      [schoolIds],
    );
  }

  /** The school's pupil numbers in every partnership, newest first. */
  pupilCountsOf(schoolId: string): Promise<(PupilCountRow & { tenant_slug: string; tenant_name: string })[]> {
    return this.rows(
      `SELECT x.*, t.slug AS tenant_slug, t.name AS tenant_name FROM (${PUPIL_COUNT_SELECT} WHERE pc.school_id = $1) x JOIN tenants t ON t.id = x.tenant_id
         ORDER BY x.submitted_at DESC, x.id`,
      [schoolId],
    );
  }
}
