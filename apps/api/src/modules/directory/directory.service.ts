import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { notFound } from '../../common/app-error';
import { readPage } from '../../common/pagination';
import { likePattern } from '../../common/sql-text';
import { FeeScheduleRepository } from '../fee-schedules/fee-schedule.repository';
import { DirectoryRepository } from './directory.repository';
import type { DirectoryPageDto, DirectoryQueryDto, PublicTenantDto } from './directory.dto';

/** What anyone may see: listed, active partnerships only (DirectoryRepository). Unlisted and suspended ones answer 404. */
const logoUrl = (slug: string, hasLogo: boolean) => (hasLogo ? `/api/v1/public/tenants/${slug}/logo` : null);

@Injectable()
export class DirectoryService {
  constructor(private readonly db: Database) {}

  async directory(query: DirectoryQueryDto): Promise<DirectoryPageDto> {
    const q = likePattern(query.q);
    return this.db.asPlatform({}, async (em) => {
      const directory = new DirectoryRepository(em);
      return readPage(query, (window) => directory.page(q, window), ({ hasLogo, ...row }) => ({ ...row, logoUrl: logoUrl(row.slug, hasLogo) }));
    });
  }

  async publicPage(slug: string): Promise<PublicTenantDto> {
    const tenant = await this.db.asPlatform({}, (em) => new DirectoryRepository(em).findVisibleBySlug(slug));
    if (!tenant) throw notFound('partnership');
    const { id, ...page } = tenant;
    const { feesPublished, categories } = await this.db.inTenant(id, {}, async (em) => {
      const feesPublished = await new FeeScheduleRepository(em, id).hasPublished();
      const categories = await new DirectoryRepository(em).currentCategories(id);
      return { feesPublished, categories };
    });
    return { ...page, logoUrl: logoUrl(page.slug, Boolean(page.logoDataUrl)), feesPublished, categories };
  }

  /** The logo as an image, for <img src>; the data URL was checked (type, size, no scripts) when saved. */
  async logo(slug: string): Promise<{ type: string; bytes: Buffer }> {
    const dataUrl = await this.db.asPlatform({}, (em) => new DirectoryRepository(em).visibleLogo(slug));
    const match = dataUrl ? /^data:([^;]+);base64,(.*)$/.exec(dataUrl) : null;
    if (!match) throw notFound('logo');
    return { type: match[1]!, bytes: Buffer.from(match[2]!, 'base64') };
  }
}
