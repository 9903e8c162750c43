import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { SchoolParticipation } from '@partnerships/domain';

/**
 * What each member school took part in and gave in a year, counted set-based in one query:
 * meetings attended (governance attendance, present or as a deputy, by the seat's school or the
 * person's school), peer reviews led and received, support given and received, CPD places
 * (event bookings confirmed or attended) and data round submissions.
 */
export class ParticipationRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  async forYear(from: string, to: string, academicYearStart: number): Promise<SchoolParticipation[]> {
    return this.rows<SchoolParticipation>(
      `WITH members AS (
         SELECT DISTINCT s.id, s.urn, s.name FROM memberships m JOIN schools s ON s.id = m.school_id
         WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given', 'suspended', 'approved')),
       meetings_attended AS (
         SELECT x.school_id, count(DISTINCT a.meeting_id)::int AS n
         FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id AND mt.tenant_id = a.tenant_id
         LEFT JOIN seat_holdings h ON h.tenant_id = a.tenant_id AND h.body_id = mt.body_id AND h.seat_key = a.seat_key AND h.starts_on <= mt.starts_at::date AND (h.ends_on IS NULL OR h.ends_on >= mt.starts_at::date)
         LEFT JOIN school_roles sr ON sr.user_id = coalesce(a.deputy_user_id, a.user_id, h.user_id)
         CROSS JOIN LATERAL (SELECT coalesce(h.school_id, sr.school_id) AS school_id) x
         WHERE a.tenant_id = $1 AND a.status IN ('present', 'deputy') AND mt.starts_at >= $2::date AND mt.starts_at < $3::date AND x.school_id IS NOT NULL
         GROUP BY x.school_id),
       led AS (
         SELECT p.school_id, count(DISTINCT p.review_id)::int AS n FROM review_participants p JOIN reviews r ON r.id = p.review_id AND r.tenant_id = p.tenant_id
         WHERE p.tenant_id = $1 AND p.role = 'lead' AND r.academic_year_start = $4 AND r.status <> 'cancelled' AND r.confirmed_at IS NOT NULL GROUP BY p.school_id),
       received AS (
         SELECT school_id, count(*)::int AS n FROM reviews WHERE tenant_id = $1 AND academic_year_start = $4 AND status <> 'cancelled' AND confirmed_at IS NOT NULL GROUP BY school_id),
       given AS (
         SELECT a.supporter_school_id AS school_id, count(*)::int AS n FROM support_agreements a JOIN support_needs n ON n.id = a.need_id AND n.tenant_id = a.tenant_id
         WHERE a.tenant_id = $1 AND a.status IN ('agreed', 'delivered') AND n.found_on >= $2::date AND n.found_on < $3::date GROUP BY 1),
       got AS (
         SELECT n.school_id, count(*)::int AS n FROM support_agreements a JOIN support_needs n ON n.id = a.need_id AND n.tenant_id = a.tenant_id
         WHERE a.tenant_id = $1 AND a.status IN ('agreed', 'delivered') AND n.found_on >= $2::date AND n.found_on < $3::date GROUP BY 1),
       cpd AS (
         SELECT b.school_id, count(*)::int AS n FROM event_bookings b JOIN events e ON e.id = b.event_id AND e.tenant_id = b.tenant_id
         WHERE b.tenant_id = $1 AND b.status IN ('confirmed', 'attended') AND b.created_at >= $2::date AND b.created_at < $3::date GROUP BY 1),
       submitted AS (
         SELECT d.school_id, count(*)::int AS n FROM data_submissions d JOIN data_rounds r ON r.id = d.round_id AND r.tenant_id = d.tenant_id
         WHERE d.tenant_id = $1 AND r.academic_year_start = $4 GROUP BY 1)
       SELECT m.id AS "schoolId", m.urn, m.name AS "schoolName",
              coalesce(ma.n, 0) AS "meetingsAttended", coalesce(led.n, 0) AS "reviewsLed", coalesce(received.n, 0) AS "reviewsReceived",
              coalesce(given.n, 0) AS "supportGiven", coalesce(got.n, 0) AS "supportReceived", coalesce(cpd.n, 0) AS "cpdPlaces", coalesce(submitted.n, 0) AS "dataRoundsSubmitted"
       FROM members m
       LEFT JOIN meetings_attended ma ON ma.school_id = m.id LEFT JOIN led ON led.school_id = m.id LEFT JOIN received ON received.school_id = m.id
       LEFT JOIN given ON given.school_id = m.id LEFT JOIN got ON got.school_id = m.id LEFT JOIN cpd ON cpd.school_id = m.id LEFT JOIN submitted ON submitted.school_id = m.id
       ORDER BY m.name`,
      [this.tenantId, from, to, academicYearStart],
    );
  }
}
