import {
  academicYearOf,
  buildAnnualReport,
  compareRound,
  findStrengthsAndAreas,
  type Indicator,
  londonToday,
  needTargetDate,
  participationPicture,
  reportMarkdown,
  type SubmissionValues,
} from '@partnerships/domain';
import type { EntityManager } from 'typeorm';

export const DEMO_DATA_SET_NAME = 'Primary outcomes';
export const DEMO_CLUSTER_NAME = 'Ealing primary cluster';
/** Named to see schools causing concern in the demo (listed in the README). */
export const DEMO_CONCERN_OFFICER = 'officer@ealing.demo.test';

const pct = (code: string, name: string, definition: string, area: string): Indicator => ({ code, name, definition, unit: 'percent', higherIsBetter: true, decimals: 1, min: 0, max: 100, area });

export const DEMO_INDICATORS: Indicator[] = [
  pct('gld', 'Good level of development', 'Share of Reception pupils reaching a good level of development in the EYFS profile', 'early_years'),
  pct('phonics', 'Phonics check pass rate', 'Share of Year 1 pupils meeting the expected standard in the phonics screening check', 'phonics'),
  pct('ks1_reading_expected', 'KS1 reading, expected standard', 'Share of Year 2 pupils at the expected standard in reading (teacher assessment)', 'reading'),
  pct('ks2_reading_expected', 'KS2 reading, expected standard', 'Share of Year 6 pupils at the expected standard in the reading test', 'reading'),
  pct('ks2_writing_expected', 'KS2 writing, expected standard', 'Share of Year 6 pupils at the expected standard in writing (teacher assessment)', 'writing'),
  pct('ks2_maths_expected', 'KS2 maths, expected standard', 'Share of Year 6 pupils at the expected standard in the maths test', 'maths'),
  pct('ks2_rwm_expected', 'KS2 reading, writing and maths, expected standard', 'Share of Year 6 pupils at the expected standard in all of reading, writing and maths', 'core_subjects'),
  pct('ks2_rwm_higher', 'KS2 reading, writing and maths, higher standard', 'Share of Year 6 pupils at the higher standard in all of reading, writing and maths', 'core_subjects'),
];

const NATIONAL: Record<string, number> = { gld: 67.7, phonics: 80.2, ks1_reading_expected: 71.1, ks2_reading_expected: 74.0, ks2_writing_expected: 72.3, ks2_maths_expected: 73.1, ks2_rwm_expected: 61.0, ks2_rwm_higher: 8.0 };
const LA: Record<string, number> = { gld: 69.4, phonics: 82.0, ks1_reading_expected: 72.5, ks2_reading_expected: 76.2, ks2_writing_expected: 74.0, ks2_maths_expected: 77.5, ks2_rwm_expected: 64.3, ks2_rwm_higher: 10.1 };
/** Each demo school's distance from national per indicator: the first is strong in phonics, the second needs help with it. */
const PROFILES: number[][] = [
  [4.1, 13.6, 6.2, 5.0, 3.1, 2.2, 4.0, 3.5],
  [-6.3, -14.9, -5.1, -2.0, -4.3, -1.1, -3.0, -2.0],
  [1.2, 2.3, 0.4, -0.5, 1.0, -9.6, -6.5, -3.1],
  [2.6, 4.0, 3.3, 6.1, 5.2, 7.4, 8.0, 5.5],
  [-1.4, 0.8, -2.2, 1.5, -0.6, 0.3, 0.1, 1.0],
  [3.0, 5.5, 1.1, 2.4, 2.0, 3.3, 2.5, 1.2],
];

/**
 * Ealing's school improvement records (issue 12, the data half): a data round in its primary cluster
 * (a data set of eight indicators, submissions from all but one school, local authority and
 * national benchmarks, agreed outcomes, a group report with an action plan), two needs brokered (one
 * free from the school strong in phonics, delivered and closed with an impact note; one charged,
 * proposed and waiting to be agreed, so no invoice is issued and billing figures stay as they were),
 * two schools causing concern with their history (the officer, or where there is none the admin, is named to see them), and a draft
 * annual report. Without a cluster (the small demo the test suites use) one is formed from the
 * primary members. Runs as the owner inside the demo seed's transaction; matched by names, so
 * seeding again changes nothing.
 */
export async function seedImprovement(em: EntityManager, today = londonToday(), slug = 'ealing'): Promise<void> {
  const [tenant] = await em.query(`SELECT id, name FROM tenants WHERE slug = $1`, [slug]);
  if (!tenant) return;
  const tenantId: string = tenant.id;
  const [existing] = await em.query(`SELECT id FROM data_sets WHERE tenant_id = $1 AND name = $2`, [tenantId, DEMO_DATA_SET_NAME]);
  if (existing) return;
  const year = academicYearOf(today).startYear;
  // Ealing's demo officer, else the partnership's first officer (else its admin), is named to see schools causing concern.
  const [officer] = await em.query(
    `SELECT u.id FROM users u JOIN tenant_roles r ON r.user_id = u.id AND r.tenant_id = $1 WHERE u.email = $2 OR r.role = 'officer' ORDER BY u.email = $2 DESC, u.email LIMIT 1`,
    [tenantId, DEMO_CONCERN_OFFICER],
  );
  const [admin] = await em.query(`SELECT u.id FROM users u JOIN tenant_roles r ON r.user_id = u.id AND r.tenant_id = $1 WHERE r.role = 'tenant-admin' ORDER BY u.email LIMIT 1`, [tenantId]);
  const by: string | null = officer?.id ?? admin?.id ?? null;

  // The cluster and its primary schools.
  let [cluster] = await em.query(
    `SELECT b.id FROM bodies b JOIN body_schools bs ON bs.tenant_id = b.tenant_id AND bs.body_id = b.id JOIN schools s ON s.id = bs.school_id AND s.phase = 'primary'
     WHERE b.tenant_id = $1 AND b.kind = 'cluster' AND b.archived_at IS NULL GROUP BY b.id, b.position, b.name HAVING count(*) >= 3 ORDER BY b.position, b.name LIMIT 1`,
    [tenantId],
  );
  if (!cluster) {
    [cluster] = await em.query(`INSERT INTO bodies (tenant_id, name, kind, purpose) VALUES ($1, $2, 'cluster', 'Primary schools working together on school improvement') RETURNING id`, [tenantId, DEMO_CLUSTER_NAME]);
    await em.query(
      `INSERT INTO body_schools (tenant_id, body_id, school_id) SELECT DISTINCT $1::uuid, $2::uuid, m.school_id FROM memberships m JOIN schools s ON s.id = m.school_id
       WHERE m.tenant_id = $1 AND s.phase = 'primary' AND m.status = 'active' ON CONFLICT DO NOTHING`,
      [tenantId, cluster.id],
    );
  }
  const schools: { id: string; urn: string; name: string }[] = await em.query(
    `SELECT s.id, s.urn, s.name FROM body_schools bs JOIN schools s ON s.id = bs.school_id WHERE bs.tenant_id = $1 AND bs.body_id = $2 AND s.phase = 'primary' ORDER BY s.urn`,
    [tenantId, cluster.id],
  );
  if (schools.length < 3) return;

  // The data set and the round.
  const [{ id: setId }] = await em.query(`INSERT INTO data_sets (tenant_id, name, description, created_by) VALUES ($1, $2, 'The common data set the primary cluster agreed: early years, phonics, KS1 and KS2.', $3) RETURNING id`, [tenantId, DEMO_DATA_SET_NAME, by]);
  for (const [i, ind] of DEMO_INDICATORS.entries()) {
    await em.query(
      `INSERT INTO data_set_indicators (tenant_id, data_set_id, position, code, name, definition, unit, higher_is_better, decimals, min_value, max_value, area) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [tenantId, setId, i, ind.code, ind.name, ind.definition, ind.unit, ind.higherIsBetter, ind.decimals, ind.min, ind.max, ind.area],
    );
  }
  const roundName = `Summer ${year} results`;
  const [{ id: roundId }] = await em.query(
    `INSERT INTO data_rounds (tenant_id, body_id, data_set_id, name, academic_year_start, opens_on, closes_on, status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'reported', $8) RETURNING id`,
    [tenantId, cluster.id, setId, roundName, year, `${year}-09-15`, `${year}-10-16`, by],
  );
  // Every school but the last submits.
  const submitting = schools.length > 3 ? schools.slice(0, -1) : schools;
  const submissions = submitting.map((s, i) => {
    const profile = PROFILES[i % PROFILES.length]!;
    const values: SubmissionValues = Object.fromEntries(DEMO_INDICATORS.map((ind, j) => [ind.code, Math.round((NATIONAL[ind.code]! + profile[j]! + (i >= PROFILES.length ? i * 0.3 : 0)) * 10) / 10]));
    return { schoolId: s.id, schoolName: s.name, values };
  });
  for (const [i, sub] of submissions.entries()) {
    await em.query(
      `INSERT INTO data_submissions (tenant_id, round_id, school_id, figures, own_strengths, own_areas_to_develop, via, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, roundId, sub.schoolId, JSON.stringify(sub.values), i === 0 ? 'Systematic synthetic phonics taught daily from Reception; every pupil reads to an adult daily.' : 'Attendance and reading for pleasure.',
        i === 1 ? 'Phonics: too many pupils not at the expected standard in Year 1.' : 'Writing at greater depth.', i % 2 ? 'csv' : 'form', by],
    );
  }
  for (const ind of DEMO_INDICATORS) {
    await em.query(`INSERT INTO data_benchmarks (tenant_id, round_id, indicator_code, source, value) VALUES ($1, $2, $3, 'national', $4), ($1, $2, $3, 'la', $5)`, [tenantId, roundId, ind.code, NATIONAL[ind.code], LA[ind.code]]);
  }
  const marks = DEMO_INDICATORS.flatMap((ind) => [{ indicatorCode: ind.code, source: 'national' as const, value: NATIONAL[ind.code]! }, { indicatorCode: ind.code, source: 'la' as const, value: LA[ind.code]! }]);
  const comparisons = compareRound(DEMO_INDICATORS, submissions, marks);
  const findings = findStrengthsAndAreas(comparisons);
  const [meeting] = await em.query(`SELECT id FROM meetings WHERE tenant_id = $1 AND body_id = $2 ORDER BY starts_at LIMIT 1`, [tenantId, cluster.id]);
  for (const f of findings) {
    const item = (x: { area: string; indicatorCode: string; reason: string }) => ({ area: x.area, indicatorCode: x.indicatorCode, note: x.reason });
    await em.query(
      `INSERT INTO data_round_outcomes (tenant_id, round_id, school_id, meeting_id, strengths, areas_to_develop, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, roundId, f.schoolId, meeting?.id ?? null, JSON.stringify(f.strengths.map(item)), JSON.stringify(f.areasToDevelop.map(item)), by],
    );
  }
  const plan = [
    { action: 'Share the strongest school’s phonics approach at the next cluster meeting', owner: submitting[0]!.name, dueOn: `${year + 1}-01-31`, status: 'in_progress', area: 'phonics' },
    { action: 'Moderate Year 6 writing across the cluster', owner: 'Cluster chair', dueOn: `${year + 1}-03-20`, status: 'not_started', area: 'writing' },
    { action: 'Maths mastery lesson study in pairs of schools', owner: submitting[2]?.name ?? 'Cluster chair', dueOn: `${year + 1}-05-22`, status: 'not_started', area: 'maths' },
  ];
  await em.query(
    `INSERT INTO data_round_reports (tenant_id, round_id, summary, action_plan, updated_by) VALUES ($1, $2, $3, $4, $5)`,
    [tenantId, roundId, `The cluster's results are above national in most measures. Phonics varies most between schools; writing at the higher standard is the shared area to develop.`, JSON.stringify(plan), by],
  );

  // Two needs brokered: phonics (free, from the school strong in it; delivered and closed) and maths (charged, proposed).
  const terms: { half_terms: { start: string; end: string }[] }[] = await em.query(`SELECT half_terms FROM tenant_calendars WHERE tenant_id = $1 ORDER BY academic_year_start`, [tenantId]);
  const halfTerms = terms.flatMap((t) => t.half_terms);
  const foundOn = `${year}-10-20`;
  const target = needTargetDate(foundOn, halfTerms);
  const strong = submitting[0]!;
  const weak = submitting[1]!;
  const [{ id: phonicsNeed }] = await em.query(
    `INSERT INTO support_needs (tenant_id, school_id, source, source_ref, area, description, found_on, target_on, status, delivered_on, impact_note, closed_on, raised_by)
     VALUES ($1, $2, 'data_round', $3, 'phonics', 'Year 1 phonics check pass rate well below the group and national', $4, $5, 'closed', $6, $7, $6, $8) RETURNING id`,
    [tenantId, weak.id, roundId, foundOn, target, `${year}-12-04`, 'Six coaching visits from the phonics lead; a mock check in December put 78% at the expected standard, up from 65%.', by],
  );
  await em.query(
    `INSERT INTO support_agreements (tenant_id, need_id, supporter_kind, supporter_school_id, supporter_name, status, basis, note, agreed_by, agreed_at)
     VALUES ($1, $2, 'school', $3, $4, 'delivered', 'free', 'Light-touch coaching by the phonics lead', $5, $6::date)`,
    [tenantId, phonicsNeed, strong.id, strong.name, by, `${year}-10-22`],
  );
  const mathsSchool = submitting[2] ?? weak;
  const [{ id: mathsNeed }] = await em.query(
    `INSERT INTO support_needs (tenant_id, school_id, source, source_ref, area, description, found_on, target_on, status, raised_by)
     VALUES ($1, $2, 'data_round', $3, 'maths', 'KS2 maths at the expected standard below the group and the local authority', $4, $5, 'matched', $6) RETURNING id`,
    [tenantId, mathsSchool.id, roundId, foundOn, target, by],
  );
  const maths = submitting[3] ?? strong;
  await em.query(
    `INSERT INTO support_agreements (tenant_id, need_id, supporter_kind, supporter_school_id, supporter_name, status, basis, amount_pence, note)
     VALUES ($1, $2, 'school', $3, $4, 'proposed', 'charged', 45000, 'Three days of maths lead time: complex support, charged at the cluster rate')`,
    [tenantId, mathsNeed, maths.id, maths.name],
  );

  // Two schools causing concern, with their history; the officer is named to see them.
  const named = officer ?? admin;
  if (named) await em.query(`INSERT INTO concern_access (tenant_id, user_id, named_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [tenantId, named.id, admin?.id ?? named.id]);
  const concerns = [
    { school: weak, indicators: [['inspection', '2', `${year - 4}-03-10`, `${year - 4}-03-20`, 'Good at its last full inspection'], ['leadership_change', 'interim_head', null, `${year - 1}-04-15`, 'Headteacher left at Easter; interim head from the local authority'], ['data', 'below', null, `${year}-10-20`, 'Phonics and GLD below national in the cluster round'], ['inspection', '3', `${year}-06-11`, `${year}-06-20`, 'Requires improvement: phonics and early reading']],
      statuses: [['monitoring', ['An interim headteacher is in post'], `${year - 1}-04-20`, `${year}-06-19`], ['concern', ['Inspected as requires improvement', 'Outcomes below national'], `${year}-06-20`, null]],
      visits: [[`${year}-07-08`, 'Owen Officer', 'Met the interim head and chair of governors. Agreed a phonics improvement plan and brokered support from the cluster.'], [`${year}-11-12`, 'Owen Officer', 'Phonics coaching under way; Year 1 tracking shows improvement. Next visit in the spring term.']] },
    { school: submitting[2] ?? schools[2]!, indicators: [['finance', 'deficit', null, `${year}-05-01`, 'Budget deficit of 4% forecast for this year'], ['finance', 'licensed_deficit', null, `${year}-09-30`, 'Licensed deficit agreed with the local authority'], ['data', 'below', null, `${year}-10-20`, 'KS2 maths below the group']],
      statuses: [['monitoring', ['The school is in deficit'], `${year}-05-05`, `${year}-09-30`], ['concern', ['The school has a licensed deficit', 'Outcomes below national'], `${year}-10-01`, null]],
      visits: [[`${year}-10-14`, 'Owen Officer', 'Reviewed the recovery plan with the business manager; staffing restructure planned for January.']] },
  ];
  for (const c of concerns) {
    for (const [kind, value, occurredOn, recordedOn, note] of c.indicators) {
      await em.query(`INSERT INTO concern_indicators (tenant_id, school_id, kind, value, occurred_on, recorded_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [tenantId, c.school.id, kind, value, occurredOn, recordedOn, note, by]);
    }
    for (const [status, reasons, since, endedOn] of c.statuses) {
      await em.query(`INSERT INTO concern_statuses (tenant_id, school_id, status, reasons, since, ended_on, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [tenantId, c.school.id, status, JSON.stringify(reasons), since, endedOn, by]);
    }
    for (const [visitedOn, visitor, notes] of c.visits) {
      await em.query(`INSERT INTO monitoring_visits (tenant_id, school_id, visited_on, visitor, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [tenantId, c.school.id, visitedOn, visitor, notes, by]);
    }
  }

  // A draft annual report from these records (the partnership regenerates and edits it).
  const participation = schools.map((s) => ({
    schoolId: s.id, urn: s.urn, schoolName: s.name, meetingsAttended: 0, reviewsLed: 0, reviewsReceived: 0, cpdPlaces: 0,
    supportGiven: s.id === strong.id ? 1 : 0, supportReceived: s.id === weak.id ? 1 : 0, dataRoundsSubmitted: submitting.some((x) => x.id === s.id) ? 1 : 0,
  }));
  const sections = buildAnnualReport({
    partnershipName: tenant.name, academicYearStart: year, schools: schools.length, rounds: [{ name: roundName, comparisons }],
    reviews: { completed: 0, planned: 0, schoolsReviewed: 0 },
    support: { needsFound: 2, closed: 1, metWithinTarget: 1, open: 1, overdue: 0, free: 1, charged: 1, chargedPence: 45000, impactNotes: ['Six coaching visits from the phonics lead; a mock check in December put 78% at the expected standard, up from 65%.'] },
    concerns: { concern: 2 }, participation: participationPicture(participation),
  });
  const title = `The quality of education across ${tenant.name}'s schools, ${year} to ${year + 1}`;
  await em.query(`INSERT INTO annual_reports (tenant_id, academic_year_start, title, document, updated_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [tenantId, year, title, reportMarkdown(title, sections), by]);
}
