import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { notFound } from '../../common/app-error';
import { offsetOf, pageOf } from '../../common/pagination.dto';
import type { DirectoryPageDto, DirectoryQueryDto, PublicTenantDto } from './directory.dto';

/** What anyone may see: listed, active partnerships only. Unlisted and suspended ones answer 404. */
const VISIBLE = `listed AND status = 'active'`;
const logoUrl = (slug: string, hasLogo: boolean) => (hasLogo ? `/api/v1/public/tenants/${slug}/logo` : null);

@Injectable()
export class DirectoryService {
  constructor(private readonly db: Database) {}

  async directory(query: DirectoryQueryDto): Promise<DirectoryPageDto> {
    const q = query.q ? `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    return this.db.asPlatform({}, async (em) => {
      const where = `${VISIBLE} AND ($1::text IS NULL OR name ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(areas) a WHERE a ILIKE $1))`;
      const rows = await em.query(
        `SELECT slug, name, areas, description, brand_colour AS "brandColour", logo_data_url IS NOT NULL AS "hasLogo",
                in_national_association AS "inNationalAssociation"
         FROM tenants WHERE ${where} ORDER BY name, slug LIMIT $2 OFFSET $3`,
        [q, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM tenants WHERE ${where}`, [q]);
      const items = rows.map(({ hasLogo, ...row }: { hasLogo: boolean; slug: string }) => ({ ...row, logoUrl: logoUrl(row.slug, hasLogo) }));
      return pageOf(items, query, total);
    });
  }

  async publicPage(slug: string): Promise<PublicTenantDto> {
    const [tenant] = await this.db.asPlatform({}, (em) =>
      em.query(
        `SELECT id, slug, name, description, areas, legal_form AS "legalForm", contact_email AS "contactEmail", contact_phone AS "contactPhone",
                website, in_national_association AS "inNationalAssociation", brand_colour AS "brandColour", logo_data_url AS "logoDataUrl"
         FROM tenants WHERE slug = $1 AND ${VISIBLE}`,
        [slug],
      ),
    );
    if (!tenant) throw notFound('partnership');
    const { id, ...page } = tenant;
    const { feesPublished, categories } = await this.db.inTenant(id, {}, async (em) => {
      const [{ published }] = await em.query(`SELECT EXISTS (SELECT 1 FROM fee_schedules WHERE tenant_id = $1 AND status = 'published') AS published`, [id]);
      const rows = await em.query(
        `SELECT code, name, description, voting_rights AS "votingRights", includes FROM membership_categories
         WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY position, name`,
        [id],
      );
      return { feesPublished: published as boolean, categories: rows };
    });
    return { ...page, logoUrl: logoUrl(page.slug, Boolean(page.logoDataUrl)), feesPublished, categories };
  }

  /** The logo as an image, for <img src>; the data URL was checked (type, size, no scripts) when saved. */
  async logo(slug: string): Promise<{ type: string; bytes: Buffer }> {
    const [row] = await this.db.asPlatform({}, (em) => em.query(`SELECT logo_data_url FROM tenants WHERE slug = $1 AND ${VISIBLE}`, [slug]));
    const match = row?.logo_data_url ? /^data:([^;]+);base64,(.*)$/.exec(row.logo_data_url) : null;
    if (!match) throw notFound('logo');
    return { type: match[1]!, bytes: Buffer.from(match[2]!, 'base64') };
  }
}
