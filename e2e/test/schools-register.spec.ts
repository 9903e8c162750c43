import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atPhoneWidth, type Browser, checkPage, cspViolations, hydrated, visibleWithinWidth, visit } from './support/browser';
import { signIn, signOut } from './support/journeys';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
});

/** The sample file the pages offer (apps/web/static/samples): twelve made-up schools in GIAS's layout. */
const SAMPLE = join(import.meta.dirname, '..', '..', 'apps', 'web', 'static', 'samples', 'gias-sample.csv');
const heading = (page: Browser['page']) => page.getByRole('heading', { level: 1 }).textContent();

describe('getting schools in without a file', () => {
  it('the operator loads the national extract (here the sample file) into the register once', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'operator@platform.demo.test');
    await visit(page, `${stack.webUrl}/platform`);
    await page.getByRole('link', { name: /School register/ }).click();
    await page.waitForURL((url) => url.pathname === '/platform/register');
    await hydrated(page);
    expect(await heading(page)).toBe('School register');
    // The check every page gets can fail: an inline style attribute is blocked and reported.
    expect(await cspViolations(page)).toEqual([]);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<span style="color: red">blocked</span>'));
    await expect.poll(() => cspViolations(page)).toEqual([expect.stringContaining('style-src-attr')]);
    await visit(page, `${stack.webUrl}/platform/register`);
    expect(await page.getByRole('link', { name: 'GIAS downloads page' }).getAttribute('href')).toBe('https://get-information-schools.service.gov.uk/Downloads');
    await checkPage(page, 'register-01-operator');

    await page.getByLabel('GIAS establishment file (CSV)').setInputFiles(SAMPLE);
    await page.getByRole('button', { name: 'Load into the register' }).click();
    const row = page.getByRole('row', { name: /gias-sample\.csv/ });
    // The page follows the load by itself until it has finished.
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Finished');
    expect((await row.locator('td').allTextContents()).slice(2)).toEqual(['12', '11', '0', '0', '1']);
    await checkPage(page, 'register-02-loaded');
    await signOut(page);
  });

  it('a partnership finds the GIAS download and a sample on the import page, and picks schools from the register by local authority', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@redbridge.demo.test');
    await visit(page, `${stack.webUrl}/p/redbridge/imports`);
    const upload = page.getByRole('region', { name: 'Upload a GIAS file' });
    expect(await upload.getByRole('link', { name: 'GIAS downloads page' }).getAttribute('href')).toBe('https://get-information-schools.service.gov.uk/Downloads');
    expect(await upload.textContent()).toContain('Establishment fields');
    const sample = upload.getByRole('link', { name: 'sample file' });
    const response = await page.request.get(new URL((await sample.getAttribute('href'))!, stack.webUrl).toString());
    expect(response.status()).toBe(200);
    expect((await response.text()).split('\n')[0]).toMatch(/^URN,LA \(code\),LA \(name\),EstablishmentNumber,EstablishmentName,/);
    await checkPage(page, 'register-03-import-page');

    // The register is already loaded: no file needed.
    await page.getByRole('link', { name: 'Choose your schools from the register by local authority' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/imports/prospects');
    await hydrated(page);
    await page.getByRole('checkbox', { name: /^Exampleton \(4 open\)/ }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    const chosen = page.getByRole('group', { name: 'Schools to add' });
    await chosen.waitFor();
    // Each school is named, ticked to start with.
    const names = await chosen.locator('label').allTextContents();
    expect(names).toEqual(['Example Bridge Primary School', 'Example Green All-Through School', 'Example Hill, Lower School', 'Example Park High School']);
    expect(await chosen.textContent()).toContain('URN 991010');
    await checkPage(page, 'register-04-preview-named');

    await chosen.getByRole('checkbox', { name: 'Example Park High School' }).uncheck();
    await page.getByRole('button', { name: 'Add the ticked schools as prospects' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Added 3 schools as prospects.');
    await checkPage(page, 'register-05-added');

    await page.getByRole('link', { name: 'See your prospects and invite them' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/members');
    await hydrated(page);
    const list = page.getByRole('table', { name: /Schools on the list/ });
    expect(await list.textContent()).toContain('Example Bridge Primary School');
    expect(await list.textContent()).not.toContain('Example Park High School');
    // Nothing has been invited yet, and the page does not say that nothing was.
    expect(await page.textContent('main')).not.toContain('No schools were invited');

    // At a phone's width every school's status is still shown, inside the screen.
    await atPhoneWidth(page, async () => {
      expect(await visibleWithinWidth(page, 'table.stack td.status')).toBeGreaterThan(0);
      expect(await visibleWithinWidth(page, 'table.stack tbody th')).toBeGreaterThan(0);
      await checkPage(page, 'register-06-members-390');
    });
  });
});
