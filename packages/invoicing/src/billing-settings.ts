import type { EntityManager } from '@partnerships/db';
import { BillingSettingsRepository } from './repositories/billing-settings.repository';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import type { BankDetails, BillingSettings } from './billing-settings.model';

export * from './billing-settings.model';

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
