import { type PagedRows, type PageWindow, SchoolVoter, UnitOfWorkRepository, withPageTotal } from '@partnerships/db';
import type { Phase } from '@partnerships/domain';

/** A member school as a general meeting sees it: may it vote, and who votes for it. */
export interface VotingSchool {
  schoolId: string;
  urn: string;
  name: string;
  phase: Phase;
  membershipStatus: string;
  category: string;
  categoryName: string;
  /** Whether the school's membership category carries votes at general meetings. */
  votes: boolean;
  /** The designated voter: the person named by the school, else its headteacher (null when it has neither). */
  voterUserId: string | null;
  voterName: string | null;
  /** True when the school named its voter (false: the headteacher by default). */
  voterNamed: boolean;
  /** The partnership's own facts about the school (for reserved seats). */
  area: string | null;
  character: string | null;
}

/** The statuses in which a school is a member with a member's rights. */
export const MEMBER_STATUSES = ['active', 'notice-given'] as const;

const VOTING_SCHOOL_SQL = `
  SELECT s.id AS "schoolId", s.urn, s.name, s.phase, m.status AS "membershipStatus", m.category,
         coalesce(c.name, m.category) AS "categoryName", coalesce(c.voting_rights, false) AS votes,
         coalesce(v.voter_user_id, h.user_id) AS "voterUserId", u.name AS "voterName", (v.id IS NOT NULL) AS "voterNamed",
         d.area, d.religious_character AS character
    FROM memberships m
    JOIN schools s ON s.id = m.school_id
    LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
    LEFT JOIN school_voters v ON v.tenant_id = m.tenant_id AND v.school_id = m.school_id
    LEFT JOIN LATERAL (SELECT r.user_id FROM school_roles r WHERE r.school_id = s.id AND r.role = 'headteacher'
                        ORDER BY r.created_at, r.user_id LIMIT 1) h ON true
    LEFT JOIN users u ON u.id = coalesce(v.voter_user_id, h.user_id)
    LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = m.school_id
   WHERE m.tenant_id = app_tenant_id()`;

/**
 * Who may vote at the partnership's general meetings: member schools, their categories and
 * designated voters (`school_voters`, else the headteacher). Read inside the tenant's unit of work.
 */
export class ElectorateRepository extends UnitOfWorkRepository {
  /** Member schools (active or under notice) whose category carries votes: the electorate a poll freezes. */
  listVotingMembers(): Promise<VotingSchool[]> {
    return this.rows<VotingSchool>(`${VOTING_SCHOOL_SQL} AND m.status = ANY($1) AND coalesce(c.voting_rights, false) ORDER BY s.name, s.urn`, [MEMBER_STATUSES]);
  }

  /** Every school on the partnership's list in a member's state, voting or not (the voter designations page). */
  listMembers(): Promise<VotingSchool[]> {
    return this.rows<VotingSchool>(`${VOTING_SCHOOL_SQL} AND m.status = ANY($1) ORDER BY s.name, s.urn`, [MEMBER_STATUSES]);
  }

  /**
   * One page of listMembers (by name), with how many match: `pattern` (an ILIKE pattern, or null)
   * matches the school's name or URN or its voter's name. The page and total are one statement (ADR 0009).
   */
  pageMembers(window: PageWindow, pattern: string | null): Promise<PagedRows<VotingSchool>> {
    return this.pageRows<VotingSchool>(
      `${withPageTotal(VOTING_SCHOOL_SQL)} AND m.status = ANY($1) AND ($2::text IS NULL OR s.name ILIKE $2 OR s.urn LIKE $2 OR u.name ILIKE $2) ORDER BY s.name, s.urn`,
      [MEMBER_STATUSES, pattern],
      window,
    );
  }

  /** One school on the partnership's list (any state), by URN, or null. */
  findByUrn(urn: string): Promise<VotingSchool | null> {
    return this.one<VotingSchool>(`${VOTING_SCHOOL_SQL} AND s.urn = $1`, [urn]);
  }

  /** One school on the partnership's list (any state), by id, or null. */
  findBySchoolId(schoolId: string): Promise<VotingSchool | null> {
    return this.one<VotingSchool>(`${VOTING_SCHOOL_SQL} AND s.id = $1`, [schoolId]);
  }

  /** Names a school's voter (replacing any earlier one). */
  async nameVoter(schoolId: string, voterUserId: string, namedBy: string): Promise<void> {
    await this.execute(
      `INSERT INTO school_voters (tenant_id, school_id, voter_user_id, named_by) VALUES (app_tenant_id(), $1, $2, $3)
       ON CONFLICT (tenant_id, school_id) DO UPDATE SET voter_user_id = EXCLUDED.voter_user_id, named_by = EXCLUDED.named_by, updated_at = now()
       WHERE school_voters.voter_user_id IS DISTINCT FROM EXCLUDED.voter_user_id`,
      [schoolId, voterUserId, namedBy],
    );
  }

  /** Goes back to the headteacher as the school's voter. */
  async clearVoter(schoolId: string): Promise<void> {
    await this.entities(SchoolVoter).delete({ schoolId });
  }

  /** People who act for the school (any school role), who may be named its voter. */
  schoolPeople(schoolId: string): Promise<{ userId: string; name: string; roles: string[] }[]> {
    return this.rows(
      `SELECT r.user_id AS "userId", u.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM school_roles r JOIN users u ON u.id = r.user_id WHERE r.school_id = $1 GROUP BY r.user_id, u.name ORDER BY u.name`,
      [schoolId],
    );
  }

  /** The schools (on this partnership's list) whose designated voter is this person. */
  async schoolsVotedForBy(userId: string): Promise<VotingSchool[]> {
    return (await this.listMembers()).filter((s) => s.voterUserId === userId);
  }

  /** The partnerships where the school is a member (read as the school's own people, outside any tenant). */
  partnershipsOf(schoolId: string): Promise<{ tenantId: string; slug: string; name: string }[]> {
    return this.rows(
      `SELECT t.id AS "tenantId", t.slug, t.name FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.school_id = $1 AND m.status = ANY($2) AND t.status = 'active' ORDER BY t.name`,
      [schoolId, MEMBER_STATUSES],
    );
  }

  /** Coming general meetings (bodies of kind 'general_meeting'), soonest first. */
  comingGeneralMeetings(): Promise<{ id: string; bodyName: string; title: string | null; startsAt: Date }[]> {
    return this.rows(
      `SELECT mt.id, b.name AS "bodyName", mt.title, mt.starts_at AS "startsAt" FROM meetings mt JOIN bodies b ON b.id = mt.body_id
        WHERE b.kind = 'general_meeting' AND mt.status <> 'cancelled' AND mt.ends_at > now() ORDER BY mt.starts_at LIMIT 20`,
    );
  }
}
