import { type EntityManager, TenantRepository } from '@partnerships/db';
import type { Phase } from '@partnerships/domain';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';

export { MEMBER_STATES_FOR_BILLING } from './repositories/billing-sources.repository';

const CENSUS_MONTH = { october: '10', january: '01', may: '05' } as const;

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
  /** The service level (tier) the school chose, priced by the schedule's tier prices. */
  serviceLevel?: string | null;
}

/**
 * Members of the tenant (all of them, or those listed), with the pupil number the partnership's
 * fees use, in one query: the latest approved figure for its chosen census, else the register's.
 */
export async function loadMembersForBilling(em: EntityManager, tenantId: string, membershipIds?: string[]): Promise<MemberForInvoice[]> {
  const census = await new TenantRepository(em).feeCensus(tenantId);
  const month = CENSUS_MONTH[(census as keyof typeof CENSUS_MONTH | null) ?? 'october'];
  const rows = await new BillingSourcesRepository(em).membersForBilling(tenantId, month, membershipIds ?? null);
  return rows.map((r) => ({
    membershipId: r.membership_id,
    schoolId: r.school_id,
    urn: r.urn,
    name: r.name,
    phase: r.phase,
    type: r.type,
    localAuthority: r.local_authority,
    postcode: r.postcode ?? null,
    status: r.status,
    category: r.category,
    feesApply: r.fees_apply,
    joinedOn: r.joined_on ?? null,
    leavingOn: r.leaving_on ?? null,
    pupils: r.pupils ?? null,
    pupilsSource: r.pupils_source,
    serviceLevel: r.service_level ?? null,
  }));
}
