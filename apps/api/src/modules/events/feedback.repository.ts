import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { EvaluationQuestion } from '@partnerships/domain';

export interface EvaluationRow {
  id: string;
  eventId: string;
  questions: EvaluationQuestion[];
  anonymous: boolean;
}

/**
 * What happens at and after an event: registers (`session_attendance`), the evaluation
 * (`event_evaluations`, `evaluation_respondents`, `evaluation_responses`) and certificates
 * (`event_certificates`).
 */
export class FeedbackRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager) {
    super(em);
  }

  async register(sessionId: string): Promise<Map<string, boolean>> {
    const rows = await this.rows<{ booking_id: string; attended: boolean }>(`SELECT booking_id, attended FROM session_attendance WHERE session_id = $1`, [sessionId]);
    return new Map(rows.map((r) => [r.booking_id, r.attended]));
  }

  async mark(tenantId: string, sessionId: string, entries: { bookingId: string; attended: boolean }[], by: string): Promise<void> {
    for (const e of entries) {
      await this.execute(
        `INSERT INTO session_attendance (tenant_id, session_id, booking_id, attended, marked_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, session_id, booking_id) DO UPDATE SET attended = EXCLUDED.attended, marked_by = EXCLUDED.marked_by, marked_at = now()`,
        [tenantId, sessionId, e.bookingId, e.attended, by],
      );
    }
  }

  /** Sessions attended per booking of an event. */
  async attendedCounts(eventId: string): Promise<Map<string, number>> {
    const rows = await this.rows<{ booking_id: string; n: number }>(
      `SELECT a.booking_id, count(*) FILTER (WHERE a.attended)::int AS n FROM session_attendance a JOIN event_sessions s ON s.id = a.session_id WHERE s.event_id = $1 GROUP BY a.booking_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.booking_id, r.n]));
  }

  async evaluation(eventId: string): Promise<EvaluationRow | null> {
    const row = await this.one<{ id: string; event_id: string; questions: EvaluationQuestion[]; anonymous: boolean }>(`SELECT id, event_id, questions, anonymous FROM event_evaluations WHERE event_id = $1`, [eventId]);
    return row ? { id: row.id, eventId: row.event_id, questions: row.questions, anonymous: row.anonymous } : null;
  }

  async hasResponses(evaluationId: string): Promise<boolean> {
    return (await this.one<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_respondents WHERE evaluation_id = $1`, [evaluationId]))!.n > 0;
  }

  async saveEvaluation(tenantId: string, eventId: string, questions: EvaluationQuestion[], anonymous: boolean, by: string): Promise<void> {
    await this.execute(
      `INSERT INTO event_evaluations (tenant_id, event_id, questions, anonymous, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, event_id) DO UPDATE SET questions = EXCLUDED.questions, anonymous = EXCLUDED.anonymous`,
      [tenantId, eventId, JSON.stringify(questions), anonymous, by],
    );
  }

  /** One person's answers, once: false when this booking has answered already. Anonymous answers carry no booking. */
  async respond(tenantId: string, evaluation: EvaluationRow, bookingId: string, answers: Record<string, unknown>): Promise<boolean> {
    const inserted = await this.rows<{ id: string }>(
      `INSERT INTO evaluation_respondents (tenant_id, evaluation_id, booking_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, evaluation_id, booking_id) DO NOTHING RETURNING id`,
      [tenantId, evaluation.id, bookingId],
    );
    if (inserted.length === 0) return false;
    await this.execute(`INSERT INTO evaluation_responses (tenant_id, evaluation_id, booking_id, answers) VALUES ($1, $2, $3, $4)`, [
      tenantId, evaluation.id, evaluation.anonymous ? null : bookingId, JSON.stringify(answers),
    ]);
    return true;
  }

  async respondents(evaluationId: string): Promise<Set<string>> {
    return new Set((await this.rows<{ booking_id: string }>(`SELECT booking_id FROM evaluation_respondents WHERE evaluation_id = $1`, [evaluationId])).map((r) => r.booking_id));
  }

  async responses(evaluationId: string): Promise<{ bookingId: string | null; answers: Record<string, unknown> }[]> {
    const rows = await this.rows<{ booking_id: string | null; answers: Record<string, unknown> }>(`SELECT booking_id, answers FROM evaluation_responses WHERE evaluation_id = $1 ORDER BY submitted_at, id`, [evaluationId]);
    return rows.map((r) => ({ bookingId: r.booking_id, answers: r.answers }));
  }

  /** Answers of every evaluation in the partnership, by event (for the report). */
  async allResponses(): Promise<{ eventId: string; questions: EvaluationQuestion[]; answers: Record<string, unknown> }[]> {
    const rows = await this.rows<{ event_id: string; questions: EvaluationQuestion[]; answers: Record<string, unknown> }>(
      `SELECT e.event_id, e.questions, r.answers FROM evaluation_responses r JOIN event_evaluations e ON e.id = r.evaluation_id`,
    );
    return rows.map((r) => ({ eventId: r.event_id, questions: r.questions, answers: r.answers }));
  }

  /** Certificates issued (idempotent): the ids of bookings newly given one. */
  async issueCertificates(tenantId: string, bookingIds: string[], by: string): Promise<string[]> {
    if (!bookingIds.length) return [];
    const rows = await this.rows<{ booking_id: string }>(
      `INSERT INTO event_certificates (tenant_id, booking_id, issued_by) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT (tenant_id, booking_id) DO NOTHING RETURNING booking_id`,
      [tenantId, bookingIds, by],
    );
    return rows.map((r) => r.booking_id);
  }

  async certificate(bookingId: string): Promise<{ id: string; issuedOn: string } | null> {
    return this.one(`SELECT id, to_char(issued_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "issuedOn" FROM event_certificates WHERE booking_id = $1`, [bookingId]);
  }

  async certificatesOf(eventId: string): Promise<Set<string>> {
    const rows = await this.rows<{ booking_id: string }>(`SELECT c.booking_id FROM event_certificates c JOIN event_bookings b ON b.id = c.booking_id WHERE b.event_id = $1`, [eventId]);
    return new Set(rows.map((r) => r.booking_id));
  }
}
