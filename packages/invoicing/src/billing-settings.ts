import { DEFAULT_INVOICE_PREFIX, DEFAULT_PAYMENT_TERMS_DAYS, DEFAULT_REMINDER_OFFSETS, UK_STANDARD_VAT_BASIS_POINTS, type VatSettings } from '@partnerships/domain';
import type { EntityManager } from '@partnerships/db';
import { BillingSettingsRepository } from './repositories/billing-settings.repository';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';

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
export function loadBillingSettings(em: EntityManager, tenantId: string): Promise<BillingSettings> {
  return new BillingSettingsRepository(em).find(tenantId);
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
  const tenant = await new BillingSourcesRepository(em).partnership(tenantId);
  return {
    name: tenant.name,
    email: settings.financeEmail ?? tenant.contactEmail ?? null,
    website: tenant.website ?? null,
    vatNumber: settings.vat.registered ? (settings.vat.number ?? null) : null,
    bank: settings.bank,
    note: settings.invoiceNote,
  };
}
