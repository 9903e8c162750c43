import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from '@partnerships/db';
import { type Browser, checkPage, hydrated, visit } from './support/browser';
import { seedFullGovernanceDemo } from './support/governance';
import { signIn } from './support/journeys';
import { ARTIFACTS } from './support/paths';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;
let db: DataSource;

const ADMIN = 'admin@ealing.demo.test';
const BOARD = 'Ealing Learning Partnership Board';
const state = { headEmail: '', headName: '' };

withStackAndBrowser(async (s, b) => {
  stack = s;
  browser = b;
  db = await seedFullGovernanceDemo(stack.databaseUrl);
  // A headteacher who sits on Ealing's board (the demo seats eight), to approve minutes and subscribe to her meetings.
  const [head] = await db.query(
    `SELECT u.email, u.name FROM seat_holdings h JOIN users u ON u.id = h.user_id JOIN bodies b ON b.id = h.body_id
     WHERE b.name = $1 AND h.ends_on IS NULL AND u.email LIKE 'head.%' ORDER BY u.email LIMIT 1`,
    [BOARD],
  );
  state.headEmail = head.email;
  state.headName = head.name;
});

afterAll(async () => {
  await db?.destroy();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !browser) return;
  await browser.page.screenshot({ path: join(ARTIFACTS, `governance-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
  console.error(`Failed at ${browser.page.url()}\n${stack?.logs() ?? ''}`);
});

/** These journeys visit many pages, each checked by axe; on a busy machine they need more than the default two minutes. */
const JOURNEY_TIMEOUT = 300_000;
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });
const heading = async (page: Page) => ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
const notice = (page: Page) => page.locator('.notice[role="status"]').first();

/** Each journey signs in afresh, so one failing does not leave the next signed in as someone else. */
async function as(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, stack.webUrl, email);
}

/** The board's next two planned meetings (the demo plans this year and next on the term dates). */
async function nextBoardMeetings(): Promise<{ id: string }[]> {
  return db.query(
    `SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.name = $1 AND m.starts_at > now() AND m.status = 'scheduled' ORDER BY m.starts_at LIMIT 2`,
    [BOARD],
  );
}

describe('governance at Ealing', () => {
  it('shows the board, six committees and the clusters, and adds a forum whose seats are filled by a rule', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing`);
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Governance' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/governance');
    await hydrated(page);
    expect(await heading(page)).toBe('Governance');
    const bodies = page.getByRole('table', { name: /Bodies/ });
    const text = (await bodies.textContent()) ?? '';
    for (const name of [BOARD, 'Learning & Achievement Committee', 'Safeguarding & Wellbeing Committee', 'SEN & Inclusion Committee', 'Progression & Pathways Committee', 'Recruitment & Retention Committee', 'Building Sustainable Schools Committee', 'Acton Primary Cluster', 'Southall Primary Cluster']) {
      expect(text).toContain(name);
    }
    await checkPage(page, 'g01-governance-bodies');

    // The board: eight headteachers by area and phase, and four council officers who do not vote.
    await bodies.getByRole('link', { name: BOARD }).click();
    await page.waitForURL(/\/p\/ealing\/governance\/bodies\/[0-9a-f-]{36}$/);
    await hydrated(page);
    expect(await heading(page)).toBe(BOARD);
    const seats = page.getByRole('table', { name: /^Seats/ });
    expect(await seats.locator('tbody tr').filter({ hasText: 'Headteacher board member' }).count()).toBe(8);
    expect(await seats.locator('tbody tr').filter({ hasText: 'Council officer' }).filter({ hasText: 'Non-voting' }).count()).toBe(4);
    expect(await page.locator('#rules + ul').textContent()).toContain('8 elected seats (reserved: 4 for Primary headteachers');
    await checkPage(page, 'g02-board');

    // A new body: nothing typed is refused beside the field.
    await visit(page, `${stack.webUrl}/p/ealing/governance`);
    await page.getByRole('button', { name: 'Add body' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Give the body a name');
    await checkPage(page, 'g03-add-body-errors');
    await page.getByLabel('Name', { exact: true }).fill('SEND Forum');
    await page.getByLabel('Kind of body').selectOption('forum');
    await page.getByLabel('Purpose (optional)').fill('Special school headteachers and the council’s SEND lead share practice.');
    await page.getByLabel(BOARD).check();
    await page.getByRole('button', { name: 'Add body' }).click();
    await page.waitForURL(/\/governance\/bodies\/[0-9a-f-]{36}\?created=1$/);
    await hydrated(page);
    expect(await heading(page)).toBe('SEND Forum');
    expect(await page.locator('dl.summary').first().textContent()).toContain(BOARD);

    // A seat rule: all special school headteachers. The seats fill at once.
    await page.getByLabel('Seat label').fill('Special school headteacher');
    await page.getByLabel('How the seats are filled').selectOption('role_at_schools');
    await page.getByLabel('Phase', { exact: true }).selectOption('special');
    await page.getByLabel('Vote', { exact: true }).selectOption('voting');
    await page.getByRole('button', { name: 'Add seat rule' }).click();
    await eventually(() => notice(page).textContent()).toContain('Seat rule “Special school headteacher” added');
    const forumSeats = page.getByRole('table', { name: /^Seats/ }).locator('tbody tr').filter({ hasText: 'Special school headteacher' });
    expect(await forumSeats.count()).toBeGreaterThan(0);
    expect(await forumSeats.filter({ hasText: 'Empty' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Seat history' }).textContent()).toContain('Special school headteacher');
    await checkPage(page, 'g04-forum-seats-by-rule');

    // Its terms of reference, versioned.
    await page.getByRole('link', { name: /Read the terms of reference/ }).click();
    await page.waitForURL(/\/terms$/);
    await hydrated(page);
    await page.getByLabel('Terms of reference', { exact: true }).fill('# SEND Forum\n\nMeets termly. Quorum: half of the voting members.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await eventually(() => notice(page).textContent()).toContain('Version 1 saved.');
    await checkPage(page, 'g05-terms-of-reference');
  }, JOURNEY_TIMEOUT);

  it('plans next year’s meetings on the partnership’s term dates, once', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    const now = new Date();
    const year = (now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) + 1;
    await visit(page, `${stack.webUrl}/p/ealing/governance/meetings?year=${year}`);
    expect(await heading(page)).toBe(`Meetings ${year} to ${year + 1}`);
    await page.getByRole('button', { name: `Plan meetings for ${year} to ${year + 1}` }).click();
    await eventually(() => notice(page).textContent()).toMatch(new RegExp(`${year} to ${year + 1} planned: \\d+ new (meeting|meetings), \\d+ already planned`));
    // Planning again adds nothing.
    await page.getByRole('button', { name: `Plan meetings for ${year} to ${year + 1}` }).click();
    await eventually(() => notice(page).textContent()).toContain(': 0 new meetings');
    await checkPage(page, 'g06-meetings-next-year');

    // Every meeting falls inside its half term, as the partnership's calendar has it.
    const calendar = (await (await page.request.get(`${stack.webUrl}/api/v1/tenants/ealing/calendar/${year}`)).json()) as { halfTerms: { name: string; start: string; end: string }[] };
    const meetings = (await (await page.request.get(`${stack.webUrl}/api/v1/tenants/ealing/meetings?from=${year}-09-01&to=${year + 1}-08-31`)).json()) as { items: { startsAt: string; halfTerm: string; bodyName: string }[] };
    expect(meetings.items.length).toBeGreaterThan(20);
    const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const m of meetings.items) {
      const term = calendar.halfTerms.find((h) => h.name === m.halfTerm);
      expect(term, `${m.bodyName} on ${m.startsAt}`).toBeTruthy();
      const day = londonDay.format(new Date(m.startsAt));
      expect(day >= term!.start && day <= term!.end, `${m.bodyName} on ${day} in ${m.halfTerm}`).toBe(true);
    }
    const autumn1 = page.getByRole('region', { name: /^Autumn 1/ });
    expect(await autumn1.getByRole('link', { name: BOARD }).count()).toBeGreaterThan(0);
  }, JOURNEY_TIMEOUT);

  it('runs a board meeting: agenda and papers, a deputy standing in, quorum, minutes approved at the next meeting and an action carried over', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    const [first, second] = await nextBoardMeetings();
    expect(first && second).toBeTruthy();
    await visit(page, `${stack.webUrl}/p/ealing/governance/meetings/${first!.id}`);
    expect(await heading(page)).toBe(BOARD);
    await page.getByRole('button', { name: 'Add standing items and the year’s items' }).click();
    await eventually(() => notice(page).textContent()).toContain('The agenda now has its standing items');
    expect(await page.locator('ol.agenda').textContent()).toContain('Actions from previous meetings');

    await page.getByLabel('Title of the paper').fill('Draft budget for next year');
    await page.getByLabel('Web address (optional)').fill('https://example.org/ealing/budget.pdf');
    await page.getByRole('button', { name: 'Attach paper' }).click();
    await eventually(() => notice(page).textContent()).toContain('Paper “Draft budget for next year” attached.');
    expect(await page.getByRole('link', { name: 'Draft budget for next year' }).count()).toBe(1);

    // Attendance per seat: one deputy standing in, one apology with a reason, the rest present.
    const rows = page.getByRole('table', { name: 'Attendance by seat' }).locator('tbody tr');
    const count = await rows.count();
    expect(count).toBe(12);
    for (let i = 0; i < count; i++) await page.locator(`#status-${i}`).selectOption(i === 1 ? 'deputy' : i === 2 ? 'apologies' : 'present');
    const deputyName = (await page.locator('#deputy-1 option').nth(1).textContent())!.trim();
    await page.locator('#deputy-1').selectOption({ index: 1 });
    await page.locator('#reason-2').fill('Ofsted inspection at school');
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await eventually(() => notice(page).textContent()).toContain('Attendance saved.');
    expect(await page.locator('.quorum').textContent()).toContain('Quorate');
    expect(await page.locator('#status-1').inputValue()).toBe('deputy');
    expect(await page.locator('#deputy-1 option:checked').textContent()).toBe(deputyName);
    await checkPage(page, 'g07-meeting-attendance');

    await page.getByLabel('What is to be done').fill('Collect cluster data for the spring review');
    await page.getByLabel('Owner (optional)').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Record action' }).click();
    await eventually(() => notice(page).textContent()).toContain('Action “Collect cluster data for the spring review” recorded.');

    await page.getByLabel('Draft minutes').fill('Present: see attendance. The board agreed the draft budget in principle.');
    await page.getByLabel('Circulate them to the body now').check();
    await page.getByRole('button', { name: 'Save minutes' }).click();
    await eventually(() => notice(page).textContent()).toContain('Minutes saved and circulated to the body.');
    expect(await page.getByRole('region', { name: 'Minutes of this meeting' }).textContent()).toContain('Circulated');
    await checkPage(page, 'g08-meeting-minutes');

    // At the next meeting, a member of the board approves them; the open action is carried over.
    await as(page, state.headEmail);
    await visit(page, `${stack.webUrl}/p/ealing/governance/meetings/${second!.id}`);
    const previous = page.getByRole('region', { name: /Minutes of the previous meeting/ });
    expect(await previous.textContent()).toContain('Circulated');
    await previous.getByRole('button', { name: /Approve the minutes of/ }).click();
    await eventually(() => notice(page).textContent()).toContain('The minutes of the previous meeting are approved');
    expect(await page.getByRole('region', { name: /Minutes of the previous meeting/ }).textContent()).toContain('Approved at this meeting');
    expect(await page.locator('ol.agenda').textContent()).toContain('Minutes of the meeting on');
    const carried = page.getByRole('table', { name: /Open actions/ }).locator('tr', { hasText: 'Collect cluster data for the spring review' });
    expect(await carried.textContent()).toContain('Carried over from');
    await checkPage(page, 'g09-next-meeting-approves-minutes');

    await visit(page, `${stack.webUrl}/p/ealing/governance/meetings/${first!.id}`);
    expect(await page.getByRole('region', { name: 'Minutes of this meeting' }).textContent()).toContain('Approved');
  }, JOURNEY_TIMEOUT);

  it('gives a board member her governance on her home page and a calendar address she can revoke', async () => {
    const { page } = browser;
    await as(page, state.headEmail);
    await visit(page, `${stack.webUrl}/p/ealing`);
    const panel = page.getByRole('region', { name: 'Your governance' });
    expect(await panel.textContent()).toContain(BOARD);
    await panel.getByRole('link', { name: /Your meetings calendar/ }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/governance/mine');
    await hydrated(page);
    const address = await page.getByLabel('Calendar address').inputValue();
    expect(address).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await page.request.get(address.replace(/^https?:\/\/[^/]+/, stack.webUrl));
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await checkPage(page, 'g10-my-governance-calendar');

    await page.getByRole('button', { name: 'Stop this address working' }).click();
    await eventually(() => notice(page).textContent()).toContain('The old address no longer works.');
    expect(await page.getByLabel('Calendar address').inputValue()).not.toBe(address);
    expect((await page.request.get(address.replace(/^https?:\/\/[^/]+/, stack.webUrl))).status()).toBe(404);

    // Her school's home shows the same, with the school's seats across the partnership's bodies.
    const urn = state.headEmail.match(/^head\.(\d{6})@/)![1]!;
    await visit(page, `${stack.webUrl}/s/${urn}`);
    const schoolPanel = page.getByRole('region', { name: 'Your governance' });
    expect(await schoolPanel.textContent()).toContain(BOARD);
    expect(await schoolPanel.textContent()).toContain('Your school on Ealing Learning Partnership’s bodies');
    await checkPage(page, 'g11-school-home-governance');
  }, JOURNEY_TIMEOUT);

  it('draws the structure with the board above the clusters, with the same picture in words', async () => {
    const { page } = browser;
    await as(page, ADMIN);
    await visit(page, `${stack.webUrl}/p/ealing/governance/structure`);
    expect(await heading(page)).toBe('How Ealing Learning Partnership is governed');
    const svg = page.locator('.diagram svg[role="img"]');
    expect(await svg.locator('title').first().textContent()).toContain('is governed');
    const board = await svg.locator('text', { hasText: /^Ealing Learning/ }).first().boundingBox();
    const cluster = await svg.locator('text', { hasText: /^Acton/ }).first().boundingBox();
    expect(board && cluster && board.y < cluster.y).toBe(true);
    const inWords = page.locator('ul.tree > li', { hasText: BOARD });
    expect(await inWords.locator('ul a', { hasText: 'Acton Primary Cluster' }).count()).toBe(1);
    await checkPage(page, 'g12-structure');

    // Usable on a phone: nothing but the diagram scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/p/ealing/governance', '/p/ealing/governance/structure', '/p/ealing/governance/meetings']) {
      await visit(page, `${stack.webUrl}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await checkPage(page, 'g13-structure-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, JOURNEY_TIMEOUT);
});
