import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { type FeeSchedule, type Phase, londonToday, quoteFee } from '@partnerships/domain';
import { AppError, invalid, notFound } from '../../common/app-error';
import { AttemptLimiter } from '../../common/attempt-limiter';
import type { PublicSchoolListDto, PublicSchoolSearchQueryDto, QuoteDto, QuoteQueryDto } from './fee-schedules.dto';

/** A school looking itself up types a few searches; 120 in ten minutes per address leaves room for a school office and stops scraping. */
export const schoolSearchLimiter = () => new AttemptLimiter(120, 10 * 60 * 1000, 'school searches');

/** Today as a calendar date in England. */

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
      const [tenant] = await em.query(`SELECT areas FROM tenants WHERE slug = $1 AND status = 'active'`, [slug]);
      if (!tenant) throw notFound('partnership');
      const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const items = await em.query(
        `SELECT urn, name, phase, local_authority AS "localAuthority", pupils FROM schools
         WHERE status <> 'closed' AND (urn = $1 OR name ILIKE $2)
         ORDER BY urn = $1 DESC, lower(local_authority) = ANY($3::text[]) DESC, name, urn LIMIT 20`,
        [q, pattern, ((tenant.areas ?? []) as string[]).map((a) => a.toLowerCase())],
      );
      return { items };
    });
  }

  async quote(slug: string, query: QuoteQueryDto): Promise<QuoteDto> {
    const missing = [];
    if (!query.urn && !query.phase) missing.push({ field: 'phase', message: 'Choose a phase, or pick your school from the register (urn)' });
    if (!query.urn && query.pupils === undefined) missing.push({ field: 'pupils', message: 'Enter the number of pupils on roll, or pick your school (urn)' });
    if (missing.length) throw invalid(missing);

    const found = await this.db.asPlatform({}, async (em) => {
      const [tenant] = await em.query(`SELECT id, name FROM tenants WHERE slug = $1 AND status = 'active'`, [slug]);
      const [school] = query.urn ? await em.query(`SELECT id, urn, name, phase, pupils, type FROM schools WHERE urn = $1`, [query.urn]) : [];
      return { tenant, school };
    });
    if (!found.tenant) throw notFound('partnership');
    if (query.urn && !found.school) throw invalid([{ field: 'urn', message: `There is no school with URN ${query.urn} in the register` }]);

    const date = query.date ?? londonToday();
    const { schedule, category } = await this.db.inTenant(found.tenant.id, {}, async (em) => {
      const [covering] = await em.query(
        `SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_start <= $2 AND period_end >= $2
         ORDER BY version DESC LIMIT 1`,
        [found.tenant.id, date],
      );
      const [latest] = covering
        ? [covering]
        : await em.query(`SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_end DESC, version DESC LIMIT 1`, [found.tenant.id]);
      const [membership] = found.school ? await em.query(`SELECT category FROM memberships WHERE tenant_id = $1 AND school_id = $2`, [found.tenant.id, found.school.id]) : [];
      return { schedule: latest ? { ...latest, coversDate: Boolean(covering) } : null, category: membership?.category as string | undefined };
    });
    if (!schedule) throw new AppError('no_published_schedule', 404, `${found.tenant.name} has not published its fees yet.`);

    const document = schedule.document as FeeSchedule;
    const phase = (query.phase ?? found.school?.phase) as Phase;
    const pupils = query.pupils ?? found.school?.pupils ?? 0;
    const school = { phase, pupils, category: query.category ?? category, tier: query.tier, schoolType: found.school?.type };
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
        ...(schedule.coversDate ? {} : { note: `No published schedule covers ${date}; this quote uses the latest published one, for ${document.period.label}.` }),
      },
      school: { phase, pupils, ...(found.school ? { urn: found.school.urn, name: found.school.name } : {}), ...(school.category ? { category: school.category } : {}) },
    };
  }
}
