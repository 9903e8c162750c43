import { beforeEach, describe, expect, it } from 'vitest';
import { type Browser, checkPage, visit } from './support/browser';
import { signIn, signOut } from './support/journeys';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
});

/** expect.poll with room for a busy machine (its default is one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('a pupil number far from what is known (issue 13)', () => {
  beforeEach(async () => {
    await browser.context.clearCookies();
  });

  it('waits for the admin to confirm it, then the calculator quotes with it and says which figure it used', async () => {
    const { page } = browser;
    // Before: the calculator uses the register's 210 and says so.
    await visit(page, `${stack.webUrl}/p/ealing/quote?urn=920001`);
    await poll(() => page.locator('.result').textContent()).toContain('210 pupils, from the register (no census figure yet)');

    // The head sends 3,120 (a slip for 312): far from the register's 210.
    await signIn(page, stack.webUrl, 'head.920001@demo.test');
    await visit(page, `${stack.webUrl}/s/920001/pupil-numbers`);
    const partnership = page.locator('#tenantSlug');
    if (await partnership.locator('option[value=""]').count()) await partnership.selectOption('ealing');
    // The newest October census the page offers (the census Ealing prices by).
    const census = (await page.locator('#census option[value$="-10"]').first().getAttribute('value'))!;
    const censusName = `October ${census.slice(0, 4)} census`;
    await page.locator('#census').selectOption(census);
    await page.getByLabel('Number of pupils on roll').fill('3,120');
    await page.getByRole('button', { name: 'Send the correction' }).click();
    await poll(() => page.locator('[role="status"]').first().textContent()).toContain('far from the figure we know');
    await poll(() => page.locator('#history-title + .table-wrap').textContent()).toContain('Waiting for the partnership to check it');
    await signOut(page);

    // The admin sees why it needs checking, and confirms it.
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/pupil-numbers`);
    const waiting = page.locator('.corrections li').filter({ hasText: 'Acton Vale Primary School' });
    expect(await waiting.textContent()).toContain('Check this figure before you confirm it.');
    expect(await waiting.textContent()).toContain('3,120 is far from what we know (the register has 210)');
    await checkPage(page, 'pupil-numbers-01-needs-confirmation');
    await waiting.getByRole('button', { name: 'Confirm 3,120 pupils' }).click();
    await poll(() => page.locator('[role="status"]').first().textContent()).toContain(`Approved: Acton Vale Primary School has 3,120 pupils for the ${censusName}.`);
    await signOut(page);

    // Now the calculator quotes with the confirmed figure, and names it.
    await visit(page, `${stack.webUrl}/p/ealing/quote?urn=920001`);
    await poll(() => page.locator('.result').textContent()).toContain(`3,120 pupils, ${censusName}`);
    await checkPage(page, 'pupil-numbers-02-quote-with-census-figure');
  }, 180_000);
});
