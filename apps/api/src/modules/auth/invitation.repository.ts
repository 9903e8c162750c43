import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';
import type { TenantRole } from '@partnerships/domain';

/** An invitation as its partnership's pages list it. */
export interface InvitationRow {
  id: string;
  email: string;
  role: TenantRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

/** An invitation being accepted (row-locked). */
export interface LockedInvitation {
  id: string;
  email: string;
  role: TenantRole;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** What an unused, unexpired invitation link is for. */
export interface InvitationPreview {
  email: string;
  role: TenantRole;
  tenant: { slug: string; name: string };
  accountExists: boolean;
}

const INVITATION_COLUMNS = `id, email, role, expires_at AS "expiresAt", accepted_at AS "acceptedAt", created_at AS "createdAt"`;

/** Invitations to join a partnership; the e-mailed link carries a token whose hash alone is stored. */
export class InvitationRepository extends UnitOfWorkRepository {
  /**
   * Whose invitation a token is, asked before any tenant is known (an owner-run function that
   * answers only that), so the rest can be read under that tenant's row-level security.
   */
  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const row = await this.one<{ tenant_id: string | null }>(`SELECT invitation_tenant_by_token($1) AS tenant_id`, [tokenHash]);
    return row?.tenant_id ?? null;
  }

  lockByToken(tokenHash: string): Promise<LockedInvitation | null> {
    return this.one<LockedInvitation>(
      `SELECT id, email, role, expires_at AS "expiresAt", accepted_at AS "acceptedAt" FROM invitations WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
  }

  async markAccepted(id: string): Promise<void> {
    await this.execute(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [id]);
  }

  async preview(tokenHash: string): Promise<InvitationPreview | null> {
    const row = await this.one<{ email: string; role: TenantRole; slug: string; name: string; account_exists: boolean }>(
      `SELECT i.email, i.role, t.slug, t.name, EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS account_exists
         FROM invitations i JOIN tenants t ON t.id = i.tenant_id
         WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()`,
      [tokenHash],
    );
    return row ? { email: row.email, role: row.role, tenant: { slug: row.slug, name: row.name }, accountExists: row.account_exists } : null;
  }

  async create(invitation: { tenantId: string; email: string; role: TenantRole; tokenHash: string; invitedBy: string; days: number }): Promise<InvitationRow> {
    const row = await this.one<InvitationRow>(
      `INSERT INTO invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
         RETURNING ${INVITATION_COLUMNS}`,
      [invitation.tenantId, invitation.email, invitation.role, invitation.tokenHash, invitation.invitedBy, invitation.days],
    );
    return row!;
  }

  /** Newest first, with how many there are. */
  listPage(tenantId: string, page: PageWindow): Promise<PagedRows<InvitationRow>> {
    return this.pageRows<InvitationRow>(`SELECT ${PAGE_TOTAL}, ${INVITATION_COLUMNS} FROM invitations WHERE tenant_id = $1 ORDER BY created_at DESC`, [tenantId], page);
  }

  /** How many invitations the partnership has sent (onboarding's checklist). */
  async count(tenantId: string): Promise<number> {
    const row = await this.one<{ total: number }>(`SELECT count(*)::int AS total FROM invitations WHERE tenant_id = $1`, [tenantId]);
    return row!.total;
  }
}
