import { readFileSync } from 'node:fs';
import { createDataSource, type DataSource } from '@partnerships/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, checkPage, hydrated, openBrowser, visit } from './support/browser';
import type { Page } from 'playwright-core';
import { signIn } from './support/journeys';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let browser: Browser;
let db: DataSource;

const TEACHER = 'teacher.920001@demo.test';
const BUSINESS_MANAGER = 'business.920001@demo.test';
const HEAD = 'head.920001@demo.test';
const COURSE = 'Science subject leaders’ network';

/** The next person signs in afresh: the session cookie is dropped (as signing out would end it). */
const leave = (page: Page) => page.context().clearCookies();

/** expect.poll with room for a busy machine and for Stripe's webhooks to arrive. */
const poll = <T>(fn: () => T | Promise<T>, timeout = 30_000) => expect.poll(fn, { timeout, interval: 500 });

beforeAll(async () => {
  stack = await startStack({ stripe: true });
  browser = await openBrowser();
  // A teacher and a business manager at Acton Vale Primary School (Ealing), with the demo password.
  db = createDataSource({ url: stack.databaseUrl, embedded: false });
  await db.initialize();
  const [{ password_hash: hash }] = await db.query(`SELECT password_hash FROM users WHERE email = $1`, [HEAD]);
  const [{ id: schoolId }] = await db.query(`SELECT id FROM schools WHERE urn = '920001'`);
  for (const [email, name, role] of [[TEACHER, 'Tara Teacher', 'staff'], [BUSINESS_MANAGER, 'Bola Business', 'business-manager']]) {
    const [{ id }] = await db.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`, [email, name, hash]);
    await db.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, $3)`, [schoolId, id, role]);
  }
});

// Each journey signs in afresh, whatever the one before left behind.
beforeEach(async () => {
  await browser.page.context().clearCookies();
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await stack?.stop();
});

describe('offers: a catalogue, the annual buy-back and CPD courses booked by staff and approved by their school', () => {
  it('a partnership publishes a traded service with member and non-member prices', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    // Stripe connected, so schools can pay their invoices by card later on.
    await visit(page, `${stack.webUrl}/p/ealing/billing`);
    await page.getByRole('button', { name: 'Connect Stripe' }).click();
    await page.waitForURL((url) => url.origin === stack.stripeUrl);
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/billing/stripe');

    await visit(page, `${stack.webUrl}/p/ealing/offers`);
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Offers' }).waitFor();
    await checkPage(page, 'offers-catalogue');
    // A mistake first: the error is explained beside the field.
    await page.getByLabel('Kind of offer', { exact: true }).selectOption('traded_service');
    await page.getByLabel('Title', { exact: true }).fill('Behaviour support visit');
    await page.getByLabel('Priced', { exact: true }).selectOption('per_day');
    await page.getByLabel('Member price in pounds (optional)', { exact: true }).fill('four hundred');
    await page.getByRole('button', { name: 'Add the offer' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(page, 'offers-catalogue-error');
    await page.getByLabel('Member price in pounds (optional)', { exact: true }).fill('400');
    await page.getByLabel('Non-member price in pounds (optional)', { exact: true }).fill('550');
    await page.getByLabel('Show it in the public catalogue', { exact: true }).check();
    await page.getByRole('button', { name: 'Add the offer' }).click();
    await page.getByText('Behaviour support visit was added as a draft').waitFor();
    await page.getByRole('button', { name: 'Publish Behaviour support visit' }).click();
    await page.getByText('Behaviour support visit is published.').waitFor();
    const row = page.getByRole('row', { name: /Behaviour support visit/ });
    await expect(row.textContent()).resolves.toMatch(/member schools: £400\.00 per day.*non-member schools: £550\.00 per day/s);
    await expect(row.textContent()).resolves.toContain('Published');
    await checkPage(page, 'offers-published');

    // Its page sets prices by phase for a year.
    await row.getByRole('link', { name: 'Behaviour support visit' }).click();
    await page.getByRole('heading', { name: 'Behaviour support visit', level: 1 }).waitFor();
    await hydrated(page);
    await checkPage(page, 'offers-offer');
  }, 240_000);

  it('a partnership adds a course with one place', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    // One place, so the waiting list is used below.
    await visit(page, `${stack.webUrl}/p/ealing/events`);
    await checkPage(page, 'events-list');
    await page.getByLabel('Title', { exact: true }).fill(COURSE);
    await page.getByLabel('Places', { exact: true }).fill('1');
    await page.getByLabel('Member price per delegate, in pounds', { exact: true }).fill('50');
    await page.getByLabel('Non-member price per delegate, in pounds (optional)', { exact: true }).fill('80');
    await page.getByLabel('Date of the first session', { exact: true }).fill('10/02/2027');
    await page.getByLabel('Starts at', { exact: true }).fill('09:30');
    await page.getByLabel('Ends at', { exact: true }).fill('12:00');
    await page.getByRole('button', { name: 'Add the event' }).click();
    await page.waitForURL((url) => /\/p\/ealing\/events\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { name: COURSE }).waitFor();
    await hydrated(page);
    await expect(page.locator('#event-capacity').textContent()).resolves.toBe('1');
    await checkPage(page, 'events-event');
  }, 240_000);

  it('the partnership’s orders, ledger, requests, pools and reports, and its public catalogue', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    for (const [path, name] of [['orders', 'offers-orders'], ['entitlements', 'offers-entitlements'], ['bespoke', 'offers-bespoke'], ['pools', 'offers-pools'], ['reports', 'offers-reports']] as const) {
      await visit(page, `${stack.webUrl}/p/ealing/offers/${path}`);
      await checkPage(page, name);
    }
    await leave(page);

    // The public catalogue, signed out: the service at both prices.
    await visit(page, `${stack.webUrl}/p/ealing/offers/catalogue`);
    const listed = page.getByRole('row', { name: /Behaviour support visit/ });
    await expect(listed.textContent()).resolves.toMatch(/£400\.00.*£550\.00/s);
    await checkPage(page, 'offers-public-catalogue');
  }, 240_000);

  it('a teacher books the course, the business manager approves it with a PO, and the head pays the invoice by card', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, TEACHER);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    await checkPage(page, 'bookings-teacher');
    await page.getByRole('button', { name: `Ask for a place on ${COURSE}` }).click();
    await page.getByText('Tara Teacher: waiting for the school’s approval.').waitFor();
    await checkPage(page, 'bookings-requested');
    await leave(page);

    await signIn(page, stack.webUrl, BUSINESS_MANAGER);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    await page.getByRole('heading', { name: `Tara Teacher: ${COURSE}` }).waitFor();
    await checkPage(page, 'bookings-approvals');
    const card = page.locator('.booking', { has: page.getByRole('heading', { name: `Tara Teacher: ${COURSE}` }) });
    await card.getByLabel('Purchase-order number', { exact: true }).fill('PO-ACT-501');
    await card.getByRole('button', { name: 'Approve Tara Teacher’s place' }).click();
    await page.getByText(/Approved: Tara Teacher’s place/).waitFor();
    await leave(page);

    await signIn(page, stack.webUrl, HEAD);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    await page.getByRole('link', { name: 'See the invoice for Tara Teacher’s place' }).click();
    await page.waitForURL((url) => /\/s\/920001\/invoices\/[0-9a-f-]{36}$/.test(url.pathname));
    await hydrated(page);
    const invoiceUrl = new URL(page.url()).pathname;
    await expect(page.locator('main').textContent()).resolves.toContain('£');
    await page.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL((url) => url.origin === stack.stripeUrl);
    await page.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL((url) => url.pathname === invoiceUrl && url.searchParams.get('checkout') === 'success');
    await hydrated(page);
    await poll(async () => page.locator('#invoice-status').textContent(), 60_000).toMatch(/Paid/);
    await checkPage(page, 'bookings-invoice-paid');
    await leave(page);
  }, 240_000);

  it('the course is full, so the next request waits; a cancellation offers the place to the next person', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, BUSINESS_MANAGER);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    const course = page.getByRole('region', { name: COURSE });
    await course.getByLabel('Who is going', { exact: true }).fill('Sam Second');
    await course.getByLabel('Their e-mail address', { exact: true }).fill('sam.second@demo.test');
    await course.getByRole('button', { name: `Join the waiting list on ${COURSE}` }).click();
    await page.getByText('Sam Second: on the waiting list').waitFor();
    await checkPage(page, 'bookings-waiting');

    // Tara cannot go after all: the charge under the terms is shown as it is cancelled.
    await page.getByRole('button', { name: 'Cancel Tara Teacher’s booking' }).click();
    await page.getByText(/Cancelled with \d+ days’ notice: the charge is 0% \(£0\.00\)/).waitFor();
    await checkPage(page, 'bookings-cancelled');
    // The one freed place is offered to Sam, who takes it up; it then waits for approval.
    await page.getByRole('button', { name: 'Take up the place for Sam Second' }).click();
    await page.getByText(/You have taken up the place/).waitFor();
    await leave(page);

    // The business manager asked for Sam's place, so the head approves it.
    await signIn(page, stack.webUrl, HEAD);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    const card = page.locator('.booking', { has: page.getByRole('heading', { name: `Sam Second: ${COURSE}` }) });
    await card.getByLabel('Purchase-order number', { exact: true }).fill('PO-ACT-502');
    await card.getByRole('button', { name: 'Approve Sam Second’s place' }).click();
    await page.getByText(/Approved: Sam Second’s place/).waitFor();
    await leave(page);

    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/events`);
    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { name: COURSE }).waitFor();
    await hydrated(page);
    await expect(page.locator('#event-confirmed').textContent()).resolves.toBe('1');
    await expect(page.locator('#event-waiting').textContent()).resolves.toBe('0');
    await leave(page);
  }, 240_000);

  it('a delegate who attended fills in the evaluation and downloads the certificate', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, HEAD);
    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    await page.getByRole('link', { name: 'Give feedback on Moderating writing at Key Stage 2 (Teacher 2 of 920001)' }).click();
    await page.getByRole('heading', { name: 'Feedback on the event' }).waitFor();
    await hydrated(page);
    await checkPage(page, 'bookings-evaluation');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(page, 'bookings-evaluation-error');
    await page.getByRole('group', { name: 'Overall, how useful was this event?' }).getByLabel('5', { exact: true }).check();
    await page.getByRole('group', { name: 'How likely are you to use what you learnt in your practice?' }).getByLabel('4', { exact: true }).check();
    await page.getByLabel('Anything else you would like to tell us? (optional)', { exact: true }).fill('Clear and practical.');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Thank you: your feedback is recorded.').waitFor();

    await visit(page, `${stack.webUrl}/s/920001/bookings`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the certificate for Teacher 2 of 920001' }).click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await leave(page);

    // The partnership sees the scores and who has not answered.
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/events`);
    await page.getByRole('link', { name: 'Moderating writing at Key Stage 2' }).click();
    await page.getByRole('heading', { name: 'Evaluation' }).waitFor();
    await hydrated(page);
    await page.getByText('5 of 7 who attended have answered').waitFor();
    await checkPage(page, 'events-evaluation');
    await leave(page);
  }, 240_000);

  it('a school completes its annual buy-back in one order, approved with a PO and invoiced once', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, BUSINESS_MANAGER);
    await visit(page, `${stack.webUrl}/s/920001/shop`);
    await checkPage(page, 'shop');
    await page.getByRole('link', { name: 'Buy back services for next year' }).click();
    await page.getByRole('heading', { name: 'Buy back services for next year' }).waitFor();
    await hydrated(page);
    await checkPage(page, 'shop-buyback');
    await page.getByLabel(/^Governor training and clerking advice/).check();
    await page.getByLabel(/^Online phonics materials/).check();
    await page.getByRole('button', { name: 'Send next year’s order for approval' }).click();
    await page.getByText('Your order for next year is sent').waitFor();
    await leave(page);

    await signIn(page, stack.webUrl, HEAD);
    await visit(page, `${stack.webUrl}/s/920001/shop/buyback`);
    await page.getByText('Waiting for approval').first().waitFor();
    await page.getByLabel('Purchase-order number', { exact: true }).fill('PO-ACT-2027');
    await page.getByRole('button', { name: 'Approve the order' }).click();
    await page.getByText('Next year’s order is approved with purchase order PO-ACT-2027: one invoice issued.').waitFor();
    await checkPage(page, 'shop-buyback-approved');

    // At a phone's width the amounts and statuses are still there.
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, `${stack.webUrl}/s/920001/shop/buyback`);
    await expect(page.getByText(/Buy-back for next year .*: Invoiced/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: /^£/ }).last().isVisible()).resolves.toBe(true);
    await checkPage(page, 'shop-buyback-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
    await leave(page);
  }, 240_000);
});
