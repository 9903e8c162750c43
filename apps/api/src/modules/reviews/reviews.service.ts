import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import {
  checkAssignment,
  DomainRefusal,
  isSchoolDay,
  type ReportEvent,
  reportTransition,
  type ReviewActionStatus,
  type ReviewActor,
  type ReviewRole,
} from '@partnerships/domain';
import { subjectOf } from '../../common/ability.factory';
import { AppError, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { schoolFor } from '../school-portal/school-access';
import { ReviewProgrammeRepository } from './review-programme.repository';
import { ReviewRepository, type ReviewRow } from './review.repository';
import { reviewDto, reviewSummaries } from './review-views';
import type { ReviewActionInputDto, ReviewActionUpdateDto, FocusInputDto, HeadResponseDto, ParticipantInputDto, ReportStepDto, ReviewQueryDto, ReviewUpdateDto, TrainingInputDto } from './reviews.dto';
import { ReviewerTenantsRepository } from './school-review.repository';

const canManage = (ctx: TenantContext) => ctx.ability.can('manage', subjectOf('Review', { tenantId: ctx.tenant.id }));

/** Peer reviews: people and conflicts, visits, the report's course, agreed actions and reviewers. */
@Injectable()
export class ReviewsService {
  constructor(private readonly db: Database) {}

  /** Coordinators see every review; anyone else the reviews they take part in. */
  async list(ctx: TenantContext, query: ReviewQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const rows = await reviews.list({ programmeId: query.programmeId ?? null, academicYearStart: query.year ?? null, participantUserId: canManage(ctx) ? null : ctx.user.id });
      return { items: await reviewSummaries(reviews, rows.filter((r) => r.status !== 'cancelled')) };
    });
  }

  async get(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const { review } = await this.visible(ctx, reviews, id);
      return this.full(reviews, review);
    });
  }

  /** Moves the visit; it must fall on a school day of the partnership's calendar. */
  async update(ctx: TenantContext, id: string, dto: ReviewUpdateDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const review = isUuid(id) ? await reviews.findById(id) : null;
      if (!review) throw notFound('review');
      const year = Number(dto.visitOn.slice(0, 4));
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      const terms = [...(await programmes.termDates(year - 1)), ...(await programmes.termDates(year))];
      if (!isSchoolDay(dto.visitOn, terms)) throw invalid([{ field: 'visitOn', message: 'Choose a school day: not a weekend, a holiday or a bank holiday' }]);
      await reviews.setVisit(id, dto.visitOn);
      return this.full(reviews, (await reviews.findById(id))!);
    });
  }

  /** Adds or changes someone's role; a conflict of interest is refused unless the coordinator gives a reason. */
  async addParticipant(ctx: TenantContext, id: string, dto: ParticipantInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const review = isUuid(id) ? await reviews.lockForUpdate(id) : null;
      if (!review) throw notFound('review');
      if (review.status === 'final' || review.status === 'cancelled') throw new AppError('conflict', 409, 'The review is closed: its team can no longer change.');
      const user = await reviews.userById(dto.userId);
      if (!user) throw invalid([{ field: 'userId', message: 'We could not find that person' }]);
      let schoolId: string | null;
      if (dto.schoolUrn) {
        const ids = await new ReviewProgrammeRepository(em, ctx.tenant.id).memberSchoolIdsByUrn([dto.schoolUrn]);
        schoolId = ids.get(dto.schoolUrn) ?? null;
        if (!schoolId) throw invalid([{ field: 'schoolUrn', message: 'Not a member school' }]);
      } else {
        schoolId = (await reviews.headSchoolIds(dto.userId))[0] ?? null;
      }
      const programme = (await new ReviewProgrammeRepository(em, ctx.tenant.id).findById(review.programmeId))!;
      const checked = checkAssignment(schoolId ? { id: schoolId } : null, { id: review.schoolId }, programme.conflictRules, dto.overrideReason);
      if (!checked.ok) throw new DomainRefusal(checked.refusals);
      const reason = checked.value.length ? dto.overrideReason!.trim() : null;
      if (dto.role === 'lead') await reviews.demoteLead(id, dto.userId);
      await reviews.addParticipant(id, dto.userId, schoolId, dto.role as ReviewRole, reason, checked.value);
      return this.full(reviews, review);
    });
  }

  async removeParticipant(ctx: TenantContext, participantId: string) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const participant = isUuid(participantId) ? await reviews.findParticipant(participantId) : null;
      const review = participant ? await reviews.lockForUpdate(participant.reviewId) : null;
      if (!participant || !review || !(await reviews.removeParticipant(review.id, participant.id))) throw notFound('review participant');
      return this.full(reviews, review);
    });
  }

  async cancel(ctx: TenantContext, id: string) {
    return this.step(ctx, id, { type: 'cancel' }, null);
  }

  /** The report's course: the lead drafts and finalises, QA (or the coordinator) quality-assures. */
  async report(ctx: TenantContext, id: string, dto: ReportStepDto) {
    const event: ReportEvent = dto.step === 'quality_assure' ? { type: 'quality_assure', approved: dto.approved !== false } : { type: dto.step as 'submit_draft' | 'finalise' };
    return this.step(ctx, id, event, dto.body);
  }

  private async step(ctx: TenantContext, id: string, event: ReportEvent, body: string | null) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const { review, role } = await this.visible(ctx, reviews, id, true);
      const people = await reviews.participants([review.id]);
      const actor: ReviewActor = event.type === 'cancel' || (event.type === 'quality_assure' && role !== 'qa') ? (canManage(ctx) ? 'coordinator' : (role ?? 'member')) : (role ?? 'coordinator');
      const result = reportTransition({ status: review.status, qaApproved: review.qaApproved, qaRequired: people.some((p) => p.role === 'qa') }, event, actor);
      if (!result.ok) throw new DomainRefusal(result.refusals);
      const { state, version } = result.value;
      if (version && body !== null) await reviews.addReport(review.id, version, body.trim(), event.type === 'quality_assure' ? event.approved : null, ctx.user.id);
      await reviews.setState(review.id, state.status, state.qaApproved);
      return this.full(reviews, (await reviews.findById(review.id))!);
    });
  }

  async addAction(ctx: TenantContext, id: string, dto: ReviewActionInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const { review, role } = await this.visible(ctx, reviews, id);
      if (role !== 'lead' && !canManage(ctx)) throw new AppError('forbidden', 403, 'Only the lead reviewer or the coordinator records the actions a review agreed.');
      await reviews.addAction(review.id, dto.text.trim(), dto.owner?.trim() || null, dto.dueOn ?? null);
      return this.full(reviews, review);
    });
  }

  async updateAction(ctx: TenantContext, actionId: string, dto: ReviewActionUpdateDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const action = isUuid(actionId) ? await reviews.findAction(actionId) : null;
      if (!action) throw notFound('action');
      const { review, role } = await this.visible(ctx, reviews, action.reviewId);
      if (role !== 'lead' && !canManage(ctx)) throw new AppError('forbidden', 403, 'Only the lead reviewer or the coordinator follows up the actions.');
      await reviews.updateAction(actionId, dto.status as ReviewActionStatus, dto.followUpNote?.trim() || null);
      return this.full(reviews, review);
    });
  }

  /** Starts this review from the actions its school's last review left open. */
  async carryForward(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const { review, role } = await this.visible(ctx, reviews, id);
      if (role !== 'lead' && !canManage(ctx)) throw new AppError('forbidden', 403, 'Only the lead reviewer or the coordinator carries actions forward.');
      if (!review.previousReviewId) return { carried: 0 };
      return { carried: await reviews.carryForwardActions(review.id, review.previousReviewId) };
    });
  }

  async reviewers(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({
      items: (await new ReviewRepository(em, ctx.tenant.id).reviewers()).map((r) => ({ userId: r.userId, name: r.name, reviewsLed: r.reviewsLed, reviewsJoined: r.reviewsJoined, training: r.training })),
    }));
  }

  async addTraining(ctx: TenantContext, dto: TrainingInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      if (!(await reviews.userById(dto.userId))) throw invalid([{ field: 'userId', message: 'We could not find that person' }]);
      return { id: await reviews.addTraining(dto.userId, dto.course.trim(), dto.completedOn) };
    });
  }

  // --- the head's side, through the school portal --------------------------------

  /** Every peer review of the school, in each partnership it belongs to, with the report as it stands. */
  async forSchool(ctx: AuthedContext, urn: string) {
    const { school, tenants } = await this.school(ctx, urn, false);
    const items = [];
    for (const tenant of tenants) {
      const found = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const reviews = new ReviewRepository(em, tenant.id);
        const rows = (await reviews.list({ schoolIds: [school.id] })).filter((r) => r.confirmed && r.status !== 'cancelled');
        const out = [];
        for (const row of rows) out.push(await this.full(reviews, row));
        return out;
      });
      items.push(...found);
    }
    return { items };
  }

  async agreeFocus(ctx: AuthedContext, urn: string, id: string, dto: FocusInputDto) {
    return this.asHead(ctx, urn, id, async (reviews, review) => {
      if (review.status !== 'planned') throw new AppError('conflict', 409, 'The focus is agreed before the report is drafted.');
      await reviews.setFocus(review.id, dto.focus.trim(), ctx.user.id);
    });
  }

  async respond(ctx: AuthedContext, urn: string, id: string, dto: HeadResponseDto) {
    return this.asHead(ctx, urn, id, async (reviews, review) => {
      const people = await reviews.participants([review.id]);
      const result = reportTransition({ status: review.status, qaApproved: review.qaApproved, qaRequired: people.some((p) => p.role === 'qa') }, { type: 'respond' }, 'head');
      if (!result.ok) throw new DomainRefusal(result.refusals);
      await reviews.addReport(review.id, 'head_response', dto.body.trim(), null, ctx.user.id);
      await reviews.setState(review.id, result.value.state.status, result.value.state.qaApproved);
    });
  }

  private async asHead(ctx: AuthedContext, urn: string, id: string, work: (reviews: ReviewRepository, review: ReviewRow) => Promise<void>) {
    const { school, tenants } = await this.school(ctx, urn, true);
    if (!isUuid(id)) throw notFound('review');
    for (const tenant of tenants) {
      const done = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const reviews = new ReviewRepository(em, tenant.id);
        const review = await reviews.lockForUpdate(id);
        if (!review || review.schoolId !== school.id || !review.confirmed) return null;
        await work(reviews, review);
        return this.full(reviews, (await reviews.findById(id))!);
      });
      if (done) return done;
    }
    throw notFound('review');
  }

  private async school(ctx: AuthedContext, urn: string, headOnly: boolean) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, headOnly ? ['headteacher'] : undefined, 'respond to a review');
      return { school, tenants: await new ReviewerTenantsRepository(em).tenantsOfSchool(school.id) };
    });
  }

  /** The review, if the caller coordinates or takes part (else 404), and their role on it. */
  private async visible(ctx: TenantContext, reviews: ReviewRepository, id: string, lock = false): Promise<{ review: ReviewRow; role: ReviewRole | null }> {
    const review = isUuid(id) ? await (lock ? reviews.lockForUpdate(id) : reviews.findById(id)) : null;
    if (!review) throw notFound('review');
    const role = (await reviews.participants([review.id])).find((p) => p.userId === ctx.user.id)?.role ?? null;
    if (!role && !canManage(ctx)) throw notFound('review');
    return { review, role };
  }

  private async full(reviews: ReviewRepository, review: ReviewRow) {
    const people = await reviews.participants([review.id]);
    const report = await reviews.reports(review.id);
    const actions = await reviews.actions([review.id]);
    return reviewDto(review, people, report, actions);
  }
}
