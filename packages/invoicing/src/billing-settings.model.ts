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
