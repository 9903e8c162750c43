import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { BodyKind, GovernancePerson, GovernanceSchool, NamedSeatHolder, OfficeHolding, Phase, SeatChanges, SeatFacts, SeatHolding, SeatRule, SeatVoting } from '@partnerships/domain';

export interface SeatRuleRow {
  id: string;
  bodyId: string;
  rule: SeatRule;
  voting: SeatVoting;
  termMonths: number | null;
  label: string;
  position: number;
}

export interface SeatRuleFields {
  rule: SeatRule;
  voting: SeatVoting;
  termMonths: number | null;
  label: string;
  position: number | null;
}

/** A seat held now, with who holds it. */
export interface CurrentSeatHolding extends SeatHolding {
  bodyId: string;
  seatRuleId: string;
  schoolId: string | null;
  name: string;
  schoolUrn: string | null;
}

/** A seat as the person's own view shows it. */
export interface PersonSeat {
  bodyId: string;
  bodyName: string;
  bodyKind: BodyKind;
  seatKey: string;
  label: string;
  voting: SeatVoting;
  schoolUrn: string | null;
  startsOn: string;
}

/** The seats (current holdings) of a body's members, people by school for a head's view. */
export interface SchoolRepresentation {
  schoolUrn: string;
  schoolName: string;
  bodyId: string;
  bodyName: string;
  holderName: string;
  label: string;
}

/** Seat rules (`seat_rules`), who holds which seat (`seat_holdings`, the history) and named appointees (`appointments`), plus the facts seats are resolved from. */
export class SeatRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('SeatRepository needs a tenant');
  }

  // --- rules ---------------------------------------------------------------

  /** Current rules of one body, or of every current body when bodyId is null. */
  rules(bodyId: string | null): Promise<SeatRuleRow[]> {
    return this.rows<SeatRuleRow>(
      `SELECT r.id, r.body_id AS "bodyId", r.rule, r.voting, r.term_months AS "termMonths", r.label, r.position FROM seat_rules r
         JOIN bodies b ON b.id = r.body_id AND b.archived_at IS NULL
       WHERE r.tenant_id = $1 AND r.archived_at IS NULL AND ($2::uuid IS NULL OR r.body_id = $2) ORDER BY r.body_id, r.position, r.created_at`,
      [this.tenantId, bodyId],
    );
  }

  findRule(bodyId: string, ruleId: string): Promise<SeatRuleRow | null> {
    return this.one<SeatRuleRow>(
      `SELECT id, body_id AS "bodyId", rule, voting, term_months AS "termMonths", label, position FROM seat_rules WHERE tenant_id = $1 AND body_id = $2 AND id = $3 AND archived_at IS NULL`,
      [this.tenantId, bodyId, ruleId],
    );
  }

  /** A new rule; the rule JSON carries its own id (the row's), so seat keys start with it. */
  async createRule(bodyId: string, fields: SeatRuleFields): Promise<string> {
    const row = await this.one<{ id: string }>(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO seat_rules (id, tenant_id, body_id, rule, voting, term_months, label, position)
       SELECT id.id, $1, $2, jsonb_set($3::jsonb, '{id}', to_jsonb(id.id::text)), $4, $5, $6,
              coalesce($7, (SELECT coalesce(max(position) + 1, 0) FROM seat_rules WHERE tenant_id = $1 AND body_id = $2))
       FROM id RETURNING id`,
      [this.tenantId, bodyId, JSON.stringify(fields.rule), fields.voting, fields.termMonths, fields.label, fields.position],
    );
    return row!.id;
  }

  async updateRule(bodyId: string, ruleId: string, fields: SeatRuleFields): Promise<boolean> {
    return (
      (await this.execute(
        `UPDATE seat_rules SET rule = jsonb_set($4::jsonb, '{id}', to_jsonb(id::text)), voting = $5, term_months = $6, label = $7, position = coalesce($8, position), updated_at = now()
         WHERE tenant_id = $1 AND body_id = $2 AND id = $3 AND archived_at IS NULL RETURNING id`,
        [this.tenantId, bodyId, ruleId, JSON.stringify(fields.rule), fields.voting, fields.termMonths, fields.label, fields.position],
      )) > 0
    );
  }

  async archiveRule(bodyId: string, ruleId: string): Promise<boolean> {
    return (await this.execute(`UPDATE seat_rules SET archived_at = now(), updated_at = now() WHERE tenant_id = $1 AND body_id = $2 AND id = $3 AND archived_at IS NULL RETURNING id`, [
      this.tenantId,
      bodyId,
      ruleId,
    ])) > 0;
  }

  async bodyOfRule(ruleId: string): Promise<string | null> {
    return (await this.one<{ body_id: string }>(`SELECT body_id FROM seat_rules WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL`, [this.tenantId, ruleId]))?.body_id ?? null;
  }

  // --- holdings ------------------------------------------------------------

  /** Seats held now (of one body, or of all when bodyId is null), with names and schools. */
  current(bodyId: string | null): Promise<CurrentSeatHolding[]> {
    return this.rows<CurrentSeatHolding>(
      `SELECT h.body_id AS "bodyId", h.seat_rule_id AS "seatRuleId", h.seat_key AS "seatKey", h.user_id AS "userId", h.school_id AS "schoolId",
         to_char(h.starts_on, 'YYYY-MM-DD') AS "startsOn", NULL AS "endsOn", u.name, s.urn AS "schoolUrn"
       FROM seat_holdings h JOIN users u ON u.id = h.user_id LEFT JOIN schools s ON s.id = h.school_id
       WHERE h.tenant_id = $1 AND h.ends_on IS NULL AND ($2::uuid IS NULL OR h.body_id = $2) ORDER BY h.seat_key`,
      [this.tenantId, bodyId],
    );
  }

  /** Who held which seat of the body, newest first. */
  history(bodyId: string): Promise<(SeatHolding & { name: string; seatRuleId: string })[]> {
    return this.rows(
      `SELECT h.seat_key AS "seatKey", h.seat_rule_id AS "seatRuleId", h.user_id AS "userId", u.name, to_char(h.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(h.ends_on, 'YYYY-MM-DD') AS "endsOn"
       FROM seat_holdings h JOIN users u ON u.id = h.user_id WHERE h.tenant_id = $1 AND h.body_id = $2 ORDER BY h.starts_on DESC, h.seat_key`,
      [this.tenantId, bodyId],
    );
  }

  /**
   * Applies the domain's seat changes for one body. Idempotent under concurrency: a holding
   * is closed only while open, and a new one meets the unique "one open holding per seat" index.
   */
  async apply(bodyId: string, changes: SeatChanges, seatInfo: Map<string, { ruleId: string; schoolId: string | null; source: 'derived' | 'appointed' | 'elected' }>): Promise<number> {
    let n = 0;
    for (const end of changes.end) {
      n += await this.execute(
        `UPDATE seat_holdings SET ends_on = $5 WHERE tenant_id = $1 AND body_id = $2 AND seat_key = $3 AND user_id = $4 AND ends_on IS NULL RETURNING id`,
        [this.tenantId, bodyId, end.seatKey, end.userId, end.endsOn],
      );
    }
    if (changes.begin.length > 0) {
      const begins = changes.begin.map((b) => ({ key: b.seatKey, user: b.userId, on: b.startsOn, ...seatInfo.get(b.seatKey)! }));
      n += await this.execute(
        `INSERT INTO seat_holdings (tenant_id, body_id, seat_rule_id, seat_key, user_id, school_id, source, starts_on)
         SELECT $1, $2, x.rule_id, x.key, x.user_id, x.school_id, x.source, x.starts_on
         FROM jsonb_to_recordset($3::jsonb) AS x(rule_id uuid, key text, user_id uuid, school_id uuid, source text, starts_on date)
         ON CONFLICT (tenant_id, body_id, seat_key) WHERE ends_on IS NULL DO NOTHING RETURNING id`,
        [this.tenantId, bodyId, JSON.stringify(begins.map((b) => ({ rule_id: b.ruleId, key: b.key, user_id: b.user, school_id: b.schoolId, source: b.source, starts_on: b.on })))],
      );
    }
    return n;
  }

  /** Seats held now by one person (their own view). */
  personSeats(userId: string): Promise<PersonSeat[]> {
    return this.rows<PersonSeat>(
      `SELECT b.id AS "bodyId", b.name AS "bodyName", b.kind AS "bodyKind", h.seat_key AS "seatKey", r.label, r.voting, s.urn AS "schoolUrn", to_char(h.starts_on, 'YYYY-MM-DD') AS "startsOn"
       FROM seat_holdings h JOIN bodies b ON b.id = h.body_id AND b.archived_at IS NULL JOIN seat_rules r ON r.id = h.seat_rule_id LEFT JOIN schools s ON s.id = h.school_id
       WHERE h.tenant_id = $1 AND h.user_id = $2 AND h.ends_on IS NULL ORDER BY b.position, b.name`,
      [this.tenantId, userId],
    );
  }

  /** Everyone to invite to the body's meetings: seat and office holders now, with their e-mail addresses. */
  contacts(bodyId: string): Promise<{ userId: string; name: string; email: string }[]> {
    return this.rows(
      `SELECT DISTINCT u.id AS "userId", u.name, u.email FROM users u
       WHERE u.id IN (SELECT user_id FROM seat_holdings WHERE tenant_id = $1 AND body_id = $2 AND ends_on IS NULL
                      UNION SELECT user_id FROM body_offices WHERE tenant_id = $1 AND body_id = $2 AND to_on IS NULL)
       ORDER BY u.name`,
      [this.tenantId, bodyId],
    );
  }

  /** Whether the person holds a seat or an office of the body now. */
  async isMember(bodyId: string, userId: string): Promise<boolean> {
    return (
      (await this.one(
        `SELECT 1 FROM seat_holdings WHERE tenant_id = $1 AND body_id = $2 AND user_id = $3 AND ends_on IS NULL
         UNION ALL SELECT 1 FROM body_offices WHERE tenant_id = $1 AND body_id = $2 AND user_id = $3 AND to_on IS NULL LIMIT 1`,
        [this.tenantId, bodyId, userId],
      )) !== null
    );
  }

  /** Bodies where the person holds a seat or an office now. */
  async memberBodyIds(userId: string): Promise<string[]> {
    const rows = await this.rows<{ body_id: string }>(
      `SELECT body_id FROM seat_holdings WHERE tenant_id = $1 AND user_id = $2 AND ends_on IS NULL
       UNION SELECT body_id FROM body_offices WHERE tenant_id = $1 AND user_id = $2 AND to_on IS NULL`,
      [this.tenantId, userId],
    );
    return rows.map((r) => r.body_id);
  }

  /** How these schools are represented across the partnership's bodies now. */
  representation(schoolIds: string[]): Promise<SchoolRepresentation[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.rows<SchoolRepresentation>(
      `SELECT s.urn AS "schoolUrn", s.name AS "schoolName", b.id AS "bodyId", b.name AS "bodyName", u.name AS "holderName", r.label
       FROM seat_holdings h JOIN schools s ON s.id = h.school_id JOIN bodies b ON b.id = h.body_id AND b.archived_at IS NULL
         JOIN users u ON u.id = h.user_id JOIN seat_rules r ON r.id = h.seat_rule_id
       WHERE h.tenant_id = $1 AND h.ends_on IS NULL AND h.school_id = ANY($2::uuid[]) ORDER BY s.name, b.position, b.name`,
      [this.tenantId, schoolIds],
    );
  }

  // --- appointments --------------------------------------------------------

  async appoint(bodyId: string, ruleId: string, userId: string, schoolId: string | null, source: 'appointed' | 'elected', startsOn: string, by: string | null): Promise<boolean> {
    return (
      (await this.execute(
        `INSERT INTO appointments (tenant_id, body_id, seat_rule_id, user_id, school_id, source, starts_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, seat_rule_id, user_id) WHERE ends_on IS NULL DO NOTHING RETURNING id`,
        [this.tenantId, bodyId, ruleId, userId, schoolId, source, startsOn, by],
      )) > 0
    );
  }

  async endAppointment(bodyId: string, ruleId: string, userId: string, endsOn: string): Promise<boolean> {
    return (
      (await this.execute(
        `UPDATE appointments SET ends_on = greatest(starts_on, $5::date) WHERE tenant_id = $1 AND body_id = $2 AND seat_rule_id = $3 AND user_id = $4 AND ends_on IS NULL RETURNING id`,
        [this.tenantId, bodyId, ruleId, userId, endsOn],
      )) > 0
    );
  }

  // --- facts ---------------------------------------------------------------

  /** Everything seats are resolved from, for the whole partnership, in five set-based queries. */
  async facts(today: string): Promise<SeatFacts> {
    const schools = await this.rows<GovernanceSchool & { phase: Phase }>(
      `SELECT s.id, s.urn, s.name, s.phase, s.type, d.religious_character AS character, d.area, m.category AS "categoryCode",
         coalesce(c.voting_rights, false) AS votes,
         coalesce((SELECT array_agg(bs.body_id::text) FROM body_schools bs JOIN bodies b ON b.id = bs.body_id AND b.kind = 'cluster' AND b.archived_at IS NULL
                   WHERE bs.tenant_id = m.tenant_id AND bs.school_id = s.id), '{}') AS "clusterBodyIds"
       FROM memberships m JOIN schools s ON s.id = m.school_id
         LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
         LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = s.id
       WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given') ORDER BY s.urn`,
      [this.tenantId],
    );
    const people = await this.rows<GovernancePerson>(
      `SELECT r.user_id AS "userId", u.name, r.school_id AS "schoolId", r.role FROM school_roles r JOIN users u ON u.id = r.user_id
         JOIN memberships m ON m.school_id = r.school_id AND m.tenant_id = $1 AND m.status IN ('active', 'notice-given')
       UNION ALL
       SELECT r.user_id, u.name, NULL, r.role FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1`,
      [this.tenantId],
    );
    const bodies = await this.rows<{ id: string; kind: BodyKind; name: string }>(`SELECT id, kind, name FROM bodies WHERE tenant_id = $1 AND archived_at IS NULL`, [this.tenantId]);
    const officeHolders = await this.rows<OfficeHolding>(
      `SELECT o.body_id AS "bodyId", b.kind AS "bodyKind", b.name AS "bodyName", o.office, o.user_id AS "userId"
       FROM body_offices o JOIN bodies b ON b.id = o.body_id AND b.archived_at IS NULL WHERE o.tenant_id = $1 AND o.to_on IS NULL`,
      [this.tenantId],
    );
    const named = await this.rows<NamedSeatHolder & { source: string }>(
      `SELECT a.seat_rule_id AS "ruleId", a.user_id AS "userId", u.name, s.urn AS "schoolUrn", a.source FROM appointments a
         JOIN users u ON u.id = a.user_id LEFT JOIN schools s ON s.id = a.school_id
       WHERE a.tenant_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY a.starts_on, a.created_at`,
      [this.tenantId, today],
    );
    const tenantPeople = people.filter((p) => p.schoolId === null);
    return {
      schools,
      bodies,
      people,
      deputies: [],
      officeHolders,
      appointees: named.filter((n) => n.source === 'appointed').map(({ source: _s, ...n }) => n),
      electionWinners: named.filter((n) => n.source === 'elected').map(({ source: _s, ...n }) => n),
      exOfficio: tenantPeople.map((p) => ({ userId: p.userId, name: p.name, tenantRole: p.role })),
    };
  }

  /**
   * Gives seat holders the tenant role 'board-member', so they reach their bodies' pages. The role is
   * never taken away here: an admin may have given it by hand, and what a former holder can read is
   * limited by body membership anyway.
   */
  async syncMemberRoles(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.execute(
      `INSERT INTO tenant_roles (tenant_id, user_id, role)
       SELECT DISTINCT $1::uuid, h.user_id, 'board-member' FROM seat_holdings h WHERE h.tenant_id = $1 AND h.ends_on IS NULL AND h.user_id = ANY($2::uuid[])
       ON CONFLICT (tenant_id, user_id, role) DO NOTHING RETURNING id`,
      [this.tenantId, userIds],
    );
  }
}
