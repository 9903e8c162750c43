import { UnitOfWorkRepository } from '@partnerships/db';

export interface StripeAccount {
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}

export interface StripeAccountFlags {
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}

interface StripeAccountRow {
  account_id: string;
  charges_enabled: boolean;
  details_submitted: boolean;
  payouts_enabled: boolean;
}

/** A partnership's Stripe Connect account (`stripe_accounts`, one per tenant). */
export class StripeAccountRepository extends UnitOfWorkRepository {
  async find(tenantId: string): Promise<StripeAccount | null> {
    const account = await this.one<StripeAccountRow>(`SELECT * FROM stripe_accounts WHERE tenant_id = $1`, [tenantId]);
    return account
      ? { accountId: account.account_id, chargesEnabled: account.charges_enabled, detailsSubmitted: account.details_submitted, payoutsEnabled: account.payouts_enabled }
      : null;
  }

  /** The account's id, or null before the partnership connects. */
  async accountId(tenantId: string): Promise<string | null> {
    const existing = await this.one<{ account_id: string }>(`SELECT account_id FROM stripe_accounts WHERE tenant_id = $1`, [tenantId]);
    return existing?.account_id ?? null;
  }

  /** The account and whether it may take payments (a school paying). */
  async forCharges(tenantId: string): Promise<{ accountId: string; chargesEnabled: boolean } | null> {
    const account = await this.one<{ account_id: string; charges_enabled: boolean }>(`SELECT account_id, charges_enabled FROM stripe_accounts WHERE tenant_id = $1`, [tenantId]);
    return account ? { accountId: account.account_id, chargesEnabled: account.charges_enabled } : null;
  }

  /** Serialises connecting, for the rest of the transaction (one account per partnership). */
  async lockConnect(tenantId: string): Promise<void> {
    await this.rows(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stripe-connect:${tenantId}`]);
  }

  async create(tenantId: string, accountId: string, flags: StripeAccountFlags, createdBy: string): Promise<void> {
    await this.execute(`INSERT INTO stripe_accounts (tenant_id, account_id, charges_enabled, details_submitted, payouts_enabled, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      tenantId,
      accountId,
      flags.chargesEnabled,
      flags.detailsSubmitted,
      flags.payoutsEnabled,
      createdBy,
    ]);
  }

  /** Saves the tenant's account state as Stripe has it (written only when it changed). */
  async updateFlags(tenantId: string, flags: StripeAccountFlags): Promise<void> {
    await this.execute(
      `UPDATE stripe_accounts SET charges_enabled = $2, details_submitted = $3, payouts_enabled = $4, updated_at = now()
             WHERE tenant_id = $1 AND (charges_enabled, details_submitted, payouts_enabled) IS DISTINCT FROM ($2, $3, $4)`,
      [tenantId, flags.chargesEnabled, flags.detailsSubmitted, flags.payoutsEnabled],
    );
  }

  /** Saves a named account's state (from its `account.updated` event); false when nothing changed. */
  async updateFlagsOf(tenantId: string, accountId: string, flags: StripeAccountFlags): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE stripe_accounts SET charges_enabled = $3, details_submitted = $4, payouts_enabled = $5, updated_at = now()
     WHERE tenant_id = $1 AND account_id = $2 AND (charges_enabled, details_submitted, payouts_enabled) IS DISTINCT FROM ($3, $4, $5)`,
      [tenantId, accountId, flags.chargesEnabled, flags.detailsSubmitted, flags.payoutsEnabled],
    );
    return changed > 0;
  }

  /** Whose connected account this is (an owner-run function: the platform's unit of work cannot read the rows). */
  async tenantOfAccount(accountId: string): Promise<string | null> {
    const row = await this.one<{ tenant_id: string | null }>(`SELECT stripe_account_tenant($1) AS tenant_id`, [accountId]);
    return row?.tenant_id ?? null;
  }
}
