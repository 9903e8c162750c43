import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { addDays, compareDates, isValidIsoDate, londonToday } from '@partnerships/domain';
import { invalid } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import { OfferReportRepository } from './offer-report.repository';
import type { OffersReportDto, ReportQueryDto } from './offers.dto';

const csvCell = (value: string | number) => {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const pounds = (pence: number) => (pence / 100).toFixed(2);

/** Take-up by offer and school, income by offer and month (JSON and CSV). */
@Injectable()
export class OfferReportsService {
  constructor(private readonly db: Database) {}

  async report(ctx: TenantContext, query: ReportQueryDto): Promise<OffersReportDto> {
    const to = query.to ?? londonToday();
    const from = query.from ?? addDays(to, -365);
    if (!isValidIsoDate(from)) throw invalid([{ field: 'from', message: 'That is not a real date.' }]);
    if (!isValidIsoDate(to) || compareDates(to, from) < 0) throw invalid([{ field: 'to', message: 'The end is a real date on or after the start.' }]);
    return inTenant(this.db, ctx, async (em) => {
      const reports = new OfferReportRepository(em);
      return { from, to, takeUp: await reports.takeUp(ctx.tenant.id, from, to), income: await reports.income(ctx.tenant.id, from, to) };
    });
  }

  async csv(ctx: TenantContext, query: ReportQueryDto & { report?: 'take-up' | 'income' }): Promise<string> {
    const data = await this.report(ctx, query);
    const rows: (string | number)[][] = (query.report ?? 'take-up') === 'take-up'
      ? [['Offer', 'Kind', 'URN', 'School', 'Quantity', 'Amount (£)'], ...data.takeUp.map((r) => [r.title, r.kind, r.urn, r.schoolName, r.quantity, pounds(r.amountPence)])]
      : [['Month', 'Offer', 'Income (£, before VAT)'], ...data.income.map((r) => [r.month, r.title, pounds(r.amountPence)])];
    return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }
}
