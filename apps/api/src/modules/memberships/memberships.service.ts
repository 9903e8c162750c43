import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, SchoolRegisterRepository } from '@partnerships/db';
import { categoryEligibility, compareDates, describeNoticeRule, isValidIsoDate, londonToday, type MembershipEvent, possibleEvents } from '@partnerships/domain';
import { invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { listItem } from './member-list.service';
import {
  ADMIN_ACTIONS,
  type AdminAction,
  type ChangeCategoryDto,
  type MembershipActionDto,
  type MembershipDetailDto,
  type NoticeRequestDto,
  type NoticeResultDto,
  type TimelineEntryDto,
} from './membership.dto';
import { MembershipCategoryRepository } from './membership-category.repository';
import { type Actor, MembershipLifecycleService, type MembershipRow, type PreparedInvitation, type TenantRef, toDomain } from './membership-lifecycle.service';
import { type MembershipEventRow, MembershipRepository } from './membership.repository';
import { PupilCountsService } from './pupil-counts.service';

/** The date an event is recorded on: today unless the admin gives an earlier day. */
export function eventDate(given: string | undefined, today: string): string {
  if (given === undefined) return today;
  if (!isValidIsoDate(given)) throw invalid([{ field: 'date', message: 'That is not a real date; write it as YYYY-MM-DD.' }]);
  if (compareDates(given, today) > 0) throw invalid([{ field: 'date', message: 'The date cannot be in the future.' }]);
  return given;
}

/** One `membership_events` row as the timeline shows it. */
export function timelineEntry(e: MembershipEventRow): TimelineEntryDto {
  return {
    id: e.id,
    event: e.event,
    from: e.from ?? null,
    to: e.to,
    on: e.on,
    by: { id: e.actor_user_id ?? null, name: e.actor_name },
    note: e.note ?? null,
    data: e.data ?? null,
    recordedAt: e.created_at.toISOString(),
  };
}

/** One member school: its page, the admin's lifecycle actions, category changes and notice. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: MembershipLifecycleService,
    private readonly pupilCounts: PupilCountsService,
  ) {}

  async detail(ctx: TenantContext, id: string): Promise<MembershipDetailDto> {
    if (!isUuid(id)) throw notFound('membership');
    return inTenant(this.db, ctx, (em) => this.detailIn(em, ctx.tenant.id, id));
  }

  /** The full member page: list fields, category, application, notice, timeline, people and pupil number. */
  async detailIn(em: EntityManager, tenantId: string, id: string): Promise<MembershipDetailDto> {
    const members = new MembershipRepository(em, tenantId);
    const row = await members.findListRow(id);
    if (!row) throw notFound('membership');
    const full = await this.lifecycle.load(em, tenantId, id);
    const category = await new MembershipCategoryRepository(em, tenantId).findSummary(row.category);
    const timeline = await members.timeline(id);
    const people = await new SchoolRegisterRepository(em).peopleOf(row.school_id);
    const notice = full.notice ?? null;
    return {
      ...listItem(row),
      categoryDetail: category ? { ...category, description: category.description ?? null } : null,
      suspendedFrom: full.suspended_from ?? null,
      leftOn: full.left_on ?? null,
      application: (full.application as Record<string, unknown> | null) ?? null,
      notice: notice ? { givenOn: notice.givenOn, givenBy: notice.givenBy, leavingOn: notice.leavingOn, explanation: notice.explanation } : null,
      possibleActions: possibleEvents(toDomain(full)).filter((e) => e !== 'apply'),
      timeline: timeline.map(timelineEntry),
      schoolPeople: people.map(({ userId: _userId, ...person }) => person),
      pupilNumber: await this.pupilCounts.pupilFigure(em, tenantId, row.school_id, row.pupils),
    };
  }

  /** An admin's lifecycle action, driven by the domain's `transition()`. */
  async act(ctx: TenantContext, id: string, action: string, dto: MembershipActionDto): Promise<MembershipDetailDto> {
    if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) throw notFound('action');
    if (!isUuid(id)) throw notFound('membership');
    await this.runAction(ctx, id, action as AdminAction, dto);
    return this.detail(ctx, id);
  }

  /** Runs one admin action in its own transaction, then sends the e-mails that follow. */
  async runAction(ctx: TenantContext, id: string, action: AdminAction, dto: MembershipActionDto): Promise<void> {
    const today = londonToday();
    const at = eventDate(dto.date, today);
    const actor: Actor = { id: ctx.user.id, name: ctx.user.name };
    const tenant: TenantRef = { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name };
    const note = dto.note?.trim() || undefined;
    const event = (action === 'rejoin' ? { type: 'rejoin', to: 'invited', by: actor, at, note } : { type: action, by: actor, at, note }) as MembershipEvent;
    let invitation: PreparedInvitation | undefined;
    const outcome = await inTenant(this.db, ctx, async (em) => {
      const row = await this.lifecycle.load(em, tenant.id, id, true);
      let data: Record<string, unknown> | undefined;
      if (action === 'invite' || action === 'rejoin') {
        // Check the move is allowed before anyone is written to or e-mailed.
        await this.lifecycle.apply(em, tenant.id, row, event, { persist: false, today });
        invitation = await this.lifecycle.prepareInvitation(em, tenant, row, actor, dto.email);
        data = { invited: [...invitation.contacts.map((c) => c.email), ...(invitation.newPerson ? [invitation.newPerson.email] : [])] };
      }
      return this.lifecycle.apply(em, tenant.id, row, event, { persist: true, today, ...(data ? { data } : {}) });
    });
    await this.lifecycle.notify(tenant, outcome, actor, invitation);
  }

  async changeCategory(ctx: TenantContext, id: string, dto: ChangeCategoryDto): Promise<MembershipDetailDto> {
    if (!isUuid(id)) throw notFound('membership');
    return inTenant(this.db, ctx, async (em) => {
      const row: MembershipRow = await this.lifecycle.load(em, ctx.tenant.id, id, true);
      const category = await new MembershipCategoryRepository(em, ctx.tenant.id).findCurrentRules(dto.category);
      if (!category) throw invalid([{ field: 'category', message: `There is no current category with the code "${dto.category}".` }]);
      const school = (await new SchoolRegisterRepository(em).findEligibilityFacts(row.school_id))!;
      const reasons = categoryEligibility(category, { phase: school.phase, type: school.type, localAuthority: school.local_authority });
      if (reasons.length > 0) throw invalid([{ field: 'category', message: reasons.join(' ') }]);
      if (row.category !== dto.category) {
        const members = new MembershipRepository(em, ctx.tenant.id);
        await members.setCategory(id, dto.category);
        await members.recordEvent({
          membershipId: id,
          event: 'change-category',
          from: row.status,
          to: row.status,
          on: londonToday(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          data: { from: row.category, to: dto.category },
        });
      }
      return this.detailIn(em, ctx.tenant.id, id);
    });
  }

  /** Notice for a school, worked out by the domain: a preview unless `confirm` is true. */
  async notice(ctx: TenantContext, id: string, dto: NoticeRequestDto): Promise<NoticeResultDto> {
    if (!isUuid(id)) throw notFound('membership');
    const today = londonToday();
    const at = eventDate(dto.date, today);
    const actor: Actor = { id: ctx.user.id, name: ctx.user.name };
    const tenant: TenantRef = { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name };
    return this.giveNotice(tenant, actor, { confirm: dto.confirm, at, today, note: dto.note }, (em) => this.lifecycle.load(em, tenant.id, id, dto.confirm));
  }

  /** Shared by the partnership's and the school's notice routes. */
  async giveNotice(
    tenant: TenantRef,
    actor: Actor,
    request: { confirm: boolean; at: string; today: string; note?: string },
    find: (em: EntityManager) => Promise<MembershipRow>,
  ): Promise<NoticeResultDto> {
    const note = request.note?.trim() || undefined;
    const outcome = await this.db.inTenant(tenant.id, { userId: actor.id }, async (em) => {
      const row = await find(em);
      return this.lifecycle.apply(em, tenant.id, row, { type: 'give-notice', by: actor, at: request.at, ...(note ? { note } : {}) }, { persist: request.confirm, today: request.today });
    });
    if (request.confirm) await this.lifecycle.notify(tenant, outcome, actor);
    const notice = outcome.membership.notice!;
    return {
      leavingOn: notice.leavingOn,
      explanation: notice.explanation,
      givenOn: notice.givenOn,
      noticeRule: describeNoticeRule(outcome.context.noticeRule),
      confirmed: request.confirm,
      status: request.confirm ? outcome.membership.state : outcome.row.status,
    };
  }
}
