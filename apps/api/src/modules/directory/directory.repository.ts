import { PAGE_TOTAL, type PagedRows, type PageWindow, type TenantProfile, UnitOfWorkRepository } from '@partnerships/db';

/** A directory entry as stored (the logo itself is served on its own address). */
export interface DirectoryEntryRow {
  slug: string;
  name: string;
  areas: string[];
  description: string | null;
  brandColour: string | null;
  hasLogo: boolean;
  inNationalAssociation: boolean;
}

/** A partnership's public page, before its categories and fees are added. */
export interface PublicTenantRow extends TenantProfile {
  id: string;
}

/** A current membership category, as the public page describes it. */
export interface PublicCategoryRow {
  code: string;
  name: string;
  description: string | null;
  votingRights: boolean;
  includes: string[];
}

/** What anyone may see: listed, active partnerships only. Unlisted and suspended ones are never found. */
const VISIBLE = `listed AND status = 'active'`;
const SEARCH = `${VISIBLE} AND ($1::text IS NULL OR name ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(areas) a WHERE a ILIKE $1))`;

/** Read model of the public directory and public pages. `pattern` is a LIKE pattern for a name or an area, or null for all. */
export class DirectoryRepository extends UnitOfWorkRepository {
  /** By name. */
  page(pattern: string | null, page: PageWindow): Promise<PagedRows<DirectoryEntryRow>> {
    return this.pageRows<DirectoryEntryRow>(
      `SELECT ${PAGE_TOTAL}, slug, name, areas, description, brand_colour AS "brandColour", logo_data_url IS NOT NULL AS "hasLogo",
                in_national_association AS "inNationalAssociation"
         FROM tenants WHERE ${SEARCH} ORDER BY name, slug`,
      [pattern],
      page,
    );
  }

  findVisibleBySlug(slug: string): Promise<PublicTenantRow | null> {
    return this.one<PublicTenantRow>(
      `SELECT id, slug, name, description, areas, legal_form AS "legalForm", contact_email AS "contactEmail", contact_phone AS "contactPhone",
                website, in_national_association AS "inNationalAssociation", brand_colour AS "brandColour", logo_data_url AS "logoDataUrl"
         FROM tenants WHERE slug = $1 AND ${VISIBLE}`,
      [slug],
    );
  }

  /**
   * The one check every public route makes: the partnership at this slug if anyone may see it
   * (listed and active), else null, which the route answers with 404. No logo, no contacts.
   */
  async findVisibleTenant(slug: string): Promise<{ id: string; slug: string; name: string; areas: string[] } | null> {
    const row = await this.one<{ id: string; slug: string; name: string; areas: string[] | null }>(`SELECT id, slug, name, areas FROM tenants WHERE slug = $1 AND ${VISIBLE}`, [slug]);
    return row ? { ...row, areas: row.areas ?? [] } : null;
  }

  /** The logo's data URL, or null (none, or the partnership is not visible). */
  async visibleLogo(slug: string): Promise<string | null> {
    const row = await this.one<{ logo_data_url: string | null }>(`SELECT logo_data_url FROM tenants WHERE slug = $1 AND ${VISIBLE}`, [slug]);
    return row?.logo_data_url ?? null;
  }

  /** Read inside the partnership's unit of work. */
  currentCategories(tenantId: string): Promise<PublicCategoryRow[]> {
    return this.rows<PublicCategoryRow>(
      `SELECT code, name, description, voting_rights AS "votingRights", includes FROM membership_categories
         WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY position, name`,
      [tenantId],
    );
  }
}
