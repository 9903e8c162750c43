import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  categoryEligibility,
  compareDates,
  csvLine,
  describeNoticeRule,
  isValidIsoDate,
  MEMBERSHIP_STATE_LABELS,
  MEMBERSHIP_STATES,
  type MembershipEvent,
  type MembershipState,
  possibleEvents,
} from '@partnerships/domain';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { offsetOf, pageOf } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import { isUuid } from '../../common/ids';
import { likePattern } from '../../common/sql-text';
import { londonToday } from '@partnerships/domain';
import {
  ADMIN_ACTIONS,
  type AdminAction,
  type BulkInviteDto,
  type BulkInviteResultDto,
  type ChangeCategoryDto,
  type CreateDocumentDto,
  type DecisionDto,
  type MembershipActionDto,
  type MembershipDetailDto,
  type MembershipListItemDto,
  type MembershipListQueryDto,
  type MembershipSettingsDto,
  type MembershipStatsDto,
  type NoticeRequestDto,
  type NoticeResultDto,
  type PupilCountQueryDto,
  type RecordPupilCountDto,
  type StatsQueryDto,
  type StatusCountsDto,
  type UpdateMembershipSettingsDto,
} from './membership.dto';
import { type Actor, MembershipLifecycleService, type MembershipRow, type PreparedInvitation, type TenantRef, toDomain } from './membership-lifecycle.service';

const LIST_SELECT = `SELECT m.id, m.category, c.name AS category_name, m.status, to_char(m.since, 'YYYY-MM-DD') AS since,
    to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, m.notice ->> 'leavingOn' AS leaving_on, m.updated_at,
    s.id AS school_id, s.urn, s.name, s.phase, s.type, s.local_authority, s.pupils, s.status AS register_status, s.postcode
  FROM memberships m JOIN schools s ON s.id = m.school_id
  LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category`;

const SORTS = { name: 's.name, s.urn', status: 'm.status, s.name', updated: 'm.updated_at DESC, s.name' } as const;
const CENSUS_MONTH = { october: '10', january: '01', may: '05' } as const;
const MEMBER_STATES: MembershipState[] = ['active', 'notice-given', 'suspended'];

/** The date an event is recorded on: today unless the admin gives an earlier day. */
export function eventDate(given: string | undefined, today: string): string {
  if (given === undefined) return today;
  if (!isValidIsoDate(given)) throw invalid([{ field: 'date', message: 'That is not a real date; write it as YYYY-MM-DD.' }]);
  if (compareDates(given, today) > 0) throw invalid([{ field: 'date', message: 'The date cannot be in the future.' }]);
  return given;
}

export function listItem(row: Record<string, unknown>): MembershipListItemDto {
  return {
    id: row.id as string,
    school: {
      urn: row.urn as string,
      name: row.name as string,
      phase: row.phase as string,
      type: row.type as string,
      localAuthority: row.local_authority as string,
      pupils: (row.pupils as number | null) ?? null,
      registerStatus: row.register_status as string,
      postcode: (row.postcode as string | null) ?? null,
    },
    category: row.category as string,
    categoryName: (row.category_name as string | null) ?? null,
    status: row.status as string,
    statusLabel: MEMBERSHIP_STATE_LABELS[row.status as MembershipState] ?? (row.status as string),
    since: (row.since as string | null) ?? null,
    joinedOn: (row.joined_on as string | null) ?? null,
    leavingOn: (row.leaving_on as string | null) ?? null,
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

const emptyCounts = (): StatusCountsDto => Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, 0])) as unknown as StatusCountsDto;

@Injectable()
export class MembershipsService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: MembershipLifecycleService,
  ) {}

  private filters(ctx: TenantContext, query: MembershipListQueryDto) {
    const params = [
      ctx.tenant.id,
      query.phase?.length ? query.phase : null,
      query.category?.length ? query.category : null,
      query.status?.length ? query.status : null,
      query.localAuthority?.length ? query.localAuthority.map((la) => la.toLowerCase()) : null,
      likePattern(query.q),
    ];
    const where = `m.tenant_id = $1 AND ($2::text[] IS NULL OR s.phase = ANY($2)) AND ($3::text[] IS NULL OR m.category = ANY($3))
      AND ($4::text[] IS NULL OR m.status = ANY($4)) AND ($5::text[] IS NULL OR lower(s.local_authority) = ANY($5))
      AND ($6::text IS NULL OR s.name ILIKE $6 OR s.urn LIKE $6 OR s.postcode ILIKE $6)`;
    return { params, where, order: SORTS[query.sort ?? 'name'] };
  }

  async list(ctx: TenantContext, query: MembershipListQueryDto) {
    const { params, where, order } = this.filters(ctx, query);
    return inTenant(this.db, ctx, async (em) => {
      const rows = await em.query(`${LIST_SELECT} WHERE ${where} ORDER BY ${order} LIMIT $7 OFFSET $8`, [...params, query.pageSize, offsetOf(query)]);
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM memberships m JOIN schools s ON s.id = m.school_id WHERE ${where}`, params);
      return pageOf(rows.map(listItem), query, total);
    });
  }

  /** Every membership matching the filters, as a CSV file (with a byte-order mark, so spreadsheets read it as UTF-8). */
  async csv(ctx: TenantContext, query: MembershipListQueryDto): Promise<string> {
    const { params, where, order } = this.filters(ctx, query);
    const rows = await inTenant(this.db, ctx, (em) => em.query(`${LIST_SELECT} WHERE ${where} ORDER BY ${order}`, params));
    const lines = [csvLine(['URN', 'School', 'Phase', 'Type', 'Local authority', 'Pupils', 'Postcode', 'Category', 'Status', 'Status since', 'Joined', 'Leaving on'])];
    for (const item of rows.map(listItem)) {
      lines.push(
        csvLine([item.school.urn, item.school.name, item.school.phase, item.school.type, item.school.localAuthority, item.school.pupils, item.school.postcode,
          item.categoryName ?? item.category, item.statusLabel, item.since, item.joinedOn, item.leavingOn]),
      );
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** Membership by status at the end of each month (today for the current one), from the timeline. */
  async stats(ctx: TenantContext, query: StatsQueryDto): Promise<MembershipStatsDto> {
    const today = londonToday();
    const [year, month] = today.split('-').map(Number) as [number, number];
    const startIndex = year * 12 + (month - 1) - (query.months - 1);
    const first = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}-01`;
    return inTenant(this.db, ctx, async (em) => {
      const rows: { month: string; status: MembershipState; n: number }[] = await em.query(
        `WITH months AS (
           SELECT to_char(d, 'YYYY-MM') AS month, least((d + interval '1 month' - interval '1 day')::date, $3::date) AS month_end
           FROM generate_series($2::date, $3::date, interval '1 month') d)
         SELECT mo.month, st.status, count(*)::int AS n
         FROM months mo CROSS JOIN memberships m
         CROSS JOIN LATERAL (SELECT coalesce(
           (SELECT e.to_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id AND e.on_date <= mo.month_end
            ORDER BY e.on_date DESC, e.created_at DESC LIMIT 1),
           CASE WHEN coalesce(m.joined_on, m.created_at::date) <= mo.month_end THEN coalesce(
             (SELECT e.from_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id ORDER BY e.on_date, e.created_at LIMIT 1),
             CASE WHEN NOT EXISTS (SELECT 1 FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id) THEN m.status END) END
         ) AS status) st
         WHERE m.tenant_id = $1 AND st.status IS NOT NULL
         GROUP BY mo.month, st.status ORDER BY mo.month`,
        [ctx.tenant.id, first, today],
      );
      const current: { status: MembershipState; n: number }[] = await em.query(`SELECT status, count(*)::int AS n FROM memberships WHERE tenant_id = $1 GROUP BY status`, [ctx.tenant.id]);
      const months: MembershipStatsDto['months'] = [];
      for (let i = 0; i < query.months; i++) {
        const index = startIndex + i;
        const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
        const counts = emptyCounts();
        for (const row of rows.filter((r) => r.month === label)) (counts as unknown as Record<string, number>)[row.status] = row.n;
        months.push({ month: label, counts, members: MEMBER_STATES.reduce((sum, s) => sum + (counts as unknown as Record<string, number>)[s]!, 0) });
      }
      const now = emptyCounts();
      for (const row of current) (now as unknown as Record<string, number>)[row.status] = row.n;
      return { months, current: now };
    });
  }

  async detail(ctx: TenantContext, id: string): Promise<MembershipDetailDto> {
    if (!isUuid(id)) throw notFound('membership');
    return inTenant(this.db, ctx, (em) => this.detailIn(em, ctx.tenant.id, id));
  }

  /** The full member page: list fields, category, application, notice, timeline, people and pupil number. */
  async detailIn(em: EntityManager, tenantId: string, id: string): Promise<MembershipDetailDto> {
    const [row] = await em.query(`${LIST_SELECT} WHERE m.tenant_id = $1 AND m.id = $2`, [tenantId, id]);
    if (!row) throw notFound('membership');
    const full = await this.lifecycle.load(em, tenantId, id);
    const [category] = await em.query(
      `SELECT code, name, description, voting_rights AS "votingRights", fees_apply AS "feesApply", includes FROM membership_categories WHERE tenant_id = $1 AND code = $2`,
      [tenantId, row.category],
    );
    const timeline = await em.query(
      `SELECT id, event, from_status AS "from", to_status AS "to", to_char(on_date, 'YYYY-MM-DD') AS "on", actor_user_id, actor_name, note, data, created_at
       FROM membership_events WHERE tenant_id = $1 AND membership_id = $2 ORDER BY created_at, id`,
      [tenantId, id],
    );
    const people = await em.query(
      `SELECT u.name, u.email, array_agg(r.role ORDER BY r.role) AS roles FROM school_roles r JOIN users u ON u.id = r.user_id
       WHERE r.school_id = $1 GROUP BY u.id, u.name, u.email ORDER BY u.name`,
      [row.school_id],
    );
    const notice = full.notice ?? null;
    return {
      ...listItem(row),
      categoryDetail: category ? { ...category, description: category.description ?? null } : null,
      suspendedFrom: full.suspended_from ?? null,
      leftOn: full.left_on ?? null,
      application: (full.application as Record<string, unknown> | null) ?? null,
      notice: notice ? { givenOn: notice.givenOn, givenBy: notice.givenBy, leavingOn: notice.leavingOn, explanation: notice.explanation } : null,
      possibleActions: possibleEvents(toDomain(full)).filter((e) => e !== 'apply'),
      timeline: timeline.map((e: Record<string, unknown>) => ({
        id: e.id,
        event: e.event,
        from: e.from ?? null,
        to: e.to,
        on: e.on,
        by: { id: e.actor_user_id ?? null, name: e.actor_name },
        note: e.note ?? null,
        data: e.data ?? null,
        recordedAt: (e.created_at as Date).toISOString(),
      })),
      schoolPeople: people,
      pupilNumber: await this.pupilFigure(em, tenantId, row.school_id, row.pupils),
    };
  }

  /** The pupil number a partnership's fees use: its approved figure for its chosen census, or the register's. */
  async pupilFigure(em: EntityManager, tenantId: string, schoolId: string, registerPupils: number | null) {
    const [tenant] = await em.query(`SELECT fee_census FROM tenants WHERE id = $1`, [tenantId]);
    const month = CENSUS_MONTH[(tenant?.fee_census as keyof typeof CENSUS_MONTH) ?? 'october'];
    const [figure] = await em.query(
      `SELECT census, pupils FROM school_pupil_counts WHERE tenant_id = $1 AND school_id = $2 AND status = 'approved' AND right(census, 2) = $3
       ORDER BY census DESC, decided_at DESC NULLS LAST LIMIT 1`,
      [tenantId, schoolId, month],
    );
    const [{ pending }] = await em.query(`SELECT count(*)::int AS pending FROM school_pupil_counts WHERE tenant_id = $1 AND school_id = $2 AND status = 'pending'`, [tenantId, schoolId]);
    return figure
      ? { pupils: figure.pupils as number, source: 'partnership', census: figure.census as string, pendingCorrections: pending }
      : { pupils: registerPupils, source: 'register', census: null, pendingCorrections: pending };
  }

  /** An admin's lifecycle action, driven by the domain's `transition()`. */
  async act(ctx: TenantContext, id: string, action: string, dto: MembershipActionDto): Promise<MembershipDetailDto> {
    if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) throw notFound('action');
    if (!isUuid(id)) throw notFound('membership');
    await this.runAction(ctx, id, action as AdminAction, dto);
    return this.detail(ctx, id);
  }

  private async runAction(ctx: TenantContext, id: string, action: AdminAction, dto: MembershipActionDto): Promise<void> {
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
      const [category] = await em.query(
        `SELECT code, name, eligible_phases, eligible_types, eligible_local_authorities FROM membership_categories WHERE tenant_id = $1 AND code = $2 AND archived_at IS NULL`,
        [ctx.tenant.id, dto.category],
      );
      if (!category) throw invalid([{ field: 'category', message: `There is no current category with the code "${dto.category}".` }]);
      const [school] = await em.query(`SELECT phase, type, local_authority FROM schools WHERE id = $1`, [row.school_id]);
      const reasons = categoryEligibility(
        { name: category.name, eligiblePhases: category.eligible_phases, eligibleTypes: category.eligible_types, eligibleLocalAuthorities: category.eligible_local_authorities },
        { phase: school.phase, type: school.type, localAuthority: school.local_authority },
      );
      if (reasons.length > 0) throw invalid([{ field: 'category', message: reasons.join(' ') }]);
      if (row.category !== dto.category) {
        await em.query(`UPDATE memberships SET category = $2, updated_at = now() WHERE id = $1`, [id, dto.category]);
        await em.query(
          `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_user_id, actor_name, data)
           VALUES ($1, $2, 'change-category', $3, $3, $4, $5, $6, $7)`,
          [ctx.tenant.id, id, row.status, londonToday(), ctx.user.id, ctx.user.name, JSON.stringify({ from: row.category, to: dto.category })],
        );
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

  /** Invites many schools at once; each is its own transaction, so one refusal does not stop the rest. */
  async bulkInvite(ctx: TenantContext, dto: BulkInviteDto): Promise<BulkInviteResultDto> {
    const emails = new Map((dto.contacts ?? []).map((c) => [c.id, c.email]));
    const invited: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const id of [...new Set(dto.ids)]) {
      try {
        await this.runAction(ctx, id, 'invite', { email: emails.get(id) });
        invited.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ id, reason: error.fields?.[0]?.message ?? error.userMessage });
      }
    }
    return { invited, skipped };
  }

  async settings(ctx: TenantContext): Promise<MembershipSettingsDto> {
    return inTenant(this.db, ctx, async (em) => {
      const context = await this.lifecycle.context(em, ctx.tenant.id, londonToday());
      const [tenant] = await em.query(`SELECT fee_census FROM tenants WHERE id = $1`, [ctx.tenant.id]);
      return {
        noticeRule: context.noticeRule as unknown as Record<string, unknown>,
        noticeRuleDescription: describeNoticeRule(context.noticeRule),
        noticeRuleIsDefault: context.noticeRuleIsDefault,
        feeCensus: tenant.fee_census,
        liabilityGuaranteePence: context.liabilityGuaranteePence ?? null,
      };
    });
  }

  async updateSettings(ctx: TenantContext, dto: UpdateMembershipSettingsDto): Promise<MembershipSettingsDto> {
    await inTenant(this.db, ctx, (em) => em.query(`UPDATE tenants SET fee_census = $2 WHERE id = $1 AND fee_census IS DISTINCT FROM $2`, [ctx.tenant.id, dto.feeCensus]));
    return this.settings(ctx);
  }

  async pupilCounts(ctx: TenantContext, query: PupilCountQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const params = [ctx.tenant.id, query.status ?? null, query.urn ?? null];
      const where = `pc.tenant_id = $1 AND ($2::text IS NULL OR pc.status = $2) AND ($3::text IS NULL OR s.urn = $3)`;
      const rows = await em.query(
        `${PUPIL_COUNT_SELECT} WHERE ${where} ORDER BY pc.submitted_at DESC, pc.id LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM school_pupil_counts pc JOIN schools s ON s.id = pc.school_id WHERE ${where}`, params);
      return pageOf(rows.map(pupilCountDto), query, total);
    });
  }

  /** The partnership records a figure itself (approved at once, kept in the history). */
  async recordPupilCount(ctx: TenantContext, dto: RecordPupilCountDto) {
    return inTenant(this.db, ctx, async (em) => {
      const [school] = await em.query(
        `SELECT s.id FROM schools s JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1 WHERE s.urn = $2`,
        [ctx.tenant.id, dto.urn],
      );
      if (!school) throw invalid([{ field: 'urn', message: 'That school is not on the partnership’s list.' }]);
      const [{ id }] = await em.query(
        `INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, note, submitted_by, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, 'partnership', 'approved', $5, $6, $6, now()) RETURNING id`,
        [ctx.tenant.id, school.id, dto.census, dto.pupils, dto.note?.trim() || null, ctx.user.id],
      );
      return this.pupilCountIn(em, ctx.tenant.id, id);
    });
  }

  async decidePupilCount(ctx: TenantContext, id: string, decision: 'approved' | 'rejected', dto: DecisionDto) {
    if (!isUuid(id)) throw notFound('pupil number');
    const note = dto.note?.trim() || null;
    if (decision === 'rejected' && !note) throw invalid([{ field: 'note', message: 'Say why the correction is turned down; the school will see it.' }]);
    return inTenant(this.db, ctx, async (em) => {
      const [row] = await em.query(`SELECT status FROM school_pupil_counts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [ctx.tenant.id, id]);
      if (!row) throw notFound('pupil number');
      if (row.status !== 'pending') throw conflict(`This correction has already been ${row.status}.`);
      await em.query(`UPDATE school_pupil_counts SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`, [id, decision, ctx.user.id, note]);
      return this.pupilCountIn(em, ctx.tenant.id, id);
    });
  }

  async pupilCountIn(em: EntityManager, tenantId: string, id: string) {
    const [row] = await em.query(`${PUPIL_COUNT_SELECT} WHERE pc.tenant_id = $1 AND pc.id = $2`, [tenantId, id]);
    return pupilCountDto(row);
  }

  async documents(ctx: TenantContext) {
    const rows = await inTenant(this.db, ctx, (em) => em.query(`${DOCUMENT_SELECT} WHERE tenant_id = $1 ORDER BY archived_at IS NOT NULL, created_at DESC`, [ctx.tenant.id]));
    return { items: rows.map(documentDto) };
  }

  async createDocument(ctx: TenantContext, dto: CreateDocumentDto) {
    if (!dto.url && !dto.body?.trim()) throw invalid([{ field: 'url', message: 'Give a link to the document, or its text.' }]);
    const [row] = await inTenant(this.db, ctx, (em) =>
      em.query(`INSERT INTO tenant_documents (tenant_id, title, url, body, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, title, url, body, created_at, archived_at`, [
        ctx.tenant.id, dto.title.trim(), dto.url ?? null, dto.body?.trim() || null, ctx.user.id,
      ]),
    );
    return documentDto(row);
  }

  async archiveDocument(ctx: TenantContext, id: string) {
    if (!isUuid(id)) throw notFound('document');
    const [[row]] = await inTenant(this.db, ctx, (em) =>
      em.query(`UPDATE tenant_documents SET archived_at = coalesce(archived_at, now()) WHERE tenant_id = $1 AND id = $2 RETURNING id, title, url, body, created_at, archived_at`, [ctx.tenant.id, id]),
    );
    if (!row) throw notFound('document');
    return documentDto(row);
  }
}

export const PUPIL_COUNT_SELECT = `SELECT pc.id, s.urn, s.name AS school_name, pc.census, pc.pupils, pc.source, pc.status, pc.note, su.name AS submitted_by,
    pc.submitted_at, du.name AS decided_by, pc.decided_at, pc.decision_note, pc.tenant_id
  FROM school_pupil_counts pc JOIN schools s ON s.id = pc.school_id
  LEFT JOIN users su ON su.id = pc.submitted_by LEFT JOIN users du ON du.id = pc.decided_by`;

export function pupilCountDto(row: Record<string, unknown>) {
  return {
    id: row.id as string,
    urn: row.urn as string,
    schoolName: row.school_name as string,
    census: row.census as string,
    pupils: row.pupils as number,
    source: row.source as string,
    status: row.status as string,
    note: (row.note as string | null) ?? null,
    submittedBy: (row.submitted_by as string | null) ?? null,
    submittedAt: (row.submitted_at as Date).toISOString(),
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: row.decided_at ? (row.decided_at as Date).toISOString() : null,
    decisionNote: (row.decision_note as string | null) ?? null,
  };
}

const DOCUMENT_SELECT = `SELECT id, title, url, body, created_at, archived_at FROM tenant_documents`;

export function documentDto(row: Record<string, unknown>) {
  return {
    id: row.id as string,
    title: row.title as string,
    url: (row.url as string | null) ?? null,
    body: (row.body as string | null) ?? null,
    createdAt: (row.created_at as Date).toISOString(),
    archivedAt: row.archived_at ? (row.archived_at as Date).toISOString() : null,
  };
}
