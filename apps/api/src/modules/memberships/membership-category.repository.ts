import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { Phase } from '@partnerships/domain';

/** A category as the admin's settings list it, with how many schools hold it. */
export interface CategoryRecord {
  id: string;
  code: string;
  name: string;
  description: string | null;
  eligiblePhases: string[];
  eligibleTypes: string[];
  eligibleLocalAuthorities: string[];
  votingRights: boolean;
  feesApply: boolean;
  includes: string[];
  position: number;
  archivedAt: Date | null;
  schools: number;
}

/** What a member's page says about its category. */
export interface CategorySummary {
  code: string;
  name: string;
  description: string | null;
  votingRights: boolean;
  feesApply: boolean;
  includes: string[];
}

/** A category's eligibility rules, in the shape the domain's `categoryEligibility()` reads. */
export interface CategoryRules {
  code: string;
  name: string;
  eligiblePhases: Phase[];
  eligibleTypes: string[];
  eligibleLocalAuthorities: string[];
}

/** The editable fields; on update, null leaves a field as it is (name and description are always written). */
export interface CategoryFields {
  name: string;
  description: string | null;
  eligiblePhases: string[] | null;
  eligibleTypes: string[] | null;
  eligibleLocalAuthorities: string[] | null;
  votingRights: boolean | null;
  feesApply: boolean | null;
  includes: string[] | null;
  position: number | null;
}

/** A new category's fields, every one given. */
export type NewCategoryFields = { [K in Exclude<keyof CategoryFields, 'description'>]: NonNullable<CategoryFields[K]> } & { description: string | null };

const SELECT = `SELECT c.id, c.code, c.name, c.description, c.eligible_phases AS "eligiblePhases", c.eligible_types AS "eligibleTypes",
    c.eligible_local_authorities AS "eligibleLocalAuthorities", c.voting_rights AS "votingRights", c.fees_apply AS "feesApply", c.includes, c.position,
    c.archived_at AS "archivedAt",
    (SELECT count(*)::int FROM memberships m WHERE m.tenant_id = c.tenant_id AND m.category = c.code) AS schools
  FROM membership_categories c`;

interface RulesRow {
  code: string;
  name: string;
  eligible_phases: Phase[];
  eligible_types: string[];
  eligible_local_authorities: string[];
}

const toRules = (row: RulesRow): CategoryRules => ({
  code: row.code,
  name: row.name,
  eligiblePhases: row.eligible_phases,
  eligibleTypes: row.eligible_types,
  eligibleLocalAuthorities: row.eligible_local_authorities,
});

/** One partnership's membership categories (`membership_categories`): archived, never deleted, since memberships keep their code. */
export class MembershipCategoryRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('MembershipCategoryRepository needs a tenant');
  }

  /** Current categories by position and name, then (when asked) archived ones. */
  list(includeArchived: boolean): Promise<CategoryRecord[]> {
    return this.rows<CategoryRecord>(`${SELECT} WHERE c.tenant_id = $1 AND ($2 OR c.archived_at IS NULL) ORDER BY c.archived_at IS NOT NULL, c.position, c.name`, [
      this.tenantId,
      includeArchived,
    ]);
  }

  findById(id: string): Promise<CategoryRecord | null> {
    return this.one<CategoryRecord>(`${SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [this.tenantId, id]);
  }

  /** The category with this code, archived or not. */
  findSummary(code: string): Promise<CategorySummary | null> {
    return this.one<CategorySummary>(
      `SELECT code, name, description, voting_rights AS "votingRights", fees_apply AS "feesApply", includes FROM membership_categories WHERE tenant_id = $1 AND code = $2`,
      [this.tenantId, code],
    );
  }

  /** The current (not archived) category with this code. */
  async findCurrentRules(code: string): Promise<CategoryRules | null> {
    const row = await this.one<RulesRow>(
      `SELECT code, name, eligible_phases, eligible_types, eligible_local_authorities FROM membership_categories WHERE tenant_id = $1 AND code = $2 AND archived_at IS NULL`,
      [this.tenantId, code],
    );
    return row ? toRules(row) : null;
  }

  /** Every current category, by position then name (the first a school is eligible for is its default). */
  async listCurrentRules(): Promise<CategoryRules[]> {
    const rows = await this.rows<RulesRow>(
      `SELECT code, name, eligible_phases, eligible_types, eligible_local_authorities FROM membership_categories
         WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY position, name`,
      [this.tenantId],
    );
    return rows.map(toRules);
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM membership_categories WHERE tenant_id = $1 AND code = $2`, [this.tenantId, code])) !== null;
  }

  /** The position after the last one. */
  async nextPosition(): Promise<number> {
    const row = await this.one<{ next: number }>(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM membership_categories WHERE tenant_id = $1`, [this.tenantId]);
    return row?.next ?? 0;
  }

  /** A new category; returns its id. */
  async create(code: string, fields: NewCategoryFields): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO membership_categories (tenant_id, code, name, description, eligible_phases, eligible_types, eligible_local_authorities, voting_rights, fees_apply, includes, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [this.tenantId, code, fields.name, fields.description, fields.eligiblePhases, fields.eligibleTypes, fields.eligibleLocalAuthorities,
        fields.votingRights, fields.feesApply, fields.includes, fields.position],
    );
    return row!.id;
  }

  /** Changes a category; false when there is none with this id. */
  async update(id: string, fields: CategoryFields): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE membership_categories SET name = $3, description = $4, eligible_phases = coalesce($5, eligible_phases), eligible_types = coalesce($6, eligible_types),
           eligible_local_authorities = coalesce($7, eligible_local_authorities), voting_rights = coalesce($8, voting_rights), fees_apply = coalesce($9, fees_apply),
           includes = coalesce($10, includes), position = coalesce($11, position), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [this.tenantId, id, fields.name, fields.description, fields.eligiblePhases, fields.eligibleTypes, fields.eligibleLocalAuthorities,
        fields.votingRights, fields.feesApply, fields.includes, fields.position],
    );
    return changed > 0;
  }

  /** Archives (keeping the first archiving time) or restores a category; false when there is none with this id. */
  async setArchived(id: string, archived: boolean): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE membership_categories SET archived_at = CASE WHEN $3 THEN coalesce(archived_at, now()) END, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [this.tenantId, id, archived],
    );
    return changed > 0;
  }
}
