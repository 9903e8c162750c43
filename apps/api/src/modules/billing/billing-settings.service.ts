import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { formatInvoiceNumber, invoicePrefixProblem, normaliseVatNumber, reminderOffsetsProblem, vatSettingsProblems } from '@partnerships/domain';
import { BillingCounterRepository, BillingSettingsRepository } from '@partnerships/invoicing';
import { invalid } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { BillingSettingsDto, UpdateBillingSettingsDto } from './billing-settings.dto';

/** A partnership's billing settings: VAT, payment terms, reminders, invoice numbers and bank details. */
@Injectable()
export class BillingSettingsService {
  constructor(private readonly db: Database) {}

  get(ctx: TenantContext): Promise<BillingSettingsDto> {
    return inTenant(this.db, ctx, (em) => this.read(em, ctx.tenant.id));
  }

  private async read(em: EntityManager, tenantId: string): Promise<BillingSettingsDto> {
    const settings = await new BillingSettingsRepository(em).find(tenantId);
    const lastNumber = await new BillingCounterRepository(em).lastInvoiceNumber(tenantId);
    return {
      vatRegistered: settings.vat.registered,
      vatNumber: settings.vat.number ?? null,
      vatRateBasisPoints: settings.vat.rateBasisPoints,
      paymentTermsDays: settings.paymentTermsDays,
      remindersEnabled: settings.remindersEnabled,
      reminderOffsets: settings.reminderOffsets,
      invoicePrefix: settings.invoicePrefix,
      nextInvoiceNumber: formatInvoiceNumber(settings.invoicePrefix, lastNumber + 1),
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
      await new BillingSettingsRepository(em).save(
        ctx.tenant.id,
        {
          vatRegistered: next.vatRegistered,
          vatNumber: next.vatRegistered ? next.vatNumber : next.vatNumber || null,
          vatRateBasisPoints: next.vatRateBasisPoints,
          paymentTermsDays: next.paymentTermsDays,
          remindersEnabled: next.remindersEnabled,
          reminderOffsets: [...new Set(next.reminderOffsets)].sort((a, b) => a - b),
          invoicePrefix: next.invoicePrefix,
          bankAccountName: next.bankAccountName?.trim() || null,
          bankSortCode: next.bankSortCode || null,
          bankAccountNumber: next.bankAccountNumber || null,
          financeEmail: next.financeEmail?.trim().toLowerCase() || null,
          invoiceNote: next.invoiceNote?.trim() || null,
        },
        ctx.user.id,
      );
      return this.read(em, ctx.tenant.id);
    });
  }
}
