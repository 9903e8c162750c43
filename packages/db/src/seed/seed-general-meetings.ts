import type { EntityManager } from 'typeorm';

/** The demo motion and election (matched by title, so seeding again changes nothing). */
export const DEMO_MOTION_TITLE = 'Adopt the revised articles of association';
export const DEMO_ELECTION_TITLE = 'Advisory council election';

const VOTING_MEMBERS_SQL = `
  SELECT s.id AS school_id, s.urn, m.category, coalesce(v.voter_user_id, h.user_id) AS voter_user_id, s.name, s.phase, d.area, d.religious_character
    FROM memberships m
    JOIN schools s ON s.id = m.school_id
    JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category AND c.voting_rights
    LEFT JOIN school_voters v ON v.tenant_id = m.tenant_id AND v.school_id = m.school_id
    LEFT JOIN LATERAL (SELECT r.user_id FROM school_roles r WHERE r.school_id = s.id AND r.role = 'headteacher' ORDER BY r.created_at, r.user_id LIMIT 1) h ON true
    LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = s.id
   WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given')
   ORDER BY s.name, s.urn`;

interface VotingMember {
  school_id: string;
  urn: string;
  category: string;
  voter_user_id: string | null;
  name: string;
  phase: string;
  area: string | null;
  religious_character: string | null;
}

/**
 * Tower Hamlets' AGM with an open motion (one school, one vote; the electorate frozen now) and
 * one proxy, and an advisory council election taking nominations, with seats reserved by phase,
 * character and area. Builds on the governance seed: the general meeting body (kind
 * 'general_meeting') and the advisory council (kind 'advisory_council', with an 'elected' seat
 * rule) come from there; without them nothing is added. Runs as the owner, inside the demo
 * seed's transaction. Idempotent.
 */
export async function seedGeneralMeetings(em: EntityManager, slug = 'tower-hamlets'): Promise<void> {
  const [tenant] = await em.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
  if (!tenant) return;
  const tenantId: string = tenant.id;
  const [agm] = await em.query(`SELECT id, name FROM bodies WHERE tenant_id = $1 AND kind = 'general_meeting' AND archived_at IS NULL ORDER BY position, created_at LIMIT 1`, [tenantId]);
  if (!agm) return;
  const meetingId = await agmMeeting(em, tenantId, agm.id);
  const voters: VotingMember[] = await em.query(VOTING_MEMBERS_SQL, [tenantId]);

  const [existing] = await em.query(`SELECT id FROM motions WHERE tenant_id = $1 AND title = $2`, [tenantId, DEMO_MOTION_TITLE]);
  if (!existing && voters.length > 0) {
    const [motion] = await em.query(
      `INSERT INTO motions (tenant_id, meeting_id, title, text, ballot, majority, tie_rule)
       VALUES ($1, $2, $3, $4, 'named', 'simple', 'chair_casting_vote') RETURNING id`,
      [
        tenantId,
        meetingId,
        DEMO_MOTION_TITLE,
        'That the members adopt the revised articles of association circulated with the notice of this meeting, replacing the articles adopted in 2019.',
      ],
    );
    await em.query(
      `INSERT INTO motion_electorate (tenant_id, motion_id, school_id, voter_user_id, category)
       SELECT $1, $2, v.school_id, v.voter_user_id, v.category FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS v(school_id, voter_user_id, category)`,
      [tenantId, motion.id, voters.map((v) => v.school_id), voters.map((v) => v.voter_user_id), voters.map((v) => v.category)],
    );
    await em.query(`UPDATE motions SET status = 'open', electorate_frozen_at = now(), opens_at = now() WHERE id = $1`, [motion.id]);
  }

  // One proxy: the voting school with the second lowest URN asks the voter of the lowest (930002 and 930001 at Tower Hamlets).
  const byUrn = [...voters].sort((a, b) => a.urn.localeCompare(b.urn));
  if (byUrn.length >= 2) {
    await em.query(
      `INSERT INTO proxies (tenant_id, meeting_id, from_school_id, holder_kind, holder_school_id)
       SELECT $1, $2, $3, 'school', $4 WHERE NOT EXISTS (SELECT 1 FROM proxies WHERE tenant_id = $1 AND meeting_id = $2 AND from_school_id = $3)`,
      [tenantId, meetingId, byUrn[1]!.school_id, byUrn[0]!.school_id],
    );
  }

  const [council] = await em.query(`SELECT id FROM bodies WHERE tenant_id = $1 AND kind = 'advisory_council' AND archived_at IS NULL ORDER BY position, created_at LIMIT 1`, [tenantId]);
  if (!council) return;
  const [election] = await em.query(`SELECT id FROM elections WHERE tenant_id = $1 AND title = $2`, [tenantId, DEMO_ELECTION_TITLE]);
  if (election) return;
  const [rule] = await em.query(
    `SELECT id, rule, term_months FROM seat_rules WHERE tenant_id = $1 AND body_id = $2 AND rule->>'kind' = 'elected' AND archived_at IS NULL ORDER BY position, created_at LIMIT 1`,
    [tenantId, council.id],
  );
  const characters = [...new Set(voters.map((v) => v.religious_character).filter((c): c is string => !!c && c !== 'None'))].sort();
  const areas = [...new Set(voters.map((v) => v.area).filter((a): a is string => !!a))].sort();
  const reservations = rule?.rule?.reservations?.length
    ? rule.rule.reservations
    : [
        { label: 'Primary', count: 1, phases: ['primary'] },
        { label: 'Secondary', count: 1, phases: ['secondary'] },
        ...(characters.length ? [{ label: 'Church school', count: 1, characters }] : []),
        ...(areas.length ? [{ label: areas[0], count: 1, areas: [areas[0]] }] : []),
      ];
  const seats = Math.max(rule?.rule?.seats ?? 6, reservations.reduce((n: number, r: { count: number }) => n + r.count, 0));
  const [created] = await em.query(
    `INSERT INTO elections (tenant_id, body_id, seat_rule_id, meeting_id, title, seats, reservations, tie_rule, term_months, nominations_open_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'lot', $8, now()) RETURNING id`,
    [tenantId, council.id, rule?.id ?? null, meetingId, DEMO_ELECTION_TITLE, seats, JSON.stringify(reservations), rule?.term_months ?? 24],
  );
  // Enough headteachers stand for a real contest: one more than each reservation needs, then others up to four more than the seats.
  type Reservation = { count: number; phases?: string[]; characters?: string[]; areas?: string[] };
  const fits = (v: VotingMember, r: Reservation) =>
    (!r.phases || r.phases.includes(v.phase)) && (!r.characters || r.characters.includes(v.religious_character ?? '')) && (!r.areas || r.areas.includes(v.area ?? ''));
  const standing = new Map<string, VotingMember>();
  const eligible = voters.filter((v) => v.voter_user_id);
  for (const r of reservations as Reservation[]) for (const v of eligible.filter((x) => fits(x, r)).slice(0, r.count + 1)) standing.set(v.school_id, v);
  for (const v of eligible) if (standing.size < seats + 4) standing.set(v.school_id, v);
  for (const voter of standing.values()) {
    await em.query(
      `INSERT INTO nominations (tenant_id, election_id, candidate_user_id, school_id, statement, eligibility)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        tenantId,
        created.id,
        voter.voter_user_id,
        voter.school_id,
        `I would bring the view of ${voter.name} to the advisory council.`,
        JSON.stringify({ eligible: true, role: 'headteacher', seeded: true }),
      ],
    );
  }
}

/** The AGM's next meeting, or a one-off one four weeks from now at 4pm (London) when none is planned. */
async function agmMeeting(em: EntityManager, tenantId: string, bodyId: string): Promise<string> {
  const [next] = await em.query(
    `SELECT id FROM meetings WHERE tenant_id = $1 AND body_id = $2 AND status <> 'cancelled' AND ends_at > now() ORDER BY starts_at LIMIT 1`,
    [tenantId, bodyId],
  );
  if (next) return next.id;
  const [created] = await em.query(
    `INSERT INTO meetings (tenant_id, body_id, planned_key, title, starts_at, ends_at, status)
     SELECT $1, $2, 'demo:annual-general-meeting', 'Annual general meeting',
            ((current_date + 28)::timestamp + time '16:00') AT TIME ZONE 'Europe/London',
            ((current_date + 28)::timestamp + time '17:30') AT TIME ZONE 'Europe/London', 'scheduled'
     ON CONFLICT (tenant_id, planned_key) WHERE planned_key IS NOT NULL DO UPDATE SET planned_key = meetings.planned_key RETURNING id`,
    [tenantId, bodyId],
  );
  return created.id;
}
