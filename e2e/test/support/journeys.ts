import type { Page } from 'playwright-core';
import { checkPage, visit } from './browser';

export const DEMO_PASSWORD = 'partnerships-demo';

/** Sign in through the form, as a person would, and wait until the page has moved on. */
export async function signIn(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD, screenshot?: string): Promise<void> {
  await visit(page, `${webUrl}/login`);
  if (screenshot) await checkPage(page, screenshot);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}
