import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { academicYearOf, buildAnnualReport, compareRound, londonToday, markdownToHtml, participationCsv, participationPicture, reportMarkdown } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/app-error';
import { offsetOf } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import { AnnualReportRepository } from './annual-report.repository';
import { ConcernRepository } from './concern.repository';
import { DataRoundRepository } from './data-round.repository';
import { DataSetRepository } from './data-set.repository';
import { NOT_TAKING_PART_NAMED, type AnnualReportInputDto, type ParticipationDto, type ParticipationQueryDto } from './improvement.dto';
import { ParticipationRepository } from './participation.repository';
import { SupportRepository } from './support.repository';

const span = (year: number) => ({ from: `${year}-09-01`, to: `${year + 1}-09-01` });
const yearOf = (value: string) => (/^\d{4}$/.test(value) ? Number(value) : null);

/** The annual report on the quality of education (generate, edit, export) and participation per school. */
@Injectable()
export class AnnualReportsService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ items: await new AnnualReportRepository(em, ctx.tenant.id).list() }));
  }

  async get(ctx: TenantContext, year: string) {
    return inTenant(this.db, ctx, async (em) => this.find(em, ctx, year));
  }

  /** Assembles the report from the year's records as a draft; a final report is never overwritten. */
  async generate(ctx: TenantContext, year: number) {
    return inTenant(this.db, ctx, async (em) => {
      const reports = new AnnualReportRepository(em, ctx.tenant.id);
      const existing = await reports.find(year, true);
      if (existing?.status === 'final') throw new AppError('transition_refused', 409, 'The report for that year is final: set it back to draft to generate it again.');
      const { title, document } = await this.assemble(em, ctx.tenant.id, year);
      await reports.saveGenerated(year, title, document, ctx.user.id);
      return (await reports.find(year))!;
    });
  }

  /** Builds the document (exported for the benchmark's timing). */
  async assemble(em: EntityManager, tenantId: string, year: number): Promise<{ title: string; document: string }> {
    const reports = new AnnualReportRepository(em, tenantId);
    const rounds = new DataRoundRepository(em, tenantId);
    const sets = new DataSetRepository(em, tenantId);
    const { from, to } = span(year);
    const [name, reviewFigures, support, concerns, participation, latest] = await Promise.all([
      reports.tenantName(), reports.reviewFigures(year), new SupportRepository(em, tenantId).yearFigures(from, to),
      new ConcernRepository(em, tenantId).countsByStatus(), new ParticipationRepository(em, tenantId).forYear(from, to, year), rounds.latestPerBody(year),
    ]);
    const compared = [];
    for (const round of latest) {
      const [set, subs, marks] = await Promise.all([sets.findById(round.dataSetId), rounds.submissions(round.id), rounds.benchmarks(round.id)]);
      compared.push({ name: `${round.bodyName}: ${round.name}`, comparisons: compareRound(set!.indicators, subs.map((s) => ({ schoolId: s.school.id, schoolName: s.school.name, values: s.values })), marks) });
    }
    const sections = buildAnnualReport({
      partnershipName: name, academicYearStart: year, schools: participation.length, rounds: compared, reviews: reviewFigures, support, concerns,
      participation: participationPicture(participation),
    });
    const title = `The quality of education across ${name}'s schools, ${year} to ${year + 1}`;
    return { title, document: reportMarkdown(title, sections) };
  }

  async update(ctx: TenantContext, year: string, dto: AnnualReportInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const found = await this.find(em, ctx, year, true);
      if (found.status === 'final' && dto.document !== undefined && dto.status !== 'draft') throw new AppError('transition_refused', 409, 'The report is final: set it back to draft to edit it.');
      await new AnnualReportRepository(em, ctx.tenant.id).update(found.academicYearStart, { title: dto.title?.trim(), document: dto.document, status: dto.status }, ctx.user.id);
      return this.find(em, ctx, year);
    });
  }

  async export(ctx: TenantContext, year: string, format: 'md' | 'html'): Promise<{ body: string; contentType: string; filename: string }> {
    const report = await this.get(ctx, year);
    const filename = `${ctx.tenant.slug}-annual-report-${report.academicYearStart}`;
    if (format === 'html') {
      const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${report.title.replace(/[<&>"]/g, '')}</title></head><body>${markdownToHtml(report.document)}</body></html>`;
      return { body: html, contentType: 'text/html; charset=utf-8', filename: `${filename}.html` };
    }
    return { body: report.document, contentType: 'text/markdown; charset=utf-8', filename: `${filename}.md` };
  }

  async participation(ctx: TenantContext, year?: number) {
    const y = year ?? academicYearOf(londonToday()).startYear;
    return inTenant(this.db, ctx, async (em) => {
      const { from, to } = span(y);
      const items = await new ParticipationRepository(em, ctx.tenant.id).forYear(from, to, y);
      return { academicYearStart: y, items, picture: participationPicture(items) };
    });
  }

  /**
   * One page of the schools (10,000 of them would be 2.5 MB), the picture over them all, and the
   * first few schools not taking part by name with how many there are (the CSV has every school).
   */
  async participationPage(ctx: TenantContext, query: ParticipationQueryDto): Promise<ParticipationDto> {
    const { academicYearStart, items, picture } = await this.participation(ctx, query.year);
    const start = offsetOf(query);
    return {
      academicYearStart,
      items: items.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: items.length,
      picture: { ...picture, notTakingPart: picture.notTakingPart.slice(0, NOT_TAKING_PART_NAMED), notTakingPartCount: picture.notTakingPart.length },
    };
  }

  async participationCsv(ctx: TenantContext, year?: number): Promise<string> {
    const { items } = await this.participation(ctx, year);
    return `\uFEFF${participationCsv(items)}`;
  }

  private async find(em: EntityManager, ctx: TenantContext, year: string, lock = false) {
    const y = yearOf(year);
    const found = y === null ? null : await new AnnualReportRepository(em, ctx.tenant.id).find(y, lock);
    if (!found) throw notFound('annual report');
    return found;
  }
}
