import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource, seedImprovement, seedReviews } from '@partnerships/db';
import { type Browser, checkPage, hydrated, openBrowser, visit } from './support/browser';
import { seedFullGovernanceDemo } from './support/governance';
import { signIn } from './support/journeys';
import { ARTIFACTS } from './support/paths';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let browser: Browser;
let db: DataSource;

const ADMIN = 'admin@ealing.demo.test';
const REVIEWER = 'reviewer@ealing.demo.test';
const SDR_URN = '920002';
const state = { clusterId: '', clusterName: '', cluster: [] as { urn: string; name: string }[], chairEmail: '', chairName: '' };

beforeAll(async () => {
  stack = await startStack();
  browser = await openBrowser();
  db = await seedFullGovernanceDemo(stack.databaseUrl);
  const [{ password_hash: hash }] = await db.query(`SELECT password_hash FROM users WHERE email = $1`, [ADMIN]);
  await db.transaction(async (em) => {
    await seedReviews(em, hash);
    await seedImprovement(em);
  });
  // A cluster with at least four primary schools whose heads can sign in.
  const [cluster] = await db.query(
    `SELECT b.id, b.name FROM bodies b JOIN body_schools bs ON bs.body_id = b.id JOIN schools s ON s.id = bs.school_id AND s.phase = 'primary'
     JOIN tenants t ON t.id = b.tenant_id AND t.slug = 'ealing'
     WHERE b.kind = 'cluster' AND b.archived_at IS NULL GROUP BY b.id, b.name, b.position HAVING count(*) >= 4 ORDER BY b.position, b.name LIMIT 1`,
  );
  state.clusterId = cluster.id;
  state.clusterName = cluster.name;
  state.cluster = await db.query(
    `SELECT s.urn, s.name FROM body_schools bs JOIN schools s ON s.id = bs.school_id AND s.phase = 'primary'
     WHERE bs.body_id = $1 AND EXISTS (SELECT 1 FROM users u WHERE u.email = 'head.' || s.urn || '@demo.test') ORDER BY s.name`,
    [cluster.id],
  );
  // The chair of a cluster, who is not the head of the school reviewed in confidence.
  const [chair] = await db.query(
    `SELECT u.email, u.name FROM body_offices o JOIN bodies b ON b.id = o.body_id AND b.kind = 'cluster' JOIN users u ON u.id = o.user_id
     WHERE o.office = 'chair' AND o.to_on IS NULL AND u.email <> $1 ORDER BY b.position, b.name LIMIT 1`,
    [`head.${SDR_URN}@demo.test`],
  );
  state.chairEmail = chair.email;
  state.chairName = chair.name;
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await stack?.stop();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !browser) return;
  await browser.page.screenshot({ path: join(ARTIFACTS, `improvement-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
  console.error(`Failed at ${browser.page.url()}\n${stack?.logs() ?? ''}`);
});

const JOURNEY_TIMEOUT = 420_000;
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });
const heading = async (page: Page) => ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
const notice = (page: Page) => page.locator('.notice[role="status"]').first();
const head = (urn: string) => `head.${urn}@demo.test`;
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function as(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, stack.webUrl, email);
}

/** Submit a form by its button and wait for the answer page to be ready. */
async function press(page: Page, name: string | RegExp, scope?: ReturnType<Page['locator']>): Promise<void> {
  const button = (scope ?? page).getByRole('button', { name }).first();
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await hydrated(page);
}

describe('school improvement at Ealing', () => {
  it('runs a data round in a cluster from an agreed data set to an action plan', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing`);
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'School improvement' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/improvement');
    await hydrated(page);
    expect(await heading(page)).toBe('School improvement');
    await checkPage(page, 'i01-improvement-overview');

    await page.getByRole('navigation', { name: 'School improvement' }).getByRole('link', { name: 'Data rounds' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/improvement/data-rounds');
    await hydrated(page);
    // A data set with a bad line is refused beside the field.
    await page.getByLabel('Name', { exact: true }).fill('Reading and phonics');
    await page.getByLabel('Indicators, one a line').fill('phonics | Phonics check pass rate | percent');
    await press(page, 'Agree the data set');
    await eventually(() => page.getByRole('alert').textContent()).toContain('Line 1 needs five parts');
    await checkPage(page, 'i02-data-set-error');
    await page.getByLabel('Indicators, one a line').fill(
      'phonics | Phonics check pass rate | percent | phonics | Share of Year 1 pupils meeting the expected standard\nks2_maths | KS2 maths, expected standard | percent | maths | Share of Year 6 pupils at the expected standard in maths',
    );
    await press(page, 'Agree the data set');
    await eventually(() => notice(page).textContent()).toContain('Reading and phonics');

    const today = new Date();
    await page.getByLabel('Group running the round').selectOption(state.clusterId);
    await page.getByLabel('Data set', { exact: true }).selectOption({ label: 'Reading and phonics' });
    await page.getByLabel('Name of the round').fill('Spring data round');
    await page.getByLabel('Window opens').fill(iso(today));
    await page.getByLabel('Window closes').fill(iso(new Date(today.getTime() + 14 * 86_400_000)));
    await Promise.all([page.waitForURL((url) => /\/improvement\/data-rounds\/[0-9a-f-]{36}$/.test(url.pathname)), page.getByRole('button', { name: 'Open the round' }).click()]);
    await hydrated(page);
    expect(await heading(page)).toBe('Spring data round');
    const roundUrl = page.url();
    const roundId = roundUrl.split('/').pop()!;
    await checkPage(page, 'i03-round');

    // One school sends its own figures and analysis from its page.
    const [first, ...others] = state.cluster;
    await as(page, head(first!.urn));
    await visit(page, `${stack.webUrl}/s/${first!.urn}`);
    await page.getByRole('navigation', { name: 'School' }).getByRole('link', { name: 'Improvement' }).click();
    await page.waitForURL((url) => url.pathname === `/s/${first!.urn}/improvement`);
    await hydrated(page);
    await checkPage(page, 'i04-school-improvement');
    await page.getByRole('link', { name: 'Spring data round' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(roundId));
    await hydrated(page);
    await page.getByLabel('Phonics check pass rate (%)').fill('eighty');
    await press(page, 'Send your figures');
    await eventually(() => page.getByRole('alert').textContent()).toContain('Phonics check pass rate: give a number');
    await checkPage(page, 'i05-school-figures-error');
    await page.getByLabel('Phonics check pass rate (%)').fill('91.5');
    await page.getByLabel('KS2 maths, expected standard (%)').fill('78');
    await page.getByLabel('Strengths').fill('Phonics teaching in Reception and Year 1');
    await page.getByLabel('Areas to develop').fill('Maths reasoning in Year 5');
    await press(page, 'Send your figures');
    await eventually(() => notice(page).textContent()).toContain('Your figures have been sent');

    // The officer imports the other schools' figures by CSV, with benchmarks, and closes the window.
    await as(page, ADMIN);
    await visit(page, roundUrl);
    const csv = ['urn,phonics,ks2_maths', ...others.map((s, i) => `${s.urn},${(62 + i * 4).toFixed(1)},${70 + i}`)].join('\n');
    await page.getByLabel('Or paste the CSV').fill(csv);
    await press(page, 'Import the figures');
    await eventually(() => notice(page).textContent()).toContain(`Figures for ${others.length} schools have been imported`);
    await page.getByLabel('Phonics check pass rate, local authority').fill('82');
    await page.getByLabel('Phonics check pass rate, national').fill('80.2');
    await page.getByLabel('KS2 maths, expected standard, national').fill('73.1');
    await press(page, 'Save the benchmarks');
    await eventually(() => notice(page).textContent()).toContain('The benchmarks have been saved');
    await press(page, 'Close the window');
    await eventually(() => notice(page).textContent()).toContain('The window has closed');
    await checkPage(page, 'i06-round-closed');

    await page.getByRole('link', { name: 'Schools side by side' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/comparison'));
    await hydrated(page);
    const phonics = page.getByRole('table', { name: /Phonics check pass rate: each school/ });
    expect(await phonics.textContent()).toContain(first!.name);
    expect(await phonics.textContent()).toContain('91.5%');
    const chart = page.getByRole('img').first();
    expect(((await chart.getAttribute('alt')) ?? '').length).toBeGreaterThan(10);
    const svg = await page.request.get(new URL((await chart.getAttribute('src'))!, stack.webUrl).toString());
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    await checkPage(page, 'i07-comparison');

    await page.getByRole('link', { name: 'outcomes page' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/outcomes'));
    await hydrated(page);
    const weakest = others[0]!;
    await page.getByLabel(`Strengths of ${weakest.name}`).fill('maths');
    await page.getByLabel(`Areas to develop for ${weakest.name}`).fill('phonics: Year 1 pass rate well below the cluster');
    await press(page, `Record the outcomes for ${weakest.name}`);
    await eventually(() => notice(page).textContent()).toContain('The outcomes for the school have been recorded');
    await checkPage(page, 'i08-outcomes');

    await visit(page, `${roundUrl}/report`);
    await page.getByLabel('Summary').fill('Phonics varies most between our schools; maths is strong across the cluster.');
    await page.getByLabel('Action plan, one action a line').fill(`Phonics coaching for Year 1 teachers | ${first!.name} | 31/3/2027 | phonics\nShare maths reasoning approaches`);
    await press(page, 'Save the report');
    await eventually(() => notice(page).textContent()).toContain('The group report and action plan have been saved');
    const plan = page.getByRole('table', { name: /Action plan \(2\)/ });
    expect(await plan.textContent()).toContain('Phonics coaching for Year 1 teachers');
    expect(await plan.textContent()).toContain('31 March 2027');
    await press(page, 'Raise needs for support');
    await eventually(() => notice(page).textContent()).toContain('1 need for support has been passed to brokerage');
    await checkPage(page, 'i09-group-report');
  }, JOURNEY_TIMEOUT);

  it('brokers a need to another school and closes it with an impact note', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing/improvement/support`);
    expect(await heading(page)).toBe('Brokerage of support');
    await checkPage(page, 'i10-support-dashboard');
    const [giver, taker] = [state.cluster[0]!, state.cluster[1]!];
    await page.getByLabel('School’s URN').fill(taker.urn);
    await page.getByLabel('Area', { exact: true }).fill('early years');
    await page.getByLabel('What the school needs').fill('Help to set up continuous provision in Reception');
    await Promise.all([page.waitForURL((url) => /\/support\/[0-9a-f-]{36}$/.test(url.pathname)), page.getByRole('button', { name: 'Record the need' }).click()]);
    await hydrated(page);
    expect(await heading(page)).toBe(`Support for ${taker.name}: Early years`);
    await checkPage(page, 'i11-need');
    await page.getByLabel('School', { exact: true }).selectOption(giver.urn);
    await press(page, 'Match to this school');
    await eventually(() => notice(page).textContent()).toContain('The need has been matched');
    await press(page, 'Agree the support');
    await eventually(() => notice(page).textContent()).toContain('free of charge');
    await press(page, 'Record delivery');
    await eventually(() => notice(page).textContent()).toContain('delivered');
    await press(page, 'Close the need');
    await eventually(() => page.getByRole('alert').textContent()).toContain('Say what difference the support made');
    await page.getByLabel('What difference the support made').fill('Reception staff now plan continuous provision weekly; children’s engagement has risen.');
    await press(page, 'Close the need');
    await eventually(() => notice(page).textContent()).toContain('The need is closed');
    const summary = (await page.locator('dl.summary').textContent()) ?? '';
    expect(summary).toContain(giver.name);
    expect(summary).toContain('Met within target');
    expect(summary).toContain('children’s engagement has risen');
    await checkPage(page, 'i12-need-closed');
    await visit(page, `${stack.webUrl}/p/ealing/improvement/support`);
    expect(await page.getByRole('table', { name: /Closed needs/ }).textContent()).toContain(taker.name);
  }, JOURNEY_TIMEOUT);

  it('plans a peer review cycle and takes a review to its final report', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing/improvement/reviews`);
    expect(await heading(page)).toBe('Peer review');
    await checkPage(page, 'i13-peer-review');
    await page.getByLabel('Name', { exact: true }).fill('Cluster peer review 2026');
    await page.getByLabel('Years in the cycle').fill('1');
    await Promise.all([page.waitForURL((url) => /\/reviews\/programmes\/[0-9a-f-]{36}$/.test(url.pathname)), page.getByRole('button', { name: 'Start the programme' }).click()]);
    await hydrated(page);
    const trio = state.cluster.slice(0, 3);
    await page.getByLabel('How to form them').selectOption('hand');
    await page.getByLabel('Group name (by hand)').fill('Trio A');
    await page.getByLabel('Schools’ URNs (by hand)').fill(trio.map((s) => s.urn).join(', '));
    await press(page, 'Form the groups');
    await eventually(() => notice(page).textContent()).toContain('The review groups have been formed');
    await press(page, 'Propose the cycle');
    await eventually(() => notice(page).textContent()).toContain('The planner proposed 3 reviews');
    await checkPage(page, 'i14-cycle-proposed');
    await press(page, /Confirm the 3 proposed reviews/);
    await eventually(() => notice(page).textContent()).toContain('3 reviews are confirmed');
    const host = trio[0]!;
    await page.getByRole('table', { name: /Confirmed reviews/ }).getByRole('link', { name: host.name }).click();
    await page.waitForURL((url) => /\/improvement\/reviews\/[0-9a-f-]{36}$/.test(url.pathname));
    await hydrated(page);
    const reviewUrl = page.url();
    const reviewId = reviewUrl.split('/').pop()!;
    expect(await heading(page)).toBe(`Review of ${host.name}`);
    await checkPage(page, 'i15-review-planned');
    const [{ email: leadEmail }] = await db.query(
      `SELECT u.email FROM review_participants p JOIN users u ON u.id = p.user_id WHERE p.review_id = $1 AND p.role = 'lead'`,
      [reviewId],
    );

    // The head agrees the focus.
    await as(page, head(host.urn));
    await visit(page, `${stack.webUrl}/s/${host.urn}/improvement`);
    // The school may have other reviews this year (the demo programme's): this one is found by its id.
    await page.locator(`#focus-${reviewId}`).fill('Reading for pleasure in Key Stage 2');
    await press(page, 'Agree the focus', page.locator('form', { has: page.locator(`#focus-${reviewId}`) }));
    await eventually(() => notice(page).textContent()).toContain('The focus is agreed');

    // The lead reviewer drafts the report.
    await as(page, leadEmail);
    await visit(page, reviewUrl);
    expect(await page.locator('dl.summary').textContent()).toContain('Reading for pleasure in Key Stage 2 (agreed with the head)');
    await page.getByLabel('What to do').selectOption('submit_draft');
    await page.getByLabel('Report, or your quality assurance note').fill('Draft: pupils talk with enthusiasm about books; the library timetable limits access.');
    await press(page, /^Save$/);
    await eventually(() => notice(page).textContent()).toContain('The draft report has been saved');
    await checkPage(page, 'i16-review-draft');

    // The head responds to the draft.
    await as(page, head(host.urn));
    await visit(page, `${stack.webUrl}/s/${host.urn}/improvement`);
    await page.locator(`#response-${reviewId}`).fill('We agree, and will open the library at lunchtimes from January.');
    await press(page, 'Send your response', page.locator('form', { has: page.locator(`#response-${reviewId}`) }));
    await eventually(() => notice(page).textContent()).toContain('Your response has been sent');

    // The coordinator quality-assures; the lead issues the final report and records an action.
    await as(page, ADMIN);
    await visit(page, reviewUrl);
    await page.getByLabel('What to do').selectOption('quality_assure');
    await page.getByLabel('Report, or your quality assurance note').fill('Evidence is clear and the judgements follow from it.');
    await press(page, /^Save$/);
    await eventually(() => notice(page).textContent()).toContain('Your quality assurance has been recorded');
    await as(page, leadEmail);
    await visit(page, reviewUrl);
    await page.getByLabel('What to do').selectOption('finalise');
    await page.getByLabel('Report, or your quality assurance note').fill('Final: pupils talk with enthusiasm about books; the school will open the library at lunchtimes.');
    await press(page, /^Save$/);
    await eventually(() => notice(page).textContent()).toContain('The final report has been issued');
    await page.getByLabel('Action', { exact: true }).fill('Open the library at lunchtimes');
    await press(page, 'Add the action');
    await eventually(() => notice(page).textContent()).toContain('The action has been added');
    expect(await page.locator('dl.summary').textContent()).toContain('Final report');
    expect(await page.getByRole('heading', { name: 'Final report', exact: true }).count()).toBe(1);
    await checkPage(page, 'i17-review-final');
  }, JOURNEY_TIMEOUT);

  it('keeps a confidential review between reviewer and head until she shares it with the cluster chair, and after she revokes it', async () => {
    const { page } = browser;
    // The reviewer writes the report.
    await as(page, REVIEWER);
    await visit(page, `${stack.webUrl}/confidential-reviews`);
    expect(await heading(page)).toBe('Confidential reviews you can read');
    await checkPage(page, 'i18-confidential-list');
    const [{ id }] = await db.query(`SELECT r.id FROM sdr_reviews r JOIN schools s ON s.id = r.school_id WHERE s.urn = $1 ORDER BY r.academic_year_start DESC LIMIT 1`, [SDR_URN]);
    await visit(page, `${stack.webUrl}/confidential-reviews/${id}`);
    await page.getByLabel('Report', { exact: true }).fill('CONFIDENTIAL-FINDING: governance of the school needs strengthening.');
    await press(page, 'Save the report');
    await eventually(() => notice(page).textContent()).toContain('The report is saved');
    await checkPage(page, 'i19-confidential-reviewer');

    // The chair cannot read it, and it is not in their list.
    await as(page, state.chairEmail);
    expect(await visit(page, `${stack.webUrl}/confidential-reviews/${id}`)).toBe(404);
    expect(await page.content()).not.toContain('CONFIDENTIAL-FINDING');

    // The head reads it and shares it with the chair.
    await as(page, head(SDR_URN));
    await visit(page, `${stack.webUrl}/s/${SDR_URN}/confidential-reviews`);
    expect(await page.content()).not.toContain('CONFIDENTIAL-FINDING');
    await checkPage(page, 'i20-school-confidential-list');
    await page.getByRole('table', { name: /Reviews of/ }).getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.endsWith(id));
    await hydrated(page);
    expect(await page.locator('.report').textContent()).toContain('CONFIDENTIAL-FINDING');
    expect(await page.title()).not.toContain('CONFIDENTIAL-FINDING');
    await page.getByLabel('E-mail address of the person').fill(state.chairEmail);
    await press(page, 'Share the report');
    await eventually(() => notice(page).textContent()).toContain(`The report is shared with ${state.chairEmail}`);
    await checkPage(page, 'i21-confidential-shared');
    const headPage = page.url();

    await as(page, state.chairEmail);
    await visit(page, `${stack.webUrl}/confidential-reviews`);
    expect(await page.getByRole('table', { name: /Reviews/ }).textContent()).not.toContain('CONFIDENTIAL-FINDING');
    expect(await visit(page, `${stack.webUrl}/confidential-reviews/${id}`)).toBe(200);
    expect(await page.locator('.report').textContent()).toContain('CONFIDENTIAL-FINDING');
    await checkPage(page, 'i22-confidential-chair-reads');

    // The head sees the chair's read, and revokes the share.
    await as(page, head(SDR_URN));
    await visit(page, headPage);
    expect(await page.getByRole('table', { name: /Every reading of the report/ }).textContent()).toContain(state.chairName);
    await press(page, /Revoke/);
    await eventually(() => notice(page).textContent()).toContain('The share has been revoked');

    await as(page, state.chairEmail);
    expect(await visit(page, `${stack.webUrl}/confidential-reviews/${id}`)).toBe(404);
    expect(await page.content()).not.toContain('CONFIDENTIAL-FINDING');
  }, JOURNEY_TIMEOUT);
  it('shows schools causing concern only to the people named, and generates, edits and exports the annual report', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing/improvement/participation`);
    expect(await heading(page)).toMatch(/^Participation, \d{4} to \d{4}$/);
    await checkPage(page, 'i23-participation');
    await visit(page, `${stack.webUrl}/p/ealing/improvement/annual-report`);
    await checkPage(page, 'i24-annual-reports');
    await Promise.all([page.waitForURL((url) => /\/annual-report\/\d{4}$/.test(url.pathname)), page.getByRole('button', { name: 'Generate the report' }).click()]);
    await hydrated(page);
    await page.getByLabel('Title').fill('Quality of education across Ealing’s schools');
    await press(page, 'Save the report');
    await eventually(() => notice(page).textContent()).toContain('The report has been saved');
    const exportHref = await page.getByRole('link', { name: 'web page (HTML)' }).getAttribute('href');
    const exported = await page.request.get(new URL(exportHref!, stack.webUrl).toString());
    expect(exported.status()).toBe(200);
    await checkPage(page, 'i25-annual-report');

    // The officer the demo names sees them; a head of a school does not.
    await as(page, 'officer@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/improvement/concerns`);
    expect(await page.getByRole('table', { name: /Schools/ }).count()).toBe(1);
    await checkPage(page, 'i26-concerns');
    await page.getByRole('table', { name: /Schools/ }).getByRole('link').first().click();
    await page.waitForURL((url) => /\/concerns\/\d{6}$/.test(url.pathname));
    await checkPage(page, 'i27-concern');
    await as(page, head(state.cluster[0]!.urn));
    await visit(page, `${stack.webUrl}/p/ealing/improvement/concerns`);
    expect(await page.getByText('Only the people the partnership names can see schools causing concern').count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
    // Nor is the head shown a link to the annual report, which the API keeps for admins and officers.
    const sections = page.getByRole('navigation', { name: 'School improvement' });
    await sections.getByRole('link', { name: 'Participation' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Annual report' }).count()).toBe(0);
  }, JOURNEY_TIMEOUT);
});
