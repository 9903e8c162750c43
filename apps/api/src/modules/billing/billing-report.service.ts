import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { inTenant, type TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import type { BillingReportDto, BillingReportQueryDto, BillingReportRowDto } from './billing.dto';

const GROUPS = {
  school: { key: 's.urn', label: 'max(s.name)', order: 'max(s.name), s.urn' },
  period: { key: 'i.period_label', label: 'i.period_label', order: 'min(i.period_start) DESC' },
  month: { key: `to_char(i.issued_on, 'YYYY-MM')`, label: `to_char(i.issued_on, 'YYYY-MM')`, order: '1' },
} as const;

/** Money reports: invoiced, paid, credited, outstanding and overdue, by school, billing period or month of issue. Void invoices are left out. */
@Injectable()
export class BillingReportService {
  constructor(private readonly db: Database) {}

  report(ctx: TenantContext, query: BillingReportQueryDto): Promise<BillingReportDto> {
    const groupBy = query.groupBy ?? 'school';
    const g = GROUPS[groupBy];
    const period = query.period?.trim() ? query.period.trim().toLowerCase().replace(/\s*[-‐‑‒–—―/]\s*/g, '-') : null;
    return inTenant(this.db, ctx, async (em) => {
      const rows = await em.query(
        `SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS invoices, sum(i.total_pence)::bigint AS invoiced, sum(i.amount_paid_pence)::bigint AS paid,
                sum(i.amount_credited_pence)::bigint AS credited,
                coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status IN ('open', 'uncollectible')), 0)::bigint AS outstanding,
                coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status = 'open' AND i.due_on < $2::date), 0)::bigint AS overdue
         FROM invoices i JOIN schools s ON s.id = i.school_id
         WHERE i.tenant_id = $1 AND i.status <> 'void' AND ($3::text IS NULL OR regexp_replace(lower(i.period_label), '\\s*[-‐‑‒–—―/]\\s*', '-', 'g') = $3)
         GROUP BY 1 ORDER BY ${g.order}`,
        [ctx.tenant.id, londonToday(), period],
      );
      const out: BillingReportRowDto[] = rows.map((r: Record<string, unknown>) => ({
        key: String(r.key),
        label: String(r.label),
        invoices: r.invoices as number,
        invoicedPence: Number(r.invoiced),
        paidPence: Number(r.paid),
        creditedPence: Number(r.credited),
        outstandingPence: Number(r.outstanding),
        overduePence: Number(r.overdue),
      }));
      const sum = (f: keyof BillingReportRowDto) => out.reduce((t, r) => t + (r[f] as number), 0);
      return {
        groupBy,
        rows: out,
        totals: { key: 'total', label: 'Total', invoices: sum('invoices'), invoicedPence: sum('invoicedPence'), paidPence: sum('paidPence'), creditedPence: sum('creditedPence'), outstandingPence: sum('outstandingPence'), overduePence: sum('overduePence') },
      };
    });
  }
}
