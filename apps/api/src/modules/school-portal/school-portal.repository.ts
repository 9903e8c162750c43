import { UnitOfWorkRepository } from '@partnerships/db';
import type { MembershipState } from '@partnerships/domain';
import { MEMBERSHIP_SELECT, type MembershipRow } from '../memberships/membership.repository';
import { PUPIL_COUNT_SELECT, type PupilCountRow } from '../memberships/pupil-count.repository';

/** A school's membership of one partnership, as the school's overview lists it. */
export interface MembershipOfSchool {
  tenantSlug: string;
  tenantName: string;
  category: string;
  status: MembershipState;
  joinedOn: string | null;
}

/** A school's membership of one partnership, with the partnership's own facts (the school home). */
export interface HomeMembershipRow extends MembershipRow {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  tenant_notice_rule: unknown;
  tenant_contact_email: string | null;
  tenant_contact_phone: string | null;
  tenant_website: string | null;
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

  /**
   * The school's membership of every partnership it belongs to (any status), by partnership name,
   * with the partnership's facts the school home shows (one query for all of them; `tenants` is a
   * reference table, and row-level security lets the school's people read its memberships).
   */
  homeMembershipsOf(schoolId: string): Promise<HomeMembershipRow[]> {
    return this.rows<HomeMembershipRow>(
      `SELECT t.id AS tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, t.notice_rule AS tenant_notice_rule,
              t.contact_email AS tenant_contact_email, t.contact_phone AS tenant_contact_phone, t.website AS tenant_website, x.*
         FROM tenants t CROSS JOIN LATERAL (${MEMBERSHIP_SELECT} WHERE m.tenant_id = t.id AND m.school_id = $1) x
        ORDER BY t.name`,
      [schoolId],
    );
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
