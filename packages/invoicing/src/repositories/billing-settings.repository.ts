import { UnitOfWorkRepository } from '@partnerships/db';
import { type BillingSettings, DEFAULT_BILLING_SETTINGS } from '../billing-settings.model';

interface BillingSettingsRow {
  vat_registered: boolean;
  vat_rate_bps: number;
  vat_number: string | null;
  payment_terms_days: number;
  reminders_enabled: boolean;
  reminder_offsets: number[];
  invoice_prefix: string;
  bank_account_name: string | null;
  bank_sort_code: string | null;
  bank_account_number: string | null;
  finance_email: string | null;
  invoice_note: string | null;
  updated_at: Date;
}

/** The columns saved, as the settings service has checked them. */
export interface BillingSettingsValues {
  vatRegistered: boolean;
  vatNumber: string | null;
  vatRateBasisPoints: number;
  paymentTermsDays: number;
  remindersEnabled: boolean;
  reminderOffsets: number[];
  invoicePrefix: string;
  bankAccountName: string | null;
  bankSortCode: string | null;
  bankAccountNumber: string | null;
  financeEmail: string | null;
  invoiceNote: string | null;
}

/** A partnership's billing settings (`billing_settings`, one row per tenant, absent until first saved). */
export class BillingSettingsRepository extends UnitOfWorkRepository {
  /** The settings, or the defaults until the partnership saves its own. */
  async find(tenantId: string): Promise<BillingSettings> {
    const row = await this.one<BillingSettingsRow>(`SELECT * FROM billing_settings WHERE tenant_id = $1`, [tenantId]);
    if (!row) return { ...DEFAULT_BILLING_SETTINGS, reminderOffsets: [...DEFAULT_BILLING_SETTINGS.reminderOffsets] };
    return {
      vat: { registered: row.vat_registered, rateBasisPoints: row.vat_rate_bps, number: row.vat_number ?? null },
      paymentTermsDays: row.payment_terms_days,
      remindersEnabled: row.reminders_enabled,
      reminderOffsets: row.reminder_offsets,
      invoicePrefix: row.invoice_prefix,
      bank: row.bank_account_name && row.bank_sort_code && row.bank_account_number ? { accountName: row.bank_account_name, sortCode: row.bank_sort_code, accountNumber: row.bank_account_number } : null,
      financeEmail: row.finance_email ?? null,
      invoiceNote: row.invoice_note ?? null,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Saves every column (insert or update), recording who did. */
  async save(tenantId: string, v: BillingSettingsValues, userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO billing_settings (tenant_id, vat_registered, vat_number, vat_rate_bps, payment_terms_days, reminders_enabled, reminder_offsets, invoice_prefix,
           bank_account_name, bank_sort_code, bank_account_number, finance_email, invoice_note, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
         ON CONFLICT (tenant_id) DO UPDATE SET vat_registered = EXCLUDED.vat_registered, vat_number = EXCLUDED.vat_number, vat_rate_bps = EXCLUDED.vat_rate_bps,
           payment_terms_days = EXCLUDED.payment_terms_days, reminders_enabled = EXCLUDED.reminders_enabled, reminder_offsets = EXCLUDED.reminder_offsets,
           invoice_prefix = EXCLUDED.invoice_prefix, bank_account_name = EXCLUDED.bank_account_name, bank_sort_code = EXCLUDED.bank_sort_code,
           bank_account_number = EXCLUDED.bank_account_number, finance_email = EXCLUDED.finance_email, invoice_note = EXCLUDED.invoice_note,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        tenantId, v.vatRegistered, v.vatNumber, v.vatRateBasisPoints, v.paymentTermsDays, v.remindersEnabled, v.reminderOffsets, v.invoicePrefix,
        v.bankAccountName, v.bankSortCode, v.bankAccountNumber, v.financeEmail, v.invoiceNote, userId,
      ],
    );
  }
}
