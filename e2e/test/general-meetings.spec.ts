import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Browser, checkPage, hydrated, visit } from './support/browser';
import type { DataSource } from '@partnerships/db';
import { seedFullGovernanceDemo } from './support/governance';
import { signIn } from './support/journeys';
import { ARTIFACTS } from './support/paths';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;
let db: DataSource;

const ADMIN = 'admin@tower-hamlets.demo.test';
const BOW_LOCKS = { urn: '930001', name: 'Bow Locks Primary School', email: 'head.930001@demo.test' };
const LIMEHOUSE = { urn: '930002', name: 'Limehouse Basin Primary School' };
const MILE_END = { urn: '930003', name: 'Mile End Gardens Nursery School', email: 'head.930003@demo.test' };
const STEPNEY = { urn: '930004', name: 'Stepney Green Park Secondary School', email: 'head.930004@demo.test' };
const ISLE_OF_DOGS = { urn: '930005', email: 'head.930005@demo.test' };
const MOTION = 'Adopt the annual report and accounts';
const state = { motionUrl: '' };

withStackAndBrowser(async (s, b) => {
  stack = s;
  browser = b;
  db = await seedFullGovernanceDemo(stack.databaseUrl);
});

afterAll(async () => {
  await db?.destroy();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !browser) return;
  await browser.page.screenshot({ path: join(ARTIFACTS, `general-meetings-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
  console.error(`Failed at ${browser.page.url()}\n${stack?.logs() ?? ''}`);
});

/** These journeys visit many pages, each checked by axe; on a busy machine they need more than the default two minutes. */
const JOURNEY_TIMEOUT = 300_000;
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });
const heading = async (page: Page) => ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
const notice = (page: Page) => page.locator('.notice[role="status"]').first();

async function as(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, stack.webUrl, email);
}

/** On the school's votes page: the motion's vote form for one school, by its legend. */
async function vote(page: Page, forSchool: string, choice: 'For' | 'Against' | 'Abstain'): Promise<void> {
  const motion = page.getByRole('article', { name: `Motion: ${MOTION}` });
  const group = motion.getByRole('group', { name: new RegExp(`^Vote for ${forSchool}`) });
  await group.getByLabel(choice, { exact: true }).check();
  await group.locator('xpath=ancestor::form').getByRole('button', { name: /^Cast / }).click();
  await eventually(() => notice(page).textContent()).toBeTruthy();
  await hydrated(page);
}

describe('general meetings at Tower Hamlets', () => {
  it('puts a motion to the AGM, and a school appoints another school’s head as its proxy', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/tower-hamlets/governance/motions`);
    expect(await heading(page)).toBe('Motions at general meetings');
    expect(await page.getByRole('table', { name: /Motions/ }).textContent()).toContain('Adopt the revised articles of association');
    await checkPage(page, 'm01-motions');
    await page.getByLabel('Title', { exact: true }).fill(MOTION);
    await page.getByLabel('Wording of the motion (optional)').fill('That the members receive the annual report and accounts for the year.');
    await page.getByRole('button', { name: 'Put the motion' }).click();
    await page.waitForURL(/\/governance\/motions\/[0-9a-f-]{36}$/);
    await hydrated(page);
    state.motionUrl = page.url();
    expect(await heading(page)).toBe(MOTION);
    expect(await page.locator('dl.summary').textContent()).toContain('Draft (poll not open)');
    await checkPage(page, 'm02-motion-draft');

    // Mile End's head gives the school's vote at this meeting to Bow Locks' head.
    await as(page, MILE_END.email);
    await visit(page, `${stack.webUrl}/s/${MILE_END.urn}/votes`);
    expect(await heading(page)).toBe('Votes and elections');
    const meeting = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4 }) }).first();
    await meeting.getByLabel('Another member school’s voter').check();
    await meeting.getByLabel('URN of the other school').fill(BOW_LOCKS.urn);
    await meeting.getByRole('button', { name: 'Appoint proxy' }).click();
    await eventually(() => notice(page).textContent()).toContain('Your proxy is appointed for that meeting.');
    expect(await page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4 }) }).first().textContent()).toContain(`the voter of ${BOW_LOCKS.name}`);
    await checkPage(page, 'm03-proxy-appointed');

    // An associate member's head has no vote to give.
    await as(page, ISLE_OF_DOGS.email);
    await visit(page, `${stack.webUrl}/s/${ISLE_OF_DOGS.urn}/votes`);
    expect(await page.getByRole('region', { name: 'Tower Hamlets Education Partnership' }).textContent()).toContain('does not carry votes here');
  }, JOURNEY_TIMEOUT);

  it('opens the poll, counts one vote per school with proxies, and publishes how each school voted', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, state.motionUrl);
    await page.getByRole('button', { name: 'Open the poll' }).click();
    await eventually(() => notice(page).textContent()).toMatch(/The poll is open\. The electorate is fixed: \d+ voting member schools\./);

    // Bow Locks' head votes for her school and for the two schools whose proxies she holds.
    await as(page, BOW_LOCKS.email);
    await visit(page, `${stack.webUrl}/s/${BOW_LOCKS.urn}/votes`);
    const motion = page.getByRole('article', { name: `Motion: ${MOTION}` });
    expect(await motion.getByRole('group').count()).toBe(3);
    await checkPage(page, 'm04-votes-with-proxies');
    await vote(page, BOW_LOCKS.name, 'For');
    await vote(page, `${LIMEHOUSE.name} \\(as its proxy\\)`, 'For');
    await vote(page, `${MILE_END.name} \\(as its proxy\\)`, 'Against');
    const after = page.getByRole('article', { name: `Motion: ${MOTION}` });
    expect(await after.getByRole('group').count()).toBe(0);
    expect(await after.textContent()).toContain(`${MILE_END.name} (as its proxy) has voted.`);

    await as(page, STEPNEY.email);
    await visit(page, `${stack.webUrl}/s/${STEPNEY.urn}/votes`);
    await vote(page, STEPNEY.name, 'For');
    expect(await page.getByRole('article', { name: `Motion: ${MOTION}` }).textContent()).toContain(`${STEPNEY.name} has voted.`);

    await as(page, ADMIN);
    await visit(page, state.motionUrl);
    await page.getByRole('button', { name: 'Close the poll and count' }).click();
    await eventually(() => notice(page).textContent()).toContain('The poll is closed and counted.');
    const result = page.getByRole('region', { name: /^Result/ });
    expect(await heading(page)).toBe(MOTION);
    expect(await result.getByRole('heading', { level: 2 }).textContent()).toBe('Result: carried');
    const figures = (await result.locator('dl').textContent()) ?? '';
    expect(figures).toMatch(/For\s*3/);
    expect(figures).toMatch(/Against\s*1/);
    expect(figures).toMatch(/Cast by proxy\s*2/);
    const votes = page.getByRole('table', { name: 'How each school voted' });
    expect(await votes.locator('tr', { hasText: LIMEHOUSE.name }).textContent()).toContain('For (by proxy)');
    expect(await votes.locator('tr', { hasText: MILE_END.name }).textContent()).toContain('Against (by proxy)');
    await checkPage(page, 'm05-motion-result');
  }, JOURNEY_TIMEOUT);

  it('elects the advisory council with reserved seats, and the winners take their seats', async () => {
    const { page } = browser;
    // Stepney's head stands while nominations are open.
    await as(page, STEPNEY.email);
    await visit(page, `${stack.webUrl}/s/${STEPNEY.urn}/votes`);
    const election = page.getByRole('article', { name: /^Election: Advisory council election/ });
    expect(await election.textContent()).toContain('Taking nominations');
    if ((await election.textContent())?.includes(`(${STEPNEY.name})`) !== true) {
      await election.getByRole('button', { name: 'Stand for election' }).click();
      await eventually(() => notice(page).textContent()).toContain('Your nomination has been accepted.');
    }

    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/tower-hamlets/governance/elections`);
    await page.getByRole('link', { name: 'Advisory council election' }).click();
    await page.waitForURL(/\/governance\/elections\/[0-9a-f-]{36}$/);
    await hydrated(page);
    const electionUrl = page.url();
    expect(await page.getByRole('table', { name: /^Candidates/ }).textContent()).toContain(STEPNEY.name);
    await checkPage(page, 'm06-election-nominations');
    await page.getByRole('button', { name: 'Close nominations and open voting' }).click();
    await eventually(() => notice(page).textContent()).toContain('voting is open');

    // Bow Locks' head votes for her school (choosing three candidates) and for the schools whose proxies she holds.
    await as(page, BOW_LOCKS.email);
    await visit(page, `${stack.webUrl}/s/${BOW_LOCKS.urn}/votes`);
    const ballots = page.getByRole('article', { name: /^Election: Advisory council election/ }).getByRole('group');
    expect(await ballots.count()).toBe(3);
    await checkPage(page, 'm07-election-ballot');
    for (let round = 0; round < 3; round++) {
      const group = page.getByRole('article', { name: /^Election: Advisory council election/ }).getByRole('group').first();
      const boxes = group.getByRole('checkbox');
      for (let i = 0; i < 3; i++) await boxes.nth(i + round).check();
      await group.locator('xpath=ancestor::form').getByRole('button', { name: /^Cast / }).click();
      await eventually(() => notice(page).textContent()).toContain('receipt');
      await hydrated(page);
    }
    expect(await page.getByRole('article', { name: /^Election: Advisory council election/ }).getByRole('group').count()).toBe(0);

    await as(page, ADMIN);
    await visit(page, electionUrl);
    expect(await page.locator('dl.summary').textContent()).toMatch(/Voted\s*3 of \d+ schools/);
    await page.getByRole('button', { name: 'Close voting and count' }).click();
    await eventually(() => notice(page).textContent()).toContain('The winners have taken their seats.');
    const elected = page.getByRole('region', { name: 'Elected' });
    const winners = await elected.locator('ol > li strong').allTextContents();
    expect(winners.length).toBeGreaterThan(0);
    expect(await elected.textContent()).toContain('reserved seat: Primary');
    await checkPage(page, 'm08-election-result');

    // The advisory council's seats are held by the winners now.
    await page.getByRole('link', { name: 'Advisory Council' }).click();
    await page.waitForURL(/\/governance\/bodies\/[0-9a-f-]{36}$/);
    await hydrated(page);
    const seats = (await page.getByRole('table', { name: /^Seats/ }).textContent()) ?? '';
    for (const name of winners) expect(seats).toContain(name);
    await checkPage(page, 'm09-advisory-council-seats');
  }, JOURNEY_TIMEOUT);

  it('shows a general meeting of many schools 50 seats a page, with a search, and its register from the same pages', async () => {
    const { page } = browser;
    // 230 more full members: the AGM then has more seats than the body's answer carries (200).
    await db.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT (960000 + i)::text, 'Many School ' || lpad(i::text, 3, '0'), 'primary', 'Community school', 'Tower Hamlets', 100, 'E1 1AA' FROM generate_series(1, 230) i`,
    );
    await db.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT t.id, s.id, 'full', 'active', '2025-09-01' FROM tenants t, schools s WHERE t.slug = 'tower-hamlets' AND s.name LIKE 'Many School %'`,
    );
    const [{ id: agmId }] = await db.query(`SELECT b.id FROM bodies b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'tower-hamlets' AND b.kind = 'general_meeting' ORDER BY b.position LIMIT 1`);
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/tower-hamlets/governance/bodies/${agmId}`);
    const caption = (await page.getByRole('table', { name: /^Seats/ }).locator('caption').textContent()) ?? '';
    const total = Number(/Seats \((\d+)\)/.exec(caption)?.[1]);
    expect(total).toBeGreaterThan(230);
    expect(await page.getByRole('table', { name: /^Seats/ }).locator('tbody tr').count()).toBe(50);
    await checkPage(page, 'm10-agm-seats-paged');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await hydrated(page);
    expect(await page.getByRole('status').filter({ hasText: 'page 2 of' }).count()).toBe(1);
    await page.getByLabel('Find a seat by school, URN or person').fill('Many School 117');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=Many/);
    await hydrated(page);
    const rows = page.getByRole('table', { name: /^Seats/ }).locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Many School 117');
    // The AGM's meeting register pages the same seats.
    const [{ id: meetingId }] = await db.query(`SELECT id FROM meetings WHERE body_id = $1 ORDER BY starts_at LIMIT 1`, [agmId]);
    await visit(page, `${stack.webUrl}/p/tower-hamlets/governance/meetings/${meetingId}?q=960117`);
    const register = page.getByRole('table', { name: 'Attendance by seat' });
    expect(await register.locator('tbody tr').count()).toBe(1);
    expect(await register.textContent()).toContain('Many School 117');
  }, JOURNEY_TIMEOUT);
});
