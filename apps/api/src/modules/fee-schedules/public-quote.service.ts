import { Injectable } from '@nestjs/common';
import { Database, SchoolFeeFactsRepository, SchoolRegisterRepository, TenantRepository } from '@partnerships/db';
import { choosePupilFigure, enteredPupilFigure, FEE_CENSUS_MONTH, type SchoolFeeFacts, feeCensusOf, financialYearStartMonthForType, formatUkDate, type Phase, type PupilFigure, londonToday, quoteFee } from '@partnerships/domain';
import { AppError, invalid, notFound } from '../../common/app-error';
import { AttemptLimiter } from '../../common/attempt-limiter';
import { likePattern } from '../../common/sql-text';
import { DirectoryRepository } from '../directory/directory.repository';
import { MembershipRepository } from '../memberships/membership.repository';
import { PupilCountRepository } from '../memberships/pupil-count.repository';
import { FeeScheduleRepository } from './fee-schedule.repository';
import type { PublicSchoolListDto, PublicSchoolSearchQueryDto, QuoteDto, QuoteQueryDto } from './fee-schedules.dto';

/** A school looking itself up types a few searches; 120 in ten minutes per address leaves room for a school office and stops scraping. */
export const schoolSearchLimiter = () => new AttemptLimiter(120, 10 * 60 * 1000, 'school searches');

/**
 * Who a quote is for. `public`: anyone, through the calculator; only a partnership the directory
 * shows (listed and active) is quoted for, as its public page (`DirectoryRepository.findVisibleTenant`).
 * `invited`: a school the partnership has a membership record for (the caller has checked it), listed or not; active only.
 */
export type QuoteAudience = 'public' | 'invited';

/** The public calculator: what a (prospective) school would pay, and why, under the schedule in force. */
@Injectable()
export class PublicQuoteService {
  private readonly searches = schoolSearchLimiter();

  constructor(private readonly db: Database) {}

  /**
   * The calculator's register search, for people who are not signed in: open schools by name
   * or URN, the partnership's own areas first, and only what a school needs to recognise
   * itself (no contacts, no addresses).
   */
  async searchSchools(slug: string, ip: string, query: PublicSchoolSearchQueryDto): Promise<PublicSchoolListDto> {
    this.searches.attempt([{ key: `ip:${ip}`, limit: 1 }]);
    const q = query.q.trim();
    if (q.length < 2) throw invalid([{ field: 'q', message: 'Enter at least 2 letters of your school’s name, or its URN' }]);
    return this.db.asPlatform({}, async (em) => {
      const tenant = await new DirectoryRepository(em).findVisibleTenant(slug);
      if (!tenant) throw notFound('partnership');
      const items = await new SchoolRegisterRepository(em).searchForCalculator(q, likePattern(q)!, tenant.areas.map((a) => a.toLowerCase()));
      return { items };
    });
  }

  async quote(slug: string, query: QuoteQueryDto, audience: QuoteAudience): Promise<QuoteDto> {
    const missing = [];
    if (!query.urn && !query.phase) missing.push({ field: 'phase', message: 'Choose a phase, or pick your school from the register (urn)' });
    if (!query.urn && query.pupils === undefined) missing.push({ field: 'pupils', message: 'Enter the number of pupils on roll, or pick your school (urn)' });
    if (missing.length) throw invalid(missing);

    const found = await this.db.asPlatform({}, async (em) => {
      const tenant = audience === 'public' ? await new DirectoryRepository(em).findVisibleTenant(slug) : await new TenantRepository(em).findActiveBySlug(slug);
      const school = query.urn ? await new SchoolRegisterRepository(em).findForQuote(query.urn) : null;
      return { tenant, school };
    });
    if (!found.tenant) throw notFound('partnership');
    if (query.urn && !found.school) throw invalid([{ field: 'urn', message: `There is no school with URN ${query.urn} in the register` }]);

    const date = query.date ?? londonToday();
    const tenant = found.tenant;
    const { schedule, category, figure, facts } = await this.db.inTenant(tenant.id, {}, async (em) => {
      const schedule = await new FeeScheduleRepository(em, tenant.id).findInForceOn(date);
      const category = found.school ? await new MembershipRepository(em, tenant.id).categoryOfSchool(found.school.id) : null;
      // The pupil number billing would use: the partnership's approved census figure, else the register's (one rule, `choosePupilFigure`).
      let figure: PupilFigure | null = null;
      if (found.school) {
        const feeCensus = await new TenantRepository(em).feeCensus(tenant.id);
        const approved = await new PupilCountRepository(em, tenant.id).approvedFigure(found.school.id, FEE_CENSUS_MONTH[feeCensusOf(feeCensus)]);
        figure = choosePupilFigure({ feeCensus, approved: approved ? [approved] : [], registerPupils: found.school.pupils });
      }
      // Sixth form, opening date, trusts, diocese and area, as the preview and billing read them.
      const facts: SchoolFeeFacts = found.school ? await new SchoolFeeFactsRepository(em).forSchool(tenant.id, found.school.id) : {};
      return { schedule, category: category ?? undefined, figure, facts };
    });
    if (!schedule) throw new AppError('no_published_schedule', 404, `${found.tenant.name} has not published its fees yet.`);

    const document = schedule.document;
    const phase = (query.phase ?? found.school?.phase) as Phase;
    const pupilFigure: PupilFigure = query.pupils !== undefined || !figure ? enteredPupilFigure(query.pupils ?? 0) : figure;
    const pupils = pupilFigure.pupils ?? 0;
    // The school's own financial year, by the same rule billing uses (maintained April–March, academies September–August).
    const school = {
      phase,
      pupils,
      category: query.category ?? category,
      tier: query.tier,
      schoolType: found.school?.type,
      financialYearStartMonth: financialYearStartMonthForType(found.school?.type),
      ...facts,
    };
    const quote = quoteFee(document, school);
    return {
      totalPence: quote.totalPence,
      lines: quote.lines,
      explanation: quote.explanation,
      instalments: quote.instalments,
      ...(quote.liabilityGuaranteePence !== undefined ? { liabilityGuaranteePence: quote.liabilityGuaranteePence } : {}),
      ...(document.liabilityGuarantee ? { liabilityGuaranteeNote: document.liabilityGuarantee.note } : {}),
      schedule: {
        id: schedule.id,
        version: schedule.version,
        name: document.name,
        period: document.period,
        coversDate: schedule.coversDate,
        rounding: document.rounding,
        ...(schedule.coversDate ? {} : { note: `No published schedule covers ${formatUkDate(date)}; this quote uses the latest published one, for ${document.period.label}.` }),
      },
      school: { phase, pupils, pupilFigure, ...(found.school ? { urn: found.school.urn, name: found.school.name } : {}), ...(school.category ? { category: school.category } : {}) },
    };
  }
}
