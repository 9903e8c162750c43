import type { SchoolRole, TenantRole } from '@partnerships/domain';
import { UnitOfWorkRepository } from '../repository';

/** A person as every feature sees them: who they are, never their password. */
export interface AccountUser {
  id: string;
  email: string;
  name: string;
  isPlatformOperator: boolean;
}

/** A person with their password hash, for the few places that check a password. */
export interface AccountWithPassword extends AccountUser {
  passwordHash: string | null;
}

/** An account as sign-up finds it (row-locked): verified or with a password means it is already someone's. */
export interface SignupAccount {
  id: string;
  name: string;
  hasPassword: boolean;
  verified: boolean;
}

/** One of the user's roles in a partnership or at a school. */
export interface TenantGrant {
  tenantId: string;
  role: TenantRole;
}
export interface SchoolGrant {
  schoolId: string;
  role: SchoolRole;
}

/** A partnership or school the user acts for, with their roles there (for "my account"). */
export interface TenantMembershipOfUser {
  slug: string;
  name: string;
  roles: TenantRole[];
}
export interface SchoolOfUser {
  urn: string;
  name: string;
  roles: SchoolRole[];
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  is_platform_operator: boolean;
}

const toUser = (row: UserRow): AccountUser => ({ id: row.id, email: row.email, name: row.name, isPlatformOperator: row.is_platform_operator });

/**
 * Users (platform-level: global, not tenant-owned) and what they may act for. The user-creation
 * step of accepting an invitation, partnership or school alike, is `createVerified`.
 */
export class UserRepository extends UnitOfWorkRepository {
  async findById(id: string): Promise<AccountUser | null> {
    const row = await this.one<UserRow>(`SELECT id, email, name, is_platform_operator FROM users WHERE id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  /** E-mail addresses are stored lower-case: pass a normalised one. */
  async findByEmailWithPassword(email: string): Promise<AccountWithPassword | null> {
    const row = await this.one<UserRow & { password_hash: string | null }>(
      `SELECT id, email, name, is_platform_operator, password_hash FROM users WHERE email = $1`,
      [email],
    );
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async hasAccount(email: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM users WHERE email = $1`, [email])) !== null;
  }

  async isEmailVerified(id: string): Promise<boolean> {
    const row = await this.one<{ email_verified_at: Date | null }>(`SELECT email_verified_at FROM users WHERE id = $1`, [id]);
    return Boolean(row?.email_verified_at);
  }

  /** A new account whose address is proven (it came from an e-mailed link) and whose password is already hashed. */
  async createVerified(account: { email: string; name: string; passwordHash: string }): Promise<AccountUser> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`,
      [account.email, account.name, account.passwordHash],
    );
    return { id: row!.id, email: account.email, name: account.name, isPlatformOperator: false };
  }

  /**
   * Sign-up: the address's account, made (unverified, without a password) when there is none,
   * and locked for the rest of the unit of work.
   */
  async claimForSignup(email: string, name: string): Promise<SignupAccount> {
    await this.execute(`INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [email, name]);
    const row = await this.one<{ id: string; name: string; password_hash: string | null; email_verified_at: Date | null }>(
      `SELECT id, name, password_hash, email_verified_at FROM users WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return { id: row!.id, name: row!.name, hasPassword: Boolean(row!.password_hash), verified: Boolean(row!.email_verified_at) };
  }

  /** The address is proven: the password and name chosen at sign-up become the account's. */
  async markVerified(id: string, passwordHash: string, name: string): Promise<void> {
    await this.execute(`UPDATE users SET email_verified_at = now(), password_hash = $2, name = $3 WHERE id = $1`, [id, passwordHash, name]);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.execute(`UPDATE users SET password_hash = $1 WHERE id = $2`, [passwordHash, id]);
  }

  /** From here on this unit of work acts as the user: row-level security and the audit trigger see them. */
  async actAs(id: string): Promise<void> {
    await this.execute(`SELECT set_config('app.user_id', $1, true)`, [id]);
  }

  /** Every role the user holds, in partnerships and at schools: what their ability is built from. */
  tenantGrants(id: string): Promise<TenantGrant[]> {
    return this.rows<TenantGrant>(`SELECT tenant_id AS "tenantId", role FROM tenant_roles WHERE user_id = $1`, [id]);
  }

  schoolGrants(id: string): Promise<SchoolGrant[]> {
    return this.rows<SchoolGrant>(`SELECT school_id AS "schoolId", role FROM school_roles WHERE user_id = $1`, [id]);
  }

  /** The partnerships the user has a role in, by name. */
  partnershipsOf(id: string): Promise<TenantMembershipOfUser[]> {
    return this.rows<TenantMembershipOfUser>(
      `SELECT t.slug, t.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM tenant_roles r JOIN tenants t ON t.id = r.tenant_id
         WHERE r.user_id = $1 GROUP BY t.slug, t.name ORDER BY t.name`,
      [id],
    );
  }

  /** The schools the user acts for, by name. */
  schoolsOf(id: string): Promise<SchoolOfUser[]> {
    return this.rows<SchoolOfUser>(
      `SELECT s.urn, s.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM school_roles r JOIN schools s ON s.id = r.school_id
         WHERE r.user_id = $1 GROUP BY s.urn, s.name ORDER BY s.name`,
      [id],
    );
  }
}
