import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import {
  academicYearOf,
  comparisonChart,
  compareRound,
  dataSetProblems,
  DomainRefusal,
  findStrengthsAndAreas,
  type Indicator,
  type IndicatorComparison,
  isValidIsoDate,
  londonToday,
  mapSubmissionCsv,
  needTargetDate,
  refusal,
  type SubmissionValues,
  validateSubmission,
  withFieldPrefix,
} from '@partnerships/domain';
import { AppError, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { schoolInTenant } from '../offers/offer-context';
import { DataRoundRepository, type RoundRow, type SubmissionRow } from './data-round.repository';
import { DataSetRepository, type DataSetRow } from './data-set.repository';
import type { AdminSubmissionInputDto, BenchmarksInputDto, DataSetInputDto, GroupReportInputDto, OutcomeInputDto, RoundInputDto, SubmissionInputDto } from './improvement.dto';
import { MemberSchoolRepository } from './member-school.repository';
import { SupportRepository } from './support.repository';
import type { EntityManager } from 'typeorm';

const base = (ctx: TenantContext) => `/api/v1/tenants/${ctx.tenant.slug}`;

/** Data rounds: data sets, rounds, submissions (form or CSV), benchmarks, comparison and charts, outcomes, the group report and needs raised. */
@Injectable()
export class DataRoundsService {
  constructor(private readonly db: Database) {}

  async listDataSets(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ items: await new DataSetRepository(em, ctx.tenant.id).list() }));
  }

  async getDataSet(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const set = isUuid(id) ? await new DataSetRepository(em, ctx.tenant.id).findById(id) : null;
      if (!set) throw notFound('data set');
      return set;
    });
  }

  async createDataSet(ctx: TenantContext, dto: DataSetInputDto) {
    const indicators: Indicator[] = dto.indicators.map((i) => ({
      code: i.code, name: i.name.trim(), definition: i.definition.trim(), unit: i.unit, higherIsBetter: i.higherIsBetter ?? true,
      decimals: i.decimals ?? 0, min: i.min ?? 0, max: i.max ?? (i.unit === 'percent' ? 100 : 1_000_000), area: i.area,
    }));
    const problems = dataSetProblems({ name: dto.name, indicators });
    if (problems.length) throw new DomainRefusal(problems);
    return inTenant(this.db, ctx, async (em) => ({ id: await new DataSetRepository(em, ctx.tenant.id).create(dto.name.trim(), dto.description?.trim() || null, indicators, ctx.user.id) }));
  }

  async listRounds(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ items: await new DataRoundRepository(em, ctx.tenant.id).list() }));
  }

  async createRound(ctx: TenantContext, dto: RoundInputDto) {
    const fields: { field: string; message: string }[] = [];
    if (!isValidIsoDate(dto.opensOn)) fields.push({ field: 'opensOn', message: 'That is not a real date' });
    if (!isValidIsoDate(dto.closesOn)) fields.push({ field: 'closesOn', message: 'That is not a real date' });
    else if (isValidIsoDate(dto.opensOn) && dto.closesOn < dto.opensOn) fields.push({ field: 'closesOn', message: 'The window closes on or after the day it opens' });
    if (fields.length) throw invalid(fields);
    return inTenant(this.db, ctx, async (em) => {
      const rounds = new DataRoundRepository(em, ctx.tenant.id);
      if (!(await rounds.bodyExists(dto.bodyId))) throw invalid([{ field: 'bodyId', message: 'There is no such body in this partnership' }]);
      if (!(await new DataSetRepository(em, ctx.tenant.id).findById(dto.dataSetId))) throw invalid([{ field: 'dataSetId', message: 'There is no such data set' }]);
      const id = await rounds.create({ ...dto, name: dto.name.trim(), academicYearStart: academicYearOf(dto.opensOn).startYear }, ctx.user.id);
      return { id };
    });
  }

  async getRound(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, set, rounds } = await this.round(em, ctx.tenant.id, id);
      const [schools, subs] = await Promise.all([rounds.schools(round.id), rounds.submissions(round.id)]);
      const at = new Map(subs.map((s) => [s.school.id, s.submittedAt]));
      return { ...round, dataSet: set, schoolList: schools.map((s) => ({ ...s, submitted: at.has(s.id), submittedAt: at.get(s.id) ?? null })) };
    });
  }

  async closeRound(ctx: TenantContext, id: string) {
    await inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id, true);
      if (round.status === 'open') await rounds.setStatus(round.id, 'closed');
    });
    return this.getRound(ctx, id);
  }

  async submissions(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id);
      return { items: await rounds.submissions(round.id) };
    });
  }

  /** An officer enters a school's figures (e.g. sent by e-mail); checked as the school's own would be. */
  async submitForSchool(ctx: TenantContext, id: string, dto: AdminSubmissionInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, set, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const school = (await rounds.schools(round.id)).find((s) => s.urn === dto.schoolUrn);
      if (!school) throw invalid([{ field: 'schoolUrn', message: 'That school is not in this round’s group' }]);
      const values = this.checked(set.indicators, dto.values);
      await rounds.upsertSubmissions(round.id, [{ schoolId: school.id, values, ownStrengths: dto.ownStrengths?.trim() || null, ownAreasToDevelop: dto.ownAreasToDevelop?.trim() || null }], 'form', ctx.user.id);
      return (await rounds.submissions(round.id, school.id))[0]!;
    });
  }

  /** Many schools' figures from one CSV (URN then one column per indicator); every row is checked before any is saved. */
  async importCsv(ctx: TenantContext, id: string, csv: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, set, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const mapped = mapSubmissionCsv(csv, set.indicators);
      const problems = [...mapped.refusals];
      const schools = new Map((await rounds.schools(round.id)).map((s) => [s.urn, s]));
      const items: { schoolId: string; values: SubmissionValues; ownStrengths: null; ownAreasToDevelop: null }[] = [];
      for (const row of mapped.rows) {
        const school = row.urn ? schools.get(row.urn) : undefined;
        if (!school) {
          problems.push(refusal('invalid_value', `Row ${row.row}: ${row.urn ?? 'the school'} is not in this round’s group.`, `csv.row ${row.row}`));
          continue;
        }
        const result = validateSubmission(set.indicators, row.values);
        if (!result.ok) problems.push(...withFieldPrefix(result.refusals, `csv.row ${row.row}`));
        else items.push({ schoolId: school.id, values: result.value, ownStrengths: null, ownAreasToDevelop: null });
      }
      if (problems.length) throw new DomainRefusal(problems);
      if (!items.length) throw invalid([{ field: 'csv', message: 'The file has no schools’ figures in it' }]);
      await rounds.upsertSubmissions(round.id, items, 'csv', ctx.user.id);
      const ids = new Set(items.map((i) => i.schoolId));
      return { imported: items.length, items: (await rounds.submissions(round.id)).filter((s) => ids.has(s.school.id)) };
    });
  }

  async setBenchmarks(ctx: TenantContext, id: string, dto: BenchmarksInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, set, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const byCode = new Map(set.indicators.map((i) => [i.code, i]));
      const fields: { field: string; message: string }[] = [];
      dto.items.forEach((b, i) => {
        const ind = byCode.get(b.indicatorCode);
        if (!ind) fields.push({ field: `items[${i}].indicatorCode`, message: 'Not an indicator of this round’s data set' });
        else if (b.value < ind.min || b.value > ind.max) fields.push({ field: `items[${i}].value`, message: `Between ${ind.min} and ${ind.max}` });
      });
      if (fields.length) throw invalid(fields);
      await rounds.setBenchmarks(round.id, dto.items);
      return { items: await rounds.benchmarks(round.id) };
    });
  }

  async benchmarks(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id);
      return { items: await rounds.benchmarks(round.id) };
    });
  }

  /** Schools side by side with the benchmarks, each indicator with its chart's address and text, and suggested strengths and areas. */
  async comparison(ctx: TenantContext, id: string) {
    const { comparisons, round } = await inTenant(this.db, ctx, (em) => this.compare(em, ctx.tenant.id, id));
    return {
      indicators: comparisons.map((c) => ({ ...c, chartUrl: `${base(ctx)}/data-rounds/${round.id}/charts/${c.indicator.code}`, chartText: comparisonChart(c).text })),
      suggestions: findStrengthsAndAreas(comparisons),
    };
  }

  async chart(ctx: TenantContext, id: string, code: string): Promise<string> {
    const { comparisons } = await inTenant(this.db, ctx, (em) => this.compare(em, ctx.tenant.id, id));
    const c = comparisons.find((x) => x.indicator.code === code);
    if (!c) throw notFound('chart');
    return comparisonChart(c).svg;
  }

  async compare(em: EntityManager, tenantId: string, id: string): Promise<{ round: RoundRow; comparisons: IndicatorComparison[] }> {
    const { round, set, rounds } = await this.round(em, tenantId, id);
    const [subs, marks] = await Promise.all([rounds.submissions(round.id), rounds.benchmarks(round.id)]);
    return { round, comparisons: compareRound(set.indicators, subs.map((s) => ({ schoolId: s.school.id, schoolName: s.school.name, values: s.values })), marks) };
  }

  async setOutcome(ctx: TenantContext, id: string, urn: string, dto: OutcomeInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, set, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const school = (await rounds.schools(round.id)).find((s) => s.urn === urn);
      if (!school) throw notFound('school');
      if (dto.meetingId && !(await rounds.meetingOfBody(dto.meetingId, round.bodyId))) throw invalid([{ field: 'meetingId', message: 'Not a meeting of the body running this round' }]);
      const codes = new Set(set.indicators.map((i) => i.code));
      const fields: { field: string; message: string }[] = [];
      for (const [list, name] of [[dto.strengths, 'strengths'], [dto.areasToDevelop, 'areasToDevelop']] as const) {
        list.forEach((item, i) => {
          if (item.indicatorCode && !codes.has(item.indicatorCode)) fields.push({ field: `${name}[${i}].indicatorCode`, message: 'Not an indicator of this round’s data set' });
        });
      }
      if (fields.length) throw invalid(fields);
      const clean = (items: OutcomeInputDto['strengths']) => items.map((x) => ({ area: x.area, indicatorCode: x.indicatorCode ?? null, note: x.note?.trim() || null }));
      await rounds.setOutcome(round.id, school.id, dto.meetingId ?? null, clean(dto.strengths), clean(dto.areasToDevelop), ctx.user.id);
      return { items: await rounds.outcomes(round.id) };
    });
  }

  async outcomes(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id);
      return { items: await rounds.outcomes(round.id) };
    });
  }

  async report(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id);
      const report = await rounds.report(round.id);
      return { roundId: round.id, summary: report?.summary ?? '', actionPlan: report?.actionPlan ?? [], updatedAt: report?.updatedAt ?? null };
    });
  }

  /** The group report and its action plan; once written, the round is reported. */
  async setReport(ctx: TenantContext, id: string, dto: GroupReportInputDto) {
    await inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const plan = dto.actionPlan.map((a) => ({ action: a.action.trim(), owner: a.owner?.trim() || null, dueOn: a.dueOn ?? null, status: a.status ?? 'not_started', area: a.area ?? null }));
      const bad = plan.findIndex((a) => a.dueOn !== null && !isValidIsoDate(a.dueOn));
      if (bad >= 0) throw invalid([{ field: `actionPlan[${bad}].dueOn`, message: 'That is not a real date' }]);
      await rounds.setReport(round.id, dto.summary.trim(), plan, ctx.user.id);
      if (round.status !== 'reported') await rounds.setStatus(round.id, 'reported');
    });
    return this.report(ctx, id);
  }

  /** Each agreed area to develop becomes a need for support, due within a term; raising again adds nothing new. */
  async raiseNeeds(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const { round, rounds } = await this.round(em, ctx.tenant.id, id, true);
      const outcomes = await rounds.outcomes(round.id);
      if (!outcomes.some((o) => o.areasToDevelop.length)) throw new AppError('conflict', 409, 'Record the agreed areas to develop first: needs are raised from them.');
      const today = londonToday();
      const target = needTargetDate(today, await new MemberSchoolRepository(em, ctx.tenant.id).termDates());
      const support = new SupportRepository(em, ctx.tenant.id);
      const needs = outcomes.flatMap((o) => dedupe(o.areasToDevelop.map((a) => a.area)).map((area) => ({
        schoolId: o.school.id, source: 'data_round' as const, sourceRef: round.id, area,
        description: o.areasToDevelop.filter((a) => a.area === area).map((a) => a.note).filter(Boolean).join(' ') || `${area.replace(/_/g, ' ')} (from ${round.name})`,
        foundOn: today, targetOn: target,
      })));
      const added = await support.addNeeds(needs, ctx.user.id);
      return { added: added.length, items: await support.list({ sourceRef: round.id }) };
    });
  }

  // --- the school's side -------------------------------------------------------------

  async schoolRounds(ctx: AuthedContext, urn: string, slug: string) {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const rounds = new DataRoundRepository(em, tenant.id);
      const sets = new DataSetRepository(em, tenant.id);
      const items = [];
      for (const round of await rounds.forSchool(school.id)) {
        const [set, mine] = await Promise.all([sets.findById(round.dataSetId), rounds.submissions(round.id, school.id)]);
        items.push({ id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, status: round.status, dataSet: set!, submission: mine[0] ?? null });
      }
      return { items };
    });
  }

  /** The school's head or staff submit its figures and own analysis while the round is open. */
  async schoolSubmit(ctx: AuthedContext, urn: string, slug: string, roundId: string, dto: SubmissionInputDto | { csv: string }): Promise<SubmissionRow> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const { round, set, rounds } = await this.round(em, tenant.id, roundId, true);
      if (!(await rounds.schools(round.id)).some((s) => s.id === school.id)) throw notFound('data round');
      if (round.status !== 'open') throw new AppError('conflict', 409, 'This round is closed: ask the group’s officer to enter a late figure.');
      const today = londonToday();
      if (today < round.opensOn) throw new AppError('conflict', 409, 'This round is not open yet.');
      let raw: Record<string, unknown>;
      let via: 'form' | 'csv' = 'form';
      let own: { ownStrengths: string | null; ownAreasToDevelop: string | null } = { ownStrengths: null, ownAreasToDevelop: null };
      if ('csv' in dto) {
        const mapped = mapSubmissionCsv(dto.csv, set.indicators);
        if (mapped.refusals.length) throw new DomainRefusal(mapped.refusals);
        const mine = mapped.rows.filter((r) => r.urn === null || r.urn === school.urn);
        if (mine.length !== 1) throw invalid([{ field: 'csv', message: 'The file must hold this school’s figures once' }]);
        raw = mine[0]!.values;
        via = 'csv';
      } else {
        raw = dto.values;
        own = { ownStrengths: dto.ownStrengths?.trim() || null, ownAreasToDevelop: dto.ownAreasToDevelop?.trim() || null };
      }
      const values = this.checked(set.indicators, raw);
      await rounds.upsertSubmissions(round.id, [{ schoolId: school.id, values, ...own }], via, ctx.user.id);
      return (await rounds.submissions(round.id, school.id))[0]!;
    });
  }

  private checked(indicators: readonly Indicator[], values: Record<string, unknown>): SubmissionValues {
    const result = validateSubmission(indicators, values);
    if (!result.ok) throw new DomainRefusal(result.refusals);
    return result.value;
  }

  private async round(em: EntityManager, tenantId: string, id: string, lock = false): Promise<{ round: RoundRow; set: DataSetRow; rounds: DataRoundRepository }> {
    const rounds = new DataRoundRepository(em, tenantId);
    const round = isUuid(id) ? await rounds.findById(id, lock) : null;
    if (!round) throw notFound('data round');
    const set = (await new DataSetRepository(em, tenantId).findById(round.dataSetId))!;
    return { round, set, rounds };
  }
}

const dedupe = (xs: string[]) => [...new Set(xs)];
