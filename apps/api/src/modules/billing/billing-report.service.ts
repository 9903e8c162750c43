import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { inTenant, type TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import { InvoiceRepository } from '@partnerships/invoicing';
import type { BillingReportDto, BillingReportQueryDto, BillingReportRowDto } from './billing-report.dto';

/** Money reports: invoiced, paid, credited, outstanding and overdue, by school, billing period or month of issue. Void invoices are left out. */
@Injectable()
export class BillingReportService {
  constructor(private readonly db: Database) {}

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
        rows: out,
        totals: { key: 'total', label: 'Total', invoices: sum('invoices'), invoicedPence: sum('invoicedPence'), paidPence: sum('paidPence'), creditedPence: sum('creditedPence'), outstandingPence: sum('outstandingPence'), overduePence: sum('overduePence') },
      };
    });
  }
}
