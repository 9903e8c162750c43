import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  academicYearOf,
  addDays,
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
import { documentDto, MembershipsService, pupilCountDto, PUPIL_COUNT_SELECT } from '../memberships/memberships.service';
import { londonToday } from '@partnerships/domain';
import type { ApplyDto, MySchoolsDto, SchoolMembershipDetailDto, SchoolNoteDto, SchoolNoticeDto, SchoolPupilCountsDto, SubmitPupilCountDto } from './school-membership.dto';
import { ACTS_FOR_SCHOOL, type SchoolAccess, schoolFor } from './school-access';

const SCHOOL_ACTIONS = ['apply', 'give-notice', 'withdraw-application'];
const SEES_DOCUMENTS: MembershipState[] = ['approved', 'active', 'notice-given', 'suspended'];

/** The school's side of its memberships: what a headteacher or business manager sees and does. */
@Injectable()
export class SchoolMembershipService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: MembershipLifecycleService,
    private readonly memberships: MembershipsService,
  ) {}

  /** Every school the person acts for, with every membership of each (an executive head sees them all at once). */
  async mySchools(ctx: AuthedContext): Promise<MySchoolsDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const schools = await em.query(
        `SELECT s.id, s.urn, s.name, s.phase, s.local_authority AS "localAuthority", array_agg(r.role ORDER BY r.role) AS roles
         FROM school_roles r JOIN schools s ON s.id = r.school_id WHERE r.user_id = $1 GROUP BY s.id ORDER BY s.name`,
        [ctx.user.id],
      );
      // Row-level security lets a school's own people read its memberships in every partnership.
      const memberships = await em.query(
        `SELECT m.school_id, m.id AS "membershipId", t.slug AS "tenantSlug", t.name AS "tenantName", m.category, m.status,
                to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", m.notice ->> 'leavingOn' AS "leavingOn"
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = ANY($1::uuid[]) ORDER BY t.name`,
        [schools.map((s: { id: string }) => s.id)],
      );
      return {
        schools: schools.map(({ id, ...school }: { id: string } & Record<string, unknown>) => ({
          ...school,
          memberships: memberships
            .filter((m: { school_id: string }) => m.school_id === id)
            .map(({ school_id: _school, ...m }: Record<string, unknown>) => ({ ...m, statusLabel: MEMBERSHIP_STATE_LABELS[m.status as MembershipState] ?? m.status })),
        })),
      } as MySchoolsDto;
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
      const rows = await em.query(
        `SELECT x.*, t.slug AS tenant_slug, t.name AS tenant_name FROM (${PUPIL_COUNT_SELECT} WHERE pc.school_id = $1) x JOIN tenants t ON t.id = x.tenant_id
         ORDER BY x.submitted_at DESC, x.id`,
        [school.id],
      );
      return {
        registerPupils: school.pupils,
        items: rows.map((row: Record<string, unknown>) => ({ ...pupilCountDto(row), tenantSlug: row.tenant_slug as string, tenantName: row.tenant_name as string })),
      };
    });
  }

  /** A school's correction to one partnership's figure; it waits for that partnership's admin. */
  async submitPupilCount(ctx: AuthedContext, urn: string, dto: SubmitPupilCountDto) {
    const { school, tenant } = await this.locate(ctx, urn, dto.tenantSlug, ACTS_FOR_SCHOOL, 'correct the pupil number', 'tenantSlug');
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      await this.membership(em, tenant, school);
      const [{ id }] = await em.query(
        `INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, note, submitted_by)
         VALUES ($1, $2, $3, $4, 'school', 'pending', $5, $6) RETURNING id`,
        [tenant.id, school.id, dto.census, dto.pupils, dto.note?.trim() || null, ctx.user.id],
      );
      const row = await this.memberships.pupilCountIn(em, tenant.id, id);
      return { ...row, tenantSlug: tenant.slug, tenantName: tenant.name };
    });
  }

  /** The school (the person must act for it) and the partnership named in the URL. */
  private async locate(ctx: AuthedContext, urn: string, slug: string, needs?: typeof ACTS_FOR_SCHOOL, doing?: string, slugField?: string) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, needs, doing);
      const [tenant] = await em.query(`SELECT id, slug, name FROM tenants WHERE slug = $1`, [slug]);
      if (!tenant) {
        if (slugField) throw invalid([{ field: slugField, message: 'There is no partnership with that name.' }]);
        throw notFound('partnership');
      }
      return { school, tenant: tenant as TenantRef };
    });
  }

  private async membership(em: EntityManager, tenant: TenantRef, school: SchoolAccess, lock = false): Promise<MembershipRow> {
    const row = await this.lifecycle.loadBySchool(em, tenant.id, school.id, lock);
    if (!row) throw notFound('membership');
    return row;
  }

  private async detailIn(em: EntityManager, tenant: TenantRef, school: SchoolAccess): Promise<SchoolMembershipDetailDto> {
    const row = await this.membership(em, tenant, school);
    const today = londonToday();
    const settings = await this.lifecycle.context(em, tenant.id, today);
    const [partnership] = await em.query(`SELECT contact_email, contact_phone, website FROM tenants WHERE id = $1`, [tenant.id]);
    const contacts = await em.query(
      `SELECT DISTINCT u.name, u.email FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1 AND r.role = 'tenant-admin' ORDER BY u.name`,
      [tenant.id],
    );
    const [category] = await em.query(
      `SELECT code, name, description, voting_rights AS "votingRights", fees_apply AS "feesApply", includes FROM membership_categories WHERE tenant_id = $1 AND code = $2`,
      [tenant.id, row.category],
    );
    const timeline = await em.query(
      `SELECT id, event, from_status AS "from", to_status AS "to", to_char(on_date, 'YYYY-MM-DD') AS "on", actor_user_id, actor_name, note, created_at
       FROM membership_events WHERE tenant_id = $1 AND membership_id = $2 ORDER BY created_at, id`,
      [tenant.id, row.id],
    );
    const documents = SEES_DOCUMENTS.includes(row.status)
      ? await em.query(`SELECT id, title, url, body, created_at, archived_at FROM tenant_documents WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY created_at DESC`, [tenant.id])
      : [];
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
      partnership: {
        slug: tenant.slug,
        name: tenant.name,
        contactEmail: partnership?.contact_email ?? null,
        contactPhone: partnership?.contact_phone ?? null,
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
      application: (row.application as Record<string, unknown> | null) ?? null,
      possibleActions: [
        ...possibleEvents(toDomain(row)).filter((e) => SCHOOL_ACTIONS.includes(e)),
        ...(row.status === 'left' ? ['apply'] : []),
      ],
      timeline: timeline.map((e: Record<string, unknown>) => ({
        id: e.id,
        event: e.event,
        from: e.from ?? null,
        to: e.to,
        on: e.on,
        by: { id: e.actor_user_id ?? null, name: e.actor_name },
        note: e.note ?? null,
        data: null,
        recordedAt: (e.created_at as Date).toISOString(),
      })),
      pupilNumber: await this.memberships.pupilFigure(em, tenant.id, school.id, school.pupils),
      documents: documents.map(documentDto),
    } as SchoolMembershipDetailDto;
  }
}
