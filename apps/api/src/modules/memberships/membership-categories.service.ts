import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { MEMBERSHIP_CATEGORY_TEMPLATES, type MembershipCategoryTemplateName } from '@partnerships/domain';
import { conflict, notFound } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import { isUuid } from '../../common/ids';
import type { CategoryDto, CategoryListQueryDto, CreateCategoryDto, FromTemplateDto, UpdateCategoryDto } from './membership-categories.dto';
import { type CategoryRecord, MembershipCategoryRepository } from './membership-category.repository';

const toDto = (row: CategoryRecord): CategoryDto => ({ ...row, archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null });

/** Membership categories: configured per partnership, archived rather than deleted (memberships keep their code). */
@Injectable()
export class MembershipCategoriesService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext, query: CategoryListQueryDto) {
    const rows = await inTenant(this.db, ctx, (em) => new MembershipCategoryRepository(em, ctx.tenant.id).list(query.includeArchived === true));
    return { items: rows.map(toDto) };
  }

  async create(ctx: TenantContext, dto: CreateCategoryDto): Promise<CategoryDto> {
    return inTenant(this.db, ctx, async (em) => {
      const categories = new MembershipCategoryRepository(em, ctx.tenant.id);
      if (await categories.codeTaken(dto.code)) throw conflict(`There is already a category with the code "${dto.code}".`, 'code');
      const next = await categories.nextPosition();
      const id = await categories.create(dto.code, {
        name: dto.name.trim(),
        description: dto.description?.trim() || null,
        eligiblePhases: dto.eligiblePhases ?? [],
        eligibleTypes: dto.eligibleTypes ?? [],
        eligibleLocalAuthorities: dto.eligibleLocalAuthorities ?? [],
        votingRights: dto.votingRights ?? false,
        feesApply: dto.feesApply ?? true,
        includes: dto.includes ?? [],
        position: dto.position ?? next,
      });
      return this.one(categories, id);
    });
  }

  async fromTemplate(ctx: TenantContext, dto: FromTemplateDto): Promise<CategoryDto> {
    const template = MEMBERSHIP_CATEGORY_TEMPLATES[dto.template as MembershipCategoryTemplateName];
    return this.create(ctx, { ...template, eligiblePhases: [...template.eligiblePhases] });
  }

  async update(ctx: TenantContext, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    if (!isUuid(id)) throw notFound('category');
    return inTenant(this.db, ctx, async (em) => {
      const categories = new MembershipCategoryRepository(em, ctx.tenant.id);
      const found = await categories.update(id, {
        name: dto.name.trim(),
        description: dto.description?.trim() || null,
        eligiblePhases: dto.eligiblePhases ?? null,
        eligibleTypes: dto.eligibleTypes ?? null,
        eligibleLocalAuthorities: dto.eligibleLocalAuthorities ?? null,
        votingRights: dto.votingRights ?? null,
        feesApply: dto.feesApply ?? null,
        includes: dto.includes ?? null,
        position: dto.position ?? null,
      });
      if (!found) throw notFound('category');
      return this.one(categories, id);
    });
  }

  /** Archived categories are offered no more; schools that hold one keep it until moved. */
  async setArchived(ctx: TenantContext, id: string, archived: boolean): Promise<CategoryDto> {
    if (!isUuid(id)) throw notFound('category');
    return inTenant(this.db, ctx, async (em) => {
      const categories = new MembershipCategoryRepository(em, ctx.tenant.id);
      if (!(await categories.setArchived(id, archived))) throw notFound('category');
      return this.one(categories, id);
    });
  }

  private async one(categories: MembershipCategoryRepository, id: string): Promise<CategoryDto> {
    const row = await categories.findById(id);
    if (!row) throw notFound('category');
    return toDto(row);
  }
}
