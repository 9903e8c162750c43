import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { creditNoteAmounts, creditNoteProblem, financialYearStartMonthForType, formatPence, isValidIsoDate, londonToday, serviceLevelChange, settledStatus } from '@partnerships/domain';
import { InvoiceRepository, issueOneOffInvoice, loadBillingSettings, nextCreditNoteNumber } from '@partnerships/invoicing';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { ServiceLevelChangeDto, ServiceLevelHistoryDto, SetServiceLevelDto } from './offers.dto';
import { ServiceLevelRepository } from './service-level.repository';

/**
 * The service level (tier) a member chose. Billing runs charge it (the fee schedule's tier
 * prices). A change part-way through a published schedule's period is priced by the fee engine
 * for the rest of the period at both levels: more is invoiced once (`service-level:<membership>:<date>:<level>`),
 * less is credited on the member's invoice for the period.
 */
@Injectable()
export class ServiceLevelsService {
  constructor(private readonly db: Database) {}

  async history(ctx: TenantContext, membershipId: string): Promise<ServiceLevelHistoryDto> {
    if (!isUuid(membershipId)) throw notFound('membership');
    return inTenant(this.db, ctx, async (em) => {
      const levels = new ServiceLevelRepository(em);
      const membership = await levels.lockMembership(ctx.tenant.id, membershipId);
      if (!membership) throw notFound('membership');
      const changes = await levels.history(ctx.tenant.id, membershipId);
      return { serviceLevel: membership.serviceLevel, changes: changes.map((c) => ({ ...c, explanation: c.explanation ?? '', preview: false })) };
    });
  }

  async set(ctx: TenantContext, membershipId: string, dto: SetServiceLevelDto): Promise<ServiceLevelChangeDto> {
    if (!isUuid(membershipId)) throw notFound('membership');
    const fromDate = dto.fromDate ?? londonToday();
    if (!isValidIsoDate(fromDate)) throw invalid([{ field: 'fromDate', message: 'That is not a real date.' }]);
    const to = dto.serviceLevel ?? null;
    return inTenant(this.db, ctx, async (em) => {
      const levels = new ServiceLevelRepository(em);
      const membership = await levels.lockMembership(ctx.tenant.id, membershipId);
      if (!membership) throw notFound('membership');
      if (membership.serviceLevel === to) throw conflict('That is already the school’s service level.');
      const schedule = await levels.scheduleOn(ctx.tenant.id, fromDate);
      if (to !== null && schedule && !(schedule.document.tiers ?? []).some((t) => t.code === to)) {
        throw invalid([{ field: 'serviceLevel', message: `The fee schedule’s service levels are: ${(schedule.document.tiers ?? []).map((t) => t.code).join(', ') || 'none'}.` }]);
      }
      let adjustmentPence = 0;
      let explanation = 'No published fee schedule covers that date, so nothing is invoiced or credited.';
      if (schedule && membership.pupils !== null && ['active', 'notice-given'].includes(membership.status)) {
        const change = serviceLevelChange(
          schedule.document,
          { phase: membership.phase, pupils: membership.pupils, category: membership.category, schoolType: membership.type, financialYearStartMonth: financialYearStartMonthForType(membership.type) },
          membership.serviceLevel, to, fromDate,
        );
        adjustmentPence = change.adjustmentPence;
        explanation = change.sentence;
      }
      const result: ServiceLevelChangeDto = {
        membershipId, previousLevel: membership.serviceLevel, serviceLevel: to, fromDate, adjustmentPence, explanation, invoiceId: null, creditNoteId: null, preview: dto.preview === true,
      };
      if (dto.preview) return result;
      if (adjustmentPence > 0) {
        const issued = await issueOneOffInvoice(em, {
          tenantId: ctx.tenant.id, membershipId, lines: [{ description: `Service level change from ${fromDate}`, quantity: 1, unitPence: adjustmentPence }],
          reference: 'Service level change', idempotencyKey: `service-level:${membershipId}:${fromDate}:${to ?? 'none'}`, explanation, createdBy: ctx.user.id,
        });
        result.invoiceId = issued.id;
      } else if (adjustmentPence < 0 && schedule) {
        result.creditNoteId = await this.credit(em, ctx, membershipId, schedule.id, -adjustmentPence, explanation);
        if (!result.creditNoteId) result.explanation = `${explanation} There is no invoice for the period to credit yet, so the next billing run charges the new level.`;
      }
      await levels.setLevel(ctx.tenant.id, membershipId, to);
      await levels.recordChange(ctx.tenant.id, { ...result, explanation: result.explanation, changedBy: ctx.user.id });
      return result;
    });
  }

  /** A credit note on the member's invoice for the period, VAT in the invoice's own proportion, never more than is left. */
  private async credit(em: EntityManager, ctx: TenantContext, membershipId: string, scheduleId: string, netPence: number, reason: string): Promise<string | null> {
    const levels = new ServiceLevelRepository(em);
    const invoiceId = await levels.creditableInvoice(ctx.tenant.id, membershipId, scheduleId);
    if (!invoiceId) return null;
    const invoices = new InvoiceRepository(em);
    const row = await invoices.lockForUpdate(ctx.tenant.id, invoiceId);
    if (!row) return null;
    const invoice = { status: row.status, totalPence: row.total_pence, vatPence: row.vat_pence, creditedPence: row.amount_credited_pence };
    const gross = row.subtotal_pence === 0 ? netPence : Math.round((netPence * row.total_pence) / row.subtotal_pence);
    const total = Math.min(gross, invoice.totalPence - invoice.creditedPence);
    if (creditNoteProblem(invoice, total)) throw conflict(`The invoice cannot be credited ${formatPence(total)}.`);
    const amounts = creditNoteAmounts(invoice, total);
    const settings = await loadBillingSettings(em, ctx.tenant.id);
    const { sequence, number } = await nextCreditNoteNumber(em, ctx.tenant.id, settings.invoicePrefix);
    await invoices.insertCreditNote(ctx.tenant.id, {
      invoiceId, schoolId: row.school_id, number, sequence, reason: reason.slice(0, 500), subtotalPence: amounts.subtotalPence, vatPence: amounts.vatPence, totalPence: amounts.totalPence,
      issuedOn: londonToday(), createdBy: ctx.user.id,
    });
    const credited = invoice.creditedPence + total;
    await invoices.applyCredit(invoiceId, credited, settledStatus({ status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: credited }));
    return levels.latestCreditNoteOn(invoiceId);
  }
}
