import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, TenantRepository } from '@partnerships/db';
import { confidentialReaderKind, ROLE_LABELS } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { AppError, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import { InvitationRepository } from '../auth/invitation.repository';
import { hashToken, newToken } from '../auth/session-token';
import { schoolFor } from '../school-portal/school-access';
import type { AppointInputDto, ConfidentialReportDto, ReportContentInputDto, RequirementsDto, SchoolReviewDto, ShareInputDto } from './reviews.dto';
import { ReviewerTenantsRepository, type SchoolReviewRow, SchoolReviewRepository } from './school-review.repository';

const INVITATION_DAYS = 7;

interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

const reviewDto = (tenant: TenantRef, r: SchoolReviewRow): SchoolReviewDto => ({
  id: r.id,
  tenantSlug: tenant.slug,
  partnershipName: tenant.name,
  school: { id: r.schoolId, urn: r.schoolUrn, name: r.schoolName },
  academicYearStart: r.academicYearStart,
  reviewerName: r.reviewerName,
  reviewerAccepted: r.reviewerUserId !== null,
  visitOn: r.visitOn,
  reportReady: r.reportReadyAt !== null,
});

/**
 * Confidential school development reviews. The content is read and written only through
 * `/me/confidential-reviews/{id}` by the reviewer, the head and active share recipients; row-level
 * security on `sdr_reports` says the same in the database. Every read is recorded. No e-mail,
 * list, export or audit entry carries the content: mails say only that a report is ready, with a link.
 */
@Injectable()
export class SchoolReviewsService {
  constructor(
    private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  // --- the partnership's side: requirements and appointments, never content ---

  async requirements(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ categoryCodes: await new SchoolReviewRepository(em, ctx.tenant.id).requiredCategories() }));
  }

  async setRequirements(ctx: TenantContext, dto: RequirementsDto) {
    return inTenant(this.db, ctx, async (em) => {
      const sdr = new SchoolReviewRepository(em, ctx.tenant.id);
      const known = new Set(await sdr.knownCategories());
      const codes = [...new Set(dto.categoryCodes.map((c) => c.trim()))];
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw invalid([{ field: 'categoryCodes', message: `Not membership categories here: ${unknown.join(', ')}` }]);
      await sdr.setRequiredCategories(codes);
      return { categoryCodes: await sdr.requiredCategories() };
    });
  }

  async list(ctx: TenantContext, year: number | undefined) {
    return inTenant(this.db, ctx, async (em) => {
      const sdr = new SchoolReviewRepository(em, ctx.tenant.id);
      const rows = await sdr.list();
      const missing = year ? await sdr.missing(year) : [];
      return { items: rows.map((r) => reviewDto(ctx.tenant, r)), missing: missing.map((m) => ({ id: m.schoolId, urn: m.urn, name: m.name })) };
    });
  }

  async get(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const row = isUuid(id) ? await new SchoolReviewRepository(em, ctx.tenant.id).findById(id) : null;
      if (!row) throw notFound('school development review');
      return reviewDto(ctx.tenant, row);
    });
  }

  /** Appoints the external reviewer: a person with an account is told; anyone else is invited through the usual invitation. */
  async appoint(ctx: TenantContext, dto: AppointInputDto) {
    const email = dto.reviewerEmail.trim().toLowerCase();
    const token = newToken();
    const { id, reviewer, invitationId, schoolName } = await inTenant(this.db, ctx, async (em) => {
      const sdr = new SchoolReviewRepository(em, ctx.tenant.id);
      const school = await sdr.memberSchoolByUrn(dto.schoolUrn);
      if (!school) throw invalid([{ field: 'schoolUrn', message: 'Not a member school' }]);
      if (await sdr.exists(school.id, dto.academicYearStart)) throw new AppError('conflict', 409, `${school.name} already has a school development review that year.`, [{ field: 'academicYearStart', message: 'Already has a review that year' }]);
      const reviewer = await sdr.userByEmail(email);
      if (reviewer && (await sdr.headIds(school.id)).includes(reviewer.id)) throw invalid([{ field: 'reviewerEmail', message: 'The school’s own head cannot be its external reviewer' }]);
      let invitationId: string | null = null;
      if (reviewer) await new TenantRepository(em).grantRole(ctx.tenant.id, reviewer.id, 'reviewer');
      else {
        const invitation = await new InvitationRepository(em).create({ tenantId: ctx.tenant.id, email, role: 'reviewer', tokenHash: hashToken(token), invitedBy: ctx.user.id, days: INVITATION_DAYS });
        invitationId = invitation.id;
      }
      const id = await sdr.create({ schoolId: school.id, academicYearStart: dto.academicYearStart, reviewerUserId: reviewer?.id ?? null, reviewerEmail: email, invitationId, visitOn: dto.visitOn ?? null, appointedBy: ctx.user.id });
      return { id, reviewer, invitationId, schoolName: school.name };
    });
    if (invitationId) {
      await this.queue.enqueue(
        JobName.SendMail,
        {
          template: 'invitation',
          to: email,
          tenantId: ctx.tenant.id,
          data: { partnershipName: ctx.tenant.name, role: ROLE_LABELS.reviewer.toLowerCase(), invitedBy: ctx.user.name, link: `${this.base()}/invitations/accept?token=${token}` },
        },
        { jobId: `invitation-${invitationId}` },
      );
    } else if (reviewer) {
      await this.mail(ctx.tenant, reviewer.email, 'You are the reviewer for a school development review', [`${ctx.user.name} has appointed you to review ${schoolName}.`], id, `sdr-appointed-${id}`);
    }
    return { id };
  }

  // --- the people who may read: reviewer, head, share recipients ---

  /** The confidential reviews the person may open, in every partnership: as reviewer, head or share recipient. */
  async mine(ctx: AuthedContext) {
    const items: SchoolReviewDto[] = [];
    for (const tenant of await this.tenantsOf(ctx)) {
      const rows = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const sdr = new SchoolReviewRepository(em, tenant.id);
        await sdr.bindReviewer(ctx.user.id, ctx.user.email);
        const ids = await sdr.idsFor(ctx.user.id);
        return ids.length ? sdr.list({ ids }) : [];
      });
      items.push(...rows.map((r) => reviewDto(tenant, r)));
    }
    return { items };
  }

  /** The report, for the reviewer, the head or a share recipient; each read is recorded. Anyone else: 404. */
  async read(ctx: AuthedContext, id: string): Promise<ConfidentialReportDto> {
    return this.asReader(ctx, id, async (sdr, tenant, row, kind) => {
      const report = await sdr.reportContent(row.id);
      await sdr.recordRead(row.id, ctx.user.id, kind);
      const shares = kind === 'share' ? [] : await sdr.shares(row.id);
      return {
        ...reviewDto(tenant, row),
        readingAs: kind,
        content: report?.content ?? null,
        shares: shares.map((s) => ({ id: s.id, userName: s.userName, bodyName: s.bodyName, sharedAt: new Date(s.sharedAt).toISOString(), revokedAt: s.revokedAt })),
      };
    });
  }

  /** Whether the person may open the review at all (for the route guard, before the body is read): 404 otherwise. */
  async assertReader(ctx: AuthedContext, id: string): Promise<void> {
    await this.asReader(ctx, id, async () => true);
  }

  /** The reviewer writes the report; `ready` tells the head (once) that it is ready, without its content. */
  async write(ctx: AuthedContext, id: string, dto: ReportContentInputDto) {
    const done = await this.asReader(ctx, id, async (sdr, tenant, row, kind) => {
      if (kind !== 'reviewer') throw new AppError('forbidden', 403, 'Only the reviewer writes the report.');
      await sdr.saveReport(row.id, dto.content, ctx.user.id);
      const nowReady = dto.ready ? await sdr.markReady(row.id) : false;
      return { tenant, row, heads: nowReady ? await sdr.headContacts(row.schoolId) : [] };
    });
    for (const head of done.heads) {
      await this.mail(done.tenant, head.email, 'A school development review report is ready', [`The school development review report for ${done.row.schoolName} is ready for you to read.`], done.row.id, `sdr-ready-${done.row.id}-${head.id}`);
    }
    return { ok: true };
  }

  // --- the head: shares, revocations and the read log, through the school portal ---

  async share(ctx: AuthedContext, urn: string, id: string, dto: ShareInputDto) {
    if (!dto.email === !dto.bodyId) throw invalid([{ field: 'email', message: 'Share with one person (by e-mail) or one body' }]);
    const done = await this.asHead(ctx, urn, id, async (sdr, tenant, row) => {
      let target: { userId: string | null; bodyId: string | null };
      let notify: { email: string; id: string } | null = null;
      if (dto.email) {
        const user = await sdr.userByEmail(dto.email.trim());
        if (!user) throw invalid([{ field: 'email', message: 'Nobody with that e-mail address has an account' }]);
        target = { userId: user.id, bodyId: null };
        notify = { email: user.email, id: user.id };
      } else {
        if (!(await sdr.bodyExists(dto.bodyId!))) throw invalid([{ field: 'bodyId', message: 'We could not find that body' }]);
        target = { userId: null, bodyId: dto.bodyId! };
      }
      const shareId = await sdr.addShare(row.id, target, ctx.user.id);
      return { tenant, row, notify, shareId, shares: await sdr.shares(row.id) };
    });
    if (done.notify) {
      await this.mail(done.tenant, done.notify.email, 'A school development review report has been shared with you', [`The headteacher of ${done.row.schoolName} has shared a school development review report with you.`], done.row.id, `sdr-share-${done.shareId}`);
    }
    return { items: done.shares.map((s) => ({ id: s.id, userName: s.userName, bodyName: s.bodyName, sharedAt: new Date(s.sharedAt).toISOString(), revokedAt: s.revokedAt })) };
  }

  async revoke(ctx: AuthedContext, urn: string, shareId: string) {
    if (!isUuid(shareId)) throw notFound('share');
    return this.asHead(ctx, urn, async (sdr) => (await sdr.findShare(shareId))?.sdrReviewId ?? null, async (sdr, _tenant, row) => {
      if (!(await sdr.revokeShare(row.id, shareId, ctx.user.id))) throw notFound('share');
      return { items: (await sdr.shares(row.id)).map((s) => ({ id: s.id, userName: s.userName, bodyName: s.bodyName, sharedAt: new Date(s.sharedAt).toISOString(), revokedAt: s.revokedAt })) };
    });
  }

  async reads(ctx: AuthedContext, urn: string, id: string) {
    return this.asHead(ctx, urn, id, async (sdr, _tenant, row) => ({
      items: (await sdr.reads(row.id)).map((r) => ({ name: r.name, readerKind: r.readerKind, readAt: new Date(r.readAt).toISOString() })),
    }));
  }

  async forSchool(ctx: AuthedContext, urn: string) {
    const { school, tenants } = await this.school(ctx, urn);
    const items: SchoolReviewDto[] = [];
    for (const tenant of tenants) {
      const rows = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => new SchoolReviewRepository(em, tenant.id).list({ schoolIds: [school.id] }));
      items.push(...rows.map((r) => reviewDto(tenant, r)));
    }
    return { items };
  }

  // --- helpers ---

  private async asReader<T>(ctx: AuthedContext, id: string, work: (sdr: SchoolReviewRepository, tenant: TenantRef, row: SchoolReviewRow, kind: 'reviewer' | 'head' | 'share') => Promise<T>): Promise<T> {
    if (!isUuid(id)) throw notFound('school development review');
    for (const tenant of await this.tenantsOf(ctx)) {
      const found = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const sdr = new SchoolReviewRepository(em, tenant.id);
        await sdr.bindReviewer(ctx.user.id, ctx.user.email);
        const row = await sdr.findById(id);
        if (!row) return null;
        const kind = confidentialReaderKind(
          ctx.user.id,
          { reviewerUserId: row.reviewerUserId, headUserIds: await sdr.headIds(row.schoolId), shares: await sdr.shares(row.id) },
          await sdr.seatBodyIds(ctx.user.id),
        );
        if (!kind) return null;
        return { value: await work(sdr, tenant, row, kind) };
      });
      if (found) return found.value;
    }
    throw notFound('school development review');
  }

  /** As the school's head, on a review of the school (given by id, or found from another id such as a share's). */
  private async asHead<T>(
    ctx: AuthedContext,
    urn: string,
    id: string | ((sdr: SchoolReviewRepository) => Promise<string | null>),
    work: (sdr: SchoolReviewRepository, tenant: TenantRef, row: SchoolReviewRow) => Promise<T>,
  ): Promise<T> {
    const { school, tenants } = await this.school(ctx, urn, true);
    if (typeof id === 'string' && !isUuid(id)) throw notFound('school development review');
    for (const tenant of tenants) {
      const found = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const sdr = new SchoolReviewRepository(em, tenant.id);
        const reviewId = typeof id === 'string' ? id : await id(sdr);
        const row = reviewId ? await sdr.findById(reviewId) : null;
        if (!row || row.schoolId !== school.id) return null;
        return { value: await work(sdr, tenant, row) };
      });
      if (found) return found.value;
    }
    throw notFound('school development review');
  }

  private school(ctx: AuthedContext, urn: string, headOnly = false) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, headOnly ? ['headteacher'] : undefined, 'share a school development review');
      return { school, tenants: await new ReviewerTenantsRepository(em).tenantsOfSchool(school.id) };
    });
  }

  private tenantsOf(ctx: AuthedContext) {
    return this.db.asPlatform({ userId: ctx.user.id }, (em) => new ReviewerTenantsRepository(em).tenantsOf(ctx.user.id));
  }

  private base() {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }

  /** Says only that something happened, with a link: never the report's content. */
  private async mail(tenant: TenantRef, to: string, headline: string, details: string[], reviewId: string, jobId: string) {
    await this.queue.enqueue(
      JobName.SendMail,
      {
        template: 'event-booking',
        to,
        tenantId: tenant.id,
        data: { partnershipName: tenant.name, eventTitle: 'School development review', headline, details, link: `${this.base()}/me/confidential-reviews/${reviewId}`, linkLabel: 'Open the review' },
      },
      { jobId },
    );
  }
}
