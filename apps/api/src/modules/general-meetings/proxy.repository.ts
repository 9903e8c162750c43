import { UnitOfWorkRepository } from '@partnerships/db';

/** A school's proxy for one meeting: another school's voter, or the chair. */
export interface ProxyAppointment {
  id: string;
  meetingId: string;
  fromSchoolId: string;
  fromSchoolUrn: string;
  fromSchoolName: string;
  holderKind: 'school' | 'chair';
  holderSchoolId: string | null;
  holderSchoolUrn: string | null;
  holderSchoolName: string | null;
  appointedAt: Date;
  revokedAt: Date | null;
}

const PROXY_SQL = `
  SELECT p.id, p.meeting_id AS "meetingId", p.from_school_id AS "fromSchoolId", f.urn AS "fromSchoolUrn", f.name AS "fromSchoolName",
         p.holder_kind AS "holderKind", p.holder_school_id AS "holderSchoolId", h.urn AS "holderSchoolUrn", h.name AS "holderSchoolName",
         p.appointed_at AS "appointedAt", p.revoked_at AS "revokedAt"
    FROM proxies p JOIN schools f ON f.id = p.from_school_id LEFT JOIN schools h ON h.id = p.holder_school_id`;

/** Proxies (the proxy aggregate): at most one active per school per meeting; revoked, never deleted. */
export class ProxyRepository extends UnitOfWorkRepository {
  /** The school's active proxy for the meeting, or null. */
  activeFor(meetingId: string, fromSchoolId: string): Promise<ProxyAppointment | null> {
    return this.one<ProxyAppointment>(`${PROXY_SQL} WHERE p.meeting_id = $1 AND p.from_school_id = $2 AND p.revoked_at IS NULL`, [meetingId, fromSchoolId]);
  }

  find(id: string): Promise<ProxyAppointment | null> {
    return this.one<ProxyAppointment>(`${PROXY_SQL} WHERE p.id = $1`, [id]);
  }

  /** Proxies for a meeting (or every meeting), active first. */
  list(filter: { meetingId?: string; schoolId?: string; includeRevoked?: boolean }): Promise<ProxyAppointment[]> {
    return this.rows<ProxyAppointment>(
      `${PROXY_SQL} WHERE ($1::uuid IS NULL OR p.meeting_id = $1) AND ($2::uuid IS NULL OR p.from_school_id = $2 OR p.holder_school_id = $2)
         AND ($3 OR p.revoked_at IS NULL)
       ORDER BY (p.revoked_at IS NULL) DESC, f.name, p.appointed_at`,
      [filter.meetingId ?? null, filter.schoolId ?? null, filter.includeRevoked ?? false],
    );
  }

  /**
   * Appoints a proxy, replacing the school's active one for the meeting (revoked first, in the
   * same transaction; the partial unique index keeps one active even under concurrent requests).
   */
  async appoint(input: { meetingId: string; fromSchoolId: string; holderKind: 'school' | 'chair'; holderSchoolId: string | null; appointedBy: string }): Promise<string> {
    await this.execute(`UPDATE proxies SET revoked_at = now(), revoked_by = $3 WHERE meeting_id = $1 AND from_school_id = $2 AND revoked_at IS NULL`, [
      input.meetingId,
      input.fromSchoolId,
      input.appointedBy,
    ]);
    const row = await this.one<{ id: string }>(
      `INSERT INTO proxies (tenant_id, meeting_id, from_school_id, holder_kind, holder_school_id, appointed_by)
       VALUES (app_tenant_id(), $1, $2, $3, $4, $5) RETURNING id`,
      [input.meetingId, input.fromSchoolId, input.holderKind, input.holderSchoolId, input.appointedBy],
    );
    return row!.id;
  }

  /** Revokes an active proxy; false when it was not active. */
  async revoke(id: string, revokedBy: string): Promise<boolean> {
    return (await this.execute(`UPDATE proxies SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, revokedBy])) > 0;
  }
}
