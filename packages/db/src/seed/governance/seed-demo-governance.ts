import {
  addDays,
  type BodyKind,
  bodyToPlan,
  type BodyToPlan,
  formatUkDate,
  type GovernancePerson,
  type GovernanceSchool,
  type HalfTerm,
  londonToday,
  type MeetingRhythm,
  type OfficeHolding,
  planMeetings,
  resolveSeats,
  type SeatRule,
  seatChanges,
  termDatesForYear,
  typicalTermDates,
} from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import type { AnnualRhythmItem, BodyRhythm } from '../../entities/governance/governance-json';
import { DEMO_TENANTS } from '../demo-data';
import { grownSchools, originalDetails } from './demo-schools';

/**
 * The demo partnerships grown to a realistic size, and their governance: Ealing's board of eight
 * headteachers and four council officers, six committees and five primary clusters; Tower
 * Hamlets' board of directors, an elected advisory council and its AGM body. Seats are filled by
 * their rules, this year's and next year's meetings are planned on the term dates, and one past
 * board meeting waits for its minutes to be approved with actions open.
 *
 * Idempotent like the rest of the seed: rows are matched by URN, e-mail, body name and planned
 * key, so a second run adds nothing. Runs as the owner inside the demo seed's transaction, before the general meetings' seed (which builds on it).
 */
export async function seedDemoGovernance(em: EntityManager, passwordHash: string, today = londonToday()): Promise<void> {
  {
    for (const tenant of DEMO_TENANTS) {
      const [{ id: tenantId }] = await em.query(`SELECT id FROM tenants WHERE slug = $1`, [tenant.slug]);
      await growSchools(em, tenantId, tenant.slug, tenant.localAuthority, passwordHash);
      const year = academicYearOf(today);
      for (const y of [year, year + 1]) await ensureTermDates(em, tenantId, y);
      if (tenant.slug === 'ealing') await seedEaling(em, tenantId, passwordHash, today);
      if (tenant.slug === 'tower-hamlets') await seedTowerHamlets(em, tenantId, passwordHash, today);
      await resolveTenantSeats(em, tenantId, today);
      for (const y of [year, year + 1]) await planYear(em, tenantId, y);
      if (tenant.slug === 'ealing') await seedPastBoardMeeting(em, tenantId, today);
    }
  }
}

// --- schools ----------------------------------------------------------------------

async function growSchools(em: EntityManager, tenantId: string, slug: string, localAuthority: string, passwordHash: string): Promise<void> {
  const existing: { urn: string; name: string; id: string }[] = await em.query(`SELECT s.urn, s.name, s.id FROM schools s JOIN memberships m ON m.school_id = s.id WHERE m.tenant_id = $1`, [tenantId]);
  for (const school of existing) {
    const details = originalDetails(slug, school.urn);
    if (details) await upsertDetails(em, tenantId, school.id, details.area, null);
  }
  const grown = grownSchools(slug, new Set(existing.map((s) => s.name)));
  for (const school of grown) {
    const [{ id: schoolId }] = await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (urn) DO UPDATE SET urn = schools.urn RETURNING id`,
      [school.urn, school.name, school.phase, school.type, localAuthority, school.pupils, school.postcode],
    );
    await em.query(
      `INSERT INTO membership_categories (tenant_id, code, name, voting_rights, fees_apply, position) VALUES ($1, $2, $3, $4, true, $5) ON CONFLICT (tenant_id, code) DO NOTHING`,
      [tenantId, school.category, school.category === 'full' ? 'Full member' : 'Associate member', school.category === 'full', school.category === 'full' ? 0 : 1],
    );
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on, since) VALUES ($1, $2, $3, 'active', '2025-09-01', '2025-09-01') ON CONFLICT (tenant_id, school_id) DO NOTHING`,
      [tenantId, schoolId, school.category],
    );
    const headId = await upsertUser(em, school.head.email, school.head.name, passwordHash);
    await em.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, 'headteacher') ON CONFLICT (school_id, user_id, role) DO NOTHING`, [schoolId, headId]);
    await upsertDetails(em, tenantId, schoolId, school.area, school.character);
  }
}

async function upsertDetails(em: EntityManager, tenantId: string, schoolId: string, area: string, character: string | null): Promise<void> {
  await em.query(
    `INSERT INTO member_school_details (tenant_id, school_id, area, religious_character) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, school_id) DO NOTHING`,
    [tenantId, schoolId, area, character],
  );
}

async function upsertUser(em: EntityManager, email: string, name: string, passwordHash: string): Promise<string> {
  const [{ id }] = await em.query(
    `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) ON CONFLICT (email) DO UPDATE SET email = users.email RETURNING id`,
    [email, name, passwordHash],
  );
  return id;
}

async function ensureTermDates(em: EntityManager, tenantId: string, year: number): Promise<void> {
  await em.query(`INSERT INTO tenant_calendars (tenant_id, academic_year_start, half_terms) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, academic_year_start) DO NOTHING`, [
    tenantId,
    `${year}-09-01`,
    JSON.stringify(typicalTermDates(year)),
  ]);
}

// --- bodies ------------------------------------------------------------------------

interface BodySpec {
  name: string;
  kind: BodyKind;
  purpose: string;
  rhythm: BodyRhythm | null;
  quorum?: { type: 'fraction'; numerator: number; denominator: number } | { type: 'count'; n: number; proxiesCountForPresence?: boolean };
  annual?: AnnualRhythmItem[];
  parents?: string[];
  rules: { label: string; voting: 'voting' | 'non_voting' | 'observer'; rule: Record<string, unknown>; termMonths?: number }[];
  terms?: string;
}

const rhythm = (r: MeetingRhythm, week: number | 'last', weekday: 1 | 2 | 3 | 4 | 5, startTime: string, endTime: string, extra: Partial<BodyRhythm> = {}): BodyRhythm => ({
  rhythm: r,
  week,
  weekday,
  startTime,
  endTime,
  ...extra,
});

const CLUSTER_RHYTHM: AnnualRhythmItem[] = [
  { halfTerm: 'Autumn 1', title: 'Review the terms of reference' },
  { halfTerm: 'Autumn 1', title: 'Data analysis' },
  { halfTerm: 'Autumn 1', title: 'Agree the action plan' },
  { halfTerm: 'Autumn 2', title: 'Review progress on the action plan' },
  { halfTerm: 'Spring 1', title: 'Review progress on the action plan' },
  { halfTerm: 'Spring 2', title: 'Mid-year data and expenditure' },
  { halfTerm: 'Summer 1', title: 'CPD needs from school development plans' },
  { halfTerm: 'Summer 2', title: 'Impact report' },
];

/** Creates a body once (matched by name); returns its id and whether it is new. */
async function ensureBody(em: EntityManager, tenantId: string, spec: BodySpec, position: number, today: string): Promise<{ id: string; created: boolean }> {
  const [found] = await em.query(`SELECT id FROM bodies WHERE tenant_id = $1 AND lower(name) = lower($2) AND archived_at IS NULL`, [tenantId, spec.name]);
  if (found) return { id: found.id, created: false };
  const [{ id }] = await em.query(
    `INSERT INTO bodies (tenant_id, name, kind, purpose, rhythm, quorum_rule, annual_rhythm, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [tenantId, spec.name, spec.kind, spec.purpose, spec.rhythm ? JSON.stringify(spec.rhythm) : null, JSON.stringify(spec.quorum ?? { type: 'fraction', numerator: 1, denominator: 2 }), JSON.stringify(spec.annual ?? []), position],
  );
  for (const [i, r] of spec.rules.entries()) {
    await em.query(
      `WITH n AS (SELECT gen_random_uuid() AS id)
       INSERT INTO seat_rules (id, tenant_id, body_id, rule, voting, term_months, label, position)
       SELECT n.id, $1, $2, $3::jsonb || jsonb_build_object('id', n.id::text), $4, $5, $6, $7 FROM n`,
      [tenantId, id, JSON.stringify({ ...r.rule, voting: r.voting, label: r.label, ...(r.termMonths ? { termMonths: r.termMonths } : {}) }), r.voting, r.termMonths ?? null, r.label, i],
    );
  }
  await em.query(
    `INSERT INTO body_documents (tenant_id, body_id, kind, version, text, review_due_on, approved_on) VALUES ($1, $2, 'terms_of_reference', 1, $3, $4, $5)`,
    [tenantId, id, spec.terms ?? `# ${spec.name}: terms of reference\n\n## Purpose\n${spec.purpose}\n\n## Membership\n${spec.rules.map((r) => `- ${r.label} (${r.voting.replace('_', '-')})`).join('\n')}\n\n## Meetings\nQuorum: half of the voting members. Minutes are approved at the next meeting.`, addDays(today, 200), addDays(today, -165)],
  );
  return { id, created: true };
}

async function link(em: EntityManager, tenantId: string, childId: string, parentId: string): Promise<void> {
  await em.query(`INSERT INTO body_links (tenant_id, child_body_id, parent_body_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, child_body_id, parent_body_id) DO NOTHING`, [tenantId, childId, parentId]);
}

async function ruleId(em: EntityManager, bodyId: string, label: string): Promise<string> {
  const [{ id }] = await em.query(`SELECT id FROM seat_rules WHERE body_id = $1 AND label = $2 AND archived_at IS NULL`, [bodyId, label]);
  return id;
}

/** Heads of member schools with their URN, phase, area and character, in URN order. */
async function heads(em: EntityManager, tenantId: string): Promise<{ userId: string; schoolId: string; urn: string; phase: string; area: string | null; character: string | null; name: string }[]> {
  return em.query(
    `SELECT DISTINCT ON (s.urn) r.user_id AS "userId", s.id AS "schoolId", s.urn, s.phase, d.area, d.religious_character AS character, u.name
     FROM memberships m JOIN schools s ON s.id = m.school_id JOIN school_roles r ON r.school_id = s.id AND r.role = 'headteacher' JOIN users u ON u.id = r.user_id
       LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = s.id
     WHERE m.tenant_id = $1 AND m.status = 'active' ORDER BY s.urn, u.name`,
    [tenantId],
  );
}

async function appoint(em: EntityManager, tenantId: string, bodyId: string, rule: string, userId: string, schoolId: string | null, source: 'appointed' | 'elected', startsOn: string): Promise<void> {
  await em.query(
    `INSERT INTO appointments (tenant_id, body_id, seat_rule_id, user_id, school_id, source, starts_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, seat_rule_id, user_id) WHERE ends_on IS NULL DO NOTHING`,
    [tenantId, bodyId, rule, userId, schoolId, source, startsOn],
  );
}

async function office(em: EntityManager, tenantId: string, bodyId: string, officeName: string, userId: string, fromOn: string, filledBy: 'election' | 'appointment'): Promise<void> {
  await em.query(
    `INSERT INTO body_offices (tenant_id, body_id, office, user_id, from_on, filled_by) SELECT $1, $2, $3, $4, $5, $6
     WHERE NOT EXISTS (SELECT 1 FROM body_offices WHERE tenant_id = $1 AND body_id = $2 AND office = $3 AND to_on IS NULL)`,
    [tenantId, bodyId, officeName, userId, fromOn, filledBy],
  );
}

async function seedEaling(em: EntityManager, tenantId: string, passwordHash: string, today: string): Promise<void> {
  const yearStart = `${academicYearOf(today)}-09-01`;
  const board = await ensureBody(
    em,
    tenantId,
    {
      name: 'Ealing Learning Partnership Board',
      kind: 'board',
      purpose: 'Sets the partnership’s strategy and budget, and holds the committees and clusters to account. Eight headteachers chosen by area and phase, with four council officers who do not vote.',
      rhythm: rhythm({ type: 'half_termly' }, 2, 2, '16:00', '17:30', { location: 'Perceval House, Ealing' }),
      quorum: { type: 'count', n: 5 },
      annual: [
        { halfTerm: 'Autumn 1', title: 'Elect the chair and vice-chair' },
        { halfTerm: 'Autumn 1', title: 'Review the terms of reference' },
        { halfTerm: 'Autumn 2', title: 'Committee and cluster action plans' },
        { halfTerm: 'Spring 2', title: 'Budget for next year' },
        { halfTerm: 'Summer 2', title: 'Impact reports from committees and clusters' },
      ],
      rules: [
        {
          label: 'Headteacher board member',
          voting: 'voting',
          termMonths: 36,
          rule: { kind: 'elected', seats: 8, reservations: [{ label: 'Primary headteachers', count: 4, phases: ['primary'] }, { label: 'Secondary headteachers', count: 2, phases: ['secondary'] }, { label: 'Special school headteacher', count: 1, phases: ['special'] }] },
        },
        { label: 'Council officer', voting: 'non_voting', rule: { kind: 'appointed', max: 4 } },
      ],
    },
    0,
    today,
  );
  if (board.created) {
    // Eight heads across the areas and phases, as the last election returned them.
    const all = await heads(em, tenantId);
    const pick = (phase: string, areas: string[]) => areas.map((area) => all.find((h) => h.phase === phase && h.area === area)).filter((h): h is NonNullable<typeof h> => Boolean(h));
    const chosen = [...pick('primary', ['Acton', 'Hanwell', 'Northolt', 'Southall']), ...pick('secondary', ['Southall', 'Ealing']), ...pick('special', ['Perivale']), ...pick('primary', ['Greenford'])].slice(0, 8);
    const headsRule = await ruleId(em, board.id, 'Headteacher board member');
    for (const h of chosen) await appoint(em, tenantId, board.id, headsRule, h.userId, h.schoolId, 'elected', yearStart);
    const officersRule = await ruleId(em, board.id, 'Council officer');
    const officers = [
      { email: 'officer@ealing.demo.test', name: 'Owen Officer' },
      { email: 'director.learning@ealing.demo.test', name: 'Dana Whitfield' },
      { email: 'send.lead@ealing.demo.test', name: 'Samir Okafor' },
      { email: 'school.improvement@ealing.demo.test', name: 'Helen Marsh' },
    ];
    for (const o of officers) {
      const userId = await upsertUser(em, o.email, o.name, passwordHash);
      await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'officer') ON CONFLICT (tenant_id, user_id, role) DO NOTHING`, [tenantId, userId]);
      await appoint(em, tenantId, board.id, officersRule, userId, null, 'appointed', yearStart);
    }
    if (chosen[0]) await office(em, tenantId, board.id, 'chair', chosen[0].userId, yearStart, 'election');
    if (chosen[4]) await office(em, tenantId, board.id, 'vice_chair', chosen[4].userId, yearStart, 'election');
  }

  const committees = ['Learning & Achievement', 'Safeguarding & Wellbeing', 'SEN & Inclusion', 'Progression & Pathways', 'Recruitment & Retention', 'Building Sustainable Schools'];
  for (const [i, name] of committees.entries()) {
    const committee = await ensureBody(
      em,
      tenantId,
      {
        name: `${name} Committee`,
        kind: 'committee',
        purpose: `Co-led by two headteachers: leads the partnership’s work on ${name.toLowerCase()} and reports to the board.`,
        rhythm: rhythm({ type: 'termly' }, 3, 4, '16:00', '17:30'),
        annual: [
          { halfTerm: 'Autumn 1', title: 'Agree the action plan and budget' },
          { halfTerm: 'Spring 1', title: 'Review progress on the action plan' },
          { halfTerm: 'Summer 1', title: 'Impact report to the board' },
        ],
        rules: [
          { label: 'Co-lead headteacher', voting: 'voting', rule: { kind: 'appointed', max: 2 } },
          ...(name === 'SEN & Inclusion' ? [{ label: 'Special school headteacher', voting: 'voting' as const, rule: { kind: 'role_at_schools', role: 'headteacher', phases: ['special'] } }] : []),
          { label: 'Headteacher member', voting: 'voting', rule: { kind: 'appointed', max: 6 } },
          { label: 'Council officer', voting: 'non_voting', rule: { kind: 'ex_officio', tenantRole: 'officer' } },
        ],
      },
      1 + i,
      today,
    );
    await link(em, tenantId, committee.id, board.id);
    if (committee.created) {
      const all = (await heads(em, tenantId)).filter((h) => h.phase !== 'special');
      const leads = [all[(i * 7 + 2) % all.length]!, all[(i * 7 + 30) % all.length]!];
      const members = [1, 2, 3, 4].map((k) => all[(i * 5 + k * 11) % all.length]!).filter((h) => !leads.includes(h));
      const leadRule = await ruleId(em, committee.id, 'Co-lead headteacher');
      const memberRule = await ruleId(em, committee.id, 'Headteacher member');
      for (const h of leads) await appoint(em, tenantId, committee.id, leadRule, h.userId, h.schoolId, 'appointed', yearStart);
      for (const h of members) await appoint(em, tenantId, committee.id, memberRule, h.userId, h.schoolId, 'appointed', yearStart);
      await office(em, tenantId, committee.id, 'chair', leads[0]!.userId, yearStart, 'appointment');
      await office(em, tenantId, committee.id, 'vice_chair', leads[1]!.userId, yearStart, 'appointment');
    }
  }

  const clusters = ['Acton', 'Ealing and Hanwell', 'Greenford and Perivale', 'Northolt', 'Southall'];
  const clusterIds: string[] = [];
  for (const [i, name] of clusters.entries()) {
    const cluster = await ensureBody(
      em,
      tenantId,
      {
        name: `${name} Primary Cluster`,
        kind: 'cluster',
        purpose: `The primary schools of ${name} working together: shared data, CPD and peer support.`,
        rhythm: rhythm({ type: 'half_termly' }, 3, 3, '09:30', '11:30', { rotateHost: true }),
        annual: CLUSTER_RHYTHM,
        rules: [{ label: 'Headteacher', voting: 'voting', rule: { kind: 'school_representative', scope: { type: 'cluster', bodyId: '__SELF__' } } }],
      },
      10 + i,
      today,
    );
    clusterIds.push(cluster.id);
    await link(em, tenantId, cluster.id, board.id);
    if (cluster.created) {
      await em.query(`UPDATE seat_rules SET rule = jsonb_set(rule, '{scope,bodyId}', to_jsonb($2::text)) WHERE body_id = $1`, [cluster.id, cluster.id]);
      const all = await heads(em, tenantId);
      const urns = new Set(grownOrOriginalUrnsOfCluster('ealing', name));
      const members = all.filter((h) => urns.has(h.urn));
      for (const h of members) await em.query(`INSERT INTO body_schools (tenant_id, body_id, school_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [tenantId, cluster.id, h.schoolId]);
      if (members[0]) await office(em, tenantId, cluster.id, 'chair', members[0].userId, yearStart, 'election');
    }
  }
  // The board meets before the clusters each half term, so their agendas can follow its decisions.
  await em.query(`UPDATE bodies SET rhythm = jsonb_set(rhythm, '{meetsBefore}', $2::jsonb) WHERE id = $1 AND coalesce(rhythm -> 'meetsBefore', '[]'::jsonb) = '[]'::jsonb`, [board.id, JSON.stringify(clusterIds)]);
}

function grownOrOriginalUrnsOfCluster(slug: string, cluster: string): string[] {
  const urns: string[] = [];
  for (const urn of ['920001', '920002', '920003', '920004', '920005', '920006']) if (originalDetails(slug, urn)?.cluster === cluster) urns.push(urn);
  for (const s of grownSchools(slug, new Set())) if (s.cluster === cluster) urns.push(s.urn);
  return urns;
}

async function seedTowerHamlets(em: EntityManager, tenantId: string, passwordHash: string, today: string): Promise<void> {
  const yearStart = `${academicYearOf(today)}-09-01`;
  const board = await ensureBody(
    em,
    tenantId,
    {
      name: 'Board of Directors',
      kind: 'board',
      purpose: 'The company’s directors: six headteachers elected at the AGM and an independent chair.',
      rhythm: rhythm({ type: 'half_termly' }, 4, 4, '17:00', '18:30'),
      quorum: { type: 'count', n: 4 },
      rules: [
        { label: 'Elected director', voting: 'voting', termMonths: 36, rule: { kind: 'elected', seats: 6 } },
        { label: 'Independent chair', voting: 'voting', rule: { kind: 'appointed', max: 1 } },
      ],
    },
    0,
    today,
  );
  const council = await ensureBody(
    em,
    tenantId,
    {
      name: 'Advisory Council',
      kind: 'advisory_council',
      purpose: 'Elected by the members to reflect the schools of Tower Hamlets by phase, character and area; advises the board.',
      rhythm: rhythm({ type: 'termly' }, 2, 2, '16:00', '17:30'),
      rules: [
        {
          label: 'Elected member',
          voting: 'voting',
          termMonths: 24,
          rule: {
            kind: 'elected',
            seats: 9,
            reservations: [
              { label: 'Primary', count: 3, phases: ['primary'] },
              { label: 'Secondary', count: 2, phases: ['secondary'] },
              { label: 'Nursery, special or alternative provision', count: 1, phases: ['nursery', 'special', 'alternative-provision'] },
              { label: 'Church school', count: 1, characters: ['Church of England', 'Roman Catholic'] },
              { label: 'Isle of Dogs or Poplar', count: 1, areas: ['Isle of Dogs', 'Poplar'] },
            ],
          },
        },
      ],
    },
    1,
    today,
  );
  await link(em, tenantId, council.id, board.id);
  await ensureBody(
    em,
    tenantId,
    {
      name: 'Annual General Meeting',
      kind: 'general_meeting',
      purpose: 'The members’ general meeting: one school, one vote. Elects directors and the advisory council and decides members’ motions.',
      rhythm: rhythm({ type: 'annually', term: 'autumn', half: 2 }, 3, 3, '16:00', '17:30'),
      // As the Companies Act's default for a company's general meetings: two members present, in person or by proxy.
      quorum: { type: 'count', n: 2, proxiesCountForPresence: true },
      rules: [{ label: 'Member school’s voter', voting: 'voting', rule: { kind: 'school_representative', scope: { type: 'category', category: 'full' } } }],
    },
    2,
    today,
  );
  if (board.created) {
    const all = await heads(em, tenantId);
    const directors = [all[0], all[6], all[12], all[20], all[26], all[31]].filter((h): h is NonNullable<typeof h> => Boolean(h));
    const rule = await ruleId(em, board.id, 'Elected director');
    for (const h of directors) await appoint(em, tenantId, board.id, rule, h.userId, h.schoolId, 'elected', yearStart);
    const chairId = await upsertUser(em, 'chair@tower-hamlets.demo.test', 'Margaret Osei', passwordHash);
    await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'body-chair') ON CONFLICT (tenant_id, user_id, role) DO NOTHING`, [tenantId, chairId]);
    await appoint(em, tenantId, board.id, await ruleId(em, board.id, 'Independent chair'), chairId, null, 'appointed', yearStart);
    await office(em, tenantId, board.id, 'chair', chairId, yearStart, 'appointment');
  }
  if (council.created) {
    const all = await heads(em, tenantId);
    const byPhase = (phase: string, n: number, skip = 0) => all.filter((h) => h.phase === phase).slice(skip, skip + n);
    const winners = [
      ...byPhase('primary', 3, 1),
      ...byPhase('secondary', 2),
      ...byPhase('nursery', 1),
      ...all.filter((h) => h.character && h.character !== 'None').slice(1, 2),
      ...all.filter((h) => h.area === 'Isle of Dogs' && h.phase === 'primary').slice(0, 1),
      ...byPhase('primary', 1, 8),
    ];
    const rule = await ruleId(em, council.id, 'Elected member');
    for (const h of [...new Map(winners.map((w) => [w.userId, w])).values()].slice(0, 9)) await appoint(em, tenantId, council.id, rule, h.userId, h.schoolId, 'elected', yearStart);
  }
}

// --- seats ------------------------------------------------------------------------

/** Resolves every body's seats from its rules and records the changes, as the API does on reading a body. */
async function resolveTenantSeats(em: EntityManager, tenantId: string, today: string): Promise<void> {
  const rules: { id: string; body_id: string; rule: SeatRule }[] = await em.query(
    `SELECT r.id, r.body_id, r.rule FROM seat_rules r JOIN bodies b ON b.id = r.body_id AND b.archived_at IS NULL WHERE r.tenant_id = $1 AND r.archived_at IS NULL ORDER BY r.position`,
    [tenantId],
  );
  if (rules.length === 0) return;
  const schools: GovernanceSchool[] = await em.query(
    `SELECT s.id, s.urn, s.name, s.phase, s.type, d.religious_character AS character, d.area, m.category AS "categoryCode", coalesce(c.voting_rights, false) AS votes,
       coalesce((SELECT array_agg(bs.body_id::text) FROM body_schools bs JOIN bodies b ON b.id = bs.body_id AND b.kind = 'cluster' WHERE bs.tenant_id = m.tenant_id AND bs.school_id = s.id), '{}') AS "clusterBodyIds"
     FROM memberships m JOIN schools s ON s.id = m.school_id LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
       LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = s.id
     WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given')`,
    [tenantId],
  );
  const people: GovernancePerson[] = await em.query(
    `SELECT r.user_id AS "userId", u.name, r.school_id AS "schoolId", r.role FROM school_roles r JOIN users u ON u.id = r.user_id
       JOIN memberships m ON m.school_id = r.school_id AND m.tenant_id = $1 AND m.status IN ('active', 'notice-given')
     UNION ALL SELECT r.user_id, u.name, NULL, r.role FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1`,
    [tenantId],
  );
  const bodies: { id: string; kind: BodyKind; name: string }[] = await em.query(`SELECT id, kind, name FROM bodies WHERE tenant_id = $1 AND archived_at IS NULL`, [tenantId]);
  const officeHolders: OfficeHolding[] = await em.query(
    `SELECT o.body_id AS "bodyId", b.kind AS "bodyKind", b.name AS "bodyName", o.office, o.user_id AS "userId" FROM body_offices o JOIN bodies b ON b.id = o.body_id WHERE o.tenant_id = $1 AND o.to_on IS NULL`,
    [tenantId],
  );
  const named: { ruleId: string; userId: string; name: string; schoolUrn: string | null; source: string }[] = await em.query(
    `SELECT a.seat_rule_id AS "ruleId", a.user_id AS "userId", u.name, s.urn AS "schoolUrn", a.source FROM appointments a JOIN users u ON u.id = a.user_id LEFT JOIN schools s ON s.id = a.school_id
     WHERE a.tenant_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY a.starts_on, a.created_at`,
    [tenantId, today],
  );
  const facts = {
    schools,
    bodies,
    people,
    deputies: [],
    officeHolders,
    appointees: named.filter((n) => n.source === 'appointed'),
    electionWinners: named.filter((n) => n.source === 'elected'),
    exOfficio: people.filter((p) => p.schoolId === null).map((p) => ({ userId: p.userId, name: p.name, tenantRole: p.role })),
  };
  const holders = new Set<string>();
  for (const bodyId of new Set(rules.map((r) => r.body_id))) {
    const bodyRules = rules.filter((r) => r.body_id === bodyId);
    const resolved = resolveSeats(bodyRules.map((r) => ({ ...r.rule, id: r.id })), facts);
    const current: { seatKey: string; userId: string; startsOn: string; endsOn: null }[] = await em.query(
      `SELECT seat_key AS "seatKey", user_id AS "userId", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", NULL AS "endsOn" FROM seat_holdings WHERE tenant_id = $1 AND body_id = $2 AND ends_on IS NULL`,
      [tenantId, bodyId],
    );
    const changes = seatChanges(current, resolved, today);
    for (const end of changes.end) {
      await em.query(`UPDATE seat_holdings SET ends_on = $4 WHERE tenant_id = $1 AND body_id = $2 AND seat_key = $3 AND ends_on IS NULL`, [tenantId, bodyId, end.seatKey, end.endsOn]);
    }
    const kindOf = new Map(bodyRules.map((r) => [r.id, r.rule.kind]));
    for (const begin of changes.begin) {
      const seat = resolved.find((s) => s.key === begin.seatKey)!;
      const kind = kindOf.get(seat.ruleId);
      await em.query(
        `INSERT INTO seat_holdings (tenant_id, body_id, seat_rule_id, seat_key, user_id, school_id, source, starts_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, body_id, seat_key) WHERE ends_on IS NULL DO NOTHING`,
        [tenantId, bodyId, seat.ruleId, seat.key, begin.userId, seat.schoolId, kind === 'appointed' ? 'appointed' : kind === 'elected' ? 'elected' : 'derived', begin.startsOn],
      );
    }
    for (const seat of resolved) if (seat.holder) holders.add(seat.holder.userId);
  }
  // Seat holders reach their bodies' pages through the 'board-member' role (as the API gives it).
  await em.query(
    `INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, u, 'board-member' FROM unnest($2::uuid[]) AS u ON CONFLICT (tenant_id, user_id, role) DO NOTHING`,
    [tenantId, [...holders]],
  );
}

// --- meetings ---------------------------------------------------------------------

async function planYear(em: EntityManager, tenantId: string, year: number): Promise<void> {
  const bodies: { id: string; name: string; rhythm: BodyRhythm | null; annual_rhythm: AnnualRhythmItem[]; ends_on: string | null; school_ids: string[] }[] = await em.query(
    `SELECT b.id, b.name, b.rhythm, b.annual_rhythm, to_char(b.ends_on, 'YYYY-MM-DD') AS ends_on,
       coalesce((SELECT array_agg(s.school_id::text ORDER BY s.created_at, s.school_id) FROM body_schools s WHERE s.body_id = b.id), '{}') AS school_ids
     FROM bodies b WHERE b.tenant_id = $1 AND b.archived_at IS NULL AND b.rhythm IS NOT NULL ORDER BY b.position`,
    [tenantId],
  );
  if (bodies.length === 0) return;
  const [calendar] = await em.query(`SELECT half_terms FROM tenant_calendars WHERE tenant_id = $1 AND academic_year_start = $2`, [tenantId, `${year}-09-01`]);
  const termDates = termDatesForYear(year, (calendar?.half_terms ?? []) as HalfTerm[]);
  const notetakers: { school_id: string; user_id: string }[] = await em.query(
    `SELECT DISTINCT ON (school_id) school_id, user_id FROM school_roles WHERE school_id IN (SELECT school_id FROM memberships WHERE tenant_id = $1)
     ORDER BY school_id, CASE role WHEN 'business-manager' THEN 0 WHEN 'staff' THEN 1 ELSE 2 END, user_id`,
    [tenantId],
  );
  const noteTakerOf = new Map(notetakers.map((n) => [n.school_id, n.user_id]));
  const toPlan: BodyToPlan[] = bodies.map((b) =>
    bodyToPlan({ id: b.id, name: b.name, endsOn: b.ends_on, rhythm: b.rhythm!, schoolIds: b.school_ids }, (schoolId) => noteTakerOf.get(schoolId)),
  );
  const existing: { key: string; body_id: string; date: string; status: string }[] = await em.query(
    `SELECT planned_key AS key, body_id, to_char(starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS date, status FROM meetings WHERE tenant_id = $1 AND planned_key IS NOT NULL`,
    [tenantId],
  );
  const plan = planMeetings(
    toPlan,
    termDates,
    existing.map((e) => ({ key: e.key, bodyId: e.body_id, date: e.date, status: e.status === 'scheduled' ? 'planned' : (e.status as 'moved' | 'cancelled' | 'held') })),
  );
  const location = new Map(bodies.map((b) => [b.id, b.rhythm?.location ?? null]));
  for (const m of plan.meetings.filter((p) => !p.existing)) {
    await em.query(
      `INSERT INTO meetings (tenant_id, body_id, planned_key, academic_year_start, half_term, starts_at, ends_at, host_school_id, note_taker_user_id, location)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant_id, planned_key) WHERE planned_key IS NOT NULL DO NOTHING`,
      [tenantId, m.bodyId, m.key, `${year}-09-01`, m.halfTerm, m.startsAt, m.endsAt, m.hostSchoolId, m.noteTakerUserId, location.get(m.bodyId) ?? null],
    );
  }
  for (const b of bodies) await buildAgendas(em, tenantId, b.id, b.annual_rhythm);
}

/** Standing items, the minutes of the previous meeting and the annual rhythm's items, on every meeting of the body (missing ones only). */
async function buildAgendas(em: EntityManager, tenantId: string, bodyId: string, annual: AnnualRhythmItem[]): Promise<void> {
  const meetings: { id: string; half_term: string | null; local_date: string; status: string; extra: boolean }[] = await em.query(
    `SELECT id, half_term, to_char(starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS local_date, status, planned_key LIKE 'demo-past:%' AS extra
     FROM meetings WHERE tenant_id = $1 AND body_id = $2 ORDER BY starts_at`,
    [tenantId, bodyId],
  );
  let previous: { id: string; local_date: string } | null = null;
  for (const m of meetings) {
    if (m.extra) {
      previous = m;
      continue;
    }
    const items: { kind: string; title: string; ref: string }[] = [{ kind: 'standing', title: 'Welcome and apologies for absence', ref: 'standing:apologies' }];
    if (previous) {
      items.push({ kind: 'minutes_approval', title: `Minutes of the meeting on ${formatUkDate(previous.local_date)}`, ref: `minutes:${previous.id}` });
      items.push({ kind: 'standing', title: 'Actions from previous meetings', ref: 'standing:actions' });
    }
    annual.forEach((core, i) => {
      if (core.halfTerm === m.half_term) items.push({ kind: 'core', title: core.title, ref: `core:${core.halfTerm}:${i}` });
    });
    await em.query(
      `INSERT INTO agenda_items (tenant_id, meeting_id, position, kind, title, source_ref)
       SELECT $1, $2, (SELECT coalesce(max(position), 0) FROM agenda_items WHERE meeting_id = $2) + x.n, x.kind, x.title, x.ref
       FROM jsonb_to_recordset($3::jsonb) AS x(n int, kind text, title text, ref text)
       ON CONFLICT (tenant_id, meeting_id, source_ref) WHERE source_ref IS NOT NULL DO NOTHING`,
      [tenantId, m.id, JSON.stringify(items.map((item, i) => ({ ...item, n: i + 1 })))],
    );
    if (m.status !== 'cancelled') previous = m;
  }
}

/** One board meeting a fortnight ago: held, attendance taken, minutes circulated for approval at the next meeting, actions open. */
async function seedPastBoardMeeting(em: EntityManager, tenantId: string, today: string): Promise<void> {
  const [board] = await em.query(`SELECT id, annual_rhythm FROM bodies WHERE tenant_id = $1 AND name = 'Ealing Learning Partnership Board'`, [tenantId]);
  if (!board) return;
  const key = `demo-past:${board.id}`;
  const [exists] = await em.query(`SELECT id FROM meetings WHERE tenant_id = $1 AND planned_key = $2`, [tenantId, key]);
  if (exists) return;
  const day = addDays(today, -14);
  const [{ id: meetingId }] = await em.query(
    `INSERT INTO meetings (tenant_id, body_id, planned_key, title, academic_year_start, starts_at, ends_at, location, status)
     VALUES ($1, $2, $3, 'Ealing Learning Partnership Board (extraordinary meeting)', $4, ($5::date + time '16:00') AT TIME ZONE 'Europe/London',
             ($5::date + time '17:30') AT TIME ZONE 'Europe/London', 'Perceval House, Ealing', 'held') RETURNING id`,
    [tenantId, board.id, key, `${academicYearOf(day)}-09-01`, day],
  );
  await em.query(
    `INSERT INTO agenda_items (tenant_id, meeting_id, position, kind, title, source_ref, confidential) VALUES
       ($1, $2, 1, 'standing', 'Welcome and apologies for absence', 'standing:apologies', false),
       ($1, $2, 2, 'local', 'Committee budgets for next year', NULL, false),
       ($1, $2, 3, 'local', 'Staffing of the school improvement team', NULL, true)`,
    [tenantId, meetingId],
  );
  const seats: { seat_key: string; user_id: string; voting: string }[] = await em.query(
    `SELECT h.seat_key, h.user_id, r.voting FROM seat_holdings h JOIN seat_rules r ON r.id = h.seat_rule_id WHERE h.tenant_id = $1 AND h.body_id = $2 AND h.ends_on IS NULL ORDER BY h.seat_key`,
    [tenantId, board.id],
  );
  const [officer] = await em.query(`SELECT id FROM users WHERE email = 'officer@ealing.demo.test'`);
  for (const [i, seat] of seats.entries()) {
    const status = i === 1 ? 'apologies' : i === 2 ? 'deputy' : 'present';
    await em.query(
      `INSERT INTO attendance (tenant_id, meeting_id, seat_key, user_id, status, deputy_user_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, meetingId, seat.seat_key, seat.user_id, status, status === 'deputy' ? officer?.id ?? seat.user_id : null, status === 'apologies' ? 'Ofsted inspection at school' : null],
    );
  }
  await em.query(
    `INSERT INTO minutes (tenant_id, meeting_id, text, status, drafted_by, circulated_at) VALUES ($1, $2, $3, 'circulated', $4, now())`,
    [
      tenantId,
      meetingId,
      `Present: the board (see attendance). Apologies were received from one member.\n\n1. Committee budgets: the board agreed the committees' budgets for next year in principle, subject to the spring review.\n2. Staffing (confidential): recorded separately.\n\nActions are listed in the action log.`,
      officer?.id ?? null,
    ],
  );
  const owners: { user_id: string }[] = seats.slice(0, 3).map((s) => ({ user_id: s.user_id }));
  const actions = ['Circulate the draft budget to committee co-leads', 'Report cluster data to the next board', 'Draft the recruitment and retention survey'];
  for (const [i, title] of actions.entries()) {
    await em.query(`INSERT INTO actions (tenant_id, body_id, meeting_id, title, owner_user_id, due_on) VALUES ($1, $2, $3, $4, $5, $6)`, [tenantId, board.id, meetingId, title, owners[i]?.user_id ?? null, addDays(today, 21 + i * 7)]);
  }
  // The next board meeting approves these minutes.
  const [next] = await em.query(`SELECT id FROM meetings WHERE tenant_id = $1 AND body_id = $2 AND starts_at > now() AND status = 'scheduled' ORDER BY starts_at LIMIT 1`, [tenantId, board.id]);
  if (next) {
    await em.query(
      `INSERT INTO agenda_items (tenant_id, meeting_id, position, kind, title, source_ref) VALUES ($1, $2, 0, 'minutes_approval', $3, $4) ON CONFLICT (tenant_id, meeting_id, source_ref) WHERE source_ref IS NOT NULL DO NOTHING`,
      [tenantId, next.id, `Minutes of the meeting on ${formatUkDate(day)}`, `minutes:${meetingId}`],
    );
  }
}

function academicYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}
