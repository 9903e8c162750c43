import type { EntityManager } from '@partnerships/db';
import { DEFAULT_INVOICE_PREFIX, DEFAULT_PAYMENT_TERMS_DAYS, DEFAULT_REMINDER_OFFSETS, UK_STANDARD_VAT_BASIS_POINTS, type VatSettings } from '@partnerships/domain';

export interface BankDetails {
  accountName: string;
  sortCode: string;
  accountNumber: string;
}

export interface BillingSettings {
  vat: VatSettings;
  paymentTermsDays: number;
  remindersEnabled: boolean;
  reminderOffsets: number[];
  invoicePrefix: string;
  bank: BankDetails | null;
  financeEmail: string | null;
  invoiceNote: string | null;
  updatedAt: string | null;
}

/** What a partnership has not set yet: not VAT-registered, 30 days, reminders a week before, on the day, a week and a month late. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  vat: { registered: false, rateBasisPoints: UK_STANDARD_VAT_BASIS_POINTS, number: null },
  paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
  remindersEnabled: true,
  reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
  invoicePrefix: DEFAULT_INVOICE_PREFIX,
  bank: null,
  financeEmail: null,
  invoiceNote: null,
  updatedAt: null,
};

/** The partnership's billing settings (defaults until it saves its own). Runs in the tenant's unit of work. */
export async function loadBillingSettings(em: EntityManager, tenantId: string): Promise<BillingSettings> {
  const [row] = await em.query(`SELECT * FROM billing_settings WHERE tenant_id = $1`, [tenantId]);
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
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

/** Who issues the invoice, as printed on it: kept on each invoice so a later change of name or bank does not rewrite history. */
export interface Seller {
  name: string;
  email: string | null;
  website: string | null;
  vatNumber: string | null;
  bank: BankDetails | null;
  note: string | null;
}

export async function loadSeller(em: EntityManager, tenantId: string, settings: BillingSettings): Promise<Seller> {
  const [tenant] = await em.query(`SELECT name, contact_email, website FROM tenants WHERE id = $1`, [tenantId]);
  return {
    name: tenant.name,
    email: settings.financeEmail ?? tenant.contact_email ?? null,
    website: tenant.website ?? null,
    vatNumber: settings.vat.registered ? (settings.vat.number ?? null) : null,
    bank: settings.bank,
    note: settings.invoiceNote,
  };
}
