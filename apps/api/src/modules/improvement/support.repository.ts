import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { NeedSource, NeedStatus, SupporterKind } from '@partnerships/domain';
import type { SchoolRef } from './data-round.repository';

export interface AgreementRow {
  id: string;
  supporterKind: SupporterKind;
  supporterName: string;
  supporterSchoolId: string | null;
  supporterOfferId: string | null;
  supporterBodyId: string | null;
  status: 'proposed' | 'agreed' | 'delivered' | 'withdrawn';
  basis: 'free' | 'charged' | null;
  amountPence: number | null;
  invoiceId: string | null;
  note: string | null;
}

export interface NeedRow {
  id: string;
  school: SchoolRef;
  source: NeedSource;
  sourceRef: string | null;
  area: string;
  description: string;
  foundOn: string;
  targetOn: string;
  status: NeedStatus;
  deliveredOn: string | null;
  impactNote: string | null;
  closedOn: string | null;
  agreement: AgreementRow | null;
}

export interface NewNeed {
  schoolId: string;
  source: NeedSource;
  sourceRef: string | null;
  area: string;
  description: string;
  foundOn: string;
  targetOn: string;
}

const NEED_SELECT = `SELECT n.id, s.id AS "schoolId", s.urn, s.name AS "schoolName", n.source, n.source_ref AS "sourceRef", n.area, n.description,
    to_char(n.found_on, 'YYYY-MM-DD') AS "foundOn", to_char(n.target_on, 'YYYY-MM-DD') AS "targetOn", n.status,
    to_char(n.delivered_on, 'YYYY-MM-DD') AS "deliveredOn", n.impact_note AS "impactNote", to_char(n.closed_on, 'YYYY-MM-DD') AS "closedOn",
    a.id AS "agreementId", a.supporter_kind AS "supporterKind", a.supporter_name AS "supporterName", a.supporter_school_id AS "supporterSchoolId",
    a.supporter_offer_id AS "supporterOfferId", a.supporter_body_id AS "supporterBodyId", a.status AS "agreementStatus", a.basis, a.amount_pence AS "amountPence",
    a.invoice_id AS "invoiceId", a.note
  FROM support_needs n JOIN schools s ON s.id = n.school_id
  LEFT JOIN support_agreements a ON a.tenant_id = n.tenant_id AND a.need_id = n.id AND a.status <> 'withdrawn'`;

type FlatNeed = Omit<NeedRow, 'school' | 'agreement'> & Record<string, unknown> & { schoolId: string; urn: string; schoolName: string; agreementId: string | null };

function toNeed(r: FlatNeed): NeedRow {
  return {
    id: r.id, school: { id: r.schoolId, urn: r.urn, name: r.schoolName }, source: r.source, sourceRef: r.sourceRef, area: r.area, description: r.description,
    foundOn: r.foundOn, targetOn: r.targetOn, status: r.status, deliveredOn: r.deliveredOn, impactNote: r.impactNote, closedOn: r.closedOn,
    agreement: r.agreementId ? {
      id: r.agreementId, supporterKind: r.supporterKind as SupporterKind, supporterName: r.supporterName as string, supporterSchoolId: r.supporterSchoolId as string | null,
      supporterOfferId: r.supporterOfferId as string | null, supporterBodyId: r.supporterBodyId as string | null, status: r.agreementStatus as AgreementRow['status'],
      basis: r.basis as AgreementRow['basis'], amountPence: r.amountPence as number | null, invoiceId: r.invoiceId as string | null, note: r.note as string | null,
    } : null,
  };
}

export interface Evidence {
  id: string;
  name: string;
  source: 'data_round' | 'review' | 'designation' | 'catalogue';
  detail: string;
}

/** Needs for support and the agreements that meet them (one aggregate), and where support could come from. */
export class SupportRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  /** Adds needs; one already raised from the same source for the same school and area is left as it is. Answers the ids added. */
  async addNeeds(needs: readonly NewNeed[], userId: string): Promise<string[]> {
    if (!needs.length) return [];
    const rows = await this.rows<{ id: string }>(
      `INSERT INTO support_needs (tenant_id, school_id, source, source_ref, area, description, found_on, target_on, raised_by)
       SELECT $1, t.school_id, t.source, t.source_ref, t.area, t.description, t.found_on, t.target_on, $9
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::date[], $8::date[]) AS t(school_id, source, source_ref, area, description, found_on, target_on)
       ON CONFLICT (tenant_id, source, source_ref, school_id, area) WHERE source_ref IS NOT NULL DO NOTHING RETURNING id`,
      [this.tenantId, needs.map((n) => n.schoolId), needs.map((n) => n.source), needs.map((n) => n.sourceRef), needs.map((n) => n.area), needs.map((n) => n.description),
        needs.map((n) => n.foundOn), needs.map((n) => n.targetOn), userId],
    );
    return rows.map((r) => r.id);
  }

  async list(filter: { status?: NeedStatus | null; sourceRef?: string | null; open?: boolean; schoolId?: string | null } = {}): Promise<NeedRow[]> {
    const rows = await this.rows<FlatNeed>(
      `${NEED_SELECT} WHERE n.tenant_id = $1 AND ($2::text IS NULL OR n.status = $2) AND ($3::uuid IS NULL OR n.source_ref = $3)
         AND (NOT $4 OR n.status NOT IN ('delivered', 'closed')) AND ($5::uuid IS NULL OR n.school_id = $5)
       ORDER BY n.target_on, s.name, n.area`,
      [this.tenantId, filter.status ?? null, filter.sourceRef ?? null, filter.open ?? false, filter.schoolId ?? null],
    );
    return rows.map(toNeed);
  }

  async findById(id: string, lock = false): Promise<NeedRow | null> {
    if (lock) await this.execute(`SELECT 1 FROM support_needs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [this.tenantId, id]);
    const row = await this.one<FlatNeed>(`${NEED_SELECT} WHERE n.tenant_id = $1 AND n.id = $2`, [this.tenantId, id]);
    return row ? toNeed(row) : null;
  }

  async setStatus(id: string, status: NeedStatus, extra: { deliveredOn?: string; impactNote?: string; closedOn?: string } = {}): Promise<void> {
    await this.execute(
      `UPDATE support_needs SET status = $3, delivered_on = coalesce($4::date, delivered_on), impact_note = coalesce($5, impact_note), closed_on = coalesce($6::date, closed_on), updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [this.tenantId, id, status, extra.deliveredOn ?? null, extra.impactNote ?? null, extra.closedOn ?? null],
    );
  }

  /** Proposes a supporter; a proposal not yet agreed is replaced (withdrawn). */
  async propose(needId: string, supporter: { kind: SupporterKind; schoolId: string | null; offerId: string | null; bodyId: string | null; name: string }, note: string | null): Promise<void> {
    await this.execute(`UPDATE support_agreements SET status = 'withdrawn', updated_at = now() WHERE tenant_id = $1 AND need_id = $2 AND status = 'proposed'`, [this.tenantId, needId]);
    await this.execute(
      `INSERT INTO support_agreements (tenant_id, need_id, supporter_kind, supporter_school_id, supporter_offer_id, supporter_body_id, supporter_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.tenantId, needId, supporter.kind, supporter.schoolId, supporter.offerId, supporter.bodyId, supporter.name, note],
    );
  }

  async agree(agreementId: string, basis: 'free' | 'charged', amountPence: number | null, userId: string): Promise<void> {
    await this.execute(
      `UPDATE support_agreements SET status = 'agreed', basis = $3, amount_pence = $4, agreed_by = $5, agreed_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [this.tenantId, agreementId, basis, amountPence, userId],
    );
  }

  async setInvoice(agreementId: string, invoiceId: string): Promise<void> {
    await this.execute(`UPDATE support_agreements SET invoice_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [this.tenantId, agreementId, invoiceId]);
  }

  async markDelivered(agreementId: string): Promise<void> {
    await this.execute(`UPDATE support_agreements SET status = 'delivered', updated_at = now() WHERE tenant_id = $1 AND id = $2`, [this.tenantId, agreementId]);
  }

  /** Schools the partnership's data rounds agreed are strong in the area (never the school itself). */
  async dataRoundStrengths(area: string): Promise<Evidence[]> {
    return this.rows<Evidence>(
      `SELECT DISTINCT ON (s.id, r.id) s.id, s.name, 'data_round' AS source, r.name AS detail
       FROM data_round_outcomes o JOIN data_rounds r ON r.id = o.round_id AND r.tenant_id = o.tenant_id JOIN schools s ON s.id = o.school_id
       CROSS JOIN LATERAL jsonb_array_elements(o.strengths) e
       WHERE o.tenant_id = $1 AND e ->> 'area' = $2 ORDER BY s.id, r.id`,
      [this.tenantId, area],
    );
  }

  /** Schools whose final peer review report names the area (its words, e.g. "phonics", "early years"). */
  async reviewStrengths(area: string): Promise<Evidence[]> {
    const words = `%${area.replace(/_/g, ' ')}%`;
    return this.rows<Evidence>(
      `SELECT DISTINCT ON (s.id) s.id, s.name, 'review' AS source, 'peer review ' || rv.academic_year_start || ' to ' || (rv.academic_year_start + 1) AS detail
       FROM reviews rv JOIN review_reports rr ON rr.tenant_id = rv.tenant_id AND rr.review_id = rv.id AND rr.kind = 'final' JOIN schools s ON s.id = rv.school_id
       WHERE rv.tenant_id = $1 AND rv.status = 'final' AND rr.body ILIKE $2 ORDER BY s.id, rv.academic_year_start DESC`,
      [this.tenantId, words],
    );
  }

  /** Published traded or bespoke services whose title or description names the area. */
  async offersFor(area: string): Promise<Evidence[]> {
    const words = `%${area.replace(/_/g, ' ')}%`;
    return this.rows<Evidence>(
      `SELECT id, title AS name, 'catalogue' AS source, coalesce(summary, title) AS detail FROM offers
       WHERE tenant_id = $1 AND status = 'published' AND kind IN ('traded_service', 'bespoke') AND (title ILIKE $2 OR summary ILIKE $2 OR description ILIKE $2) ORDER BY title`,
      [this.tenantId, words],
    );
  }

  /** Whether the review (not cancelled) is of this school: a need from a review names it. */
  async isReviewOf(reviewId: string, schoolId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM reviews WHERE tenant_id = $1 AND id = $2 AND school_id = $3 AND status <> 'cancelled'`, [this.tenantId, reviewId, schoolId])) !== null;
  }

  async offerById(id: string): Promise<{ id: string; name: string } | null> {
    return this.one(`SELECT id, title AS name FROM offers WHERE tenant_id = $1 AND id = $2 AND status <> 'archived'`, [this.tenantId, id]);
  }

  /** Teaching schools and the board, as bodies of the partnership. */
  async supportBodies(): Promise<{ id: string; name: string; kind: string }[]> {
    return this.rows(
      `SELECT id, name, kind FROM bodies WHERE tenant_id = $1 AND archived_at IS NULL AND kind IN ('board', 'strategy_board', 'teaching_school', 'teaching_school_hub') ORDER BY position, name`,
      [this.tenantId],
    );
  }

  async bodyById(id: string): Promise<{ id: string; name: string; kind: string } | null> {
    return this.one(`SELECT id, name, kind FROM bodies WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL`, [this.tenantId, id]);
  }

  /** Support each school is giving now (proposed or agreed), to spread the load. */
  async loadBySchool(): Promise<Map<string, number>> {
    const rows = await this.rows<{ schoolId: string; n: number }>(
      `SELECT supporter_school_id AS "schoolId", count(*)::int AS n FROM support_agreements WHERE tenant_id = $1 AND supporter_school_id IS NOT NULL AND status IN ('proposed', 'agreed') GROUP BY 1`,
      [this.tenantId],
    );
    return new Map(rows.map((r) => [r.schoolId, r.n]));
  }

  /** Figures for the annual report, for needs found in the year. */
  async yearFigures(from: string, to: string): Promise<{ needsFound: number; closed: number; metWithinTarget: number; open: number; overdue: number; free: number; charged: number; chargedPence: number; impactNotes: string[] }> {
    const row = await this.one<{ needsFound: number; closed: number; metWithinTarget: number; open: number; overdue: number; free: number; charged: number; chargedPence: number; impactNotes: string[] | null }>(
      `SELECT count(*)::int AS "needsFound",
              count(*) FILTER (WHERE n.status = 'closed')::int AS closed,
              count(*) FILTER (WHERE n.status = 'closed' AND n.delivered_on <= n.target_on)::int AS "metWithinTarget",
              count(*) FILTER (WHERE n.status NOT IN ('delivered', 'closed'))::int AS open,
              count(*) FILTER (WHERE n.status NOT IN ('delivered', 'closed') AND n.target_on < current_date)::int AS overdue,
              count(a.id) FILTER (WHERE a.basis = 'free')::int AS free,
              count(a.id) FILTER (WHERE a.basis = 'charged')::int AS charged,
              coalesce(sum(a.amount_pence) FILTER (WHERE a.basis = 'charged'), 0)::int AS "chargedPence",
              array_agg(n.impact_note ORDER BY n.closed_on) FILTER (WHERE n.impact_note IS NOT NULL) AS "impactNotes"
       FROM support_needs n LEFT JOIN support_agreements a ON a.tenant_id = n.tenant_id AND a.need_id = n.id AND a.status <> 'withdrawn'
       WHERE n.tenant_id = $1 AND n.found_on >= $2 AND n.found_on < $3`,
      [this.tenantId, from, to],
    );
    return { ...row!, impactNotes: row?.impactNotes ?? [] };
  }
}
