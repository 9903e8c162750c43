import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, SchoolRegisterRepository, TenantRepository } from '@partnerships/db';
import {
  academicYearOf,
  addDays,
  checkPupilCount,
  compareDates,
  deadlineDate,
  describeNoticeRule,
  MEMBERSHIP_STATE_LABELS,
  type MembershipApplication,
  type MembershipEvent,
  type MembershipState,
  possibleEvents,
} from '@partnerships/domain';
import { invalid, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import type { NoticeResultDto } from '../memberships/membership.dto';
import { type Actor, MembershipLifecycleService, type MembershipRow, type TenantRef, toDomain } from '../memberships/membership-lifecycle.service';
import { MembershipCategoryRepository } from '../memberships/membership-category.repository';
import { MembershipRepository } from '../memberships/membership.repository';
import { MembershipsService, timelineEntry } from '../memberships/memberships.service';
import { PupilCountRepository } from '../memberships/pupil-count.repository';
import { pupilCountDto, PupilCountsService } from '../memberships/pupil-counts.service';
import { TenantDocumentRepository } from '../memberships/tenant-document.repository';
import { documentDto } from '../memberships/tenant-documents.service';
import { londonToday } from '@partnerships/domain';
import type { ApplyDto, MySchoolsDto, SchoolHomeDto, SchoolMembershipDetailDto, SchoolMembershipOverviewDto, SchoolNoteDto, SchoolNoticeDto, SchoolPupilCountsDto, SubmitPupilCountDto } from './school-membership.dto';
import { ACTS_FOR_SCHOOL, type SchoolAccess, schoolFor } from './school-access';
import { SchoolPortalRepository } from './school-portal.repository';
import { CalendarFeedRepository } from '../governance/calendar-feed.repository';
import { governanceViewIn } from '../governance/my-governance';

const SCHOOL_ACTIONS = ['apply', 'give-notice', 'withdraw-application'];

/** What the school home has already read for a partnership, in one query for all of them: the membership, and the partnership's notice rule and contact details. */
interface KnownMembership {
  row: MembershipRow;
  noticeRule: unknown;
  contact: { contactEmail: string | null; contactPhone: string | null; website: string | null };
}
const SEES_DOCUMENTS: MembershipState[] = ['approved', 'active', 'notice-given', 'suspended'];

/** The school's side of its memberships: what a headteacher or business manager sees and does. */
@Injectable()
export class SchoolMembershipService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: MembershipLifecycleService,
    private readonly memberships: MembershipsService,
    private readonly pupilNumbers: PupilCountsService,
  ) {}

  /** Every school the person acts for, with every membership of each (an executive head sees them all at once). */
  async mySchools(ctx: AuthedContext): Promise<MySchoolsDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const schools = await new SchoolRegisterRepository(em).schoolsOf(ctx.user.id);
      // Row-level security lets a school's own people read its memberships in every partnership.
      const memberships = await new SchoolPortalRepository(em).membershipsOfSchools(schools.map((s) => s.id));
      return {
        schools: schools.map(({ id, ...school }) => ({
          ...school,
          memberships: memberships
            .filter((m) => m.school_id === id)
            .map(({ school_id: _school, ...m }) => ({ ...m, statusLabel: MEMBERSHIP_STATE_LABELS[m.status] ?? m.status })),
        })),
      };
    });
  }

  async detail(ctx: AuthedContext, urn: string, slug: string): Promise<SchoolMembershipDetailDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => this.detailIn(em, tenant, school));
  }

  async apply(ctx: AuthedContext, urn: string, slug: string, dto: ApplyDto): Promise<SchoolMembershipDetailDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug, ACTS_FOR_SCHOOL, 'apply');
    const today = londonToday();
    const actor: Actor = { id: ctx.user.id, name: ctx.user.name };
    const outcome = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const row = await this.membership(em, tenant, school, true);
      const settings = await this.lifecycle.context(em, tenant.id, today);
      const application: MembershipApplication = {
        contact: { name: dto.contact.name.trim(), email: dto.contact.email.trim().toLowerCase(), ...(dto.contact.role?.trim() ? { role: dto.contact.role.trim() } : {}), ...(dto.contact.phone?.trim() ? { phone: dto.contact.phone.trim() } : {}) },
        contactDetailsConfirmed: dto.contactDetailsConfirmed,
        pupilNumber: dto.pupilNumber,
        ...(dto.acceptTerms ? { termsAccepted: { by: actor, at: today } } : {}),
        ...(dto.acceptLiabilityGuarantee && settings.liabilityGuaranteePence ? { liabilityGuaranteeAccepted: { by: actor, at: today, amountPence: settings.liabilityGuaranteePence } } : {}),
      };
      const event: MembershipEvent =
        row.status === 'left' ? { type: 'rejoin', to: 'applied', by: actor, at: today, application } : { type: 'apply', by: actor, at: today, application };
      return this.lifecycle.apply(em, tenant.id, row, event, { persist: true, today, data: { acceptedAt: new Date().toISOString() } });
    });
    await this.lifecycle.notify(tenant, outcome, actor);
    return this.detail(ctx, urn, slug);
  }

  async notice(ctx: AuthedContext, urn: string, slug: string, dto: SchoolNoticeDto): Promise<NoticeResultDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug, ACTS_FOR_SCHOOL, 'give notice');
    const today = londonToday();
    return this.memberships.giveNotice(tenant, { id: ctx.user.id, name: ctx.user.name }, { confirm: dto.confirm, at: today, today, note: dto.note }, (em) =>
      this.membership(em, tenant, school, dto.confirm),
    );
  }

  async withdrawApplication(ctx: AuthedContext, urn: string, slug: string, dto: SchoolNoteDto): Promise<SchoolMembershipDetailDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug, ACTS_FOR_SCHOOL, 'withdraw the application');
    const today = londonToday();
    const actor: Actor = { id: ctx.user.id, name: ctx.user.name };
    const note = dto.note?.trim() || undefined;
    const outcome = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const row = await this.membership(em, tenant, school, true);
      return this.lifecycle.apply(em, tenant.id, row, { type: 'withdraw-application', by: actor, at: today, ...(note ? { note } : {}) }, { persist: true, today });
    });
    await this.lifecycle.notify(tenant, outcome, actor);
    return this.detail(ctx, urn, slug);
  }

  async pupilCounts(ctx: AuthedContext, urn: string): Promise<SchoolPupilCountsDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn);
      const rows = await new SchoolPortalRepository(em).pupilCountsOf(school.id);
      return {
        registerPupils: school.pupils,
        items: rows.map((row) => ({ ...pupilCountDto(row), tenantSlug: row.tenant_slug, tenantName: row.tenant_name })),
      };
    });
  }

  /** A school's correction to one partnership's figure; it waits for that partnership's admin. */
  async submitPupilCount(ctx: AuthedContext, urn: string, dto: SubmitPupilCountDto) {
    const { school, tenant } = await this.locate(ctx, urn, dto.tenantSlug, ACTS_FOR_SCHOOL, 'correct the pupil number', 'tenantSlug');
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      await this.membership(em, tenant, school);
      const counts = new PupilCountRepository(em, tenant.id);
      // A figure far from the register's or last year's is marked for the admin to check before approving (`checkPupilCount`).
      const check = checkPupilCount(dto.pupils, await counts.references(school.id, dto.census));
      const id = await counts.submitCorrection({
        schoolId: school.id,
        census: dto.census,
        pupils: dto.pupils,
        note: dto.note?.trim() || null,
        submittedBy: ctx.user.id,
        checkNote: check.status === 'needs-confirmation' ? check.reason : null,
      });
      const row = await this.pupilNumbers.find(counts, id);
      return { ...row, tenantSlug: tenant.slug, tenantName: tenant.name };
    });
  }

  /** The school (the person must act for it) and the partnership named in the URL. */
  private async locate(ctx: AuthedContext, urn: string, slug: string, needs?: typeof ACTS_FOR_SCHOOL, doing?: string, slugField?: string) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, needs, doing);
      const found = await new TenantRepository(em).findBySlug(slug);
      if (!found) {
        if (slugField) throw invalid([{ field: slugField, message: 'There is no partnership with that name.' }]);
        throw notFound('partnership');
      }
      const tenant: TenantRef = { id: found.id, slug: found.slug, name: found.name };
      return { school, tenant };
    });
  }

  private async membership(em: EntityManager, tenant: TenantRef, school: SchoolAccess, lock = false): Promise<MembershipRow> {
    const row = await this.lifecycle.loadBySchool(em, tenant.id, school.id, lock);
    if (!row) throw notFound('membership');
    return row;
  }

  /**
   * What the school home shows, in one request and one transaction (issue 14): for each
   * partnership the school belongs to, where its membership stands (as the membership page's
   * answer, without the timeline and pupil number), and the person's governance in those
   * partnerships (as `GET /me/governance` gives it, its representation narrowed to this school).
   * Per partnership the work runs in that tenant (row-level security), a fixed number of statements each.
   */
  async home(ctx: AuthedContext, urn: string): Promise<SchoolHomeDto> {
    const userId = ctx.user.id;
    const found = await this.db.asPlatform({ userId }, async (em) => {
      const school = await schoolFor(em, ctx, urn);
      // Row-level security lets a school's own people read its memberships in every partnership: every
      // membership, and the partnership's notice rule and contact details, in one query.
      const memberships = await new SchoolPortalRepository(em).homeMembershipsOf(school.id);
      if (memberships.length === 0) return { school, memberships, roleTenants: [], headed: [], headedTenants: [] };
      // Whose governance `GET /me/governance` shows: partnerships where the person has a role, and those of schools they head.
      const feeds = new CalendarFeedRepository(em);
      const roleTenants = await feeds.tenantsOf(userId);
      const headed = await feeds.headedSchools(userId);
      const headedTenants = headed.length ? await feeds.tenantsOfSchools(headed.map((h) => h.id)) : [];
      return { school, memberships, roleTenants, headed, headedTenants };
    });
    const { school } = found;
    const byRole = new Set(found.roleTenants.map((t) => t.id));
    const byHeadship = new Set(found.headedTenants.map((t) => t.id));
    // Representation is only ever of schools the person heads; on this school's home, of this school.
    const represented = found.headed.some((h) => h.id === school.id) ? [school.id] : [];
    const nowIso = new Date().toISOString();
    const today = londonToday();
    const answers = [];
    // The rest of each partnership's rows are read in that partnership (row-level security): a fixed number of statements each.
    for (const { tenant_id, tenant_slug, tenant_name, tenant_notice_rule, tenant_contact_email, tenant_contact_phone, tenant_website, ...row } of found.memberships) {
      const tenant: TenantRef = { id: tenant_id, slug: tenant_slug, name: tenant_name };
      const known: KnownMembership = {
        row,
        noticeRule: tenant_notice_rule,
        contact: { contactEmail: tenant_contact_email, contactPhone: tenant_contact_phone, website: tenant_website },
      };
      const withGovernance = byRole.has(tenant.id) || byHeadship.has(tenant.id);
      answers.push(
        await this.db.inTenant(tenant.id, { userId }, async (em) => ({
          tenant,
          overview: await this.overviewIn(em, tenant, school, today, known),
          governance: withGovernance ? await governanceViewIn(em, tenant.id, userId, represented, nowIso) : null,
        })),
      );
    }
    // In `GET /me/governance`'s order: partnerships where the person has a role first, then the others, each by name.
    const governed = [...answers.filter((a) => byRole.has(a.tenant.id)), ...answers.filter((a) => !byRole.has(a.tenant.id))];
    return {
      partnerships: answers.map((a) => a.overview),
      governance: governed.flatMap(({ tenant, governance }) =>
        governance ? [{ slug: tenant.slug, name: tenant.name, ...governance, representation: governance.representation.filter((r) => r.schoolUrn === school.urn) }] : [],
      ),
    };
  }

  private async detailIn(em: EntityManager, tenant: TenantRef, school: SchoolAccess): Promise<SchoolMembershipDetailDto> {
    const today = londonToday();
    const { row, liabilityGuaranteePence, ...overview } = await this.overviewWithRow(em, tenant, school, today);
    const timeline = await new MembershipRepository(em, tenant.id).timeline(row.id);
    return {
      ...overview,
      liabilityGuaranteePence,
      application: (row.application as Record<string, unknown> | null) ?? null,
      // Each event's stored data (addresses invited, the application as sent) stays on the partnership's side.
      timeline: timeline.map((e) => ({ ...timelineEntry(e), data: null })),
      pupilNumber: await this.pupilNumbers.pupilFigure(em, tenant.id, school.id, school.pupils),
    };
  }

  private async overviewIn(em: EntityManager, tenant: TenantRef, school: SchoolAccess, today: string, known?: KnownMembership): Promise<SchoolMembershipOverviewDto> {
    const { row: _row, ...overview } = await this.overviewWithRow(em, tenant, school, today, known);
    return overview;
  }

  /** Where the school's membership of one partnership stands: what the membership page and the school home both show. */
  private async overviewWithRow(
    em: EntityManager,
    tenant: TenantRef,
    school: SchoolAccess,
    today: string,
    known?: KnownMembership,
  ): Promise<SchoolMembershipOverviewDto & { row: MembershipRow }> {
    const row = known?.row ?? (await this.membership(em, tenant, school));
    const settings = await this.lifecycle.context(em, tenant.id, today, known);
    const tenants = new TenantRepository(em);
    const partnership = known ? known.contact : await tenants.publicContact(tenant.id);
    const contacts = await tenants.adminContactsByName(tenant.id);
    const category = await new MembershipCategoryRepository(em, tenant.id).findSummary(row.category);
    const documents = SEES_DOCUMENTS.includes(row.status) ? await new TenantDocumentRepository(em, tenant.id).listCurrent() : [];
    const year = academicYearOf(today);
    const member = ['approved', 'active', 'suspended'].includes(row.status);
    let noticeDeadline: string | null = null;
    const rule = settings.noticeRule.kind === 'any-time-until' && compareDates(today, settings.noticeRule.until) > 0 ? settings.noticeRule.then : settings.noticeRule;
    if (member && rule.kind === 'deadline') {
      const thisYear = deadlineDate(rule.deadline, year.startYear, settings.terms);
      noticeDeadline = compareDates(today, thisYear) <= 0 ? thisYear : deadlineDate(rule.deadline, year.startYear + 1, settings.terms);
    } else if (member && settings.noticeRule.kind === 'any-time-until' && compareDates(today, settings.noticeRule.until) <= 0) {
      noticeDeadline = settings.noticeRule.until;
    }
    const notice = row.notice ?? null;
    return {
      row,
      partnership: {
        slug: tenant.slug,
        name: tenant.name,
        contactEmail: partnership?.contactEmail ?? null,
        contactPhone: partnership?.contactPhone ?? null,
        website: partnership?.website ?? null,
        contacts,
      },
      membershipId: row.id,
      status: row.status,
      statusLabel: MEMBERSHIP_STATE_LABELS[row.status] ?? row.status,
      since: row.since,
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      category: category ? { ...category, description: category.description ?? null } : null,
      notice: notice ? { givenOn: notice.givenOn, givenBy: notice.givenBy, leavingOn: notice.leavingOn, explanation: notice.explanation } : null,
      noticeRule: describeNoticeRule(settings.noticeRule),
      renewsOn: member ? addDays(year.end, 1) : null,
      noticeDeadline,
      liabilityGuaranteePence: settings.liabilityGuaranteePence ?? null,
      possibleActions: [
        ...possibleEvents(toDomain(row)).filter((e) => SCHOOL_ACTIONS.includes(e)),
        ...(row.status === 'left' ? ['apply'] : []),
      ],
      documents: documents.map(documentDto),
    };
  }
}
