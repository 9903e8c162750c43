import { type AgendaItemKind, type EntityManager, type MeetingRecordStatus, UnitOfWorkRepository } from '@partnerships/db';
import type { AttendanceStatus } from '@partnerships/domain';

export interface MeetingSummary {
  id: string;
  bodyId: string;
  bodyName: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  halfTerm: string | null;
  academicYearStart: string | null;
  hostSchoolId: string | null;
  hostSchoolUrn: string | null;
  hostSchoolName: string | null;
  noteTakerUserId: string | null;
  noteTakerName: string | null;
  location: string | null;
  status: MeetingRecordStatus;
  sequence: number;
  plannedKey: string | null;
  updatedAt: Date;
  /** 'YYYY-MM-DDTHH:MM' in Europe/London. */
  startsAtLocal: string;
  endsAtLocal: string;
}

export interface NewMeeting {
  bodyId: string;
  plannedKey: string | null;
  title: string | null;
  academicYearStart: string | null;
  halfTerm: string | null;
  startsAt: string;
  endsAt: string;
  hostSchoolId: string | null;
  noteTakerUserId: string | null;
  location: string | null;
}

export interface AgendaItemRecord {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  description: string | null;
  confidential: boolean;
  sourceRef: string | null;
}

export interface NewAgendaItem {
  kind: AgendaItemKind;
  title: string;
  description: string | null;
  confidential: boolean;
  sourceRef: string | null;
}

export interface PaperRecord {
  id: string;
  agendaItemId: string;
  title: string;
  content: string | null;
  url: string | null;
  createdAt: Date;
}

export interface AttendanceRow {
  seatKey: string | null;
  userId: string | null;
  name: string | null;
  status: AttendanceStatus;
  deputyUserId: string | null;
  deputyName: string | null;
  reason: string | null;
}

export interface MinutesRecord {
  id: string;
  meetingId: string;
  text: string;
  status: 'draft' | 'circulated' | 'approved';
  draftedBy: string | null;
  circulatedAt: Date | null;
  approvedAtMeetingId: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const MEETING_SELECT = `SELECT m.id, m.body_id AS "bodyId", b.name AS "bodyName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.half_term AS "halfTerm",
    to_char(m.academic_year_start, 'YYYY-MM-DD') AS "academicYearStart", m.host_school_id AS "hostSchoolId", s.urn AS "hostSchoolUrn", s.name AS "hostSchoolName",
    m.note_taker_user_id AS "noteTakerUserId", u.name AS "noteTakerName", m.location, m.status, m.sequence, m.planned_key AS "plannedKey", m.updated_at AS "updatedAt",
    to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD"T"HH24:MI') AS "startsAtLocal", to_char(m.ends_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD"T"HH24:MI') AS "endsAtLocal"
  FROM meetings m JOIN bodies b ON b.id = m.body_id LEFT JOIN schools s ON s.id = m.host_school_id LEFT JOIN users u ON u.id = m.note_taker_user_id`;

/** Meetings (`meetings`) with their agenda items, papers, attendance and minutes. */
export class MeetingRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('MeetingRepository needs a tenant');
  }

  /** Meetings starting in [from, to), optionally of some bodies only, in time order. */
  listBetween(from: string, to: string, bodyIds: string[] | null = null): Promise<MeetingSummary[]> {
    return this.rows<MeetingSummary>(
      `${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.starts_at >= $2::timestamptz AND m.starts_at < $3::timestamptz AND ($4::uuid[] IS NULL OR m.body_id = ANY($4::uuid[]))
       ORDER BY m.starts_at, b.position, b.name`,
      [this.tenantId, from, to, bodyIds],
    );
  }

  /** Meetings on the days from..to (inclusive, UK days), optionally of some bodies only. */
  listOnDays(from: string, to: string, bodyIds: string[] | null = null): Promise<MeetingSummary[]> {
    return this.rows<MeetingSummary>(
      `${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/London'
         AND m.starts_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/London' AND ($4::uuid[] IS NULL OR m.body_id = ANY($4::uuid[]))
       ORDER BY m.starts_at, b.position, b.name`,
      [this.tenantId, from, to, bodyIds],
    );
  }

  /** Every meeting of these bodies from an instant on (for feeds: cancelled ones included, so calendars drop them). */
  listForBodiesFrom(bodyIds: string[], from: string): Promise<MeetingSummary[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.rows<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.body_id = ANY($2::uuid[]) AND m.ends_at >= $3::timestamptz ORDER BY m.starts_at`, [
      this.tenantId,
      bodyIds,
      from,
    ]);
  }

  /** Meetings where the person takes the notes, from an instant on. */
  listNoteTakingFrom(userId: string, from: string): Promise<MeetingSummary[]> {
    return this.rows<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.note_taker_user_id = $2 AND m.ends_at >= $3::timestamptz ORDER BY m.starts_at`, [
      this.tenantId,
      userId,
      from,
    ]);
  }

  findById(id: string): Promise<MeetingSummary | null> {
    return this.one<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.id = $2`, [this.tenantId, id]);
  }

  /** The meeting locked for a change (move, cancel, minutes). */
  lockForUpdate(id: string): Promise<MeetingSummary | null> {
    return this.one<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.id = $2 FOR UPDATE OF m`, [this.tenantId, id]);
  }

  /** Planned keys of a body's meetings already stored, with date and status (for idempotent planning). */
  plannedOf(bodyIds: string[]): Promise<{ key: string; bodyId: string; date: string; status: MeetingRecordStatus; hostSchoolId: string | null }[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.rows(
      `SELECT planned_key AS key, body_id AS "bodyId", to_char(starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS date, status, host_school_id AS "hostSchoolId"
       FROM meetings WHERE tenant_id = $1 AND body_id = ANY($2::uuid[]) AND planned_key IS NOT NULL`,
      [this.tenantId, bodyIds],
    );
  }

  /** The last host of a body's meetings before an instant (host rotation carries on after it). */
  async lastHost(bodyId: string, before: string): Promise<string | null> {
    const row = await this.one<{ host_school_id: string }>(
      `SELECT host_school_id FROM meetings WHERE tenant_id = $1 AND body_id = $2 AND starts_at < $3 AND host_school_id IS NOT NULL AND status <> 'cancelled' ORDER BY starts_at DESC LIMIT 1`,
      [this.tenantId, bodyId, before],
    );
    return row?.host_school_id ?? null;
  }

  /** Inserts the meetings whose planned key is new; returns the ids of those created. */
  async createMany(meetings: NewMeeting[]): Promise<string[]> {
    if (meetings.length === 0) return [];
    const rows = await this.rows<{ id: string }>(
      `INSERT INTO meetings (tenant_id, body_id, planned_key, title, academic_year_start, half_term, starts_at, ends_at, host_school_id, note_taker_user_id, location)
       SELECT $1, x.body_id, x.planned_key, x.title, x.academic_year_start, x.half_term, x.starts_at, x.ends_at, x.host_school_id, x.note_taker_user_id, x.location
       FROM jsonb_to_recordset($2::jsonb) AS x(body_id uuid, planned_key text, title text, academic_year_start date, half_term text, starts_at timestamptz, ends_at timestamptz,
         host_school_id uuid, note_taker_user_id uuid, location text)
       ON CONFLICT (tenant_id, planned_key) WHERE planned_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        this.tenantId,
        JSON.stringify(
          meetings.map((m) => ({
            body_id: m.bodyId,
            planned_key: m.plannedKey,
            title: m.title,
            academic_year_start: m.academicYearStart,
            half_term: m.halfTerm,
            starts_at: m.startsAt,
            ends_at: m.endsAt,
            host_school_id: m.hostSchoolId,
            note_taker_user_id: m.noteTakerUserId,
            location: m.location,
          })),
        ),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** A move or any change calendars must see: the SEQUENCE goes up by one. */
  async move(id: string, change: { date: string; startTime: string; endTime: string; location: string | null; hostSchoolId: string | null; noteTakerUserId: string | null }): Promise<void> {
    await this.execute(
      `WITH t AS (SELECT ($3::date + $4::time) AT TIME ZONE 'Europe/London' AS s, ($3::date + $5::time) AT TIME ZONE 'Europe/London' AS e)
       UPDATE meetings SET starts_at = t.s, ends_at = t.e, location = $6, host_school_id = $7, note_taker_user_id = $8,
         status = CASE WHEN status = 'scheduled' AND (starts_at <> t.s OR ends_at <> t.e) THEN 'moved' ELSE status END,
         sequence = sequence + 1, updated_at = now()
       FROM t WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [this.tenantId, id, change.date, change.startTime, change.endTime, change.location, change.hostSchoolId, change.noteTakerUserId],
    );
  }

  async cancel(id: string, reason: string | null): Promise<void> {
    await this.execute(`UPDATE meetings SET status = 'cancelled', cancelled_reason = $3, sequence = sequence + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
      this.tenantId,
      id,
      reason,
    ]);
  }

  async markHeld(id: string): Promise<void> {
    await this.execute(`UPDATE meetings SET status = 'held', updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status IN ('scheduled', 'moved') RETURNING id`, [this.tenantId, id]);
  }

  /** The body's meeting before this one (not cancelled). */
  previous(bodyId: string, startsAt: Date): Promise<MeetingSummary | null> {
    return this.one<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.body_id = $2 AND m.starts_at < $3 AND m.status <> 'cancelled' ORDER BY m.starts_at DESC LIMIT 1`, [
      this.tenantId,
      bodyId,
      startsAt,
    ]);
  }

  /** The body's next meeting from an instant (not cancelled). */
  nextOf(bodyId: string, from: string): Promise<MeetingSummary | null> {
    return this.one<MeetingSummary>(`${MEETING_SELECT} WHERE m.tenant_id = $1 AND m.body_id = $2 AND m.starts_at >= $3 AND m.status IN ('scheduled', 'moved') ORDER BY m.starts_at LIMIT 1`, [
      this.tenantId,
      bodyId,
      from,
    ]);
  }

  // --- agenda --------------------------------------------------------------

  agenda(meetingId: string): Promise<AgendaItemRecord[]> {
    return this.rows<AgendaItemRecord>(
      `SELECT id, position, kind, title, description, confidential, source_ref AS "sourceRef" FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY position, created_at`,
      [this.tenantId, meetingId],
    );
  }

  findItem(meetingId: string, itemId: string): Promise<AgendaItemRecord | null> {
    return this.one<AgendaItemRecord>(
      `SELECT id, position, kind, title, description, confidential, source_ref AS "sourceRef" FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3`,
      [this.tenantId, meetingId, itemId],
    );
  }

  /** Adds items after the last one; items with a source already on the agenda are skipped. Returns how many were added. */
  async addItems(meetingId: string, items: NewAgendaItem[], userId: string | null): Promise<number> {
    if (items.length === 0) return 0;
    const rows = await this.rows<{ id: string }>(
      `INSERT INTO agenda_items (tenant_id, meeting_id, position, kind, title, description, confidential, source_ref, created_by)
       SELECT $1, $2, (SELECT coalesce(max(position), 0) FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2) + x.n, x.kind, x.title, x.description, x.confidential, x.source_ref, $4
       FROM jsonb_to_recordset($3::jsonb) AS x(n int, kind text, title text, description text, confidential boolean, source_ref text)
       ON CONFLICT (tenant_id, meeting_id, source_ref) WHERE source_ref IS NOT NULL DO NOTHING RETURNING id`,
      [
        this.tenantId,
        meetingId,
        JSON.stringify(items.map((item, i) => ({ n: i + 1, kind: item.kind, title: item.title, description: item.description, confidential: item.confidential, source_ref: item.sourceRef }))),
        userId,
      ],
    );
    return rows.length;
  }

  async addItem(meetingId: string, item: NewAgendaItem, userId: string): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO agenda_items (tenant_id, meeting_id, position, kind, title, description, confidential, source_ref, created_by)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2), $3, $4, $5, $6, $7, $8) RETURNING id`,
      [this.tenantId, meetingId, item.kind, item.title, item.description, item.confidential, item.sourceRef, userId],
    );
    return row!.id;
  }

  async removeItem(meetingId: string, itemId: string): Promise<boolean> {
    await this.execute(`DELETE FROM meeting_papers WHERE tenant_id = $1 AND meeting_id = $2 AND agenda_item_id = $3 RETURNING id`, [this.tenantId, meetingId, itemId]);
    return (await this.execute(`DELETE FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 AND kind = 'local' RETURNING id`, [this.tenantId, meetingId, itemId])) > 0;
  }

  // --- papers --------------------------------------------------------------

  papers(meetingId: string): Promise<PaperRecord[]> {
    return this.rows<PaperRecord>(
      `SELECT id, agenda_item_id AS "agendaItemId", title, content, url, created_at AS "createdAt" FROM meeting_papers WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY created_at`,
      [this.tenantId, meetingId],
    );
  }

  async addPaper(meetingId: string, itemId: string, title: string, content: string | null, url: string | null, userId: string): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO meeting_papers (tenant_id, meeting_id, agenda_item_id, title, content, url, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.tenantId, meetingId, itemId, title, content, url, userId],
    );
    return row!.id;
  }

  // --- attendance ----------------------------------------------------------

  attendance(meetingId: string): Promise<AttendanceRow[]> {
    return this.rows<AttendanceRow>(
      `SELECT a.seat_key AS "seatKey", a.user_id AS "userId", u.name, a.status, a.deputy_user_id AS "deputyUserId", d.name AS "deputyName", a.reason
       FROM attendance a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN users d ON d.id = a.deputy_user_id
       WHERE a.tenant_id = $1 AND a.meeting_id = $2 ORDER BY a.seat_key NULLS LAST, u.name`,
      [this.tenantId, meetingId],
    );
  }

  /** Records (or corrects) attendance; one row per seat, or per guest without a seat. */
  async recordAttendance(meetingId: string, rows: Omit<AttendanceRow, 'name' | 'deputyName'>[], by: string): Promise<void> {
    const seated = rows.filter((r) => r.seatKey !== null);
    const guests = rows.filter((r) => r.seatKey === null);
    const payload = (list: typeof rows) =>
      JSON.stringify(list.map((r) => ({ seat_key: r.seatKey, user_id: r.userId, status: r.status, deputy_user_id: r.deputyUserId, reason: r.reason })));
    const select = `SELECT $1, $2, x.seat_key, x.user_id, x.status, x.deputy_user_id, x.reason, $4
       FROM jsonb_to_recordset($3::jsonb) AS x(seat_key text, user_id uuid, status text, deputy_user_id uuid, reason text)`;
    if (seated.length) {
      await this.execute(
        `INSERT INTO attendance (tenant_id, meeting_id, seat_key, user_id, status, deputy_user_id, reason, recorded_by) ${select}
         ON CONFLICT (tenant_id, meeting_id, seat_key) WHERE seat_key IS NOT NULL DO UPDATE SET user_id = EXCLUDED.user_id, status = EXCLUDED.status,
           deputy_user_id = EXCLUDED.deputy_user_id, reason = EXCLUDED.reason, recorded_by = EXCLUDED.recorded_by, updated_at = now() RETURNING id`,
        [this.tenantId, meetingId, payload(seated), by],
      );
    }
    if (guests.length) {
      await this.execute(
        `INSERT INTO attendance (tenant_id, meeting_id, seat_key, user_id, status, deputy_user_id, reason, recorded_by) ${select}
         ON CONFLICT (tenant_id, meeting_id, user_id) WHERE seat_key IS NULL DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
           recorded_by = EXCLUDED.recorded_by, updated_at = now() RETURNING id`,
        [this.tenantId, meetingId, payload(guests), by],
      );
    }
  }

  // --- minutes -------------------------------------------------------------

  minutes(meetingId: string): Promise<MinutesRecord | null> {
    return this.one<MinutesRecord>(
      `SELECT id, meeting_id AS "meetingId", text, status, drafted_by AS "draftedBy", circulated_at AS "circulatedAt", approved_at_meeting_id AS "approvedAtMeetingId",
         approved_by AS "approvedBy", approved_at AS "approvedAt" FROM minutes WHERE tenant_id = $1 AND meeting_id = $2`,
      [this.tenantId, meetingId],
    );
  }

  /** Drafts or redrafts; approved minutes never change (returns false then). */
  async saveDraft(meetingId: string, text: string, userId: string): Promise<boolean> {
    return (
      (await this.execute(
        `INSERT INTO minutes (tenant_id, meeting_id, text, status, drafted_by) VALUES ($1, $2, $3, 'draft', $4)
         ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET text = EXCLUDED.text, drafted_by = EXCLUDED.drafted_by, updated_at = now() WHERE minutes.status <> 'approved' RETURNING id`,
        [this.tenantId, meetingId, text, userId],
      )) > 0
    );
  }

  async circulate(meetingId: string): Promise<boolean> {
    return (await this.execute(`UPDATE minutes SET status = 'circulated', circulated_at = now(), updated_at = now() WHERE tenant_id = $1 AND meeting_id = $2 AND status = 'draft' RETURNING id`, [
      this.tenantId,
      meetingId,
    ])) > 0;
  }

  async approve(meetingId: string, atMeetingId: string, userId: string): Promise<boolean> {
    return (
      (await this.execute(
        `UPDATE minutes SET status = 'approved', approved_at_meeting_id = $3, approved_by = $4, approved_at = now(), updated_at = now()
         WHERE tenant_id = $1 AND meeting_id = $2 AND status IN ('draft', 'circulated') RETURNING id`,
        [this.tenantId, meetingId, atMeetingId, userId],
      )) > 0
    );
  }

  /** Minutes of meetings of these bodies that wait for approval. */
  awaitingApproval(bodyIds: string[]): Promise<{ meetingId: string; bodyId: string; startsAt: Date; status: string }[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.rows(
      `SELECT n.meeting_id AS "meetingId", m.body_id AS "bodyId", m.starts_at AS "startsAt", n.status FROM minutes n JOIN meetings m ON m.id = n.meeting_id
       WHERE n.tenant_id = $1 AND m.body_id = ANY($2::uuid[]) AND n.status <> 'approved' ORDER BY m.starts_at`,
      [this.tenantId, bodyIds],
    );
  }
}
