// School improvement benchmark (issue 12): a data round of 100 schools × 20 indicators compared
// and every indicator charted (SVG with its text alternative), and the annual report on the
// quality of education for 100 schools generated. Goal: under two seconds each.
// Part 1 is pure domain (the built @partnerships/domain). Part 2, when DATABASE_URL is set, runs the
// API's own services (apps/api/dist) on a fresh database through the application role, so the
// repositories' SQL and row-level security are in the figures.
// Writes bench/results/improvement.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './support.mjs';

const NAME = 'improvement: a data round of 100 schools × 20 indicators compared and charted; the annual report for 100 schools';
const SCHOOLS = 100;
const INDICATORS = 20;
const GOAL_MS = 2000;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const dist = (pkg) => join(root, 'packages', pkg, 'dist', 'index.js');
const apiDist = (file) => join(root, 'apps', 'api', 'dist', 'modules', 'improvement', file);
if (!existsSync(dist('domain'))) {
  const built = spawnSync('pnpm', ['--filter', '@partnerships/domain', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const domain = require(dist('domain'));
const { compareRound, comparisonChart, findStrengthsAndAreas, buildAnnualReport, reportMarkdown, markdownToHtml, participationPicture } = domain;

const next = random(20_261_205);
const AREAS = ['early_years', 'phonics', 'reading', 'writing', 'maths', 'core_subjects', 'attendance', 'science'];
const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
  code: `ind_${i + 1}`, name: `Indicator ${i + 1}`, definition: `Share of pupils meeting measure ${i + 1}`, unit: 'percent',
  higherIsBetter: i % 7 !== 6, decimals: 1, min: 0, max: 100, area: AREAS[i % AREAS.length],
}));
const schools = Array.from({ length: SCHOOLS }, (_, i) => ({
  schoolId: `s${i}`, urn: String(700000 + i), schoolName: `Bench Primary School ${i + 1}`,
  values: Object.fromEntries(indicators.map((ind) => [ind.code, next() < 0.03 ? null : Math.round((40 + next() * 55) * 10) / 10])),
}));
const benchmarks = indicators.flatMap((ind) => [{ indicatorCode: ind.code, source: 'national', value: 67.5 }, { indicatorCode: ind.code, source: 'la', value: 69 }]);

const time = (fn) => {
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 10) / 10 };
};

globalThis.gc?.();
const round = time(() => {
  const comparisons = compareRound(indicators, schools, benchmarks);
  const charts = comparisons.map((c) => comparisonChart(c));
  const findings = findStrengthsAndAreas(comparisons);
  return { comparisons, charts, findings };
});
const svgBytes = round.value.charts.reduce((n, c) => n + c.svg.length, 0);
const report = time(() => {
  const participation = schools.map((s, i) => ({ schoolId: s.schoolId, urn: s.urn, schoolName: s.schoolName, meetingsAttended: i % 9, reviewsLed: i % 2, reviewsReceived: 1, supportGiven: i % 3 === 0 ? 1 : 0, supportReceived: i % 4 === 0 ? 1 : 0, cpdPlaces: i % 11, dataRoundsSubmitted: 1 }));
  const sections = buildAnnualReport({
    partnershipName: 'Bench Partnership', academicYearStart: 2026, schools: SCHOOLS, rounds: [{ name: 'Summer results', comparisons: round.value.comparisons }],
    reviews: { completed: 50, planned: 50, schoolsReviewed: 50 },
    support: { needsFound: 60, closed: 40, metWithinTarget: 35, open: 20, overdue: 3, free: 30, charged: 10, chargedPence: 450_000, impactNotes: Array.from({ length: 40 }, (_, i) => `Impact note ${i + 1}: outcomes improved.`) },
    concerns: { monitoring: 6, concern: 3, serious_concern: 1 }, participation: participationPicture(participation),
  });
  const markdown = reportMarkdown('The quality of education across Bench Partnership’s schools', sections);
  return { markdown, html: markdownToHtml(markdown) };
});

const result = {
  name: NAME,
  schools: SCHOOLS,
  indicators: INDICATORS,
  domain: { roundComparedAndChartedMs: round.ms, charts: round.value.charts.length, svgKB: Math.round(svgBytes / 102.4) / 10, annualReportMs: report.ms, reportKB: Math.round(report.value.markdown.length / 102.4) / 10 },
  api: null,
  goalMs: GOAL_MS,
  date: new Date().toISOString(),
};

// Part 2: the API's services on a real database (skipped without DATABASE_URL or a built API).
if (process.env.DATABASE_URL && existsSync(apiDist('annual-reports.service.js'))) {
  const { createDataSource, createFreshDatabase, Database, dropDatabase, resolveDatabaseUrls } = require(dist('db'));
  const { AnnualReportsService } = require(apiDist('annual-reports.service.js'));
  const { DataRoundsService } = require(apiDist('data-rounds.service.js'));
  const url = await createFreshDatabase('partnerships_test_bench_improvement', process.env.DATABASE_URL);
  const urls = resolveDatabaseUrls({ DATABASE_URL: url });
  const owner = createDataSource({ url: urls.owner, embedded: false });
  await owner.initialize();
  let tenantId;
  let roundId;
  await owner.transaction(async (em) => {
    [{ id: tenantId }] = await em.query(`INSERT INTO tenants (slug, name) VALUES ('bench-improvement', 'Bench Partnership') RETURNING id`);
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT s.urn, s.name, 'primary', 'Community school', 'Benchshire', 300, 'BE1 1CH' FROM jsonb_to_recordset($1::jsonb) AS s(urn text, name text)`,
      [JSON.stringify(schools.map((s) => ({ urn: s.urn, name: s.schoolName })))],
    );
    await em.query(`INSERT INTO memberships (tenant_id, school_id, category, status) SELECT $1, id, 'full', 'active' FROM schools WHERE urn LIKE '7%'`, [tenantId]);
    const [{ id: bodyId }] = await em.query(`INSERT INTO bodies (tenant_id, name, kind) VALUES ($1, 'Bench cluster', 'cluster') RETURNING id`, [tenantId]);
    await em.query(`INSERT INTO body_schools (tenant_id, body_id, school_id) SELECT $1::uuid, $2::uuid, id FROM schools WHERE urn LIKE '7%'`, [tenantId, bodyId]);
    const [{ id: setId }] = await em.query(`INSERT INTO data_sets (tenant_id, name) VALUES ($1, 'Bench data set') RETURNING id`, [tenantId]);
    for (const [i, ind] of indicators.entries()) {
      await em.query(
        `INSERT INTO data_set_indicators (tenant_id, data_set_id, position, code, name, definition, unit, higher_is_better, decimals, min_value, max_value, area) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [tenantId, setId, i, ind.code, ind.name, ind.definition, ind.unit, ind.higherIsBetter, ind.decimals, ind.min, ind.max, ind.area],
      );
    }
    [{ id: roundId }] = await em.query(`INSERT INTO data_rounds (tenant_id, body_id, data_set_id, name, academic_year_start, opens_on, closes_on) VALUES ($1, $2, $3, 'Summer results', 2026, '2026-09-15', '2026-10-16') RETURNING id`, [tenantId, bodyId, setId]);
    await em.query(
      `INSERT INTO data_submissions (tenant_id, round_id, school_id, figures) SELECT $1::uuid, $2::uuid, s.id, d.figures FROM jsonb_to_recordset($3::jsonb) AS d(urn text, figures jsonb) JOIN schools s ON s.urn = d.urn`,
      [tenantId, roundId, JSON.stringify(schools.map((s) => ({ urn: s.urn, figures: s.values })))],
    );
    await em.query(`INSERT INTO data_benchmarks (tenant_id, round_id, indicator_code, source, value) SELECT $1::uuid, $2::uuid, b.code, b.source, b.value FROM jsonb_to_recordset($3::jsonb) AS b(code text, source text, value numeric)`,
      [tenantId, roundId, JSON.stringify(benchmarks.map((b) => ({ code: b.indicatorCode, source: b.source, value: b.value })))]);
  });
  const source = createDataSource({ url: urls.app, embedded: false });
  await source.initialize();
  const db = new Database(source);
  const rounds = new DataRoundsService(db);
  const reports = new AnnualReportsService(db);
  const timed = async (fn) => {
    const started = process.hrtime.bigint();
    const value = await fn();
    return { value, ms: Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 10) / 10 };
  };
  await db.inTenant(tenantId, {}, (em) => rounds.compare(em, tenantId, roundId)); // warm-up
  const compared = await timed(() => db.inTenant(tenantId, {}, async (em) => {
    const { comparisons } = await rounds.compare(em, tenantId, roundId);
    return comparisons.map((c) => comparisonChart(c));
  }));
  const assembled = await timed(() => db.inTenant(tenantId, {}, (em) => reports.assemble(em, tenantId, 2026)));
  result.api = { roundComparedAndChartedMs: compared.ms, charts: compared.value.length, annualReportMs: assembled.ms, reportKB: Math.round(assembled.value.document.length / 102.4) / 10 };
  await source.destroy();
  await owner.destroy();
  await dropDatabase(url);
}

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'improvement.json'), `${JSON.stringify(result, null, 2)}\n`);
const verdict = (ms) => `${ms} ms, ${ms <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal`;
console.log(`${NAME}
  domain, round compared and ${INDICATORS} charts: ${verdict(result.domain.roundComparedAndChartedMs)} (${result.domain.svgKB} KB of SVG)
  domain, annual report:              ${verdict(result.domain.annualReportMs)} (${result.domain.reportKB} KB of markdown)
  api on PostgreSQL, round and charts: ${result.api ? verdict(result.api.roundComparedAndChartedMs) : 'skipped (set DATABASE_URL and build the API)'}
  api on PostgreSQL, annual report:    ${result.api ? verdict(result.api.annualReportMs) : 'skipped'}
  written to:                         bench/results/improvement.json`);
