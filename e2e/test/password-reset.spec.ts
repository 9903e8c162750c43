import { describe, expect, it } from 'vitest';
import { type Browser, checkPage, visit } from './support/browser';
import { signIn } from './support/journeys';
import { linkIn } from './support/mail';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
});

describe('password reset', () => {
  it('lets someone who forgot their password choose a new one from the e-mailed link and sign in with it', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/login`);
    await page.getByRole('link', { name: 'I have forgotten my password' }).click();
    await page.waitForURL((url) => url.pathname === '/forgot-password');
    await checkPage(page, '20-forgot-password');

    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Enter your e-mail address');

    await page.getByLabel('E-mail address').fill('finance@redbridge.demo.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your e-mail');
    await checkPage(page, '21-check-your-email');

    const mail = await stack.mail.waitFor((m) => m.to.includes('finance@redbridge.demo.test'), 30_000);
    const link = linkIn(mail, '/reset-password');
    await visit(page, link);
    await checkPage(page, '22-choose-new-password');

    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Type the new password again').fill('a different passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The two passwords do not match');
    await checkPage(page, '23-new-password-mismatch');

    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Type the new password again').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your password has been changed');
    await checkPage(page, '24-password-changed');

    await signIn(page, stack.webUrl, 'finance@redbridge.demo.test', 'a brand new passphrase');
    expect(new URL(page.url()).pathname).toBe('/p/redbridge');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Redbridge Education Partnership');
    await checkPage(page, '25-finance-home');
  });
});
