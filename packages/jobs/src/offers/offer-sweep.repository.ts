import { UnitOfWorkRepository } from '@partnerships/db';

/** Which partnerships the offers sweep visits (platform-level read through an owner-run function). */
export class OfferSweepRepository extends UnitOfWorkRepository {
  /** Active partnerships; each is then read in its own unit of work, where row-level security applies. */
  async tenantsWithOpenWindows(): Promise<{ tenantId: string; slug: string; name: string }[]> {
    const rows = await this.rows<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM tenants WHERE status = 'active' ORDER BY slug`);
    return rows.map((r) => ({ tenantId: r.id, slug: r.slug, name: r.name }));
  }
}
