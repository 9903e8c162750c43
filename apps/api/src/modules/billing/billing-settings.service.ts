import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { formatInvoiceNumber, invoicePrefixProblem, normaliseVatNumber, reminderOffsetsProblem, vatSettingsProblems } from '@partnerships/domain';
import { loadBillingSettings } from '@partnerships/jobs';
import { invalid } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { BillingSettingsDto, UpdateBillingSettingsDto } from './billing.dto';

/** A partnership's billing settings: VAT, payment terms, reminders, invoice numbers and bank details. */
@Injectable()
export class BillingSettingsService {
  constructor(private readonly db: Database) {}

  get(ctx: TenantContext): Promise<BillingSettingsDto> {
    return inTenant(this.db, ctx, (em) => this.read(em, ctx.tenant.id));
  }

  private async read(em: EntityManager, tenantId: string): Promise<BillingSettingsDto> {
    const settings = await loadBillingSettings(em, tenantId);
    const [counter] = await em.query(`SELECT last_number FROM billing_counters WHERE tenant_id = $1 AND series = 'invoice'`, [tenantId]);
    return {
      vatRegistered: settings.vat.registered,
      vatNumber: settings.vat.number ?? null,
      vatRateBasisPoints: settings.vat.rateBasisPoints,
      paymentTermsDays: settings.paymentTermsDays,
      remindersEnabled: settings.remindersEnabled,
      reminderOffsets: settings.reminderOffsets,
      invoicePrefix: settings.invoicePrefix,
      nextInvoiceNumber: formatInvoiceNumber(settings.invoicePrefix, (counter?.last_number ?? 0) + 1),
      bankAccountName: settings.bank?.accountName ?? null,
      bankSortCode: settings.bank?.sortCode ?? null,
      bankAccountNumber: settings.bank?.accountNumber ?? null,
      financeEmail: settings.financeEmail,
      invoiceNote: settings.invoiceNote,
      updatedAt: settings.updatedAt,
    };
  }

  /** Saves what was sent (the rest stays); every problem is reported at once. Issued invoices keep what they were issued with. */
  update(ctx: TenantContext, dto: UpdateBillingSettingsDto): Promise<BillingSettingsDto> {
    return inTenant(this.db, ctx, async (em) => {
      const current = await this.read(em, ctx.tenant.id);
      const next = { ...current };
      for (const [key, value] of Object.entries(dto)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
      if (typeof next.vatNumber === 'string') next.vatNumber = normaliseVatNumber(next.vatNumber) || null;
      if (typeof next.bankSortCode === 'string') next.bankSortCode = next.bankSortCode.replace(/^(\d{2})-?(\d{2})-?(\d{2})$/, '$1-$2-$3');
      if (typeof next.invoicePrefix === 'string') next.invoicePrefix = next.invoicePrefix.trim().toUpperCase();
      const problems = vatSettingsProblems({ registered: next.vatRegistered, rateBasisPoints: next.vatRateBasisPoints, number: next.vatNumber });
      const prefixProblem = invoicePrefixProblem(next.invoicePrefix);
      if (prefixProblem) problems.push({ field: 'invoicePrefix', message: prefixProblem });
      const offsetsProblem = reminderOffsetsProblem(next.reminderOffsets);
      if (offsetsProblem) problems.push({ field: 'reminderOffsets', message: offsetsProblem });
      const bank = [next.bankAccountName, next.bankSortCode, next.bankAccountNumber];
      if (bank.some((v) => v) && !bank.every((v) => v)) problems.push({ field: 'bankAccountName', message: 'Give the account name, sort code and account number together (or none of them).' });
      if (problems.length) throw invalid(problems);
      await em.query(
        `INSERT INTO billing_settings (tenant_id, vat_registered, vat_number, vat_rate_bps, payment_terms_days, reminders_enabled, reminder_offsets, invoice_prefix,
           bank_account_name, bank_sort_code, bank_account_number, finance_email, invoice_note, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
         ON CONFLICT (tenant_id) DO UPDATE SET vat_registered = EXCLUDED.vat_registered, vat_number = EXCLUDED.vat_number, vat_rate_bps = EXCLUDED.vat_rate_bps,
           payment_terms_days = EXCLUDED.payment_terms_days, reminders_enabled = EXCLUDED.reminders_enabled, reminder_offsets = EXCLUDED.reminder_offsets,
           invoice_prefix = EXCLUDED.invoice_prefix, bank_account_name = EXCLUDED.bank_account_name, bank_sort_code = EXCLUDED.bank_sort_code,
           bank_account_number = EXCLUDED.bank_account_number, finance_email = EXCLUDED.finance_email, invoice_note = EXCLUDED.invoice_note,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          ctx.tenant.id, next.vatRegistered, next.vatRegistered ? next.vatNumber : next.vatNumber || null, next.vatRateBasisPoints, next.paymentTermsDays, next.remindersEnabled,
          [...new Set(next.reminderOffsets)].sort((a, b) => a - b), next.invoicePrefix, next.bankAccountName?.trim() || null, next.bankSortCode || null,
          next.bankAccountNumber || null, next.financeEmail?.trim().toLowerCase() || null, next.invoiceNote?.trim() || null, ctx.user.id,
        ],
      );
      return this.read(em, ctx.tenant.id);
    });
  }
}
