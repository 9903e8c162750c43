import { type EntityManager, SchoolFeeFactsRepository, TenantRepository } from '@partnerships/db';
import { choosePupilFigure, FEE_CENSUS_MONTH, feeCensusOf, type Phase, type PupilFigure, type SchoolFeeFacts } from '@partnerships/domain';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';

export { MEMBER_STATES_FOR_BILLING } from './repositories/billing-sources.repository';

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
  /** Which figure that is and from which census (`choosePupilFigure`), e.g. "312 pupils, October 2026 census". */
  pupilFigure: PupilFigure;
  /** The service level (tier) the school chose, priced by the schedule's tier prices. */
  serviceLevel?: string | null;
  /** Sixth form, opening date, trusts, diocese and areas: the partnership's record over the register's, as the preview and quote use them. */
  feeFacts?: SchoolFeeFacts;
}

/**
 * Members of the tenant (all of them, or those listed), with the pupil number the partnership's
 * fees use, in one query: the latest approved figure for its chosen census, else the register's.
 */
export async function loadMembersForBilling(em: EntityManager, tenantId: string, membershipIds?: string[]): Promise<MemberForInvoice[]> {
  const feeCensus = await new TenantRepository(em).feeCensus(tenantId);
  const month = FEE_CENSUS_MONTH[feeCensusOf(feeCensus)];
  const rows = await new BillingSourcesRepository(em).membersForBilling(tenantId, month, membershipIds ?? null);
  const facts = await new SchoolFeeFactsRepository(em).forTenant(tenantId);
  return rows.map((r) => {
    const pupilFigure = choosePupilFigure({
      feeCensus,
      approved: r.census !== null && r.census_pupils !== null ? [{ census: r.census, pupils: r.census_pupils, decidedAt: r.census_decided_at }] : [],
      registerPupils: r.register_pupils,
    });
    return {
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
      pupils: pupilFigure.pupils,
      pupilFigure,
      serviceLevel: r.service_level ?? null,
      feeFacts: facts.get(r.urn)?.facts ?? {},
    };
  });
}
