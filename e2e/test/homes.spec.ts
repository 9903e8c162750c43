import { describe, expect, it } from 'vitest';
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

describe('partnership and school homes', () => {
  it('sends a signed-out visitor to sign in, and explains a wrong password beside the form', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/redbridge/people`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkPage(page, '01-sign-in');

    await page.getByLabel('E-mail address').fill('admin@redbridge.demo.test');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('The e-mail address or password is not right.');
    // The summary takes focus, and its link leads to the field.
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain('error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    await checkPage(page, '02-sign-in-wrong-password');
  });

  it('shows the Redbridge admin their partnership home with its schools, and only the public page of Ealing', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@redbridge.demo.test');
    expect(new URL(page.url()).pathname).toBe('/p/redbridge');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Redbridge Education Partnership');
    const table = page.getByRole('table', { name: /Member schools/ });
    expect(await table.getByRole('row').count()).toBe(7); // header + 6 demo schools
    expect(await table.textContent()).toContain('Aldborough Hatch Primary School');
    expect(await table.textContent()).toContain('910005');
    const phaseChart = page.getByRole('img', { name: /Member schools by phase/ });
    expect(await phaseChart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await phaseChart.locator('desc').textContent()).toContain('Primary: 4 schools');
    await checkPage(page, '03-partnership-home');

    await page.getByLabel('Search by school name or URN').fill('Fairlop');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Fairlop');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.textContent()).toContain('Fairlop Vale Special School');
    await checkPage(page, '04-partnership-search');

    const status = await visit(page, `${stack.webUrl}/p/no-such-partnership`);
    expect(status).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await checkPage(page, '05-not-found');

    // Another partnership: only its public page, none of its own figures or schools.
    expect(await visit(page, `${stack.webUrl}/p/ealing`)).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ealing Learning Partnership');
    expect(await page.getByRole('table', { name: /Member schools/ }).count()).toBe(0);
    expect(await page.textContent('main')).not.toContain('Your roles');
    expect(await visit(page, `${stack.webUrl}/p/ealing/people`)).toBe(404);

    await visit(page, `${stack.webUrl}/p/redbridge/people`);
    expect(await page.getByRole('table', { name: /Staff/ }).textContent()).toContain('finance@redbridge.demo.test');
    await checkPage(page, '06-people');

    await signOut(page);
    expect(await page.getByRole('status').first().textContent()).toContain('You have signed out.');
    await checkPage(page, '06b-signed-out');
    const after = await visit(page, `${stack.webUrl}/p/redbridge/people`);
    expect(after).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it("shows a head their school's home with its partnerships", async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'head.910001@demo.test');
    expect(new URL(page.url()).pathname).toBe('/s/910001');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Aldborough Hatch Primary School');
    const details = await page.textContent('main');
    expect(details).toContain('Community school');
    expect(details).toContain('IG2 7AA');
    const memberships = page.getByRole('table', { name: /Partnerships Aldborough Hatch Primary School belongs to/ });
    expect(await memberships.textContent()).toContain('Redbridge Education Partnership');
    expect(await memberships.textContent()).toContain('Full member');
    // A head has no partnership role: no switcher, and the partnership home is not theirs.
    expect(await page.locator('details.switcher').count()).toBe(0);
    await checkPage(page, '07-school-home');

    expect(await visit(page, `${stack.webUrl}/s/920001`)).toBe(404);
    await checkPage(page, '07b-other-school-not-found');
    // The partnership's home is not theirs: they see its public page.
    expect(await visit(page, `${stack.webUrl}/p/redbridge`)).toBe(200);
    expect(await page.getByRole('table', { name: /Member schools/ }).count()).toBe(0);
    expect(await page.textContent('main')).toContain('Membership');
    await checkPage(page, '07c-partnership-public-page-for-head');
    expect(await visit(page, `${stack.webUrl}/p/redbridge/people`)).toBe(404);
    await signOut(page);
  });

  it('shows a platform operator the partnerships on the platform', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'operator@platform.demo.test');
    expect(new URL(page.url()).pathname).toBe('/platform');
    const table = page.getByRole('table', { name: 'Partnerships on the platform' });
    for (const name of ['Redbridge Education Partnership', 'Ealing Learning Partnership', 'Tower Hamlets Education Partnership']) {
      expect(await table.textContent()).toContain(name);
    }
    await checkPage(page, '08-platform');
    await signOut(page);
  });
});
