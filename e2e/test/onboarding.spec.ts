import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, checkPage, hydrated, openBrowser, visit } from './support/browser';
import { signIn, signOut } from './support/journeys';
import { linkIn } from './support/mail';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const ADMIN = { name: 'Sam Patel', email: 'sam.patel@newham-partnership.example', password: 'maple kettle orbit lantern' };
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 48"><rect width="160" height="48" rx="6" fill="#1d4f91"/><text x="80" y="32" text-anchor="middle" font-family="sans-serif" font-size="22" font-weight="700" fill="#ffffff">NSP</text></svg>`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const alertText = (page: Page) => page.getByRole('alert').textContent();
const path = (page: Page) => new URL(page.url()).pathname;

/** Click a submit button and wait for the page it leads to (after hydration, so the click is not lost). */
async function submitTo(page: Page, button: string, pathname: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((url) => url.pathname === pathname);
  await hydrated(page);
}

describe('starting a partnership', () => {
  it('takes a newcomer from the home page to a partnership set up with its calendar, categories and branding', async () => {
    const { page } = browser;

    // The public home page says what the product does and how to start.
    await visit(page, `${stack.webUrl}/`);
    expect(path(page)).toBe('/');
    expect(await heading(page)).toBe('Run your education partnership in one place');
    const main = await page.textContent('main');
    expect(main).toContain('For your partnership');
    expect(main).toContain('For your schools');
    expect(await page.getByRole('link', { name: 'Redbridge Education Partnership' }).getAttribute('href')).toBe('/p/redbridge');
    await checkPage(page, 'onboarding-01-home');

    // Sign up: a common password is refused with its reason.
    await page.getByRole('link', { name: 'Start your partnership' }).first().click();
    await page.waitForURL((url) => url.pathname === '/signup');
    await hydrated(page);
    expect(await heading(page)).toBe('Create your account');
    await checkPage(page, 'onboarding-02-signup');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Work e-mail address').fill(ADMIN.email);
    await page.getByLabel('Create a password').fill('Summer2025!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => alertText(page)).toContain('common word with numbers or symbols added');
    expect(await page.getByLabel('Create a password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.title()).toMatch(/^Error: /);
    await checkPage(page, 'onboarding-03-signup-common-password');

    await page.getByLabel('Create a password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => heading(page)).toBe('Check your e-mail');
    expect(await page.getByRole('status').first().textContent()).toContain(ADMIN.email);
    await checkPage(page, 'onboarding-04-check-your-email');

    // Verify from the captured e-mail: a page with a button, so a mail scanner cannot use up the link.
    const mail = await stack.mail.waitFor((m) => m.to.includes(ADMIN.email) && m.raw.includes('/signup/verify'), 30_000);
    const link = linkIn(mail, '/signup/verify');
    expect(new URL(link).origin).toBe(stack.webUrl);
    await visit(page, link);
    expect(await heading(page)).toBe('Confirm your e-mail address');
    await checkPage(page, 'onboarding-05-confirm-email');
    await submitTo(page, 'Confirm and continue', '/partnerships/new');
    expect(await page.locator('header').textContent()).toContain(ADMIN.name);
    expect(await page.getByRole('status').first().textContent()).toContain('Your e-mail address is confirmed');
    await checkPage(page, 'onboarding-06-create-partnership');

    // The web address follows the name, and is checked as it is typed.
    await page.getByLabel('Partnership name').fill('Newham Schools Partnership');
    const slug = page.getByLabel('Web address');
    await expect.poll(() => slug.inputValue()).toBe('newham-schools-partnership');
    const slugStatus = page.locator('#slug-status');
    await expect.poll(() => slugStatus.textContent()).toContain('/p/newham-schools-partnership is free.');
    await slug.fill('admin');
    await expect.poll(() => slugStatus.textContent()).toContain('reserved for the platform');
    await slug.fill('redbridge');
    await expect.poll(() => slugStatus.textContent()).toContain('already taken');
    expect(await page.getByRole('button', { name: 'Use redbridge-2 instead' }).count()).toBe(1);
    await checkPage(page, 'onboarding-07-address-taken');
    await slug.fill('newham');
    await expect.poll(() => slugStatus.textContent()).toContain('/p/newham is free.');

    await page.getByLabel('Local authority areas it serves').fill('Newham');
    await page.getByRole('radio', { name: 'Company limited by guarantee' }).check();
    await page.getByLabel('Contact e-mail address').fill('hello@newham-partnership.example');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    // No template chosen: the form says so and keeps what was typed.
    await page.getByRole('button', { name: 'Create partnership' }).click();
    await expect.poll(() => alertText(page)).toContain('Choose a template to start from');
    expect(await slug.inputValue()).toBe('newham');
    await checkPage(page, 'onboarding-08-create-partnership-errors');
    await page.getByRole('radio', { name: 'Schools-led company' }).check();
    await submitTo(page, 'Create partnership', '/p/newham/setup');

    // The wizard: five steps, progress shown.
    expect(await heading(page)).toBe('Set up Newham Schools Partnership');
    expect(await page.getByRole('status').first().textContent()).toContain('has been created, and you are its admin');
    expect(await page.getByRole('navigation', { name: /Setup: 0 of 5 done/ }).count()).toBe(1);
    await checkPage(page, 'onboarding-09-setup-start');
    await page.getByRole('link', { name: 'Start: Details and branding' }).click();
    await page.waitForURL((url) => url.pathname === '/p/newham/setup/details');
    await hydrated(page);
    expect(await heading(page)).toBe('Details and branding');
    expect(await page.getByLabel('Partnership name').inputValue()).toBe('Newham Schools Partnership');
    await checkPage(page, 'onboarding-10-setup-details');

    // 1. Details and branding: a colour white text cannot be read on is refused, with the reason.
    await page.getByLabel('Description').fill('A schools-owned company for every school in Newham: peer review, networks, training and support when a school needs it.');
    await page.getByLabel('Brand colour (optional)').fill('#ffdd00');
    await expect.poll(() => page.locator('#brandColour-check').textContent()).toContain('hard to read');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => alertText(page)).toContain('hard to read');
    await checkPage(page, 'onboarding-11-setup-details-errors');
    await page.getByLabel('Brand colour (optional)').fill('#1d4f91');
    await expect.poll(() => page.locator('#brandColour-check').textContent()).toContain('easy to read');
    await page.getByLabel('Logo (optional)').setInputFiles({ name: 'newham.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(LOGO) });
    await page.getByLabel('List the partnership in the directory on the home page').check();
    await submitTo(page, 'Save and continue', '/p/newham/setup/calendar');

    // 2. Academic calendar: typical dates are filled in; the partnership says which year it budgets on.
    expect(await heading(page)).toBe('Academic calendar');
    expect(await page.getByRole('navigation', { name: /Setup: 1 of 5 done/ }).count()).toBe(1);
    expect(await page.locator('input[type="date"]').count()).toBe(24);
    await checkPage(page, 'onboarding-12-setup-calendar');
    const firstDay = page.locator('input[type="date"]').first();
    const typicalFirstDay = await firstDay.inputValue();
    await firstDay.fill('');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => alertText(page)).toContain('Give the first day of Autumn 1');
    await checkPage(page, 'onboarding-13-setup-calendar-errors');
    await page.locator('input[type="date"]').first().fill(typicalFirstDay);
    await page.getByRole('radio', { name: 'The financial year' }).check();
    await submitTo(page, 'Save and continue', '/p/newham/setup/categories');

    // 3. Membership categories from the template; one is changed on the way.
    expect(await heading(page)).toBe('Membership categories');
    expect(await page.textContent('main')).toContain('Associate member');
    await checkPage(page, 'onboarding-14-setup-categories');
    await page.getByRole('link', { name: 'Change Full member' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/p/newham/settings/categories/') && url.searchParams.get('from') === 'setup');
    await hydrated(page);
    expect(await heading(page)).toBe('Change Full member');
    await checkPage(page, 'onboarding-15-change-category');
    const includes = page.getByLabel('What membership includes (optional)');
    await includes.fill(`${await includes.inputValue()}\nTermly headteachers’ forum`);
    await submitTo(page, 'Save changes', '/p/newham/setup/categories');
    expect(await page.textContent('main')).toContain('Termly headteachers’ forum');
    await submitTo(page, 'These are right: continue', '/p/newham/setup/colleagues');

    // 4. Colleagues: the step explains what is missing until someone is invited.
    expect(await heading(page)).toBe('Invite colleagues');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => alertText(page)).toContain('Invite at least one colleague');
    await checkPage(page, 'onboarding-16-setup-colleagues-errors');
    await page.getByLabel('E-mail address').fill('finance@newham-partnership.example');
    await page.getByRole('radio', { name: 'Finance', exact: true }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Invitation sent' }).count()).toBe(1);
    await stack.mail.waitFor((m) => m.to.includes('finance@newham-partnership.example'), 30_000);
    await checkPage(page, 'onboarding-17-setup-colleague-invited');
    await submitTo(page, 'Continue', '/p/newham/setup/plan');

    // 5. The plan: the free trial to start.
    expect(await heading(page)).toBe('Choose a plan');
    expect(await page.getByRole('radio', { name: /Free trial/ }).isChecked()).toBe(true);
    await checkPage(page, 'onboarding-18-setup-plan');
    await submitTo(page, 'Save and finish setting up', '/p/newham/setup');
    expect(await heading(page)).toBe('Newham Schools Partnership is set up');
    await checkPage(page, 'onboarding-19-setup-finished');

    // The partnership home: its calendar, categories and branding in place.
    await page.getByRole('link', { name: 'Go to the partnership home' }).click();
    await page.waitForURL((url) => url.pathname === '/p/newham');
    await hydrated(page);
    expect(await heading(page)).toBe('Newham Schools Partnership');
    // The logo is served from the partnership's own address, not carried inside the page.
    const logo = page.getByRole('img', { name: 'Newham Schools Partnership logo' });
    expect(await logo.getAttribute('src')).toBe('/p/newham/logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const terms = page.getByRole('table', { name: /Half terms in/ });
    expect(await terms.textContent()).toContain('Autumn 1');
    expect(await terms.textContent()).toContain('Summer 2');
    expect(await page.textContent('main')).toContain('The partnership budgets on the financial year');
    const categories = page.getByRole('region', { name: 'Membership categories' });
    expect(await categories.textContent()).toContain('Full member');
    expect(await categories.textContent()).toContain('Associate member');
    expect(await page.locator('link[rel="stylesheet"][href^="/brand.css"]').getAttribute('href')).toBe('/brand.css?colour=%231d4f91');
    expect(await page.locator('.partner-stripe').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(29, 79, 145)');
    expect(await page.getByRole('link', { name: 'Finish setting up' }).count()).toBe(0);
    await checkPage(page, 'onboarding-20-partnership-home');

    // Settings: everything the wizard set, and who changed what.
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL((url) => url.pathname === '/p/newham/settings');
    await hydrated(page);
    expect(await page.getByLabel('Brand colour (optional)').inputValue()).toBe('#1d4f91');
    await checkPage(page, 'onboarding-21-settings-details');
    await page.getByLabel('Telephone number (optional)').fill('020 8123 4567');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your changes have been saved.' }).count()).toBe(1);
    for (const [link, name, title] of [
      ['Academic calendar', 'onboarding-22-settings-calendar', 'Academic calendar'],
      ['Membership categories', 'onboarding-23-settings-categories', 'Membership categories'],
      ['Plan', 'onboarding-24-settings-plan', 'Plan'],
      ['History of changes', 'onboarding-25-settings-history', 'History of changes'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: link }).click();
      await expect.poll(() => heading(page)).toBe(title);
      await checkPage(page, name);
    }
    const history = await page.getByRole('table', { name: /Changes, newest first/ }).textContent();
    expect(history).toContain('Changed the partnership’s settings');
    expect(history).toContain('Telephone: 020 8123 4567');
    expect(history).toContain('Brand colour: #1d4f91');
    expect(history).toContain('Saved the term dates for');
    expect(history).toContain('Invited finance@newham-partnership.example as Finance');
    expect(history).toContain(ADMIN.email);

    // Signed out, anyone sees its public page, and the directory lists it.
    await signOut(page);
    await visit(page, `${stack.webUrl}/p/newham`);
    expect(await heading(page)).toBe('Newham Schools Partnership');
    const publicPage = await page.textContent('main');
    expect(publicPage).toContain('A schools-owned company for every school in Newham');
    expect(publicPage).toContain('Termly headteachers’ forum');
    expect(publicPage).toContain('hello@newham-partnership.example');
    expect(publicPage).toContain('020 8123 4567');
    expect(publicPage).not.toContain('Member schools');
    // Its fee schedule is still a draft, so there is nothing to work out yet.
    expect(await page.getByRole('link', { name: 'See what your school would pay' }).count()).toBe(0);
    await checkPage(page, 'onboarding-26-public-page');
    await visit(page, `${stack.webUrl}/?q=Newham`);
    expect(await page.getByRole('link', { name: 'Newham Schools Partnership' }).getAttribute('href')).toBe('/p/newham');
    await checkPage(page, 'onboarding-27-directory-search');
  }, 300_000); // some 35 pages, each checked by axe and photographed

  it("shows a demo partnership's public page, with its colours and a link to work out a school's fee", async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await visit(page, `${stack.webUrl}/p/tower-hamlets`);
    expect(await heading(page)).toBe('Tower Hamlets Education Partnership');
    expect(await page.locator('.hero').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(179, 38, 30)');
    expect(await page.getByRole('link', { name: 'See what your school would pay' }).getAttribute('href')).toBe('/p/tower-hamlets/quote');
    expect(await page.textContent('main')).toContain('Contact');
    expect(await page.getByRole('link', { name: 'hello@tower-hamlets.demo.test' }).getAttribute('href')).toBe('mailto:hello@tower-hamlets.demo.test');
    await checkPage(page, 'onboarding-28-demo-public-page');

    // Signed in without a role there: still the public page, not its staff home.
    await signIn(page, stack.webUrl, 'admin@redbridge.demo.test');
    expect(await visit(page, `${stack.webUrl}/p/tower-hamlets`)).toBe(200);
    expect(await page.getByRole('table', { name: /Member schools/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'See what your school would pay' }).count()).toBe(1);
    await signOut(page);
  });

  it('lets the operator see every partnership, suspend one with a reason and reinstate it', async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await signIn(page, stack.webUrl, 'operator@platform.demo.test');
    expect(path(page)).toBe('/platform');
    const table = page.getByRole('table', { name: 'Partnerships on the platform' });
    const newham = table.getByRole('row').filter({ hasText: 'Newham Schools Partnership' });
    expect(await newham.textContent()).toContain('Finished');
    expect(await newham.textContent()).toContain('Free trial');
    expect(await newham.textContent()).toContain(ADMIN.email);
    await checkPage(page, 'onboarding-29-platform');

    await table.getByRole('link', { name: 'Tower Hamlets Education Partnership' }).click();
    await page.waitForURL((url) => url.pathname === '/platform/partnerships/tower-hamlets');
    await hydrated(page);
    await checkPage(page, 'onboarding-30-platform-partnership');
    await page.getByRole('button', { name: 'Suspend the partnership' }).click();
    await expect.poll(() => alertText(page)).toContain('Give the reason for suspending the partnership');
    await checkPage(page, 'onboarding-31-suspend-needs-reason');
    await page.getByLabel('Reason').fill('Payment for the platform is three months overdue');
    await page.getByRole('button', { name: 'Suspend the partnership' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is suspended' }).count()).toBe(1);
    expect(await page.textContent('main')).toContain('Payment for the platform is three months overdue');
    await checkPage(page, 'onboarding-32-suspended');

    // While suspended: no public page, and its staff are told why they cannot get in.
    await signOut(page);
    expect(await visit(page, `${stack.webUrl}/p/tower-hamlets`)).toBe(200);
    expect(path(page)).toBe('/login');
    await signIn(page, stack.webUrl, 'admin@tower-hamlets.demo.test');
    expect(path(page)).toBe('/p/tower-hamlets');
    expect(await heading(page)).toBe('You cannot see this page');
    expect(await page.textContent('main')).toContain('This partnership is suspended');
    await checkPage(page, 'onboarding-33-suspended-for-staff');
    await signOut(page);

    await signIn(page, stack.webUrl, 'operator@platform.demo.test');
    await visit(page, `${stack.webUrl}/platform/partnerships/tower-hamlets`);
    await page.getByRole('button', { name: 'Reinstate the partnership' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is reinstated' }).count()).toBe(1);
    await checkPage(page, 'onboarding-34-reinstated');
    await signOut(page);
    expect(await visit(page, `${stack.webUrl}/p/tower-hamlets`)).toBe(200);
    expect(await heading(page)).toBe('Tower Hamlets Education Partnership');
  });
});
