import { describe, expect, it } from 'vitest';
import { type Browser, checkPage, visit } from './support/browser';
import { signIn, signOut } from './support/journeys';
import { decodeQuotedPrintable, linkIn } from './support/mail';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
});

/** As the Redbridge admin: invite someone from the People page and return the link they are e-mailed. */
async function invite(email: string, roleLabel: string, screenshot?: string): Promise<string> {
  const { page } = browser;
  await visit(page, `${stack.webUrl}/p/redbridge/people`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('radio', { name: roleLabel, exact: true }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Invitation sent' }).count()).toBe(1);
  expect(await page.getByRole('status').filter({ hasText: 'Invitation sent' }).textContent()).toContain(email);
  if (screenshot) await checkPage(page, screenshot);
  const mail = await stack.mail.waitFor((m) => m.to.includes(email), 30_000);
  // The e-mail names the partnership and the role.
  expect(decodeQuotedPrintable(mail.raw)).toContain(`to join Redbridge Education Partnership as ${roleLabel.toLowerCase()}`);
  return linkIn(mail, '/invitations/accept');
}

describe('invitations', () => {
  it('lets an admin invite a colleague, who accepts from the e-mailed link and lands on the partnership home', async () => {
    const { page, context } = browser;
    await signIn(page, stack.webUrl, 'admin@redbridge.demo.test');

    // An empty form: each problem is listed at the top and beside its field.
    await visit(page, `${stack.webUrl}/p/redbridge/people`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Enter the e-mail address of the person to invite');
    expect(await summary.textContent()).toContain('Choose a role');
    expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '10-invite-errors');

    // A malformed address: the API's field message is shown beside the field.
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.getByRole('radio', { name: 'Officer', exact: true }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => summary.textContent()).toContain('Enter an e-mail address in the right format');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');

    const link = await invite('new.officer@redbridge.example', 'Officer', '11-invitation-sent');
    expect(new URL(link).origin).toBe(stack.webUrl);

    // The colleague opens the link in their own browser (no session).
    await signOut(page);
    await context.clearCookies();
    await visit(page, link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Accept your invitation');
    // The page says which partnership and which role, and for whom.
    const lead = await page.locator('main .lead').textContent();
    expect(lead).toContain('You have been invited to join Redbridge Education Partnership as Officer');
    expect(await page.textContent('main')).toContain('The invitation is for new.officer@redbridge.example.');
    await checkPage(page, '12-accept-invitation');
    await page.getByLabel('Your full name').fill('Nia Newcomer');
    await page.getByLabel('Password', { exact: true }).fill('three random words');
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Redbridge Education Partnership');
    expect(await page.locator('header').textContent()).toContain('Nia Newcomer');
    expect(await page.textContent('main')).toContain('Officer');
    await checkPage(page, '13-new-officer-home');

    // The link cannot be used twice.
    await signOut(page);
    await visit(page, link);
    await page.getByLabel('Your full name').fill('Somebody Else');
    await page.getByLabel('Password', { exact: true }).fill('another long password');
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This invitation cannot be used');
    expect(await page.getByRole('status').textContent()).toContain('has already been used');
    await checkPage(page, '14-invitation-used');
  });

  it('gives someone with roles in two partnerships a switcher between them', async () => {
    const { page, context } = browser;
    await signIn(page, stack.webUrl, 'admin@redbridge.demo.test');
    const link = await invite('admin@ealing.demo.test', 'Reviewer');
    await signOut(page);
    await context.clearCookies();

    // Someone who already has an account accepts with their existing password.
    await visit(page, link);
    await page.getByLabel('Password', { exact: true }).fill('partnerships-demo');
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge');

    const switcher = page.locator('details.switcher');
    expect(await switcher.locator('summary').textContent()).toContain('Redbridge Education Partnership');
    await switcher.locator('summary').click();
    await expect.poll(() => switcher.getAttribute('open')).not.toBeNull();
    expect(await switcher.getByRole('link', { name: /Redbridge Education Partnership/ }).getAttribute('aria-current')).toBe('page');
    await checkPage(page, '15-switcher-open');

    await switcher.getByRole('link', { name: 'Ealing Learning Partnership' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ealing Learning Partnership');
    await expect.poll(() => switcher.getAttribute('open')).toBeNull();
    expect(await switcher.locator('summary').textContent()).toContain('Ealing Learning Partnership');
    await checkPage(page, '16-switched-to-ealing');

    // Signing in again lands on a chooser, since there is more than one place to go.
    await signOut(page);
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose where to go');
    expect(await page.getByRole('link', { name: 'Ealing Learning Partnership' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Redbridge Education Partnership' }).count()).toBeGreaterThan(0);
    await checkPage(page, '17-chooser');
  });
});
