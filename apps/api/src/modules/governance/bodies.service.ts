import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { addDays, addMonthsClamped, type BodyKind, isValidIsoDate, londonToday, type Office, type OfficeFilledBy, layoutStructure, type SeatVoting, structureSvg } from '@partnerships/domain';
import { subjectOf } from '../../common/ability.factory';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { type BodyFields, type BodyRecord, BodyRepository } from './body.repository';
import { checkAnnualRhythm, checkQuorum, checkRhythm, checkSeatRule, type FieldProblem } from './governance-input';
import type {
  ActionPlanInputDto,
  AppointmentDto,
  BodyDto,
  BodyInputDto,
  BodySeatsQueryDto,
  EndAppointmentDto,
  OfficeInputDto,
  SeatDto,
  SeatPageDto,
  SeatRuleInputDto,
  StructureDto,
  TermsOfReferenceInputDto,
} from './governance.dto';
import { BODY_SEATS_LIMIT } from './governance.dto';
import { resolveAndRecordSeats, SeatRepository, type SeatRuleFields, type SeatRuleRow } from '@partnerships/jobs';
import { pageFrom, windowOf } from '../../common/pagination';
import { searchSeats } from './seat-search';

export const canManageGovernance = (ctx: TenantContext) => ctx.ability.can('manage', subjectOf('Governance', { tenantId: ctx.tenant.id }));

/** Bodies, their reporting lines, seats by rule, offices, terms of reference, action plans and the structure diagram. */
@Injectable()
export class BodiesService {
  constructor(@Inject(Database) private readonly db: Database) {}

  async list(ctx: TenantContext) {
    const items = await inTenant(this.db, ctx, (em) => new BodyRepository(em, ctx.tenant.id).list());
    return { items: items.map(({ id, name, kind, parentIds, seatCount }) => ({ id, name, kind, parentIds, seatCount })) };
  }

  async create(ctx: TenantContext, dto: BodyInputDto): Promise<{ id: string }> {
    const fields = this.fields(dto);
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (await bodies.nameTaken(fields.name)) throw conflict(`There is already a body called "${fields.name}".`, 'name');
      const id = await bodies.create(fields);
      if (dto.parentIds?.length) await this.setParentsIn(bodies, id, dto.parentIds);
      if (dto.schoolUrns?.length) await this.setSchoolsIn(bodies, id, dto.schoolUrns);
      return { id };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<BodyDto> {
    if (!isUuid(id)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const body = await new BodyRepository(em, ctx.tenant.id).findById(id);
      if (!body || (body.archivedAt && !canManageGovernance(ctx))) throw notFound('body');
      return this.describe(em, ctx, body);
    });
  }

  /** One page of the body's seats (resolved now, as GET bodies/{id} does), searched by label, school, URN or holder. */
  async seats(ctx: TenantContext, id: string, query: BodySeatsQueryDto): Promise<SeatPageDto> {
    if (!isUuid(id)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const body = await new BodyRepository(em, ctx.tenant.id).findById(id);
      if (!body || (body.archivedAt && !canManageGovernance(ctx))) throw notFound('body');
      const { seats } = await this.resolvedSeats(em, ctx, body);
      const matching = searchSeats(seats, query.q);
      const { limit, offset } = windowOf(query);
      return pageFrom(query, { rows: matching.slice(offset, offset + limit), total: matching.length, head: null });
    });
  }

  async update(ctx: TenantContext, id: string, dto: BodyInputDto): Promise<BodyDto> {
    if (!isUuid(id)) throw notFound('body');
    const fields = this.fields(dto);
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(id))) throw notFound('body');
      if (await bodies.nameTaken(fields.name, id)) throw conflict(`There is already a body called "${fields.name}".`, 'name');
      if (!(await bodies.update(id, fields))) throw conflict('An archived body cannot be changed.');
      if (dto.parentIds) await this.setParentsIn(bodies, id, dto.parentIds);
      if (dto.schoolUrns) await this.setSchoolsIn(bodies, id, dto.schoolUrns);
      return this.describe(em, ctx, (await bodies.findById(id))!);
    });
  }

  async archive(ctx: TenantContext, id: string): Promise<BodyDto> {
    if (!isUuid(id)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.archive(id))) throw notFound('body');
      return this.describe(em, ctx, (await bodies.findById(id))!);
    });
  }

  async setParents(ctx: TenantContext, id: string, parentIds: string[]): Promise<BodyDto> {
    if (!isUuid(id)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(id))) throw notFound('body');
      await this.setParentsIn(bodies, id, parentIds);
      return this.describe(em, ctx, (await bodies.findById(id))!);
    });
  }

  async setSchools(ctx: TenantContext, id: string, urns: string[]): Promise<BodyDto> {
    if (!isUuid(id)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(id))) throw notFound('body');
      await this.setSchoolsIn(bodies, id, urns);
      return this.describe(em, ctx, (await bodies.findById(id))!);
    });
  }

  // --- seats -------------------------------------------------------------------

  async addSeatRule(ctx: TenantContext, bodyId: string, dto: SeatRuleInputDto): Promise<{ id: string }> {
    if (!isUuid(bodyId)) throw notFound('body');
    const fields = this.ruleFields(dto);
    return inTenant(this.db, ctx, async (em) => {
      if (!(await new BodyRepository(em, ctx.tenant.id).findById(bodyId))) throw notFound('body');
      const id = await new SeatRepository(em, ctx.tenant.id).createRule(bodyId, fields);
      await resolveAndRecordSeats(em, ctx.tenant.id, [bodyId], londonToday());
      return { id };
    });
  }

  async updateSeatRule(ctx: TenantContext, ruleId: string, dto: SeatRuleInputDto): Promise<{ id: string }> {
    if (!isUuid(ruleId)) throw notFound('seat rule');
    const fields = this.ruleFields(dto);
    return inTenant(this.db, ctx, async (em) => {
      const bodyId = await this.bodyOfRule(em, ctx, ruleId);
      await new SeatRepository(em, ctx.tenant.id).updateRule(bodyId, ruleId, fields);
      await resolveAndRecordSeats(em, ctx.tenant.id, [bodyId], londonToday());
      return { id: ruleId };
    });
  }

  async archiveSeatRule(ctx: TenantContext, ruleId: string): Promise<{ id: string }> {
    if (!isUuid(ruleId)) throw notFound('seat rule');
    return inTenant(this.db, ctx, async (em) => {
      const bodyId = await this.bodyOfRule(em, ctx, ruleId);
      await new SeatRepository(em, ctx.tenant.id).archiveRule(bodyId, ruleId);
      await resolveAndRecordSeats(em, ctx.tenant.id, [bodyId], londonToday());
      return { id: ruleId };
    });
  }

  /** Re-resolves every body's seats now (also done on reading a body, and by the nightly job). */
  async resolveAll(ctx: TenantContext): Promise<{ bodies: number; changes: number }> {
    const result = await inTenant(this.db, ctx, (em) => resolveAndRecordSeats(em, ctx.tenant.id, null, londonToday()));
    return { bodies: result.length, changes: result.reduce((n, r) => n + r.changed, 0) };
  }

  async seatHistory(ctx: TenantContext, bodyId: string) {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      if (!(await new BodyRepository(em, ctx.tenant.id).findById(bodyId))) throw notFound('body');
      return { items: await new SeatRepository(em, ctx.tenant.id).history(bodyId) };
    });
  }

  async appoint(ctx: TenantContext, bodyId: string, dto: AppointmentDto): Promise<BodyDto> {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      const seats = new SeatRepository(em, ctx.tenant.id);
      const body = await bodies.findById(bodyId);
      if (!body) throw notFound('body');
      const rule = await seats.findRule(bodyId, dto.ruleId);
      if (!rule || (rule.rule.kind !== 'appointed' && rule.rule.kind !== 'elected')) throw invalid([{ field: 'ruleId', message: 'Choose an appointed or elected seat rule of this body' }]);
      if (!(await bodies.userExists(dto.userId))) throw invalid([{ field: 'userId', message: 'We could not find that person' }]);
      let schoolId: string | null = null;
      if (dto.schoolUrn) {
        schoolId = (await bodies.memberSchoolIdsByUrn([dto.schoolUrn])).get(dto.schoolUrn) ?? null;
        if (!schoolId) throw invalid([{ field: 'schoolUrn', message: 'That school is not a member of the partnership' }]);
      }
      await seats.appoint(bodyId, dto.ruleId, dto.userId, schoolId, dto.source ?? (rule.rule.kind === 'elected' ? 'elected' : 'appointed'), dto.startsOn ?? londonToday(), ctx.user.id);
      await resolveAndRecordSeats(em, ctx.tenant.id, [bodyId], londonToday());
      return this.describe(em, ctx, body);
    });
  }

  async endAppointment(ctx: TenantContext, bodyId: string, dto: EndAppointmentDto): Promise<BodyDto> {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const body = await new BodyRepository(em, ctx.tenant.id).findById(bodyId);
      if (!body) throw notFound('body');
      const today = londonToday();
      if (!(await new SeatRepository(em, ctx.tenant.id).endAppointment(bodyId, dto.ruleId, dto.userId, addDay(today, -1)))) throw notFound('appointment');
      await resolveAndRecordSeats(em, ctx.tenant.id, null, today);
      return this.describe(em, ctx, body);
    });
  }

  /** Appoints or records an election result for an office (or leaves it empty); seats that follow offices follow at once. */
  async setOffice(ctx: TenantContext, bodyId: string, dto: OfficeInputDto): Promise<BodyDto> {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      const body = await bodies.findById(bodyId);
      if (!body) throw notFound('body');
      const fromOn = dto.fromOn ?? londonToday();
      if (dto.userId) {
        if (!(await bodies.userExists(dto.userId))) throw invalid([{ field: 'userId', message: 'We could not find that person' }]);
        await bodies.fillOffice(bodyId, dto.office as Office, dto.userId, fromOn, dto.filledBy as OfficeFilledBy, dto.electionRef ?? null);
      } else {
        await bodies.vacateOffice(bodyId, dto.office as Office, fromOn);
      }
      // "The chair of each cluster" sits elsewhere: every body's seats are brought up to date.
      await resolveAndRecordSeats(em, ctx.tenant.id, null, londonToday());
      return this.describe(em, ctx, body);
    });
  }

  // --- terms of reference and action plans -------------------------------------------

  async termsOfReference(ctx: TenantContext, bodyId: string) {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(bodyId))) throw notFound('body');
      const versions = await bodies.termsOfReference(bodyId);
      return { items: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
    });
  }

  async addTermsOfReference(ctx: TenantContext, bodyId: string, dto: TermsOfReferenceInputDto): Promise<{ version: number }> {
    if (!isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(bodyId))) throw notFound('body');
      const approvedOn = dto.approvedOn ?? null;
      // Reviewed every year: a year after approval unless another date is given.
      const reviewDueOn = dto.reviewDueOn ?? (approvedOn ? addYear(approvedOn) : addYear(londonToday()));
      return { version: await bodies.addTermsOfReference(bodyId, dto.text, reviewDueOn, approvedOn, ctx.user.id) };
    });
  }

  async actionPlan(ctx: TenantContext, bodyId: string, academicYearStart: number | undefined) {
    if (!isUuid(bodyId)) throw notFound('body');
    const year = academicYearStart ?? currentAcademicYear();
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      if (!(await bodies.findById(bodyId))) throw notFound('body');
      const plan = await bodies.actionPlan(bodyId, `${year}-09-01`);
      const items = plan?.items ?? [];
      return {
        academicYearStart: year,
        items,
        budgetPence: items.reduce((n, i) => n + i.budgetPence, 0),
        spentPence: items.reduce((n, i) => n + (i.spentPence ?? 0), 0),
        impactReport: plan?.impactReport ?? null,
        submittedAt: plan?.submittedAt ? plan.submittedAt.toISOString() : null,
        reportedAtMeetingId: plan?.reportedAtMeetingId ?? null,
      };
    });
  }

  /** Saves the plan; submitting sends it up: an item on each parent body's next agenda. */
  async saveActionPlan(ctx: TenantContext, bodyId: string, dto: ActionPlanInputDto, addReportToParents: (em: EntityManager, planId: string, body: BodyRecord) => Promise<void>) {
    if (!isUuid(bodyId)) throw notFound('body');
    await inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      const body = await bodies.findById(bodyId);
      if (!body) throw notFound('body');
      const items = dto.items.map((i) => ({ title: i.title.trim(), owner: i.owner ?? null, dueOn: i.dueOn ?? null, budgetPence: i.budgetPence, spentPence: i.spentPence ?? 0, status: i.status ?? 'planned' }));
      const planId = await bodies.saveActionPlan(bodyId, `${dto.academicYearStart}-09-01`, items, dto.impactReport ?? null, dto.submit === true);
      if (dto.submit) await addReportToParents(em, planId, body);
    });
    return this.actionPlan(ctx, bodyId, dto.academicYearStart);
  }

  // --- structure -----------------------------------------------------------------

  async structure(ctx: TenantContext): Promise<StructureDto> {
    return inTenant(this.db, ctx, (em) => structureIn(em, ctx.tenant.id));
  }

  async structureSvg(ctx: TenantContext): Promise<string> {
    return structureDiagram(ctx.tenant.name, await this.structure(ctx));
  }

  // --- helpers -------------------------------------------------------------------

  /** The body as its page shows it: seats resolved now (and recorded), offices, rules, schools, terms of reference. */
  private async describe(em: EntityManager, ctx: TenantContext, body: BodyRecord): Promise<BodyDto> {
    const bodies = new BodyRepository(em, ctx.tenant.id);
    const seatsRepo = new SeatRepository(em, ctx.tenant.id);
    const resolved = await this.resolvedSeats(em, ctx, body);
    const offices = await bodies.currentOffices(body.id);
    const schools = body.schoolIds.length ? await bodies.schoolsByIds(body.schoolIds) : [];
    const [terms] = await bodies.termsOfReference(body.id);
    const isMember = await seatsRepo.isMember(body.id, ctx.user.id);
    const seats = resolved.seats;
    return {
      id: body.id,
      name: body.name,
      kind: body.kind,
      purpose: body.purpose,
      parentIds: body.parentIds,
      childIds: body.childIds,
      seatCount: seats.filter((s) => s.holder).length,
      rhythm: body.rhythm as unknown as Record<string, unknown> | null,
      quorumRule: body.quorumRule as unknown as Record<string, unknown> | null,
      endsOn: body.endsOn,
      annualRhythm: body.annualRhythm as unknown as Record<string, unknown>[],
      archived: body.archivedAt !== null,
      schools,
      // A general meeting has a seat per member school: the answer carries the first BODY_SEATS_LIMIT, the rest are paged (GET bodies/{id}/seats).
      seats: seats.length > BODY_SEATS_LIMIT ? seats.slice(0, BODY_SEATS_LIMIT) : seats,
      seatTotal: seats.length,
      seatsTruncated: seats.length > BODY_SEATS_LIMIT,
      seatRules: resolved.rules.map((r) => ({ id: r.id, rule: r.rule as unknown as Record<string, unknown>, voting: r.voting, termMonths: r.termMonths, label: r.label, position: r.position })),
      offices: offices.map((o) => ({ office: o.office, userId: o.userId, name: o.name, fromOn: o.fromOn, filledBy: o.filledBy })),
      isMember,
      termsOfReference: terms ? { version: terms.version, text: terms.text, reviewDueOn: terms.reviewDueOn, approvedOn: terms.approvedOn } : null,
    };
  }

  /** The body's seats resolved now (and recorded), in the body's order, as its answers show them; none for an archived body. */
  private async resolvedSeats(em: EntityManager, ctx: TenantContext, body: BodyRecord): Promise<{ rules: SeatRuleRow[]; seats: SeatDto[] }> {
    const [resolved] = body.archivedAt
      ? [{ rules: await new SeatRepository(em, ctx.tenant.id).rules(body.id), seats: [] }]
      : await resolveAndRecordSeats(em, ctx.tenant.id, [body.id], londonToday());
    const kindOf = new Map(resolved!.rules.map((r) => [r.id, r.rule.kind]));
    const seats = resolved!.seats.map((seat) => ({
      id: seat.key,
      rule: seat.ruleId,
      ruleKind: kindOf.get(seat.ruleId) ?? 'unknown',
      label: seat.label,
      voting: seat.voting as SeatVoting,
      holder: seat.holder ? { userId: seat.holder.userId, name: seat.holder.name, schoolUrn: seat.holder.schoolUrn } : null,
    }));
    return { rules: resolved!.rules, seats };
  }

  private async bodyOfRule(em: EntityManager, ctx: TenantContext, ruleId: string): Promise<string> {
    const bodyId = await new SeatRepository(em, ctx.tenant.id).bodyOfRule(ruleId);
    if (!bodyId) throw notFound('seat rule');
    return bodyId;
  }

  private fields(dto: BodyInputDto): BodyFields {
    const problems: FieldProblem[] = [];
    const rhythm = checkRhythm(dto.rhythm);
    const quorum = checkQuorum(dto.quorumRule);
    const annual = checkAnnualRhythm(dto.annualRhythm);
    problems.push(...rhythm.problems, ...quorum.problems, ...annual.problems);
    if (dto.endsOn && !isRealDate(dto.endsOn)) problems.push({ field: 'endsOn', message: 'That date does not exist' });
    if (problems.length) throw invalid(problems);
    return {
      name: dto.name.trim(),
      kind: dto.kind as BodyKind,
      purpose: dto.purpose?.trim() || null,
      rhythm: rhythm.rhythm,
      quorumRule: quorum.quorum,
      endsOn: dto.endsOn ?? null,
      annualRhythm: annual.items,
      position: dto.position ?? null,
    };
  }

  private ruleFields(dto: SeatRuleInputDto): SeatRuleFields {
    const { rule, problems } = checkSeatRule(dto.rule);
    if (!rule) throw invalid(problems);
    return {
      rule: { ...rule, voting: dto.voting, label: dto.label.trim(), ...(dto.termMonths ? { termMonths: dto.termMonths } : {}) } as unknown as SeatRuleFields['rule'],
      voting: dto.voting as SeatVoting,
      termMonths: dto.termMonths ?? null,
      label: dto.label.trim(),
      position: dto.position ?? null,
    };
  }

  private async setParentsIn(bodies: BodyRepository, id: string, parentIds: string[]): Promise<void> {
    const unique = [...new Set(parentIds)];
    if (unique.includes(id)) throw invalid([{ field: 'parentIds', message: 'A body cannot report to itself' }]);
    const found = await bodies.existing(unique);
    if (found.size !== unique.length) throw invalid([{ field: 'parentIds', message: 'Each parent must be a current body of this partnership' }]);
    // Reporting lines must not go round in a circle.
    const links = await bodies.links();
    const parentsOf = new Map<string, string[]>();
    for (const l of links) if (l.childId !== id) parentsOf.set(l.childId, [...(parentsOf.get(l.childId) ?? []), l.parentId]);
    const seen = new Set<string>();
    const stack = [...unique];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === id) throw invalid([{ field: 'parentIds', message: 'That would make the reporting lines go round in a circle' }]);
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parentsOf.get(next) ?? []));
    }
    await bodies.setParents(id, unique);
  }

  private async setSchoolsIn(bodies: BodyRepository, id: string, urns: string[]): Promise<void> {
    const unique = [...new Set(urns)];
    const found = await bodies.memberSchoolIdsByUrn(unique);
    const missing = unique.filter((u) => !found.has(u));
    if (missing.length) throw invalid([{ field: 'schoolUrns', message: `Not members of the partnership: ${missing.join(', ')}` }]);
    await bodies.setSchools(id, [...found.values()]);
  }
}

const KIND_LABELS: Record<BodyKind, string> = {
  board: 'Board',
  strategy_board: 'Strategy board',
  advisory_council: 'Advisory council',
  committee: 'Committee',
  cluster: 'Cluster',
  forum: 'Forum',
  working_party: 'Working party',
  task_group: 'Task-and-finish group',
  general_meeting: 'General meeting',
};

export function currentAcademicYear(today = londonToday()): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

export const isRealDate = (date: string) => isValidIsoDate(date);
const addDay = (date: string, days: number) => addDays(date, days);
const addYear = (date: string) => addMonthsClamped(date, 12);

/** The bodies (with seats held and chair) and reporting lines of the partnership the unit of work is in. */
export async function structureIn(em: EntityManager, tenantId: string): Promise<StructureDto> {
  const bodies = new BodyRepository(em, tenantId);
  const list = await bodies.list();
  const chairs = new Map((await bodies.currentOffices()).filter((o) => o.office === 'chair').map((o) => [o.bodyId, o.name]));
  return {
    bodies: list.map((b) => ({ id: b.id, name: b.name, kind: b.kind, seatCount: b.seatCount, chair: chairs.get(b.id) ?? null })),
    links: await bodies.links(),
  };
}

/** The structure as an accessible SVG (title, description and a text alternative from the domain's structureSvg). */
export function structureDiagram(partnershipName: string, { bodies, links }: StructureDto): string {
  const details = Object.fromEntries(
    bodies.map((b) => [b.id, `${KIND_LABELS[b.kind as BodyKind] ?? b.kind} · ${b.seatCount} ${b.seatCount === 1 ? 'seat' : 'seats'}`]),
  );
  const layout = layoutStructure(
    bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind as BodyKind })),
    links,
  );
  return structureSvg(layout, { title: `How ${partnershipName} is governed`, names: Object.fromEntries(bodies.map((b) => [b.id, b.name])), details });
}
