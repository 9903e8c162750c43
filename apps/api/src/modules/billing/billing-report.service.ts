import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { offsetOf } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import { academicYearOf, londonToday } from '@partnerships/domain';
import { type CurrentFeeRow, InvoiceRepository } from '@partnerships/invoicing';
import type { BillingOverviewDto, BillingOverviewQueryDto, BillingReportDto, BillingReportQueryDto, BillingReportRowDto, CurrentFeeDto } from './billing-report.dto';

export const currentFeeDto = (r: CurrentFeeRow): CurrentFeeDto => ({
  partnershipSlug: r.tenant_slug,
  partnershipName: r.tenant_name,
  periodLabel: r.period_label,
  feePence: Number(r.fee_pence),
  invoices: r.invoices,
});

/** Money reports: invoiced, paid, credited, outstanding and overdue, by school, billing period or month of issue. Void invoices are left out. */
@Injectable()
export class BillingReportService {
  constructor(private readonly db: Database) {}

  /**
   * Money at a glance for the current academic year (1 September to 31 August, invoices by date
   * of issue): invoiced, paid, outstanding, overdue and the platform's fees, in one statement;
   * with a URN, that school's figures and its current fee.
   */
  overview(ctx: TenantContext, query: BillingOverviewQueryDto): Promise<BillingOverviewDto> {
    const today = londonToday();
    const year = academicYearOf(today);
    const urn = query.urn ?? null;
    return inTenant(this.db, ctx, async (em) => {
      const invoices = new InvoiceRepository(em);
      const r = await invoices.overview(ctx.tenant.id, year.start, year.end, today, urn);
      const fee = urn ? ((await invoices.currentFees(urn))[0] ?? null) : undefined;
      return {
        year: { label: year.label, start: year.start, end: year.end, basis: 'academic' as const },
        invoices: r.invoices,
        invoicedPence: Number(r.invoiced),
        paidPence: Number(r.paid),
        creditedPence: Number(r.credited),
        outstandingPence: Number(r.outstanding),
        overduePence: Number(r.overdue),
        platformFeesPence: Number(r.platform_fees),
        ...(fee === undefined ? {} : { currentFee: fee ? currentFeeDto(fee) : null }),
      };
    });
  }

  report(ctx: TenantContext, query: BillingReportQueryDto): Promise<BillingReportDto> {
    const groupBy = query.groupBy ?? 'school';
    const period = query.period?.trim() ? query.period.trim().toLowerCase().replace(/\s*[-‐‑‒–—―/]\s*/g, '-') : null;
    return inTenant(this.db, ctx, async (em) => {
      const rows = await new InvoiceRepository(em).report(ctx.tenant.id, groupBy, londonToday(), period);
      const out: BillingReportRowDto[] = rows.map((r) => ({
        key: String(r.key),
        label: String(r.label),
        invoices: r.invoices,
        invoicedPence: Number(r.invoiced),
        paidPence: Number(r.paid),
        creditedPence: Number(r.credited),
        outstandingPence: Number(r.outstanding),
        overduePence: Number(r.overdue),
      }));
      const sum = (f: Exclude<keyof BillingReportRowDto, 'key' | 'label'>) => out.reduce((t, r) => t + r[f], 0);
      return {
        groupBy,
        // One page of rows (10,000 schools would be 1.5 MB); the totals are over every row.
        rows: out.slice(offsetOf(query), offsetOf(query) + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: out.length,
        totals: { key: 'total', label: 'Total', invoices: sum('invoices'), invoicedPence: sum('invoicedPence'), paidPence: sum('paidPence'), creditedPence: sum('creditedPence'), outstandingPence: sum('outstandingPence'), overduePence: sum('overduePence') },
      };
    });
  }
}
