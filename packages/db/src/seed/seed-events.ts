import type { EntityManager } from 'typeorm';
import { DEMO_TENANTS } from './demo-data';

interface DemoEvent {
  key: string;
  title: string;
  summary: string;
  public: boolean;
  capacity: number;
  capPerSchool: number | null;
  venue: string;
  /** [start, end] in UTC (winter: the same as London). */
  sessions: [string, string][];
  memberPence: number;
  nonMemberPence: number;
}

/** Next term's courses and conferences, and one from this term that has happened. */
const EVENTS: DemoEvent[] = [
  {
    key: 'phonics',
    title: 'Leading phonics: a two-day course for subject leaders',
    summary: 'Two days on leading early reading: assessment, keep-up sessions and coaching colleagues.',
    public: false,
    capacity: 12,
    capPerSchool: 3,
    venue: 'Teachers’ Centre, Room 2',
    sessions: [
      ['2027-01-20T09:30:00Z', '2027-01-20T15:30:00Z'],
      ['2027-02-03T09:30:00Z', '2027-02-03T15:30:00Z'],
    ],
    memberPence: 18_000,
    nonMemberPence: 26_000,
  },
  {
    key: 'conference',
    title: 'Spring conference for headteachers and governors',
    summary: 'Keynotes and workshops on curriculum, attendance and inclusion. Open to schools outside the partnership.',
    public: true,
    capacity: 80,
    capPerSchool: null,
    venue: 'Civic Centre Assembly Hall',
    sessions: [['2027-03-03T09:00:00Z', '2027-03-03T16:00:00Z']],
    memberPence: 9_500,
    nonMemberPence: 15_000,
  },
  {
    key: 'moderation',
    title: 'Moderating writing at Key Stage 2',
    summary: 'An afternoon moderating real pieces of writing against the teacher assessment frameworks.',
    public: false,
    capacity: 24,
    capPerSchool: null,
    venue: 'Teachers’ Centre, Room 1',
    sessions: [['2026-11-12T13:30:00Z', '2026-11-12T16:30:00Z']],
    memberPence: 6_000,
    nonMemberPence: 9_000,
  },
];

/**
 * Demo CPD events for each demo partnership (issue 11): a two-day course next term that is full
 * with a waiting list and a request waiting for its school's approval, a public spring conference
 * with bookings confirmed and awaiting approval, and an afternoon this term that has happened:
 * registers marked, an anonymous evaluation partly answered and certificates issued. Invoiced per
 * school per term, and not yet invoiced, so billing figures stay as they were. Idempotent: a
 * partnership that already has events is left alone. Runs as the owner.
 */
export async function seedEvents(em: EntityManager): Promise<void> {
  for (const demo of DEMO_TENANTS) {
    const [tenant] = await em.query(`SELECT id FROM tenants WHERE slug = $1`, [demo.slug]);
    if (!tenant) continue;
    const tenantId: string = tenant.id;
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM events WHERE tenant_id = $1`, [tenantId]);
    if (count > 0) continue;
    const [admin] = await em.query(`SELECT id FROM users WHERE email = $1`, [`admin@${demo.slug}.demo.test`]);
    const schools: { id: string; urn: string; head: string | null }[] = await em.query(
      `SELECT s.id, s.urn, (SELECT r.user_id FROM school_roles r WHERE r.school_id = s.id AND r.role = 'headteacher' LIMIT 1) AS head
       FROM schools s WHERE s.urn = ANY($1::text[]) ORDER BY s.urn`,
      [demo.schools.map((s) => s.urn)],
    );
    if (schools.length === 0) continue;
    const place = async (eventId: string, i: number, status: string, extra: { po?: string; position?: number } = {}) => {
      const s = schools[i % schools.length]!;
      const n = Math.floor(i / schools.length) + 1;
      const [row] = await em.query(
        `INSERT INTO event_bookings (tenant_id, event_id, school_id, delegate_name, delegate_email, requested_by, status, member, price_pence, price_label,
           approved_by, approved_at, po_number, waiting_position)
         SELECT $1, $2, $3, $4, $5, $6, $7, true, p.pence, 'Members', CASE WHEN $7 IN ('confirmed', 'attended', 'no_show') THEN $6::uuid END,
           CASE WHEN $7 IN ('confirmed', 'attended', 'no_show') THEN now() END, $8, $9
         FROM events e JOIN offer_prices p ON p.offer_id = e.offer_id AND p.position = 0 WHERE e.id = $2 RETURNING id`,
        [tenantId, eventId, s.id, `Teacher ${n} of ${s.urn}`, `teacher${n}.${s.urn}@demo.test`, s.head, status, extra.po ?? null, extra.position ?? null],
      );
      return row.id as string;
    };
    for (const demoEvent of EVENTS) {
      const [{ id: offerId }] = await em.query(
        `INSERT INTO offers (tenant_id, kind, title, summary, unit, status, public, created_by) VALUES ($1, 'event', $2, $3, 'per_delegate', 'published', $4, $5) RETURNING id`,
        [tenantId, demoEvent.title, demoEvent.summary, demoEvent.public, admin?.id ?? null],
      );
      await em.query(
        `INSERT INTO offer_prices (tenant_id, offer_id, year, position, label, buyer, pence) VALUES ($1, $2, 2026, 0, 'Members', '{"membership": "member"}', $3), ($1, $2, 2026, 1, 'Non-members', '{"membership": "non-member"}', $4)`,
        [tenantId, offerId, demoEvent.memberPence, demoEvent.nonMemberPence],
      );
      const [{ id: eventId }] = await em.query(
        `INSERT INTO events (tenant_id, offer_id, venue, capacity, cap_per_school, booking_opens_at, booking_closes_at, invoicing, created_by)
         VALUES ($1, $2, $3, $4, $5, '2026-10-01T00:00:00Z', $6, 'per_school_term', $7) RETURNING id`,
        [tenantId, offerId, demoEvent.venue, demoEvent.capacity, demoEvent.capPerSchool, demoEvent.sessions[0]![0], admin?.id ?? null],
      );
      const sessionIds: string[] = [];
      for (const [position, [startsAt, endsAt]] of demoEvent.sessions.entries()) {
        const [{ id }] = await em.query(`INSERT INTO event_sessions (tenant_id, event_id, position, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [tenantId, eventId, position, startsAt, endsAt]);
        sessionIds.push(id);
      }
      if (demoEvent.key === 'phonics') {
        // Full: 11 confirmed, 1 waiting for its school's approval, 3 on the waiting list.
        for (let i = 0; i < 11; i++) await place(eventId, i, 'confirmed', { po: `PO-${demo.slug.slice(0, 3).toUpperCase()}-${100 + i}` });
        await place(eventId, 11, 'awaiting_approval');
        for (let i = 12; i < 15; i++) await place(eventId, i, 'waiting', { position: i - 11 });
      } else if (demoEvent.key === 'conference') {
        for (let i = 0; i < 5; i++) await place(eventId, i, 'confirmed', { po: `PO-${demo.slug.slice(0, 3).toUpperCase()}-${200 + i}` });
        for (let i = 5; i < 8; i++) await place(eventId, i, 'awaiting_approval');
      } else {
        // It has happened: seven came, one did not; an anonymous evaluation with four answers; certificates issued.
        const attended: string[] = [];
        for (let i = 0; i < 7; i++) attended.push(await place(eventId, i, 'attended', { po: `PO-${demo.slug.slice(0, 3).toUpperCase()}-${300 + i}` }));
        const absent = await place(eventId, 7, 'no_show');
        await em.query(`UPDATE event_bookings SET charge_pence = price_pence WHERE id = $1`, [absent]);
        for (const bookingId of [...attended, absent]) {
          await em.query(`INSERT INTO session_attendance (tenant_id, session_id, booking_id, attended, marked_by) VALUES ($1, $2, $3, $4, $5)`, [tenantId, sessionIds[0], bookingId, bookingId !== absent, admin?.id ?? null]);
        }
        const [{ id: evaluationId }] = await em.query(
          `INSERT INTO event_evaluations (tenant_id, event_id, questions, anonymous, created_by) VALUES ($1, $2, $3, true, $4) RETURNING id`,
          [
            tenantId,
            eventId,
            JSON.stringify([
              { id: 'overall', text: 'Overall, how useful was this event?', kind: 'rating' },
              { id: 'practice', text: 'How likely are you to use what you learnt in your practice?', kind: 'rating' },
              { id: 'comments', text: 'Anything else you would like to tell us?', kind: 'text' },
            ]),
            admin?.id ?? null,
          ],
        );
        const answers = [
          { overall: 5, practice: 5, comments: 'Seeing other schools’ writing was the most useful part.' },
          { overall: 4, practice: 5, comments: null },
          { overall: 4, practice: 4, comments: 'More time for the greater-depth pieces, please.' },
          { overall: 5, practice: 4, comments: null },
        ];
        for (const [i, a] of answers.entries()) {
          await em.query(`INSERT INTO evaluation_respondents (tenant_id, evaluation_id, booking_id) VALUES ($1, $2, $3)`, [tenantId, evaluationId, attended[i]]);
          await em.query(`INSERT INTO evaluation_responses (tenant_id, evaluation_id, answers) VALUES ($1, $2, $3)`, [tenantId, evaluationId, JSON.stringify(a)]);
        }
        for (const bookingId of attended) await em.query(`INSERT INTO event_certificates (tenant_id, booking_id, issued_by) VALUES ($1, $2, $3)`, [tenantId, bookingId, admin?.id ?? null]);
      }
    }
  }
}
