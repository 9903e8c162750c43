import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';

export interface FeedOwner {
  feedId: string;
  tenantId: string | null;
  userId: string | null;
  bodyId: string | null;
}

/**
 * Secret calendar feeds (`calendar_feeds`). A person's feed has no tenant (it lists meetings of
 * every partnership where they sit), so it is read and written in the person's own context.
 */
export class CalendarFeedRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager) {
    super(em);
  }

  /** Whose feed a token's hash opens (owner-run function: it answers nothing else). */
  async byTokenHash(tokenHash: string): Promise<FeedOwner | null> {
    return this.one<FeedOwner>(`SELECT feed_id AS "feedId", tenant_id AS "tenantId", user_id AS "userId", body_id AS "bodyId" FROM calendar_feed_by_token($1)`, [tokenHash]);
  }

  /** The person's live feed's id, if any. */
  async personFeed(userId: string): Promise<{ id: string } | null> {
    return this.one<{ id: string }>(`SELECT id FROM calendar_feeds WHERE tenant_id IS NULL AND user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** A new live feed for the person; false when one already exists (a concurrent request made it). */
  async createPersonFeed(userId: string, tokenHash: string, id: string): Promise<boolean> {
    return (
      (await this.execute(
        `INSERT INTO calendar_feeds (id, user_id, token_hash) VALUES ($3, $1, $2) ON CONFLICT (user_id) WHERE revoked_at IS NULL AND user_id IS NOT NULL DO NOTHING RETURNING id`,
        [userId, tokenHash, id],
      )) > 0
    );
  }

  async revokePersonFeed(userId: string): Promise<number> {
    return this.execute(`UPDATE calendar_feeds SET revoked_at = now() WHERE tenant_id IS NULL AND user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId]);
  }

  /** Body feeds live in the body's tenant. */
  async createBodyFeed(tenantId: string, bodyId: string, tokenHash: string, id: string): Promise<void> {
    await this.execute(`UPDATE calendar_feeds SET revoked_at = now() WHERE tenant_id = $1 AND body_id = $2 AND revoked_at IS NULL RETURNING id`, [tenantId, bodyId]);
    await this.execute(`INSERT INTO calendar_feeds (id, tenant_id, body_id, token_hash) VALUES ($4, $1, $2, $3) RETURNING id`, [tenantId, bodyId, tokenHash, id]);
  }

  async revokeBodyFeed(tenantId: string, bodyId: string): Promise<number> {
    return this.execute(`UPDATE calendar_feeds SET revoked_at = now() WHERE tenant_id = $1 AND body_id = $2 AND revoked_at IS NULL RETURNING id`, [tenantId, bodyId]);
  }

  async userName(userId: string): Promise<string | null> {
    return (await this.one<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [userId]))?.name ?? null;
  }

  async tenant(tenantId: string): Promise<{ id: string; slug: string; name: string } | null> {
    return this.one(`SELECT id, slug, name FROM tenants WHERE id = $1 AND status = 'active'`, [tenantId]);
  }

  /** Schools where the person is the headteacher (for their school's representation). */
  headedSchools(userId: string): Promise<{ id: string; urn: string; name: string }[]> {
    return this.rows(`SELECT s.id, s.urn, s.name FROM school_roles r JOIN schools s ON s.id = r.school_id WHERE r.user_id = $1 AND r.role = 'headteacher' ORDER BY s.name`, [userId]);
  }

  /** Active partnerships these schools are members of (the school's people may read their own memberships). */
  tenantsOfSchools(schoolIds: string[]): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(
      `SELECT DISTINCT t.id, t.slug, t.name FROM memberships m JOIN tenants t ON t.id = m.tenant_id
       WHERE m.school_id = ANY($1::uuid[]) AND m.status IN ('active', 'notice-given') AND t.status = 'active' ORDER BY t.name`,
      [schoolIds],
    );
  }

  /** The active partnership with this slug when the person belongs to it: a role there, or a role at one of its member schools. */
  async partnershipOfMember(userId: string, slug: string): Promise<{ id: string; slug: string; name: string } | null> {
    return this.one(
      `SELECT t.id, t.slug, t.name FROM tenants t WHERE t.slug = $2 AND t.status = 'active' AND (
         EXISTS (SELECT 1 FROM tenant_roles r WHERE r.tenant_id = t.id AND r.user_id = $1)
         OR EXISTS (SELECT 1 FROM memberships m JOIN school_roles sr ON sr.school_id = m.school_id
                    WHERE m.tenant_id = t.id AND sr.user_id = $1 AND m.status IN ('active', 'notice-given')))`,
      [userId, slug],
    );
  }

  /** Partnerships where the person holds a seat or office now, or takes notes (owner-run function). */
  async tenantsOf(userId: string): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(`SELECT t.id, t.slug, t.name FROM governance_user_tenants($1) g JOIN tenants t ON t.id = g.tenant_id WHERE t.status = 'active' ORDER BY t.name`, [userId]);
  }
}
