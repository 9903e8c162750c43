import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type DataSource, seedImprovement, seedReviews } from '@partnerships/db';
import { type Browser, hydrated, visit } from './support/browser';
import { seedFullGovernanceDemo } from './support/governance';
import { signIn } from './support/journeys';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

/**
 * Issue 14: a page render resolves the session once (the hooks' GET /me, round 1) and then asks
 * the API for everything it needs at once (round 2), never in steps that wait for one answer
 * before asking the next. The web server says how it went in each page's Server-Timing header,
 * `api;desc="4 calls in 2 rounds";dur=12.3`. This suite signs in as demo people, walks every page
 * their links reach (one page per route), and reads that header from each document response.
 */

let stack: Stack;
let browser: Browser;
let db: DataSource;

// The full demo (governance, peer review, school improvement) on top of the small one, so the walk reaches those pages too.
withStackAndBrowser(async (s, b) => {
  stack = s;
  browser = b;
  db = await seedFullGovernanceDemo(stack.databaseUrl);
  const [{ password_hash: hash }] = await db.query(`SELECT password_hash FROM users WHERE email = 'admin@ealing.demo.test'`);
  await db.transaction(async (em) => {
    await seedReviews(em, hash);
    await seedImprovement(em);
  });
});

afterAll(async () => {
  await db?.destroy();
});

/**
 * Routes that still take a third round, and why: in each, one answer names what to ask for next
 * and no route of the API answers both (the school home is being given its own endpoint).
 */
const MORE_ROUNDS: Record<string, string> = {
  '/s/:n/shop': 'without ?tenant=, the partnership shown is the school\'s first active membership, from the layout\'s portal',
  '/s/:n/bookings': 'without ?tenant=, the partnership shown is the school\'s first active membership, from the layout\'s portal',
  '/s/:n/improvement': 'data rounds are asked for per partnership, and the partnerships come from the layout\'s portal',
  '/s/:n/shop/buyback': 'next year\'s prices are asked for on the first day of the window\'s year (guessed at once; asked again when the guess is wrong); without ?tenant= the portal first',
  '/s/:n/confidential-reviews/:id': 'the bodies to share with belong to the partnership the report names',
  '/p/:slug/members/:id': 'the fee and invoices are asked for by the school\'s URN, which only the membership gives',
  '/p/:slug/events/:id': 'one register per session, and the sessions come with the event',
  '/p/:slug/offers/pools': 'one call per pool for its days, and the pools come from the offer list',
  '/p/:slug/governance/motions/:id': 'the proxies are asked for by the motion\'s meeting',
  '/p/:slug/governance/meetings/:id': 'the body and the meetings either side are asked for by the meeting\'s body and day',
  '/p/:slug/fees/planner': 'the scenario is worked out after the schedule only when a rate is solved for (its components name what to solve)',
};

const MAX_ROUNDS = 2;

interface Visited {
  /** A page the walk opened, or a file or API address a page links to (fetched, not followed). */
  kind: 'page' | 'file';
  key: string;
  url: string;
  /** The page whose link led here ('start' for the walk's starting points). */
  from: string;
  status: number | null;
  calls: number | null;
  rounds: number | null;
  timing: string;
}

/** A route's shape, so each is visited once: ids and numbers become placeholders, the query is ignored. */
function routeKey(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ? ':id' : /^\d+$/.test(segment) ? ':n' : segment))
    .join('/');
}

/**
 * What to do with a link: follow it (the product's own pages), fetch it (downloads, files and the
 * API: a GET that must answer too, but has no links to follow), or leave it (other sites, other
 * parts of the product, signing in and out, and links that change something or go to Stripe).
 */
function linkKind(url: URL, origin: string, within: RegExp): 'page' | 'file' | null {
  if (url.origin !== origin) return null;
  const path = url.pathname;
  if (/^\/(login|logout|signup|forgot-password|reset-password)(\/|$)/.test(path)) return null;
  if (['op', 'onboarding', 'check'].some((name) => url.searchParams.has(name))) return null;
  if (/^\/api(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path) || /\/(csv|preview|logo)$/.test(path)) return 'file';
  return within.test(path) ? 'page' : null;
}

function readTiming(header: string | null | undefined): { calls: number; rounds: number } | null {
  const match = /api;desc="(\d+) calls? in (\d+) rounds?"/.exec(header ?? '');
  return match ? { calls: Number(match[1]), rounds: Number(match[2]) } : null;
}

/**
 * Breadth first from `starts`, each route once, up to `budget` pages; then each file or API
 * address those pages link to, once per route, fetched as the same person.
 */
async function walk(page: Page, starts: string[], within: RegExp, budget = 160): Promise<Visited[]> {
  const origin = new URL(stack.webUrl).origin;
  const queue = starts.map((s) => ({ url: new URL(s, origin), from: 'start' }));
  const keys = new Set<string>();
  const files = new Map<string, { url: URL; from: string }>();
  const visited: Visited[] = [];
  while (queue.length && visited.length < budget) {
    const { url, from } = queue.shift()!;
    const key = routeKey(url.pathname);
    if (keys.has(key)) continue;
    keys.add(key);
    const response = await page.goto(url.href, { waitUntil: 'domcontentloaded' });
    const final = new URL(page.url());
    const finalKey = routeKey(final.pathname);
    if (finalKey !== key && keys.has(finalKey) && final.pathname !== url.pathname) continue; // a redirect to a page already seen
    keys.add(finalKey);
    const timing = (await response?.headerValue('server-timing')) ?? '';
    const figures = readTiming(timing);
    const here = final.pathname + final.search;
    visited.push({ kind: 'page', key: finalKey, url: here, from, status: response?.status() ?? null, calls: figures?.calls ?? null, rounds: figures?.rounds ?? null, timing });
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      let next: URL;
      try {
        next = new URL(href, final);
      } catch {
        continue;
      }
      next.hash = '';
      const kind = linkKind(next, origin, within);
      const nextKey = routeKey(next.pathname);
      if (kind === 'page' && !keys.has(nextKey)) queue.push({ url: next, from: here });
      if (kind === 'file' && !files.has(nextKey)) files.set(nextKey, { url: next, from: here });
    }
  }
  for (const [key, { url, from }] of files) {
    const response = await page.request.get(url.href, { maxRedirects: 0 });
    visited.push({ kind: 'file', key, url: url.pathname + url.search, from, status: response.status(), calls: null, rounds: null, timing: '' });
  }
  return visited;
}

function table(visited: Visited[]): string {
  return visited
    .map((v) => (v.kind === 'file' ? `            file  ${v.status ?? '???'}  ${v.url}` : `${String(v.rounds ?? '?').padStart(2)} rounds ${String(v.calls ?? '?').padStart(3)} calls  ${v.status ?? '???'}  ${v.url}`))
    .join('\n');
}

/** Each refused link with the page that showed it. */
function linkTable(visited: Visited[]): string {
  return visited.map((v) => `${v.status ?? '???'}  ${v.url}  (linked from ${v.from})`).join('\n');
}

/** The route with its partnership's name as a placeholder too, as MORE_ROUNDS names routes. */
const generic = (key: string) => key.replace(/^\/p\/[^/]+/, '/p/:slug');

/** Pages over their limit: two rounds, or three for the routes MORE_ROUNDS explains; and any page the server failed to render. */
function tooMany(visited: Visited[]): Visited[] {
  return visited.filter((v) => v.kind === 'page').filter((v) => v.rounds === null || v.rounds > MAX_ROUNDS + (generic(v.key) in MORE_ROUNDS ? 1 : 0) || (v.status ?? 500) >= 500);
}

/**
 * Links the person sees but may not open: a page or file that answers 403 (or any other 4xx:
 * a link to nothing) for the person it was shown to. A page someone may not open is not linked
 * for them; the one exception is a redirect (3xx), e.g. a finished step sending them on.
 */
function refused(visited: Visited[]): Visited[] {
  return visited.filter((v) => v.status !== null && v.status >= 400 && v.status < 500);
}

/** Both checks for one person's walk: no page over its rounds, and no link that is refused. */
function expectWalkClean(visited: Visited[]): void {
  const over = tooMany(visited);
  expect(over, `pages over ${MAX_ROUNDS} rounds:\n${table(over)}`).toEqual([]);
  const dead = refused(visited);
  expect(dead, `links refused to the person shown them:\n${linkTable(dead)}`).toEqual([]);
}

/** A billing run, as an admin does it (dry run, then issue), so there are invoices to visit. */
async function runBilling(page: Page): Promise<void> {
  await visit(page, `${stack.webUrl}/p/ealing/billing/runs`);
  const first = page.locator('#scheduleId option:not([value=""])').first();
  await page.locator('#scheduleId').selectOption((await first.getAttribute('value'))!);
  await page.getByRole('button', { name: 'Check the invoices (dry run)' }).click();
  await page.getByRole('heading', { name: /What would be invoiced for/ }).waitFor();
  await page.getByRole('button', { name: 'Issue invoices' }).click();
  await page.waitForURL((url) => /\/p\/ealing\/billing\/runs\/[^/]+$/.test(url.pathname));
  await hydrated(page);
  await page.getByRole('heading', { name: 'Finished' }).waitFor({ timeout: 90_000 });
}

async function signInFresh(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, stack.webUrl, email);
}

describe('API rounds per page render (Server-Timing)', () => {
  it('every page the Ealing admin reaches asks the API in at most two rounds', async () => {
    const { page } = browser;
    await signInFresh(page, 'admin@ealing.demo.test');
    await runBilling(page);
    const visited = await walk(page, ['/p/ealing', '/p/ealing/members', '/p/ealing/billing/invoices', '/p/ealing/fees', '/p/ealing/governance', '/p/ealing/improvement', '/p/ealing/offers', '/p/ealing/events', '/p/ealing/settings'], /^\/p\//);
    console.log(`Ealing admin, ${visited.length} pages:\n${table(visited)}`);
    // The walk reached the pages that matter most (so the check below means something).
    const keys = new Set(visited.map((v) => v.key));
    for (const key of ['/p/ealing', '/p/ealing/members', '/p/ealing/members/:id', '/p/ealing/billing/invoices', '/p/ealing/billing/invoices/:id', '/p/ealing/billing/runs/:id', '/p/ealing/fees', '/p/ealing/fees/:id', '/p/ealing/fees/planner', '/p/ealing/governance', '/p/ealing/events', '/p/ealing/offers', '/p/ealing/improvement', '/p/ealing/improvement/reviews/:id', '/p/ealing/governance/meetings/:id', '/p/ealing/governance/bodies/:id', '/p/ealing/people']) {
      expect(keys, `the walk should reach ${key}`).toContain(key);
    }
    expect(visited.filter((v) => v.kind === 'page').length).toBeGreaterThan(30);
    expectWalkClean(visited);
  });

  it('so does every page an Ealing officer reaches (no admin-only calls)', async () => {
    const { page } = browser;
    await signInFresh(page, 'officer@ealing.demo.test');
    const visited = await walk(page, ['/p/ealing', '/p/ealing/members', '/p/ealing/fees', '/p/ealing/billing/invoices', '/p/ealing/people'], /^\/p\//, 80);
    console.log(`Ealing officer, ${visited.length} pages:\n${table(visited)}`);
    expect(visited.filter((v) => v.kind === 'page').length).toBeGreaterThan(10);
    expectWalkClean(visited);
  });

  it('so does every page the Tower Hamlets admin reaches (elections, motions, the AGM)', async () => {
    const { page } = browser;
    await signInFresh(page, 'admin@tower-hamlets.demo.test');
    const visited = await walk(page, ['/p/tower-hamlets/governance', '/p/tower-hamlets/billing/invoices', '/p/tower-hamlets/offers'], /^\/p\//, 80);
    console.log(`Tower Hamlets admin, ${visited.length} pages:\n${table(visited)}`);
    const keys = new Set(visited.map((v) => v.key));
    for (const key of ['/p/tower-hamlets/governance/motions/:id', '/p/tower-hamlets/governance/elections/:id']) expect(keys, `the walk should reach ${key}`).toContain(key);
    expectWalkClean(visited);
  });

  it("and every page a headteacher reaches in the school's portal", async () => {
    const { page } = browser;
    const all: Visited[] = [];
    for (const [email, urn] of [
      ['head.920001@demo.test', '920001'],
      ['head.930001@demo.test', '930001'],
      ['head.920002@demo.test', '920002'],
    ] as const) {
      await signInFresh(page, email);
      const visited = await walk(page, [`/s/${urn}`, `/s/${urn}/invoices`, `/s/${urn}/shop`, `/s/${urn}/bookings`, `/s/${urn}/pupil-numbers`, `/s/${urn}/votes`, `/s/${urn}/people`, `/s/${urn}/improvement`, `/s/${urn}/confidential-reviews`], /^\/(s|p|confidential-reviews)(\/|$)/, 60);
      console.log(`${email}, ${visited.length} pages:\n${table(visited)}`);
      all.push(...visited);
    }
    const keys = new Set(all.map((v) => v.key));
    for (const key of ['/s/:n', '/s/:n/partnerships/ealing', '/s/:n/invoices', '/s/:n/invoices/:id', '/s/:n/shop', '/s/:n/bookings', '/s/:n/pupil-numbers', '/s/:n/votes']) {
      expect(keys, `the walk should reach ${key}`).toContain(key);
    }
    expectWalkClean(all);
  });

  it('and every page the other roles reach: finance, an external reviewer, a board chair', async () => {
    const { page } = browser;
    const all: Visited[] = [];
    for (const [email, slug] of [
      ['finance@redbridge.demo.test', 'redbridge'],
      ['reviewer@ealing.demo.test', 'ealing'],
      ['chair@tower-hamlets.demo.test', 'tower-hamlets'],
    ] as const) {
      await signInFresh(page, email);
      const visited = await walk(page, [`/p/${slug}`], /^\/(s|p|confidential-reviews)(\/|$)/, 60);
      console.log(`${email}, ${visited.length} pages and files:\n${table(visited)}`);
      // Each has more than the partnership's front page to walk.
      expect(visited.filter((v) => v.kind === 'page').length, email).toBeGreaterThan(3);
      all.push(...visited);
    }
    expectWalkClean(all);
  });

  it('shows the forms on those pages only to the roles the API lets use them', async () => {
    const { page } = browser;
    const buttons = async (path: string, name: RegExp) => {
      await visit(page, `${stack.webUrl}${path}`);
      return page.getByRole('button', { name }).count();
    };
    // Finance reads the offers and events; admins and officers run them.
    await signInFresh(page, 'finance@redbridge.demo.test');
    expect(await buttons('/p/redbridge/offers', /^(Add the offer|Publish|Archive)/)).toBe(0);
    expect(await page.textContent('main')).toContain('Adding, pricing and publishing offers is for the partnership’s admins and officers.');
    expect(await buttons('/p/redbridge/events', /^Add the event$/)).toBe(0);
    expect(await buttons('/p/redbridge/offers/orders', /^Open the buy-back$/)).toBe(1);
    // Officers read the orders; admins and finance take them.
    await signInFresh(page, 'officer@ealing.demo.test');
    expect(await buttons('/p/ealing/offers/orders', /^(Open the buy-back|Send reminders|Roll over services)/)).toBe(0);
    expect(await buttons('/p/ealing/offers', /^Add the offer$/)).toBe(1);
    expect(await buttons('/p/ealing/events', /^Add the event$/)).toBe(1);
  });

  it('says nothing of rounds on the API behind /api (pages only)', async () => {
    const { page } = browser;
    await signInFresh(page, 'admin@ealing.demo.test');
    const response = await page.request.get(`${stack.webUrl}/api/v1/me`);
    expect(response.status()).toBe(200);
    expect(response.headers()['server-timing'] ?? '').not.toContain('api;desc=');
    const home = await page.goto(`${stack.webUrl}/p/ealing`);
    expect(readTiming(await home?.headerValue('server-timing'))?.calls).toBeGreaterThan(1);
  });
});
