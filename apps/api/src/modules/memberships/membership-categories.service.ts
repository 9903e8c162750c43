import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { MEMBERSHIP_CATEGORY_TEMPLATES, type MembershipCategoryTemplateName } from '@partnerships/domain';
import { conflict, notFound } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import { isUuid } from '../../common/ids';
import type { CategoryDto, CategoryListQueryDto, CreateCategoryDto, FromTemplateDto, UpdateCategoryDto } from './membership-categories.dto';

const SELECT = `SELECT c.id, c.code, c.name, c.description, c.eligible_phases AS "eligiblePhases", c.eligible_types AS "eligibleTypes",
    c.eligible_local_authorities AS "eligibleLocalAuthorities", c.voting_rights AS "votingRights", c.fees_apply AS "feesApply", c.includes, c.position,
    c.archived_at AS "archivedAt",
    (SELECT count(*)::int FROM memberships m WHERE m.tenant_id = c.tenant_id AND m.category = c.code) AS schools
  FROM membership_categories c`;

const toDto = (row: Record<string, unknown>): CategoryDto => ({ ...(row as unknown as CategoryDto), archivedAt: row.archivedAt ? (row.archivedAt as Date).toISOString() : null });

/** Membership categories: configured per partnership, archived rather than deleted (memberships keep their code). */
@Injectable()
export class MembershipCategoriesService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext, query: CategoryListQueryDto) {
    const rows = await inTenant(this.db, ctx, (em) =>
      em.query(`${SELECT} WHERE c.tenant_id = $1 AND ($2 OR c.archived_at IS NULL) ORDER BY c.archived_at IS NOT NULL, c.position, c.name`, [ctx.tenant.id, query.includeArchived === true]),
    );
    return { items: rows.map(toDto) };
  }

  async create(ctx: TenantContext, dto: CreateCategoryDto): Promise<CategoryDto> {
    return inTenant(this.db, ctx, async (em) => {
      const [taken] = await em.query(`SELECT 1 FROM membership_categories WHERE tenant_id = $1 AND code = $2`, [ctx.tenant.id, dto.code]);
      if (taken) throw conflict(`There is already a category with the code "${dto.code}".`, 'code');
      const [{ next }] = await em.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM membership_categories WHERE tenant_id = $1`, [ctx.tenant.id]);
      const [{ id }] = await em.query(
        `INSERT INTO membership_categories (tenant_id, code, name, description, eligible_phases, eligible_types, eligible_local_authorities, voting_rights, fees_apply, includes, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [ctx.tenant.id, dto.code, dto.name.trim(), dto.description?.trim() || null, dto.eligiblePhases ?? [], dto.eligibleTypes ?? [], dto.eligibleLocalAuthorities ?? [],
          dto.votingRights ?? false, dto.feesApply ?? true, dto.includes ?? [], dto.position ?? next],
      );
      return this.one(em, ctx.tenant.id, id);
    });
  }

  async fromTemplate(ctx: TenantContext, dto: FromTemplateDto): Promise<CategoryDto> {
    const template = MEMBERSHIP_CATEGORY_TEMPLATES[dto.template as MembershipCategoryTemplateName];
    return this.create(ctx, { ...template, eligiblePhases: [...template.eligiblePhases] });
  }

  async update(ctx: TenantContext, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    if (!isUuid(id)) throw notFound('category');
    return inTenant(this.db, ctx, async (em) => {
      const [[row]] = await em.query(
        `UPDATE membership_categories SET name = $3, description = $4, eligible_phases = coalesce($5, eligible_phases), eligible_types = coalesce($6, eligible_types),
           eligible_local_authorities = coalesce($7, eligible_local_authorities), voting_rights = coalesce($8, voting_rights), fees_apply = coalesce($9, fees_apply),
           includes = coalesce($10, includes), position = coalesce($11, position), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [ctx.tenant.id, id, dto.name.trim(), dto.description?.trim() || null, dto.eligiblePhases ?? null, dto.eligibleTypes ?? null, dto.eligibleLocalAuthorities ?? null,
          dto.votingRights ?? null, dto.feesApply ?? null, dto.includes ?? null, dto.position ?? null],
      );
      if (!row) throw notFound('category');
      return this.one(em, ctx.tenant.id, id);
    });
  }

  /** Archived categories are offered no more; schools that hold one keep it until moved. */
  async setArchived(ctx: TenantContext, id: string, archived: boolean): Promise<CategoryDto> {
    if (!isUuid(id)) throw notFound('category');
    return inTenant(this.db, ctx, async (em) => {
      const [[row]] = await em.query(
        `UPDATE membership_categories SET archived_at = CASE WHEN $3 THEN coalesce(archived_at, now()) END, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [ctx.tenant.id, id, archived],
      );
      if (!row) throw notFound('category');
      return this.one(em, ctx.tenant.id, id);
    });
  }

  private async one(em: EntityManager, tenantId: string, id: string): Promise<CategoryDto> {
    const [row] = await em.query(`${SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]);
    if (!row) throw notFound('category');
    return toDto(row);
  }
}
