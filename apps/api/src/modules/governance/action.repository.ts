import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';

export interface ActionRecord {
  id: string;
  bodyId: string;
  bodyName: string;
  meetingId: string;
  raisedOn: string;
  title: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerSchoolId: string | null;
  ownerSchoolUrn: string | null;
  dueOn: string | null;
  status: 'open' | 'closed';
  closedAtMeetingId: string | null;
  note: string | null;
}

export interface NewAction {
  bodyId: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  ownerUserId: string | null;
  ownerSchoolId: string | null;
  dueOn: string | null;
}

const SELECT = `SELECT a.id, a.body_id AS "bodyId", b.name AS "bodyName", a.meeting_id AS "meetingId", to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "raisedOn",
    a.title, a.owner_user_id AS "ownerUserId", u.name AS "ownerName", a.owner_school_id AS "ownerSchoolId", s.urn AS "ownerSchoolUrn", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn",
    a.status, a.closed_at_meeting_id AS "closedAtMeetingId", a.note
  FROM actions a JOIN bodies b ON b.id = a.body_id JOIN meetings m ON m.id = a.meeting_id LEFT JOIN users u ON u.id = a.owner_user_id LEFT JOIN schools s ON s.id = a.owner_school_id`;

/** The action log (`actions`): raised at a meeting, carried from meeting to meeting until closed. */
export class ActionRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('ActionRepository needs a tenant');
  }

  /**
   * The actions a meeting deals with: those raised at it, and those of its body still open when it
   * starts or closed at it (carried over from earlier meetings).
   */
  forMeeting(bodyId: string, meetingId: string, startsAt: Date): Promise<ActionRecord[]> {
    return this.rows<ActionRecord>(
      `${SELECT} WHERE a.tenant_id = $1 AND a.body_id = $2
         AND (a.meeting_id = $3 OR (m.starts_at < $4 AND (a.status = 'open' OR a.closed_at_meeting_id = $3)))
       ORDER BY m.starts_at, a.created_at`,
      [this.tenantId, bodyId, meetingId, startsAt],
    );
  }

  openForBodies(bodyIds: string[]): Promise<ActionRecord[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.rows<ActionRecord>(`${SELECT} WHERE a.tenant_id = $1 AND a.body_id = ANY($2::uuid[]) AND a.status = 'open' ORDER BY a.due_on NULLS LAST, m.starts_at`, [this.tenantId, bodyIds]);
  }

  openOwnedBy(userId: string): Promise<ActionRecord[]> {
    return this.rows<ActionRecord>(`${SELECT} WHERE a.tenant_id = $1 AND a.owner_user_id = $2 AND a.status = 'open' ORDER BY a.due_on NULLS LAST, m.starts_at`, [this.tenantId, userId]);
  }

  find(id: string): Promise<ActionRecord | null> {
    return this.one<ActionRecord>(`${SELECT} WHERE a.tenant_id = $1 AND a.id = $2`, [this.tenantId, id]);
  }

  async create(action: NewAction): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO actions (tenant_id, body_id, meeting_id, agenda_item_id, title, owner_user_id, owner_school_id, due_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [this.tenantId, action.bodyId, action.meetingId, action.agendaItemId, action.title, action.ownerUserId, action.ownerSchoolId, action.dueOn],
    );
    return row!.id;
  }

  /** Closes an open action at a meeting, with a note; false when it was not open. */
  async close(id: string, atMeetingId: string, note: string | null): Promise<boolean> {
    return (
      (await this.execute(
        `UPDATE actions SET status = 'closed', closed_at_meeting_id = $3, closed_at = now(), note = coalesce($4, note) WHERE tenant_id = $1 AND id = $2 AND status = 'open' RETURNING id`,
        [this.tenantId, id, atMeetingId, note],
      )) > 0
    );
  }
}
