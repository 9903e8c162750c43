import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { isValidIsoDate, londonToday, suggestConcernStatus } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import { invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { type ConcernIndicatorRow, ConcernRepository, type ConcernStatusRow } from './concern.repository';
import type { SchoolRef } from './data-round.repository';
import type { ConcernIndicatorInputDto, ConcernStatusInputDto, NameInputDto, VisitInputDto } from './improvement.dto';
import { MemberSchoolRepository } from './member-school.repository';

const statusDto = (s: ConcernStatusRow) => ({ status: s.status, reasons: s.reasons, since: s.since, endedOn: s.endedOn });

/**
 * Schools causing concern, for the people the partnership names only: to anyone else every route
 * answers 404 (and row-level security hides the rows as well). Admins name and un-name people.
 */
@Injectable()
export class ConcernsService {
  constructor(private readonly db: Database) {}

  async named(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ items: await new ConcernRepository(em, ctx.tenant.id).named() }));
  }

  async name(ctx: TenantContext, dto: NameInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const concerns = new ConcernRepository(em, ctx.tenant.id);
      if (!(await concerns.personInTenant(dto.userId))) throw invalid([{ field: 'userId', message: 'Only someone with a role in the partnership can be named' }]);
      await concerns.name(dto.userId, ctx.user.id);
      return { items: await concerns.named() };
    });
  }

  async revoke(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const concerns = new ConcernRepository(em, ctx.tenant.id);
      if (!isUuid(id) || !(await concerns.revoke(id))) throw notFound('named person');
      return { items: await concerns.named() };
    });
  }

  /**
   * The list answers everyone in the partnership, but holds schools only for a named person: to
   * anyone else it is empty (`named: false`), so it says nothing, not even how many there are.
   */
  async list(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => {
      const concerns = new ConcernRepository(em, ctx.tenant.id);
      if (!(await concerns.isNamed(ctx.user.id))) return { named: false, items: [] };
      const [schools, indicators, current] = await Promise.all([concerns.schoolsOnRecord(), concerns.indicators(null), concerns.statuses(null, true)]);
      return { named: true, items: schools.map((s) => this.summary(s, indicators.filter((i) => i.schoolId === s.id), current.find((c) => c.schoolId === s.id) ?? null)) };
    });
  }

  async get(ctx: TenantContext, urn: string) {
    return this.asNamed(ctx, async (concerns, em) => this.detail(concerns, await this.school(em, ctx, urn)));
  }

  async addIndicator(ctx: TenantContext, urn: string, dto: ConcernIndicatorInputDto) {
    this.dates({ occurredOn: dto.occurredOn, recordedOn: dto.recordedOn });
    if (dto.kind === 'inspection' && !/^[1-4]$/.test(dto.value.trim())) throw invalid([{ field: 'value', message: 'An inspection grade is 1, 2, 3 or 4' }]);
    return this.asNamed(ctx, async (concerns, em) => {
      const school = await this.school(em, ctx, urn);
      await concerns.addIndicator(school.id, { kind: dto.kind, value: dto.value.trim(), occurredOn: dto.occurredOn ?? null, recordedOn: dto.recordedOn ?? londonToday(), note: dto.note?.trim() || null }, ctx.user.id);
      return this.detail(concerns, school);
    });
  }

  async setStatus(ctx: TenantContext, urn: string, dto: ConcernStatusInputDto) {
    this.dates({ since: dto.since });
    const reasons = dto.reasons.map((r) => r.trim()).filter(Boolean);
    if (dto.status !== 'none' && reasons.length === 0) throw invalid([{ field: 'reasons', message: 'Give at least one reason for the status' }]);
    return this.asNamed(ctx, async (concerns, em) => {
      const school = await this.school(em, ctx, urn);
      await concerns.setStatus(school.id, dto.status, reasons, dto.since ?? londonToday(), ctx.user.id);
      return this.detail(concerns, school);
    });
  }

  async addVisit(ctx: TenantContext, urn: string, dto: VisitInputDto) {
    this.dates({ visitedOn: dto.visitedOn });
    return this.asNamed(ctx, async (concerns, em) => {
      const school = await this.school(em, ctx, urn);
      await concerns.addVisit(school.id, { visitedOn: dto.visitedOn, visitor: dto.visitor.trim(), notes: dto.notes.trim() }, ctx.user.id);
      return this.detail(concerns, school);
    });
  }

  private dates(values: Record<string, string | null | undefined>) {
    const bad = Object.entries(values).filter(([, v]) => v && !isValidIsoDate(v));
    if (bad.length) throw invalid(bad.map(([field]) => ({ field, message: 'That is not a real date' })));
  }

  private summary(school: SchoolRef, indicators: ConcernIndicatorRow[], current: ConcernStatusRow | null) {
    const suggestion = suggestConcernStatus(indicators, londonToday());
    return { school, current: current ? statusDto(current) : null, suggested: { status: suggestion.status, reasons: suggestion.reasons, since: londonToday(), endedOn: null } };
  }

  private async detail(concerns: ConcernRepository, school: SchoolRef) {
    const [indicators, history, visits] = await Promise.all([concerns.indicators(school.id), concerns.statuses(school.id), concerns.visits(school.id)]);
    const current = history.find((h) => h.endedOn === null) ?? null;
    return {
      ...this.summary(school, indicators, current),
      indicators: indicators.map(({ schoolId: _, ...i }) => i),
      history: history.map(statusDto),
      visits: visits.map(({ schoolId: _, ...v }) => v),
    };
  }

  private async school(em: EntityManager, ctx: TenantContext, urn: string): Promise<SchoolRef> {
    const school = /^\d{6}$/.test(urn) ? await new MemberSchoolRepository(em, ctx.tenant.id).byUrn(urn) : null;
    if (!school) throw notFound('school');
    return school;
  }

  /** Runs the work only for a named person; everyone else gets the same 404 as for a page that does not exist. */
  private async asNamed<T>(ctx: TenantContext, work: (concerns: ConcernRepository, em: EntityManager) => Promise<T>): Promise<T> {
    return inTenant(this.db, ctx, async (em) => {
      const concerns = new ConcernRepository(em, ctx.tenant.id);
      if (!(await concerns.isNamed(ctx.user.id))) throw notFound();
      return work(concerns, em);
    });
  }
}
