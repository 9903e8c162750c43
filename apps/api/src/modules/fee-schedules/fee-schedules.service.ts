import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, type ProspectToPrice, SchoolFeeFactsRepository, TenantRepository } from '@partnerships/db';
import {
  choosePupilFigure,
  DomainRefusal,
  FEE_CENSUS_MONTH,
  type FeeSchedule,
  feeCensusOf,
  financialYearStartMonthForType,
  groupMembers,
  type Phase,
  type PupilFigure,
  quoteFee,
  refusal,
  type ScheduleWarning,
  solveForTarget,
  type SchoolForFees,
  totalIncome,
  validateFeeSchedule,
  withFieldPrefix,
} from '@partnerships/domain';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { draftChecks, refuseContradictions } from './fee-schedule-checks';
import { FeeScheduleRepository, type FeeScheduleRecord, type MemberToPrice } from './fee-schedule.repository';
import type { FeeScheduleDto, FeeScheduleSummaryDto, MemberGroupsDto, PreviewDto, PreviewProspectDto, PreviewRowDto, ScenarioRequestDto, ScenarioResultDto } from './fee-schedules.dto';
import { digestOf, LruCache } from './preview-cache';

export function summary(row: FeeScheduleRecord): FeeScheduleSummaryDto {
  return {
    id: row.id,
    name: row.name,
    period: { kind: row.period_kind, start: row.period_start, end: row.period_end, label: row.period_label },
    version: row.version,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

const full = (row: FeeScheduleRecord): FeeScheduleDto => ({ ...summary(row), document: row.document as unknown as Record<string, unknown> });

/** A document that passes the engine's validator, or its refusals (a 400 naming each problem's path under `document`). */
export function validDocument(input: unknown): FeeSchedule {
  const result = validateFeeSchedule(input);
  if (!result.ok) throw new DomainRefusal(withFieldPrefix(result.refusals, 'document'));
  return result.value;
}

/** The pupil figure a member's fee uses (`choosePupilFigure`): its approved figure for the partnership's census, else the register's. */
function pupilFigureOf(m: MemberToPrice, feeCensus: string | null) {
  return choosePupilFigure({
    feeCensus,
    approved: m.census !== null && m.census_pupils !== null ? [{ census: m.census, pupils: m.census_pupils, decidedAt: m.census_decided_at }] : [],
    registerPupils: m.pupils,
  });
}

/** A current member as the preview prices it. */
interface MemberForPreview {
  urn: string;
  name: string;
  phase: Phase;
  pupils: number | null;
  pupilFigure: PupilFigure;
  category: string;
  school: SchoolForFees;
}

/** Every school a preview prices: read once per version of the members' data. */
interface PricingInputs {
  /** The current members, in name order (the order of the preview's pages). */
  members: MemberForPreview[];
  prospects: ProspectToPrice[];
}

/** What a preview says about every school at once, for one schedule (and the previous period's) over one version of the members' data. */
interface PreviewTotals {
  totalPence: number;
  previousTotalPence: number | null;
  prospects: PreviewProspectDto[];
  prospectsTotalPence: number;
  warnings: ScheduleWarning[];
}

/** The totals over every member (under the schedule and the previous one), the priced prospects and the warnings. */
function previewTotals(document: FeeSchedule, previous: FeeSchedule | null, inputs: PricingInputs): PreviewTotals {
  let totalPence = 0;
  let previousTotalPence = 0;
  for (const m of inputs.members) {
    totalPence += quoteFee(document, m.school).totalPence;
    if (previous) previousTotalPence += quoteFee(previous, m.school).totalPence;
  }
  const { prospects, warnings } = draftChecks(document, inputs.members, inputs.prospects);
  return { totalPence, previousTotalPence: previous ? previousTotalPence : null, prospects, prospectsTotalPence: prospects.reduce((sum, p) => sum + p.totalPence, 0), warnings };
}

/** One member's row of the preview, line by line. */
function previewRow(document: FeeSchedule, previous: FeeSchedule | null, m: MemberForPreview): PreviewRowDto {
  const quote = quoteFee(document, m.school);
  const previousPence = previous ? quoteFee(previous, m.school).totalPence : null;
  return {
    urn: m.urn,
    name: m.name,
    phase: m.phase,
    pupils: m.pupils,
    pupilFigure: m.pupilFigure,
    category: m.category,
    totalPence: quote.totalPence,
    previousPence,
    changePence: previousPence === null ? null : quote.totalPence - previousPence,
    lines: quote.lines,
  };
}

@Injectable()
export class FeeSchedulesService {
  /** The members' data a preview prices, by tenant, census setting and version of that data. */
  private readonly inputsCache = new LruCache<PricingInputs>(8);
  /** Totals, prospects and warnings, by the inputs' key and the two schedules' documents. */
  private readonly totalsCache = new LruCache<PreviewTotals>(64);

  constructor(private readonly db: Database) {}

  list(ctx: TenantContext): Promise<{ items: FeeScheduleSummaryDto[] }> {
    return inTenant(this.db, ctx, async (em) => ({ items: (await this.schedules(em, ctx).list()).map(summary) }));
  }

  get(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => full(await this.load(em, ctx, id)));
  }

  /** A new draft: a fresh document, or an imported one. Its version follows the period's latest. */
  create(ctx: TenantContext, input: unknown): Promise<FeeScheduleDto> {
    const document = validDocument(input);
    return inTenant(this.db, ctx, (em) => this.insertDraft(em, ctx, document));
  }

  update(ctx: TenantContext, id: string, input: unknown): Promise<FeeScheduleDto> {
    const document = validDocument(input);
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status !== 'draft') throw conflict('This schedule is published and cannot change. Make a new version instead.');
      if (row.period_start !== document.period.start || row.period_end !== document.period.end) {
        // A different period is a different schedule: versions are counted per period.
        row.version = await this.schedules(em, ctx).nextVersionFor(document.period);
      }
      return full(await this.schedules(em, ctx).updateDraft(id, document, row.version));
    });
  }

  remove(ctx: TenantContext, id: string): Promise<void> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status !== 'draft') throw conflict('A published schedule is kept for the record and cannot be deleted.');
      await this.schedules(em, ctx).deleteDraft(id);
    });
  }

  /** Publishing supersedes the period's previously published version, in one transaction. */
  publish(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status === 'published') return full(row);
      if (row.status !== 'draft') throw conflict('This version has been replaced; make a new version to publish it again.');
      validDocument(row.document);
      // A schedule that contradicts itself for a member or prospect is refused, naming them (the preview shows the same warnings).
      const inputs = await this.pricingInputs(em, ctx, await new TenantRepository(em).feeCensus(ctx.tenant.id));
      refuseContradictions(draftChecks(row.document, inputs.members, inputs.prospects).warnings);
      return full(await this.schedules(em, ctx).publish(row, ctx.user.id));
    });
  }

  newVersion(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id);
      return this.insertDraft(em, ctx, row.document);
    });
  }

  /**
   * What each current member school would pay under the schedule, and the change from the previous
   * period: totals and warnings over every school, the rows one page of them. The fee editor asks
   * for this on every render, so (issue 14) the members' data is read and the totals worked out
   * once per version of what they depend on (`pricingInputsVersion`, read in this request, and the
   * two schedules' documents) and reused; only the page's rows are priced line by line each time.
   */
  preview(ctx: TenantContext, id: string, input: unknown, query: { page: number; pageSize: number }): Promise<PreviewDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id);
      const document = input === undefined ? row.document : validDocument(input);
      const schedules = this.schedules(em, ctx);
      const previousRow = await schedules.findPublishedBefore(document.period.start);
      // The version first, then (when it is new) the rows it stands for: a change committed in between is a newer version.
      const { feeCensus, version } = await schedules.pricingInputsVersion();
      const inputsKey = `${ctx.tenant.id}|${feeCensus}|${version}`;
      let inputs = this.inputsCache.get(inputsKey);
      if (!inputs) this.inputsCache.set(inputsKey, (inputs = await this.pricingInputs(em, ctx, feeCensus)));
      const previous = previousRow?.document ?? null;
      const totalsKey = `${inputsKey}|${digestOf(document)}|${previousRow ? `${previousRow.id}:${previousRow.version}:${digestOf(previous)}` : '-'}`;
      let totals = this.totalsCache.get(totalsKey);
      if (!totals) this.totalsCache.set(totalsKey, (totals = previewTotals(document, previous, inputs)));
      // Bounded answer: the totals and warnings cover every school, the rows one page of them.
      const from = (query.page - 1) * query.pageSize;
      return {
        rows: inputs.members.slice(from, from + query.pageSize).map((m) => previewRow(document, previous, m)),
        page: query.page,
        pageSize: query.pageSize,
        schools: inputs.members.length,
        prospectCount: totals.prospects.length,
        totalPence: totals.totalPence,
        previousTotalPence: totals.previousTotalPence,
        previousSchedule: previousRow ? summary(previousRow) : null,
        prospects: totals.prospects.slice(0, query.pageSize),
        prospectsTotalPence: totals.prospectsTotalPence,
        warnings: totals.warnings,
      };
    });
  }

  /**
   * The planner's current members (issue 14): the preview's schools and pupil figures, grouped as a
   * scenario holds them (`groupMembers`: exact groups when at most 50, else pupil bands), in one request
   * of three queries (the schedule, the partnership's census, the members), whatever the number of members.
   */
  memberGroups(ctx: TenantContext, id: string): Promise<MemberGroupsDto> {
    if (!isUuid(id)) throw invalid([{ field: 'id', message: 'id must be a fee schedule id' }]);
    return inTenant(this.db, ctx, async (em) => {
      await this.load(em, ctx, id);
      const { feeCensus, members } = await this.currentMembers(em, ctx);
      return groupMembers(members.map((m) => ({ phase: m.phase, category: m.category, pupils: pupilFigureOf(m, feeCensus).pupils })));
    });
  }

  /** The current member schools a preview prices, and the census the partnership prices by: one definition for the preview and the planner. */
  private async currentMembers(em: EntityManager, ctx: TenantContext, census?: { feeCensus: string | null }): Promise<{ feeCensus: string | null; members: MemberToPrice[] }> {
    const feeCensus = census ? census.feeCensus : await new TenantRepository(em).feeCensus(ctx.tenant.id);
    const members = await this.schedules(em, ctx).membersToPrice(FEE_CENSUS_MONTH[feeCensusOf(feeCensus)]);
    return { feeCensus, members };
  }

  /** Every school a preview prices, as the fee engine sees it: the current members in name order, and the prospects. */
  private async pricingInputs(em: EntityManager, ctx: TenantContext, feeCensus: string | null): Promise<PricingInputs> {
    const { members } = await this.currentMembers(em, ctx, { feeCensus });
    const factsRepository = new SchoolFeeFactsRepository(em);
    const facts = await factsRepository.forTenant(ctx.tenant.id);
    const prospects = await factsRepository.prospectsToPrice(ctx.tenant.id);
    return {
      members: members.map((m) => {
        // The same figure billing will use (`choosePupilFigure`), and the school's own financial year.
        const pupilFigure = pupilFigureOf(m, feeCensus);
        const school: SchoolForFees = {
          phase: m.phase,
          pupils: pupilFigure.pupils ?? 0,
          category: m.category,
          schoolType: m.type,
          financialYearStartMonth: financialYearStartMonthForType(m.type),
          ...facts.get(m.urn)?.facts,
        };
        return { urn: m.urn, name: m.name, phase: m.phase, pupils: pupilFigure.pupils, pupilFigure, category: m.category, school };
      }),
      prospects,
    };
  }

  /** The planner: a set of schools (e.g. 60 primaries and 14 secondaries), their fees and total, and optionally the rate that raises a target. */
  scenario(ctx: TenantContext, request: ScenarioRequestDto): Promise<ScenarioResultDto> {
    return inTenant(this.db, ctx, async (em) => {
      let document: FeeSchedule;
      if (request.document) document = validDocument(request.document);
      else if (request.scheduleId) document = (await this.load(em, ctx, request.scheduleId)).document;
      else throw invalid([{ field: 'document', message: 'Give a schedule document or a scheduleId' }]);
      if (request.schools.length === 0) throw invalid([{ field: 'schools', message: 'Add at least one group of schools' }]);

      const groups = request.schools.map((s) => ({ ...s, count: s.count ?? 1 }));
      const expand = (schedule: FeeSchedule) =>
        groups.map((g) => {
          const school: SchoolForFees = { phase: g.phase, pupils: g.pupils, category: g.category, schoolType: g.schoolType, tier: g.tier };
          const feePence = quoteFee(schedule, school).totalPence;
          return { label: g.label ?? `${g.phase} school, ${g.pupils} pupils`, phase: g.phase, pupils: g.pupils, count: g.count, feePence, subtotalPence: feePence * g.count };
        });
      const everySchool = groups.flatMap((g) => Array.from({ length: g.count }, () => ({ phase: g.phase, pupils: g.pupils, category: g.category, schoolType: g.schoolType, tier: g.tier }) as SchoolForFees));
      if (everySchool.length > 50_000) throw invalid([{ field: 'schools', message: 'A scenario can hold at most 50,000 schools' }]);

      if (!request.solve) {
        const rows = expand(document);
        return { rows, schools: everySchool.length, totalPence: totalIncome(document, everySchool) };
      }
      const component = document.components[request.solve.componentIndex] as unknown as Record<string, unknown> | undefined;
      if (!component || typeof component[request.solve.field] !== 'number') {
        throw invalid([{ field: 'solve.componentIndex', message: `Component ${request.solve.componentIndex} has no ${request.solve.field} to solve for` }]);
      }
      let solved;
      try {
        solved = solveForTarget(document, everySchool, request.solve);
      } catch (error) {
        // Whatever stops the solver is answered as cannot_solve against the solve request.
        throw new DomainRefusal(refusal('cannot_solve', error instanceof Error ? error.message : 'That target cannot be reached with this schedule.', 'solve'));
      }
      if (!solved.ok) throw new DomainRefusal(withFieldPrefix(solved.refusals, 'solve'));
      const { schedule, totalPence, valuePence } = solved.value;
      const rows = expand(schedule);
      return { rows, schools: everySchool.length, totalPence, solution: { valuePence, totalPence, document: schedule as unknown as Record<string, unknown> } };
    });
  }

  private async insertDraft(em: EntityManager, ctx: TenantContext, document: FeeSchedule): Promise<FeeScheduleDto> {
    return full(await this.schedules(em, ctx).createDraft(document, ctx.user.id));
  }

  private async load(em: EntityManager, ctx: TenantContext, id: string, forUpdate = false): Promise<FeeScheduleRecord> {
    if (!isUuid(id)) throw notFound('fee schedule');
    const row = await this.schedules(em, ctx).find(id, { lock: forUpdate });
    if (!row) throw notFound('fee schedule');
    return row;
  }

  private schedules(em: EntityManager, ctx: TenantContext): FeeScheduleRepository {
    return new FeeScheduleRepository(em, ctx.tenant.id);
  }
}
