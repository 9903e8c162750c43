import type { EntityManager } from '@partnerships/db';
import type { Phase } from '@partnerships/domain';

const CENSUS_MONTH = { october: '10', january: '01', may: '05' } as const;

/** Member states that belong in a billing run's list (suspended ones are listed, and skipped with the reason). */
export const MEMBER_STATES_FOR_BILLING = ['active', 'notice-given', 'suspended'] as const;

/** What billing needs to know about one member: the school, the membership, and the pupil number its fees use. */
export interface MemberForInvoice {
  membershipId: string;
  schoolId: string;
  urn: string;
  name: string;
  phase: Phase;
  type: string;
  localAuthority: string;
  postcode: string | null;
  status: string;
  category: string;
  feesApply: boolean;
  joinedOn: string | null;
  leavingOn: string | null;
  /** The partnership's approved figure for its chosen census, else the register's; null when neither is known. */
  pupils: number | null;
  pupilsSource: string;
}

/**
 * Members of the tenant (all of them, or those listed), with the pupil number the partnership's
 * fees use, in one query: the latest approved figure for its chosen census, else the register's.
 */
export async function loadMembersForBilling(em: EntityManager, tenantId: string, membershipIds?: string[]): Promise<MemberForInvoice[]> {
  const [tenant] = await em.query(`SELECT fee_census FROM tenants WHERE id = $1`, [tenantId]);
  const month = CENSUS_MONTH[(tenant?.fee_census as keyof typeof CENSUS_MONTH) ?? 'october'];
  const rows = await em.query(
    `SELECT m.id AS membership_id, m.school_id, s.urn, s.name, s.phase, s.type, s.local_authority, s.postcode, m.status, m.category,
            coalesce(c.fees_apply, true) AS fees_apply, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, m.notice ->> 'leavingOn' AS leaving_on,
            coalesce(pc.pupils, s.pupils) AS pupils, CASE WHEN pc.pupils IS NULL THEN 'the school register' ELSE 'the ' || pc.census || ' census' END AS pupils_source
     FROM memberships m JOIN schools s ON s.id = m.school_id
     LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
     LEFT JOIN LATERAL (
       SELECT p.census, p.pupils FROM school_pupil_counts p
       WHERE p.tenant_id = m.tenant_id AND p.school_id = m.school_id AND p.status = 'approved' AND right(p.census, 2) = $2
       ORDER BY p.census DESC, p.decided_at DESC NULLS LAST LIMIT 1) pc ON true
     WHERE m.tenant_id = $1 AND ($3::uuid[] IS NULL OR m.id = ANY($3::uuid[])) AND ($3::uuid[] IS NOT NULL OR m.status = ANY($4::text[]))
     ORDER BY s.name, s.urn`,
    [tenantId, month, membershipIds ?? null, [...MEMBER_STATES_FOR_BILLING]],
  );
  return rows.map((r: Record<string, unknown>) => ({
    membershipId: r.membership_id as string,
    schoolId: r.school_id as string,
    urn: r.urn as string,
    name: r.name as string,
    phase: r.phase as Phase,
    type: r.type as string,
    localAuthority: r.local_authority as string,
    postcode: (r.postcode as string | null) ?? null,
    status: r.status as string,
    category: r.category as string,
    feesApply: r.fees_apply as boolean,
    joinedOn: (r.joined_on as string | null) ?? null,
    leavingOn: (r.leaving_on as string | null) ?? null,
    pupils: (r.pupils as number | null) ?? null,
    pupilsSource: r.pupils_source as string,
  }));
}
