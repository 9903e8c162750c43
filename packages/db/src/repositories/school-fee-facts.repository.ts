import { schoolFeeFacts, type Phase, type RegisterFeeFacts, type SchoolFeeFactOverrides, type SchoolFeeFacts } from '@partnerships/domain';
import { UnitOfWorkRepository } from '../repository';

/** What the register says about a school for fees, and the partnership's record over it. */
export interface SchoolFeeFactsRecord {
  membershipId: string;
  schoolId: string;
  urn: string;
  register: RegisterFeeFacts;
  overrides: SchoolFeeFactOverrides | null;
  /** The two combined, as the fee engine reads them. */
  facts: SchoolFeeFacts;
}

/** A school the partnership is about to invite, or has invited: priced in the draft's preview and checked with it. */
export interface ProspectToPrice {
  urn: string;
  name: string;
  phase: Phase;
  pupils: number | null;
  category: string;
  type: string;
  status: string;
  facts: SchoolFeeFacts;
}

interface FactRow {
  membership_id: string;
  school_id: string;
  urn: string;
  sixth_form: boolean | null;
  opened_on: string | null;
  trust: string | null;
  federation: string | null;
  diocese: string | null;
  district: string | null;
  fee_facts: SchoolFeeFactOverrides | null;
  /** The partnership's area from governance's member details (seat rules use it too). */
  detail_area?: string | null;
}

const FACT_COLUMNS = `m.id AS membership_id, s.id AS school_id, s.urn, s.sixth_form, to_char(s.opened_on, 'YYYY-MM-DD') AS opened_on, s.trust, s.federation,
  s.diocese, s.district, m.fee_facts,
  (SELECT d.area FROM member_school_details d WHERE d.tenant_id = m.tenant_id AND d.school_id = m.school_id) AS detail_area`;

const registerOf = (r: FactRow): RegisterFeeFacts => ({ sixthForm: r.sixth_form, openedOn: r.opened_on, trust: r.trust, federation: r.federation, diocese: r.diocese, district: r.district });

const recordOf = (r: FactRow): SchoolFeeFactsRecord => ({
  membershipId: r.membership_id,
  schoolId: r.school_id,
  urn: r.urn,
  register: registerOf(r),
  overrides: r.fee_facts,
  facts: schoolFeeFacts(registerOf(r), r.fee_facts, [r.detail_area ?? null]),
});

/**
 * The facts fee rules use (issue 13): the register's columns on `schools` and the partnership's
 * overrides on `memberships.fee_facts`. Read by the preview, the quote and billing alike, so a
 * school is priced from the same facts everywhere.
 */
export class SchoolFeeFactsRepository extends UnitOfWorkRepository {
  /** Every school on the partnership's list, by URN. */
  async forTenant(tenantId: string): Promise<Map<string, SchoolFeeFactsRecord>> {
    const rows = await this.rows<FactRow>(`SELECT ${FACT_COLUMNS} FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1`, [tenantId]);
    return new Map(rows.map((r) => [r.urn, recordOf(r)]));
  }

  /** One membership's facts, or null when the partnership has no such membership. */
  async forMembership(tenantId: string, membershipId: string): Promise<SchoolFeeFactsRecord | null> {
    const row = await this.one<FactRow>(`SELECT ${FACT_COLUMNS} FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND m.id = $2`, [tenantId, membershipId]);
    return row && recordOf(row);
  }

  /** One school's facts for a partnership: its record over the register's when the school is on the list, else the register's. */
  async forSchool(tenantId: string, schoolId: string): Promise<SchoolFeeFacts> {
    const row = await this.one<FactRow>(
      `SELECT m.id AS membership_id, s.id AS school_id, s.urn, s.sixth_form, to_char(s.opened_on, 'YYYY-MM-DD') AS opened_on, s.trust, s.federation,
              s.diocese, s.district, m.fee_facts,
              (SELECT d.area FROM member_school_details d WHERE d.tenant_id = $1 AND d.school_id = s.id) AS detail_area
         FROM schools s LEFT JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1 WHERE s.id = $2`,
      [tenantId, schoolId],
    );
    return row ? recordOf(row).facts : {};
  }

  /** The register's facts for a school that is on no list. */
  async registerFacts(schoolId: string): Promise<SchoolFeeFacts> {
    const row = await this.one<FactRow>(
      `SELECT NULL AS membership_id, s.id AS school_id, s.urn, s.sixth_form, to_char(s.opened_on, 'YYYY-MM-DD') AS opened_on, s.trust, s.federation,
              s.diocese, s.district, NULL::jsonb AS fee_facts FROM schools s WHERE s.id = $1`,
      [schoolId],
    );
    return row ? recordOf(row).facts : {};
  }

  /** Replaces the partnership's record for one membership ({} clears it, leaving the register's word). */
  async setOverrides(tenantId: string, membershipId: string, overrides: SchoolFeeFactOverrides): Promise<boolean> {
    const value = Object.keys(overrides).length === 0 ? null : JSON.stringify(overrides);
    return (await this.execute(`UPDATE memberships SET fee_facts = $3::jsonb, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, membershipId, value])) > 0;
  }

  /** Schools on the list not yet members: prospects, invited and applied. */
  async prospectsToPrice(tenantId: string): Promise<ProspectToPrice[]> {
    const rows = await this.rows<FactRow & { name: string; phase: Phase; pupils: number | null; category: string; type: string; status: string }>(
      `SELECT ${FACT_COLUMNS}, s.name, s.phase, s.pupils, m.category, s.type, m.status
         FROM memberships m JOIN schools s ON s.id = m.school_id
        WHERE m.tenant_id = $1 AND m.status IN ('prospect', 'invited', 'applied') ORDER BY s.name, s.urn`,
      [tenantId],
    );
    return rows.map((r) => ({ urn: r.urn, name: r.name, phase: r.phase, pupils: r.pupils, category: r.category, type: r.type, status: r.status, facts: recordOf(r).facts }));
  }
}
