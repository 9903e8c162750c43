import { createDataSource } from '@partnerships/db';
import { describe, expect, it } from 'vitest';
import { type Browser, checkPage, hydrated, openBrowser, atPhoneWidth, visibleWithinWidth, visit } from './support/browser';
import { DEMO_PASSWORD, signIn, signOut } from './support/journeys';
import type { Stack } from './support/stack';
import { withStackAndBrowser } from './support/suite';

let stack: Stack;
let browser: Browser;

withStackAndBrowser((s, b) => {
  stack = s;
  browser = b;
}, { stripe: true });

/** expect.poll with room for a busy machine and for Stripe's webhooks to arrive. */
const poll = <T>(fn: () => T | Promise<T>, timeout = 30_000) => expect.poll(fn, { timeout, interval: 500 });

describe('billing: Stripe, a billing run, and paying by card and by bank transfer', () => {
  let cardInvoice = '';

  it('an admin connects Stripe on its onboarding page and sees payments turned on', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/billing`);
    await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Billing' }).waitFor();
    await checkPage(page, 'billing-overview');
    await page.getByRole('button', { name: 'Connect Stripe' }).click();
    await page.waitForURL((url) => url.origin === stack.stripeUrl || url.search.includes('/connect'));
    if (new URL(page.url()).origin !== stack.stripeUrl) throw new Error(`Connecting Stripe failed: ${await page.locator('main').innerText()}\n${stack.logs()}`);
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/billing/stripe');
    await hydrated(page);
    await expect(page.locator('#charges-enabled').textContent()).resolves.toBe('Yes');
    await checkPage(page, 'billing-stripe-connected');
  });

  it('an admin sets the bank details schools pay into, with errors explained beside the fields', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/ealing/billing/settings`);
    await checkPage(page, 'billing-settings');
    await page.getByLabel('Account name').fill('Ealing Learning Partnership');
    await page.getByLabel('Sort code').fill('12-34');
    await page.getByLabel('Account number').fill('12345678');
    await page.getByRole('button', { name: 'Save billing settings' }).click();
    await page.getByRole('link', { name: /sort code of 6 digits/ }).waitFor();
    await checkPage(page, 'billing-settings-error');
    await page.getByLabel('Sort code').fill('12-34-56');
    await page.getByRole('button', { name: 'Save billing settings' }).click();
    await page.getByText('Billing settings saved.').waitFor();
  });

  it('runs billing for 2018-19: a dry run per school, then the real run to the end', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/ealing/billing/runs`);
    await checkPage(page, 'billing-runs');
    const option = page.locator('#scheduleId option', { hasText: '2018' }).first();
    await page.locator('#scheduleId').selectOption((await option.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Check the invoices (dry run)' }).click();
    await page.getByRole('heading', { name: /What would be invoiced for 2018/ }).waitFor();
    const table = page.getByRole('region', { name: /What would be invoiced/ });
    await expect(table.getByRole('rowheader', { name: /Acton Vale Primary School/ }).count()).resolves.toBe(1);
    await expect(table.getByRole('row', { name: /Acton Vale Primary School/ }).textContent()).resolves.toContain('£4,706.00'); // as the fee engine works it out: £4,000 + 210 × £3.36, rounded
    await checkPage(page, 'billing-dry-run');

    await page.getByRole('button', { name: 'Issue invoices' }).click();
    await page.waitForURL((url) => /\/p\/ealing\/billing\/runs\/[^/]+$/.test(url.pathname));
    await hydrated(page);
    // The page follows the run by itself (no reload here): x of N, until all are done.
    await poll(async () => (await page.locator('#progress-text').textContent())?.replace(/\s+/g, ' ').trim(), 60_000).toMatch(/^(\d+) of \1 schools done\./);
    await page.getByRole('heading', { name: 'Finished' }).waitFor();
    await checkPage(page, 'billing-run-finished');
    // Issued without e-mailing: the page says so, and "Send all" sends each invoice once.
    await expect(page.locator('#sending-status').textContent()).resolves.toMatch(/have not been e-mailed/);
    await page.getByRole('button', { name: 'Send all' }).click();
    await page.getByText(/10 invoices being sent/).waitFor();
    await poll(async () => {
      await visit(page, page.url().split('?')[0]!);
      return (await page.locator('#sending-status').textContent())?.replace(/\s+/g, ' ').trim();
    }, 60_000).toMatch(/^All 10 invoices from this run have been e-mailed/);
    await page.getByRole('button', { name: 'Send all' }).click();
    await page.getByText(/Nothing new to send; 10 sent before, not sent again/).waitFor();
    await checkPage(page, 'billing-run-sent');

    await page.getByRole('link', { name: 'See the invoices from this run' }).click();
    await page.waitForURL((url) => url.pathname === '/p/ealing/billing/invoices');
    await hydrated(page);
    await checkPage(page, 'billing-invoices');
    const acton = page.getByRole('row', { name: /Acton Vale Primary School/ }).first();
    cardInvoice = (await acton.getByRole('link').first().getAttribute('href'))!.split('/').pop()!;
    expect(cardInvoice).toBeTruthy();
  });

  it('shows the partnership’s invoices at a phone’s width with their amounts and state', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/ealing/billing/invoices`);
    // At 390 px each invoice's amounts and state are still shown, inside the screen.
    await atPhoneWidth(page, async () => {
      for (const cell of ['td.amount', 'td.owed', 'td.state']) expect(await visibleWithinWidth(page, `table.stack ${cell}`)).toBeGreaterThan(0);
      expect(await page.locator('table.stack td.owed').first().textContent()).toMatch(/£/);
      await checkPage(page, 'billing-invoices-390');
    });
  });

  it('an admin-recorded bank transfer settles another school’s invoice', async () => {
    const { page } = browser;
    await visit(page, `${stack.webUrl}/p/ealing/billing/invoices?q=920002`);
    await page.getByRole('row', { name: /Brentside Green Primary School/ }).first().getByRole('link').first().click();
    await page.waitForURL((url) => /\/billing\/invoices\/[^/]+$/.test(url.pathname));
    await hydrated(page);
    await checkPage(page, 'billing-invoice-admin');
    await page.getByLabel('Reference on the bank statement').fill('BGPS BACS 2018');
    // The amount starts as what is left to pay.
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('Payment recorded.').waitFor();
    await poll(async () => page.locator('#invoice-status').textContent()).toMatch(/Paid/);
    await expect(page.locator('#invoice-outstanding').textContent()).resolves.toBe('£0.00');
    await checkPage(page, 'billing-invoice-paid-by-transfer');
    await signOut(page);
  });

  it('a head pays by card on the Checkout page and sees the invoice paid', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, 'head.920001@demo.test');
    await visit(page, `${stack.webUrl}/s/920001/invoices`);
    await checkPage(page, 'school-invoices');
    await atPhoneWidth(page, async () => {
      for (const cell of ['td.amount', 'td.owed', 'td.state']) expect(await visibleWithinWidth(page, `table.stack ${cell}`)).toBeGreaterThan(0);
      await checkPage(page, 'school-invoices-390');
    });
    await visit(page, `${stack.webUrl}/s/920001/invoices/${cardInvoice}`);
    await checkPage(page, 'school-invoice');
    await page.getByRole('button', { name: 'Pay by bank transfer' }).click();
    await page.getByRole('heading', { name: 'Pay by bank transfer' }).waitFor();
    await expect(page.locator('#transfer-reference').textContent()).resolves.toBeTruthy();
    await checkPage(page, 'school-invoice-bank-details');

    await page.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL((url) => url.origin === stack.stripeUrl);
    await page.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL((url) => url.pathname === `/s/920001/invoices/${cardInvoice}` && url.searchParams.get('checkout') === 'success');
    await hydrated(page);
    await page.getByText(/Thank you — your payment/).waitFor();
    // Paid only once Stripe's webhook has arrived: the page looks again by itself.
    await poll(async () => page.locator('#invoice-status').textContent(), 60_000).toMatch(/Paid/);
    await checkPage(page, 'school-invoice-paid-by-card');
  });

  it('without JavaScript, a head reaches Stripe’s Checkout page through a link', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = plain;
      await page.goto(`${stack.webUrl}/login`);
      await page.getByLabel('E-mail address').fill('head.920003@demo.test');
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`${stack.webUrl}/s/920003/invoices`);
      await page.getByRole('row', { name: /Open/ }).first().getByRole('link').first().click();
      await page.waitForURL((url) => /\/s\/920003\/invoices\/[^/]+$/.test(url.pathname));
      await page.getByRole('button', { name: 'Pay by bank transfer' }).click();
      await expect(page.locator('#transfer-reference').textContent()).resolves.toBeTruthy();
      await expect(page.getByText('12-34-56').count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Pay by card' }).click();
      await page.getByRole('link', { name: 'continue to Stripe to pay' }).click();
      await page.waitForURL((url) => url.origin === stack.stripeUrl);
      await page.getByRole('button', { name: 'Pay by card' }).waitFor();
    } finally {
      await plain.close();
    }
  });

  it('the platform operator sees each partnership’s plan and revenue', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'operator@platform.demo.test');
    await visit(page, `${stack.webUrl}/platform`);
    await page.getByRole('link', { name: /Platform billing/ }).click();
    await page.waitForURL((url) => url.pathname === '/platform/billing');
    await hydrated(page);
    await expect(page.getByRole('row', { name: /Ealing Learning Partnership/ }).textContent()).resolves.toContain('Connected');
    // Words never run into a bracket ("Free trial(trial ends").
    expect(await page.textContent('main')).not.toMatch(/[a-z]\(trial ends/);
    await checkPage(page, 'platform-billing');
  });

  it('the overview shows money at a glance with a chart, and a member’s page its fee and invoices', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'admin@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing`);
    await page.getByRole('heading', { name: /Money this academic year/ }).waitFor();
    const figures = (await page.locator('#money-figures').textContent())!.replace(/\s+/g, ' ');
    expect(figures).toMatch(/Invoiced £[\d,]+\.\d\d \(10 invoices\)/);
    expect(figures).toMatch(/Paid £[1-9][\d,]*\.\d\d/);
    // The chart is an image with the same figures as its text equivalent.
    const chart = page.getByRole('img', { name: /Invoiced, paid, outstanding and overdue/ });
    await expect(chart.locator('desc').textContent()).resolves.toMatch(/^Invoiced: £[\d,]+\.\d\d; Paid: £[\d,]+\.\d\d; Outstanding: £[\d,]+\.\d\d; Overdue: £0\.00\.$/);
    await checkPage(page, 'billing-home-money');

    await visit(page, `${stack.webUrl}/p/ealing/members`);
    await page.getByRole('link', { name: 'Acton Vale Primary School' }).first().click();
    await page.waitForURL((url) => /\/p\/ealing\/members\/[^/]+$/.test(url.pathname));
    await hydrated(page);
    await expect(page.locator('#current-fee').textContent()).resolves.toMatch(/Current fee: £4,706(\.00)? for 2018–19/);
    await expect(page.locator('#school-billing').getByRole('row').count()).resolves.toBe(3); // header + 2 invoices
    await checkPage(page, 'billing-member-fee');

    // The card payment's platform fee is shown to the partnership on the invoice.
    await visit(page, `${stack.webUrl}/p/ealing/billing/invoices/${cardInvoice}`);
    await page.getByText(/platform fee £\d+\.\d\d, so £[\d,]+\.\d\d reaches your Stripe account/).waitFor();
  });

  it('a school sees its current fee and invoices on its page for the partnership', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'head.920001@demo.test');
    await visit(page, `${stack.webUrl}/s/920001/partnerships/ealing`);
    await expect(page.locator('#current-fee').textContent()).resolves.toMatch(/Current fee: £4,706(\.00)? for 2018–19/);
    await expect(page.locator('#school-billing').getByRole('row').count()).resolves.toBe(3);
    // The platform's fee is the partnership's business.
    await visit(page, `${stack.webUrl}/s/920001/invoices/${cardInvoice}`);
    expect(await page.textContent('main')).not.toMatch(/platform fee/);
    await checkPage(page, 'school-partnership-fee');
  });

  it('a head invited to an unlisted partnership sees the price for their school before applying', async () => {
    const { page } = browser;
    const db = createDataSource({ url: stack.databaseUrl, embedded: false });
    await db.initialize();
    try {
      await db.query(`UPDATE tenants SET listed = false WHERE slug = 'tower-hamlets'`);
      await db.query(
        `UPDATE memberships SET status = 'invited' WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'tower-hamlets') AND school_id = (SELECT id FROM schools WHERE urn = '930004')`,
      );
    } finally {
      await db.destroy();
    }
    await signOut(page);
    // The public calculator stays closed for an unlisted partnership.
    await page.goto(`${stack.webUrl}/p/tower-hamlets/quote`);
    expect(await page.textContent('main')).toMatch(/not found/i);
    await signIn(page, stack.webUrl, 'head.930004@demo.test');
    await visit(page, `${stack.webUrl}/s/930004/partnerships/tower-hamlets`);
    await page.getByRole('heading', { name: 'What Stepney Green Park Secondary School would pay' }).waitFor();
    await expect(page.locator('#quote-total').textContent()).resolves.toMatch(/^£[1-9][\d,]*(\.\d\d)? for \d{4}–\d\d/);
    expect(await page.locator('#price').textContent()).toMatch(/with [\d,]+ pupils/);
    await checkPage(page, 'school-invited-price');
    // Only for a school the partnership has invited: another school's page is not found.
    await visit(page, `${stack.webUrl}/s/930004/partnerships/redbridge`);
    expect(await page.textContent('main')).toMatch(/not found/i);
  });

  it('warns before issuing and sending invoices that schools would have no way to pay', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'admin@tower-hamlets.demo.test');
    await visit(page, `${stack.webUrl}/p/tower-hamlets/billing/runs`);
    const option = page.locator('#scheduleId option').first();
    await page.locator('#scheduleId').selectOption((await option.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Check the invoices (dry run)' }).click();
    await page.locator('#payment-warning').waitFor();
    expect(await page.locator('#payment-warning').textContent()).toMatch(/Schools have no way to pay these invoices/);
    await page.getByRole('link', { name: 'Add your bank details' }).waitFor();
    await checkPage(page, 'billing-dry-run-no-way-to-pay');
  });

  it('finance staff find the billing settings from the billing page', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'finance@redbridge.demo.test');
    await visit(page, `${stack.webUrl}/p/redbridge/billing`);
    await page.getByRole('link', { name: 'Billing settings' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/billing/settings');
    await hydrated(page);
    await page.getByRole('button', { name: 'Save billing settings' }).waitFor();
    await checkPage(page, 'billing-settings-finance');
  });

  it('an officer reads the invoices without links to billing or buttons the API would refuse', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, 'officer@ealing.demo.test');
    await visit(page, `${stack.webUrl}/p/ealing/billing/invoices`);
    expect(await page.textContent('main')).toMatch(/Billing runs, payments and billing settings are for the partnership’s admins and finance staff/);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.filter((href) => /^\/p\/ealing\/billing(\/(runs|settings|stripe).*)?$/.test(href))).toEqual([]);
    expect(hrefs.filter((href) => /^\/p\/ealing\/billing\/invoices\/[^/]+$/.test(href)).length).toBeGreaterThan(0);
    await page.locator('table a[href*="/billing/invoices/"]').first().click();
    await page.waitForURL((url) => /\/billing\/invoices\/[^/]+$/.test(url.pathname));
    await hydrated(page);
    await page.getByRole('heading', { name: /^Invoice / }).waitFor();
    expect(await page.getByRole('button').filter({ hasText: /Send the invoice|Record payment|Issue credit note|Void invoice/ }).count()).toBe(0);
    expect(await page.textContent('main')).toMatch(/recording payments, credit notes and voiding are for the partnership’s admins and finance staff/);
    await page.getByRole('link', { name: 'Download the invoice (PDF)' }).waitFor();
    await checkPage(page, 'billing-invoice-officer');
  });
});
