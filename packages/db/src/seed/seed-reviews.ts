import { academicYearOf, formatUkDate, londonToday, planReviewCycle, type ReviewGroup, type ReviewLeader } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';

/** The demo's external reviewer (listed in the README). */
export const DEMO_REVIEWER_EMAIL = 'reviewer@ealing.demo.test';
export const DEMO_PROGRAMME_NAME = 'Primary peer review';
/** The school whose confidential school development review the demo holds (its head is head.<urn>@demo.test). */
export const DEMO_SDR_SCHOOL_URN = '920002';

/**
 * Ealing's peer review programme over its primary clusters (a two-year cycle planned and confirmed,
 * one review completed with a final report and actions, one in progress with a draft), and a
 * confidential school development review at one school whose report is shared with nobody yet.
 * Without clusters (the small demo the test suites use) the programme has one group of Ealing's
 * primary schools formed by hand. Runs as the owner, inside the demo seed's transaction; matched by
 * the programme's name and the review's school and year, so seeding again changes nothing.
 */
export async function seedReviews(em: EntityManager, passwordHash: string, today = londonToday(), slug = 'ealing'): Promise<void> {
  const [tenant] = await em.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
  if (!tenant) return;
  const tenantId: string = tenant.id;
  const year = academicYearOf(today).startYear;
  const reviewerId = await upsertUser(em, DEMO_REVIEWER_EMAIL, 'Rhiannon Reeve', passwordHash);
  await grant(em, tenantId, reviewerId, 'reviewer');
  const [officer] = await em.query(`SELECT u.id FROM users u JOIN tenant_roles r ON r.user_id = u.id WHERE r.tenant_id = $1 AND r.role = 'officer' ORDER BY u.email LIMIT 1`, [tenantId]);
  const coordinatorId: string | null = officer?.id ?? null;

  const [existing] = await em.query(`SELECT id FROM review_programmes WHERE tenant_id = $1 AND name = $2`, [tenantId, DEMO_PROGRAMME_NAME]);
  if (!existing) await seedProgramme(em, tenantId, year, coordinatorId, reviewerId);
  await seedSchoolDevelopmentReview(em, tenantId, year, reviewerId, coordinatorId);
}

async function seedProgramme(em: EntityManager, tenantId: string, year: number, coordinatorId: string | null, reviewerId: string): Promise<void> {
  const [{ id: programmeId }] = await em.query(
    `INSERT INTO review_programmes (tenant_id, name, framework, cycle_years, first_academic_year_start, team_members, conflict_rules, coordinator_user_id)
     VALUES ($1, $2, 'Ealing peer review framework 2026', 2, $3, 1, '{"sameTrust": false, "sameDiocese": false, "reviewedEachOtherLastCycle": true}', $4) RETURNING id`,
    [tenantId, DEMO_PROGRAMME_NAME, year, coordinatorId],
  );
  const clusters: { id: string; name: string; schoolIds: string[] }[] = await em.query(
    `SELECT b.id, b.name, array_agg(bs.school_id::text ORDER BY s.name) AS "schoolIds" FROM bodies b
     JOIN body_schools bs ON bs.tenant_id = b.tenant_id AND bs.body_id = b.id JOIN schools s ON s.id = bs.school_id AND s.phase = 'primary'
     WHERE b.tenant_id = $1 AND b.kind = 'cluster' AND b.archived_at IS NULL GROUP BY b.id, b.name, b.position HAVING count(*) >= 2 ORDER BY b.position, b.name`,
    [tenantId],
  );
  const groups: ReviewGroup[] = [];
  if (clusters.length) {
    for (const c of clusters) {
      const [{ id }] = await em.query(`INSERT INTO review_groups (tenant_id, programme_id, name, formed_by, body_id) VALUES ($1, $2, $3, 'cluster', $4) RETURNING id`, [tenantId, programmeId, c.name, c.id]);
      groups.push({ id, name: c.name, schoolIds: c.schoolIds });
    }
  } else {
    const primaries: { id: string }[] = await em.query(
      `SELECT s.id FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.phase = 'primary' AND m.status = 'active' ORDER BY s.name`,
      [tenantId],
    );
    const [{ id }] = await em.query(`INSERT INTO review_groups (tenant_id, programme_id, name, formed_by) VALUES ($1, $2, 'Primary schools', 'hand') RETURNING id`, [tenantId, programmeId]);
    groups.push({ id, name: 'Primary schools', schoolIds: primaries.map((p) => p.id) });
  }
  for (const g of groups) {
    await em.query(`INSERT INTO review_group_members (tenant_id, group_id, school_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`, [tenantId, g.id, g.schoolIds]);
  }
  const schoolIds = groups.flatMap((g) => g.schoolIds);
  const heads: { userId: string; schoolId: string }[] = await em.query(
    `SELECT DISTINCT ON (school_id) user_id AS "userId", school_id AS "schoolId" FROM school_roles WHERE school_id = ANY($1::uuid[]) AND role = 'headteacher' ORDER BY school_id, created_at`,
    [schoolIds],
  );
  const leaders: ReviewLeader[] = heads.map((h) => ({ userId: h.userId, schoolId: h.schoolId }));
  const calendars: { half_terms: { name: string; start: string; end: string }[] }[] = await em.query(
    `SELECT half_terms FROM tenant_calendars WHERE tenant_id = $1 AND academic_year_start = ANY($2::date[])`,
    [tenantId, [`${year}-09-01`, `${year + 1}-09-01`]],
  );
  const plan = planReviewCycle(groups, schoolIds.map((id) => ({ id })), leaders, {
    firstAcademicYearStart: year,
    cycleYears: 2,
    teamMembers: 1,
    qualityAssurers: coordinatorId ? [coordinatorId] : [],
  }, calendars.flatMap((c) => c.half_terms) as never);

  const reviewIds: string[] = [];
  for (const review of plan.reviews) {
    const [{ id }] = await em.query(
      `INSERT INTO reviews (tenant_id, programme_id, group_id, school_id, academic_year_start, visit_on, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
      [tenantId, programmeId, review.groupId, review.schoolId, review.academicYearStart, review.visitOn],
    );
    reviewIds.push(id);
    for (const p of review.participants) {
      await em.query(`INSERT INTO review_participants (tenant_id, review_id, user_id, school_id, role) VALUES ($1, $2, $3, $4, $5)`, [tenantId, id, p.userId, p.schoolId, p.role]);
      await grant(em, tenantId, p.userId, 'reviewer');
    }
  }
  // Each school's next review starts from its last one (its open actions are carried forward from there).
  await em.query(
    `UPDATE reviews r SET previous_review_id = p.id FROM reviews p
     WHERE r.tenant_id = $1 AND r.programme_id = $2 AND p.tenant_id = r.tenant_id AND p.programme_id = r.programme_id AND p.school_id = r.school_id AND p.academic_year_start = r.academic_year_start - 1`,
    [tenantId, programmeId],
  );
  const thisYear = plan.reviews.map((r, i) => ({ ...r, id: reviewIds[i]! })).filter((r) => r.academicYearStart === year);
  if (thisYear.length < 2) return;

  // One review completed: visited in the autumn, the report through draft, QA, the head's response and final, with actions.
  const done = thisYear[0]!;
  const lead = done.participants.find((p) => p.role === 'lead')!;
  const [host] = await em.query(`SELECT name FROM schools WHERE id = $1`, [done.schoolId]);
  const [headOfHost] = await em.query(`SELECT user_id FROM school_roles WHERE school_id = $1 AND role = 'headteacher' ORDER BY created_at LIMIT 1`, [done.schoolId]);
  const visit = `${year}-10-07`;
  await em.query(
    `UPDATE reviews SET visit_on = $2, focus = $3, focus_agreed_at = now(), focus_agreed_by = $4, status = 'final', qa_approved = true WHERE id = $1`,
    [done.id, visit, 'Reading in Key Stage 1: phonics teaching and catch-up for pupils who fell behind', headOfHost?.user_id ?? null],
  );
  const versions: [string, string, boolean | null, string | null][] = [
    ['draft', `Draft report of the review of ${host.name} on ${formatUkDate(visit)}. Strengths: a consistent phonics programme taught daily. To develop: catch-up groups for pupils below the expected standard.`, null, lead.userId],
    ['qa', 'Quality assurance: the judgements follow from the evidence recorded. Approved.', true, coordinatorId],
    ['head_response', 'We accept the findings and have planned catch-up groups from the spring term.', null, headOfHost?.user_id ?? null],
    ['final', `Final report of the review of ${host.name}. Strengths: a consistent phonics programme taught daily. To develop: catch-up groups for pupils below the expected standard, to start in the spring term.`, null, lead.userId],
  ];
  for (const [i, [kind, body, approved, author]] of versions.entries()) {
    await em.query(`INSERT INTO review_reports (tenant_id, review_id, version, kind, body, approved, author_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [tenantId, done.id, i + 1, kind, body, approved, author]);
  }
  await em.query(
    `INSERT INTO review_actions (tenant_id, review_id, text, owner, due_on, status, follow_up_note) VALUES
       ($1, $2, 'Start catch-up phonics groups for Year 2 pupils below the expected standard', 'Phonics lead', $3, 'in_progress', 'Groups running three times a week since January.'),
       ($1, $2, 'Share the daily phonics timetable with the cluster', 'Headteacher', $4, 'done', 'Shared at the cluster meeting.')`,
    [tenantId, done.id, `${year + 1}-02-13`, `${year}-12-12`],
  );
  await em.query(`INSERT INTO reviewer_training (tenant_id, user_id, course, completed_on) VALUES ($1, $2, 'Lead reviewer training (two days)', $3)`, [tenantId, lead.userId, `${year}-07-03`]);
  await em.query(`INSERT INTO reviewer_training (tenant_id, user_id, course, completed_on) VALUES ($1, $2, 'External reviewer induction', $3)`, [tenantId, reviewerId, `${year}-06-19`]);

  // One in progress: visited, the focus agreed, the lead's draft waiting for the head's response.
  const going = thisYear[1]!;
  const goingLead = going.participants.find((p) => p.role === 'lead')!;
  const [goingHost] = await em.query(`SELECT name FROM schools WHERE id = $1`, [going.schoolId]);
  const [goingHead] = await em.query(`SELECT user_id FROM school_roles WHERE school_id = $1 AND role = 'headteacher' ORDER BY created_at LIMIT 1`, [going.schoolId]);
  await em.query(`UPDATE reviews SET visit_on = $2, focus = $3, focus_agreed_at = now(), focus_agreed_by = $4, status = 'draft' WHERE id = $1`, [
    going.id,
    `${year}-11-25`,
    'Mathematics in upper Key Stage 2: reasoning and problem solving',
    goingHead?.user_id ?? null,
  ]);
  await em.query(`INSERT INTO review_reports (tenant_id, review_id, version, kind, body, author_user_id) VALUES ($1, $2, 1, 'draft', $3, $4)`, [
    tenantId,
    going.id,
    `Draft report of the review of ${goingHost.name}. Strengths: fluent recall of number facts. To develop: regular reasoning tasks in Years 5 and 6.`,
    goingLead.userId,
  ]);
}

async function seedSchoolDevelopmentReview(em: EntityManager, tenantId: string, year: number, reviewerId: string, coordinatorId: string | null): Promise<void> {
  const [school] = await em.query(`SELECT s.id FROM schools s JOIN memberships m ON m.school_id = s.id AND m.tenant_id = $1 WHERE s.urn = $2`, [tenantId, DEMO_SDR_SCHOOL_URN]);
  if (!school) return;
  await em.query(`INSERT INTO sdr_requirements (tenant_id, category_code) VALUES ($1, 'full') ON CONFLICT DO NOTHING`, [tenantId]);
  const [existing] = await em.query(`SELECT id FROM sdr_reviews WHERE tenant_id = $1 AND school_id = $2 AND academic_year_start = $3`, [tenantId, school.id, year]);
  if (existing) return;
  const [{ id }] = await em.query(
    `INSERT INTO sdr_reviews (tenant_id, school_id, academic_year_start, reviewer_user_id, reviewer_email, visit_on, report_ready_at, appointed_by)
     VALUES ($1, $2, $3, $4, $5, $6, now(), $7) RETURNING id`,
    [tenantId, school.id, year, reviewerId, DEMO_REVIEWER_EMAIL, `${year}-11-11`, coordinatorId],
  );
  await em.query(`INSERT INTO sdr_reports (tenant_id, sdr_review_id, content, updated_by) VALUES ($1, $2, $3, $4)`, [
    tenantId,
    id,
    'School development review (confidential to the reviewer and the headteacher). Leadership: the senior team is stretched since the deputy headteacher left; governors should plan for interim cover. Curriculum: a well-sequenced reading curriculum. Next steps: secure leadership capacity before the spring term.',
    reviewerId,
  ]);
}

async function upsertUser(em: EntityManager, email: string, name: string, passwordHash: string): Promise<string> {
  const [{ id }] = await em.query(
    `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) ON CONFLICT (email) DO UPDATE SET email = users.email RETURNING id`,
    [email, name, passwordHash],
  );
  return id;
}

async function grant(em: EntityManager, tenantId: string, userId: string, role: string): Promise<void> {
  await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, user_id, role) DO NOTHING`, [tenantId, userId, role]);
}
