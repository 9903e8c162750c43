import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM_PATH } from './paths';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a throwaway profile (optionally with JavaScript off, to test pages without it). */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'partnerships-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another): ${(error as Error).message}`);
  }
  // Every Content-Security-Policy violation on any page is recorded, for checkPage to refuse.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (${e.sample})` : ''} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    });
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The app marks <html data-hydrated> once Svelte has taken over the server-rendered page;
 * a click before that can be lost (STACK-NOTES pitfall 8).
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
}

export async function visit(page: Page, url: string): Promise<number | null> {
  const response = await page.goto(url, { waitUntil: 'load' });
  await hydrated(page);
  return response?.status() ?? null;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Every page a test visits goes through here: axe must find no WCAG 2.2 AA violation,
 * and a full-page screenshot is kept under e2e/artifacts/ for people to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await hydrated(page);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const blocked = await cspViolations(page);
  if (blocked.length) throw new Error(`Content-Security-Policy violations on "${name}" (${page.url()}):\n${blocked.join('\n')}`);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length) {
    const report = results.violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
      .join('\n');
    throw new Error(`Accessibility violations on "${name}" (${page.url()}):\n${report}`);
  }
}

/** What the Content-Security-Policy blocked on the current page since it loaded (the init script above records it). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * At a phone's width (390 px): each of `cells` (e.g. a table's amount and status cells) must be
 * shown, and lie wholly inside the viewport without scrolling sideways.
 */
export async function visibleWithinWidth(page: Page, selector: string, width = 390): Promise<number> {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { left: r.left + window.scrollX, right: r.right + window.scrollX, width: r.width, hidden: style.display === 'none' || style.visibility === 'hidden', text: (el.textContent ?? '').trim() };
    }),
  );
  if (boxes.length === 0) throw new Error(`Nothing matches ${selector}`);
  for (const box of boxes) {
    if (box.hidden || box.width === 0) throw new Error(`${selector} "${box.text}" is hidden at ${width} px`);
    if (box.left < 0 || box.right > width + 0.5) throw new Error(`${selector} "${box.text}" lies outside the ${width} px screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
  }
  return boxes.length;
}

/** Runs `check` with the window at a phone's width (390 × 844), then puts it back. */
export async function atPhoneWidth(page: Page, check: () => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await check();
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}
