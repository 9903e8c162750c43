import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, checkPage, hydrated, openBrowser, visit } from './support/browser';
import { DEMO_PASSWORD, signIn, signOut } from './support/journeys';
import { ARTIFACTS } from './support/paths';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
});

/** The member schools of the Ealing demo and what each pays under scenario 1, as published (shared/DOMAIN.md). */
const SCENARIO_1 = [
  ['Acton Vale Primary School', '£4,706'], // 210 pupils
  ['Brentside Green Primary School', '£5,411'], // 420
  ['Northolt Park Primary School', '£6,117'], // 630
  ['Hanwell Bridge Primary School', '£6,822'], // 840
  ['Southall Common High School', '£10,580'], // secondary, 1,200: £6,500 + 1,200 × £3.40
  ['Perivale Lane Special School', '£4,500'], // special: flat
] as const;

const component = (page: Page, i: number) => page.locator(`section[aria-labelledby="c-${i}-title"]`);

/** Give component i an amount and the one phase it applies to, as an admin would. */
async function fill(page: Page, i: number, amount: string, phase: string) {
  await page.locator(`#c-${i}-amount`).fill(amount);
  await component(page, i).locator('summary').first().click();
  await page.locator(`#c-${i}-phase-${phase}`).check();
}

async function addComponent(page: Page, kindLabel: string) {
  await page.getByLabel('Add a component').selectOption({ label: kindLabel });
  await page.getByRole('button', { name: 'Add component' }).click();
}

/** expect.poll with room for a busy machine (its default is one second). */
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 15_000, ...options });

/**
 * Wait for the address, by looking at it: SvelteKit's client-side redirects change it with the
 * History API, which page.waitForURL does not always see.
 */
async function until(page: Page, test: (url: URL) => boolean) {
  await poll(() => test(new URL(page.url())), { timeout: 20_000 }).toBe(true);
  await hydrated(page);
}

const previewRow = (page: Page, school: string) => page.locator('#preview-table tbody tr').filter({ hasText: school });

describe('fee schedules', () => {
  // Each journey starts signed out, even when the one before stopped half way.
  beforeEach(async () => {
    await browser.context.clearCookies();
  });

  it("lets an admin build Ealing's scenario 1 in the editor, preview the published figures, publish it, and a school see £4,706", async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Fees' }).click();
    await until(page, (url) => url.pathname === '/p/ealing/fees');
    const schedules = page.getByRole('table', { name: /2018–19/ });
    expect(await schedules.textContent()).toContain('scenario 1');
    await checkPage(page, 'fees-01-schedules');

    // A new, empty schedule for 2018–19 (the last day and the label follow from the first day).
    await page.getByLabel('Name').fill('Ealing Learning Partnership 2018–19, scenario 1');
    await page.getByLabel('First day of the period').fill('2018-09-01');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await until(page, (url) => /^\/p\/ealing\/fees\/[0-9a-f-]{36}$/.test(url.pathname) && url.search === '?created=1');
    const editorUrl = page.url().replace(/\?.*$/, '');
    expect(await page.getByRole('status').first().textContent()).toContain('Draft created');
    await checkPage(page, 'fees-02-new-draft');

    // Primary: £4,000 + £3.36 per pupil; secondary: £6,500 + £3.40; special: £4,500 flat; whole pounds.
    await fill(page, 0, '£3.36', 'primary');
    await addComponent(page, 'Base fee per school');
    await poll(() => page.locator('#c-1-title').evaluate((el) => el === document.activeElement)).toBe(true);
    await fill(page, 1, '£4,000', 'primary');
    await page.getByRole('button', { name: 'Move up component 2' }).click();
    expect(await page.locator('#c-0-title').textContent()).toBe('1. Base fee per school');
    await addComponent(page, 'Base fee per school');
    await fill(page, 2, '6500', 'secondary');
    await addComponent(page, 'Rate per pupil');
    await fill(page, 3, '£3.40', 'secondary');
    await addComponent(page, 'Flat fee');
    await fill(page, 4, '£4,500', 'special');
    await page.getByLabel('Round each school’s annual fee').selectOption({ label: 'To the nearest whole pound' });

    // The preview follows the typing: the published table, to the pound.
    for (const [school, fee] of SCENARIO_1) await poll(() => previewRow(page, school).textContent(), { timeout: 15_000 }).toContain(fee);
    expect(await page.locator('#preview-table tfoot').textContent()).toContain('£38,136');
    await previewRow(page, 'Acton Vale').locator('summary').click();
    const working = await previewRow(page, 'Acton Vale').locator('.lines').textContent();
    expect(working).toContain('Base fee for a primary school £4,000.00');
    expect(working).toContain('210 pupils × £3.36 = £705.60');
    expect(working).toContain('Total £4,705.60, rounded to £4,706');
    expect(await page.getByRole('status').filter({ hasText: 'Preview updated' }).textContent()).toContain('6 schools would pay £38,136 in all');
    await checkPage(page, 'fees-03-editor-live-preview');

    // What is wrong is said in words beside the field, and the preview waits for it.
    await page.locator('#c-1-amount').fill('£3.365');
    await page.locator('#c-2-amount').focus();
    expect(await page.locator('#c-1-amount-error').textContent()).toContain('The rate per pupil can have at most 2 digits after the point (whole pence)');
    expect(await page.locator('#c-1-amount').getAttribute('aria-invalid')).toBe('true');
    await poll(() => page.locator('.preview-panel .live').textContent()).toContain('until this problem is put right');
    await checkPage(page, 'fees-04-editor-field-error');
    // A problem only the whole schedule shows (the engine's own check), also beside its field.
    await page.locator('#c-1-amount').fill('3.36');
    await addComponent(page, 'Minimum fee');
    await page.locator('#c-5-amount').fill('£20,000');
    await addComponent(page, 'Maximum fee');
    await page.locator('#c-6-amount').fill('£10,000');
    await page.locator('#c-5-amount').focus();
    await poll(() => page.locator('#c-5-amount-error').textContent(), { timeout: 15_000 }).toContain('is more than the maximum fee of £10,000.00 in component 7');
    await page.getByRole('button', { name: 'Remove component 7' }).click();
    await page.getByRole('button', { name: 'Remove component 6' }).click();
    await poll(() => page.locator('#c-5-amount-error').count()).toBe(0);
    await poll(() => page.locator('.preview-panel .live').textContent(), { timeout: 15_000 }).toContain('Preview updated');

    // Publishing saves the draft, then asks: published schedules cannot change.
    await page.getByRole('button', { name: 'Save and publish…' }).click();
    await until(page, (url) => url.href === `${editorUrl}/publish`);
    expect(await page.textContent('main')).toContain('Published schedules cannot change.');
    expect(await page.textContent('main')).toContain('It replaces version 1');
    expect(await page.textContent('main')).toContain('6 would pay £38,136 in all');
    await checkPage(page, 'fees-05-publish-confirm');
    await page.getByRole('button', { name: 'Publish schedule' }).click();
    await until(page, (url) => url.href === `${editorUrl}?published=1`);
    expect(await page.getByRole('status').first().textContent()).toContain('Published.');
    // Read-only now: no fields to change, the schedule in words, and the way on is a new version.
    expect(await page.locator('#c-0-amount').count()).toBe(0);
    expect(await page.textContent('main')).toContain('£3.36 per pupil, for primary schools');
    expect(await page.getByRole('button', { name: 'Make a new version' }).count()).toBe(1);
    expect(await previewRow(page, 'Hanwell Bridge').textContent()).toContain('£6,822');
    await checkPage(page, 'fees-06-published');

    // The list: version 3 published for 2018–19, version 1 superseded, scenario 2 still a draft.
    await visit(page, `${stack.webUrl}/p/ealing/fees`);
    const rows = await page.getByRole('table', { name: /2018–19/ }).locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^3 Ealing Learning Partnership 2018–19, scenario 1.*Published/),
      expect.stringMatching(/^2 .*scenario 2.*Draft/),
      expect.stringMatching(/^1 .*scenario 1.*Superseded/),
    ]);
    await signOut(page);

    // The public calculator, signed out: the school finds itself in the register.
    expect(await visit(page, `${stack.webUrl}/p/ealing/quote`)).toBe(200);
    await checkPage(page, 'fees-07-calculator');
    await page.getByLabel('School name or URN').fill('Acton');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: 'Acton Vale Primary School' }).click();
    await until(page, (url) => url.searchParams.get('urn') === '920001');
    const result = page.locator('#result');
    await poll(() => result.textContent()).toContain('£4,706');
    expect(await result.textContent()).toContain('Acton Vale Primary School would pay');
    const lines = await page.locator('.result .lines li').allTextContents();
    expect(lines).toEqual(expect.arrayContaining(['Base fee for a primary school £4,000.00', '210 pupils × £3.36 = £705.60', 'Total £4,705.60, rounded to £4,706']));
    const text = await page.textContent('main');
    expect(text).toContain('2018–19');
    expect(text).toContain('version 3');
    // Dates as people write them ("5 December 2026"), never ISO.
    expect(text).toMatch(/No published schedule covers \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}; this quote uses the latest published one, for 2018–19/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result');
    await checkPage(page, 'fees-08-calculator-quote');

    // Or by phase and pupils, without the register.
    await page.getByLabel('Phase').selectOption({ label: 'Secondary' });
    await page.getByLabel('Pupils on roll').fill('1,000');
    await page.getByRole('button', { name: 'Work out the fee' }).click();
    await poll(() => page.locator('#result').textContent()).toContain('A secondary school with 1,000 pupils would pay £9,900');
  }, 300_000); // the longest journey: room for a busy machine

  it('says what is wrong with a calculator search or school details, beside the field', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/ealing/quote?phase=&pupils=lots`);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('#phase-error').textContent()).toContain('Choose your school’s phase');
    expect(await page.locator('#pupils-error').textContent()).toContain('Enter the number of pupils on roll as a whole number');
    await checkPage(page, 'fees-09-calculator-errors');
    expect(await visit(page, `${stack.webUrl}/p/nowhere/quote`)).toBe(404);
    // THE Partnership: a £25 liability guarantee, shown but never charged.
    await visit(page, `${stack.webUrl}/p/tower-hamlets/quote?phase=primary&pupils=420`);
    expect(await page.locator('.result').textContent()).toContain('Joining also means promising up to £25.00, which is never invoiced.');
    expect(await page.locator('.result .lines').textContent()).toContain('420 pupils × £5.00 = £2,100.00');
    await checkPage(page, 'fees-10-calculator-guarantee');
  });

  it('lets an admin plan scenarios, solve for the rate that raises a target, compare, and download CSV', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/fees`);
    await page.getByRole('link', { name: /Plan scenarios/ }).click();
    // The planner's address carries the whole scenario; it is filled in by a redirect after a client-side navigation.
    await until(page, (url) => url.pathname === '/p/ealing/fees/planner' && url.searchParams.has('a.name'));
    // It starts from the current member schools, under the published schedule.
    const results = page.locator('.outcome').first();
    await poll(() => results.textContent()).toContain('£38,136');
    await checkPage(page, 'fees-11-planner-members');

    // 60 primaries of 210 pupils and 14 secondaries of 1,000: what rate for primaries raises £450,000?
    await page.locator('#a-name').fill('60 primary and 14 high schools');
    await page.locator('#a-g0-count').fill('60');
    await page.locator('#a-g1-phase').selectOption('secondary');
    await page.locator('#a-g1-pupils').fill('1,000');
    await page.locator('#a-g1-count').fill('14');
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Remove group 3 of scenario A' }).click();
      await poll(() => page.locator('#a-g0-count').inputValue()).toBe('60');
      await poll(() => page.locator('[id^="a-g"][id$="-count"]').count()).toBe(5 - i);
    }
    // Each Remove works the scenario out again, so the total is there already. (Pressing Work out here too
    // would leave a page on its way that resets the fields below when it arrives on a slow machine.)
    await poll(() => results.textContent()).toContain('£420,960'); // 60 × £4,706 + 14 × £9,900
    await page.locator('#a-solve').selectOption({ label: '2. Rate per pupil for primary schools, now £3.36' });
    await page.locator('#a-target').fill('£450,000');
    await page.getByRole('button', { name: 'Work out', exact: true }).click();
    await until(page, (url) => url.searchParams.get('a.solve') === '2' && url.searchParams.has('a.target'));
    const solution = page.locator('.solution').first();
    await poll(() => solution.textContent(), { timeout: 45_000 }).toContain('To raise at least £450,000'); // the solver runs on the server: slow on a busy machine
    expect(await solution.textContent()).toContain('set it to £5.67');
    expect(await solution.textContent()).toContain('would then pay £450,060 in all');
    await checkPage(page, 'fees-12-planner-solved');

    // Compare with 50 primaries under scenario 2 (the draft).
    await page.getByRole('button', { name: 'Compare with a second scenario' }).click();
    await until(page, (url) => url.searchParams.get('compare') === '1');
    await page.locator('#b-name').fill('50 primary and 14 high schools');
    await page.locator('#b-schedule').selectOption({ label: '2018–19: Ealing Learning Partnership, scenario 2 (50 primary and 14 high schools), version 2 (draft)' });
    await page.locator('#b-g0-count').fill('50');
    await page.locator('#b-solve').selectOption('');
    await page.getByRole('button', { name: 'Work out', exact: true }).click();
    await poll(() => page.locator('.outcome').nth(1).textContent()).toContain('£402,750'); // 50 × £5,283 + 14 × £9,900
    const chart = page.getByRole('img', { name: /Income by phase/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('#compare-chart-desc').textContent()).toContain('Total: 60 primary and 14 high schools £450,060, 50 primary and 14 high schools £402,750');
    await page.getByText('Show the figures as a table').click();
    expect(await page.getByRole('table', { name: /Income by phase/ }).textContent()).toContain('-£47,310');
    await checkPage(page, 'fees-13-planner-compare');

    // The CSV file: a row per group, a total and the solved rate per scenario.
    const href = await page.getByRole('link', { name: 'Download these results as a CSV file' }).getAttribute('href');
    const csv = await page.request.get(`${stack.webUrl}${href}`);
    expect(csv.headers()['content-disposition']).toContain('attachment; filename="ealing-fee-scenarios.csv"');
    const body = await csv.text();
    expect(body).toContain('Scenario,Fee schedule,Group,Phase,Pupils per school,Schools,Fee per school (£),Income (£)');
    expect(body).toContain('60 primary and 14 high schools,');
    expect(body).toContain(',Total,,,74,,450060.00');
    expect(body).toMatch(/Solved: 2\. Rate per pupil for primary schools, now £3\.36 -> 5\.67/);

    // Keep the solved rate as a new draft.
    await page.getByRole('button', { name: /Save as a new draft schedule/ }).first().click();
    await until(page, (url) => /\/fees\/[0-9a-f-]{36}$/.test(url.pathname) && url.search === '?created=1');
    expect(await page.locator('#c-1-amount').inputValue()).toBe('5.67');
    await signOut(page);
  });

  it('exports a schedule and imports it as a draft, shows the change from last year, explains a bad file, and shows officers fees read-only', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@tower-hamlets.demo.test');
    await visit(page, `${stack.webUrl}/p/tower-hamlets/fees`);
    const href = await page.getByRole('table', { name: /2017–18/ }).getByRole('link', { name: /Export/ }).getAttribute('href');
    const file = await page.request.get(`${stack.webUrl}${href}`);
    expect(file.headers()['content-disposition']).toBe('attachment; filename="tower-hamlets-fees-2017-09-01-v1.json"');
    const json = await file.text();
    expect(JSON.parse(json)).toMatchObject({ formatVersion: 1, components: [{ kind: 'per-pupil', ratePence: 500 }] });

    await page.getByLabel('Fee schedule file (.json)').setInputFiles({ name: 'the-partnership-2017-18.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.getByRole('button', { name: 'Import' }).click();
    await until(page, (url) => /\/fees\/[0-9a-f-]{36}$/.test(url.pathname) && url.search === '?imported=1');
    expect(await page.getByRole('status').first().textContent()).toContain('Schedule imported as a new draft');
    // Against 2016–17, when the first seven months were free: £5 × 420 = £2,100.00, up £1,225.00 from £875.00.
    expect(await page.locator('#preview-table caption').textContent()).toContain('and the change from 2016–17');
    expect(await previewRow(page, 'Bow Locks').textContent()).toMatch(/£2,100\.00\s*£875\.00\s*\+£1,225\.00/);
    await page.locator('#c-0-amount').fill('5.50');
    await poll(() => previewRow(page, 'Bow Locks').textContent(), { timeout: 15_000 }).toContain('+£1,435.00');
    await checkPage(page, 'fees-16-imported-change-from-last-year');
    // A draft can be discarded, after a second press.
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'Discard this draft?' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, discard it' }).click();
    await until(page, (url) => url.pathname === '/p/tower-hamlets/fees' && url.search === '?discarded=1');
    expect(await page.getByRole('status').first().textContent()).toContain('The draft has been discarded.');
    expect(await page.getByRole('table', { name: /2017–18/ }).locator('tbody tr').count()).toBe(1);

    // A file that is not a good schedule: each problem, and where it is.
    await visit(page, `${stack.webUrl}/p/tower-hamlets/fees`);
    const bad = { formatVersion: 1, name: 'Copied by hand', period: { kind: 'academic-year', start: '2019-09-01', end: '2020-08-31', label: '2019–20' }, rounding: { unit: 'penny', mode: 'half-up' }, components: [{ kind: 'per-pupil', ratePence: 3.36 }], payment: { kind: 'in-advance' } };
    await page.getByLabel('Fee schedule file (.json)').setInputFiles({ name: 'copied.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.locator('#file-error').count()).toBe(1);
    expect(await page.locator('#file-error').textContent()).toContain('copied.json could not be imported: there is 1 problem');
    expect(await page.getByRole('list', { name: 'Problems in the file' }).textContent()).toBe('Component 1: The rate per pupil must be a whole number of pence: write 336 for £3.36, not 3.36.');
    await checkPage(page, 'fees-17-import-problems');
    await signOut(page);

    // Officers read fees but do not change them.
    await signIn(page, stack.webUrl, 'officer@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/fees`);
    expect(await page.getByRole('heading', { name: 'Start a new schedule' }).count()).toBe(0);
    await page.getByRole('table', { name: /2018–19/ }).getByRole('link', { name: /scenario 2/ }).first().click();
    await until(page, (url) => /\/fees\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.textContent('main')).toContain('A draft. Partnership admins and finance staff can change and publish it.');
    expect(await page.locator('#c-0-amount').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Make a new version' }).count()).toBe(0);
    await checkPage(page, 'fees-18-officer-read-only');
    await signOut(page);
  });

  it('prices by a school fact without a second category, flags a slip naming the schools, and records a member’s facts for fees', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/fees`);
    await page.getByLabel('Name').fill('Ealing 2031–32, checks');
    await page.getByLabel('First day of the period').fill('2031-09-01');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await until(page, (url) => /^\/p\/ealing\/fees\/[0-9a-f-]{36}$/.test(url.pathname));

    // £336 per pupil is a slip for £3.36: the preview says so, naming the schools, before anyone publishes.
    await page.locator('#c-0-amount').fill('£336');
    const warnings = page.getByRole('region', { name: /before publishing/ });
    await poll(() => warnings.textContent()).toContain('looks like a slip of the decimal point');
    expect(await warnings.textContent()).toContain('Acton Vale Primary School');
    await checkPage(page, 'fees-16-schedule-warnings');

    // A flat fee for secondaries with a sixth form (the register says Southall Common High has one).
    await page.locator('#c-0-amount').fill('£5');
    await poll(() => warnings.count()).toBe(0);
    await addComponent(page, 'Flat fee');
    await page.locator('#c-1-amount').fill('£4,500');
    await component(page, 1).locator('summary').first().click();
    await page.locator('#c-1-sixth-form').selectOption({ label: 'Schools with a sixth form' });
    expect(await component(page, 1).locator('summary').first().textContent()).toContain('schools with a sixth form');
    await poll(() => previewRow(page, 'Southall Common High School').textContent()).toContain('£4,500');
    expect(await previewRow(page, 'Acton Vale Primary School').textContent()).toContain('£1,050');
    await checkPage(page, 'fees-17-sixth-form-condition');

    // The partnership records what the register lacks on the member's own page.
    await visit(page, `${stack.webUrl}/p/ealing/members`);
    await page.getByRole('link', { name: 'Acton Vale Primary School' }).first().click();
    await until(page, (url) => /^\/p\/ealing\/members\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('link', { name: /Facts for fees/ }).click();
    await until(page, (url) => url.pathname.endsWith('/fee-facts'));
    await page.getByLabel('Sixth form').selectOption({ label: 'Has a sixth form' });
    await page.getByLabel('Your area for this school').fill('Acton cluster');
    await page.getByRole('button', { name: 'Save facts for fees' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    expect(await page.locator('#facts-now').textContent()).toContain('has a sixth form');
    expect(await page.locator('#facts-now').textContent()).toContain('Acton cluster');
    await checkPage(page, 'fees-18-member-facts');
  });
});

describe('the editor without JavaScript', () => {
  let plain: Browser;
  beforeAll(async () => {
    plain = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await plain?.close();
  });

  /**
   * axe cannot run in a page without JavaScript, so the page as the server sent it (scripts
   * removed, so nothing hydrates) is checked in a tab of the ordinary browser.
   */
  async function axe(page: Page, name: string) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const tab = await browser.context.newPage();
    try {
      const address = page.url();
      await tab.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await tab.goto(address);
      const { violations } = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await tab.close();
    }
  }

  it('adds a component, previews with the Preview button, explains errors and saves', async () => {
    const { page } = plain;
    await page.goto(`${stack.webUrl}/login`);
    await page.getByLabel('E-mail address').fill('admin@ealing.demo.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`${stack.webUrl}/p/ealing/fees`);
    await page.getByRole('link', { name: /scenario 2/ }).first().click();
    await page.waitForURL(/\/fees\/[0-9a-f-]{36}$/);
    // Scenario 2, as published: £5,283 for a 1 FE primary.
    expect(await previewRow(page, 'Acton Vale').textContent()).toContain('£5,283');

    await page.locator('#c-1-amount').fill('£6.12');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.waitForURL(/\?\/preview$/);
    expect(await previewRow(page, 'Acton Vale').textContent()).toContain('£5,285');
    expect(await page.locator('#c-1-amount').inputValue()).toBe('£6.12');

    await page.getByLabel('Add a component').selectOption({ label: 'Minimum fee' });
    await page.getByRole('button', { name: 'Add component' }).click();
    await page.waitForURL(/\?\/edit$/);
    expect(await page.locator('#c-5-title').textContent()).toBe('6. Minimum fee');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\?\/save$/);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('alert').textContent()).toContain('Enter the minimum fee, like £4,000 or £3.36');
    expect(await page.locator('#c-5-amount-error').textContent()).toContain('Enter the minimum fee');
    await axe(page, 'fees-14-no-js-error');

    await page.getByRole('button', { name: 'Remove component 6' }).click();
    await page.waitForURL(/\?\/edit$/);
    expect(await page.locator('#c-5-title').count()).toBe(0);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\?saved=1$/);
    expect(await page.getByRole('status').first().textContent()).toContain('Draft saved.');
    expect(await page.locator('#c-1-amount').inputValue()).toBe('6.12');
    await axe(page, 'fees-15-no-js-saved');
  });
});
