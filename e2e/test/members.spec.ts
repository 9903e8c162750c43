import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// The project's own writer of GIAS-format files (the e2e package does not depend on the domain package).
import { giasCsv, giasCsvLines, giasSampleSchools, type GiasSampleSchool } from '../../packages/domain/src/schools/gias-sample-file';
import { type Browser, checkPage, hydrated, openBrowser, visit } from './support/browser';
import { signIn, signOut } from './support/journeys';
import { decodeQuotedPrintable, linkIn } from './support/mail';
import { ARTIFACTS } from './support/paths';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let browser: Browser;

const ADMIN = 'admin@redbridge.demo.test';
const HEAD = 'hana.head@cranbrook.example';
const HEAD_PASSWORD = 'kettle orchard lantern';
const SCHOOL = 'Cranbrook Lane Primary School';
const URN = '990001';
const state: { memberUrl: string; leavingDate: string } = { memberUrl: '', leavingDate: '' };

beforeAll(async () => {
  stack = await startStack();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

// When a step fails, keep what the browser showed and what the processes said, to see why.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !browser) return;
  await browser.page.screenshot({ path: join(ARTIFACTS, `members-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
  console.error(`Failed at ${browser.page.url()}\n${stack?.logs() ?? ''}`);
});

const school = (over: Partial<GiasSampleSchool>): GiasSampleSchool => ({
  urn: '990000',
  name: 'A School',
  type: 'Community school',
  phase: 'Primary',
  localAuthority: 'Redbridge',
  status: 'Open',
  pupils: 420,
  postcode: 'IG1 1AA',
  statutoryLowAge: 4,
  statutoryHighAge: 11,
  ...over,
});

/** A small GIAS export as the DfE writes it: Redbridge schools, one in Ealing, one closed, and two rows with problems. */
function giasFile(): Buffer {
  return Buffer.from(
    giasCsv(
      [
        school({ urn: URN, name: SCHOOL, pupils: 412, postcode: 'IG2 6AA' }),
        school({ urn: '990002', name: 'Gants Hill Academy, Redbridge', type: 'Academy converter', phase: 'Secondary', pupils: 1240, statutoryLowAge: 11, statutoryHighAge: 18 }),
        school({ urn: '990003', name: 'Oakfield “Meadow” Special School', type: 'Community special school', phase: 'Not applicable', pupils: 96, statutoryLowAge: 2, statutoryHighAge: 19 }),
        school({ urn: '990004', name: 'Riverside Nursery School', type: 'Local authority nursery school', phase: 'Nursery', pupils: '', statutoryLowAge: 2, statutoryHighAge: 5 }),
        school({ urn: '990005', name: 'Old Mill Primary School', status: 'Closed', pupils: '' }),
        school({ urn: '990006', name: 'Hanwell Fields Primary School', localAuthority: 'Ealing' }),
        school({ urn: 'X9901', name: 'A Row With A Bad URN' }),
        school({ urn: '990008', name: '' }),
      ],
      { bom: true },
    ),
    'utf8',
  );
}

/** The first link in a message to `path` (no token), e.g. a member page. */
function pageLinkIn(raw: string, path: RegExp): string {
  const match = decodeQuotedPrintable(raw).match(new RegExp(`https?://[^\\s"'<>]+${path.source}`));
  if (!match) throw new Error(`No link like ${path} in:\n${decodeQuotedPrintable(raw).slice(0, 1500)}`);
  return match[0];
}

/** Polls until the expectation holds; pages answer within a second or two, more on a busy machine. */
const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });

async function heading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

async function freshSession(): Promise<void> {
  await browser.context.clearCookies();
}

describe('schools, memberships and the school portal', () => {
  it('lets an admin import a GIAS file, with progress, counts and the problem rows', async () => {
    const { page } = browser;
    await signIn(page, stack.webUrl, ADMIN);
    await visit(page, `${stack.webUrl}/p/redbridge/members`);
    expect(await heading(page)).toBe('Member schools');
    expect(await page.getByRole('navigation', { name: 'Partnership' }).getByRole('link', { name: 'Members' }).getAttribute('aria-current')).toBe('page');
    await checkPage(page, '40-members-before');

    await page.getByRole('link', { name: 'Import schools from GIAS' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/imports');
    await hydrated(page);
    // No file chosen: the problem is listed at the top and beside the field.
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Choose the GIAS file');
    await checkPage(page, '41-import-no-file');

    await page.getByLabel('GIAS establishment file (CSV)').setInputFiles({ name: 'edubasealldata20261125.csv', mimeType: 'text/csv', buffer: giasFile() });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.waitForURL((url) => /^\/p\/redbridge\/imports\/[0-9a-f-]{36}$/.test(url.pathname));
    // The page asks again by itself until the job has finished.
    await eventually(() => page.getByRole('status').first().textContent(), 30_000).toContain('Finished');
    expect(await heading(page)).toBe('Import of edubasealldata20261125.csv');
    const counts = await page.locator('dl.counts').textContent();
    expect(counts).toMatch(/Rows read\s*8/);
    expect(counts).toMatch(/Created\s*5/);
    expect(counts).toMatch(/Skipped\s*3/);
    const problems = page.getByRole('table', { name: 'Rows not used, in file order' });
    expect(await problems.textContent()).toContain('The URN "X9901" is not six digits.');
    expect(await problems.textContent()).toContain('The establishment name is blank.');
    await checkPage(page, '42-import-finished');
  });

  it('adds the Redbridge schools as prospects after a preview', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Add schools as prospects' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/imports/prospects');
    await hydrated(page);
    await checkPage(page, '43-prospects-choose');

    await page.getByRole('checkbox', { name: /^Redbridge \(/ }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    // Six demo members are already on the list; the four open Redbridge schools from the file are new.
    await eventually(() => preview.textContent()).toContain('4 schools would be added as prospects');
    expect(await preview.textContent()).toContain('6 schools already on your list');
    // The choice is kept, to change and preview again.
    expect(await page.getByRole('checkbox', { name: /^Redbridge \(/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Open', exact: true }).isChecked()).toBe(true);
    // The preview names each school it would add, ticked; untick one and it is not added.
    const chosen = preview.getByRole('group', { name: 'Schools to add' });
    expect(await chosen.getByRole('checkbox').count()).toBe(4);
    expect(await chosen.getByRole('checkbox', { name: SCHOOL }).isChecked()).toBe(true);
    await checkPage(page, '44-prospects-preview');

    await page.getByRole('button', { name: 'Add the ticked schools as prospects' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Added 4 schools as prospects.');
    await checkPage(page, '45-prospects-added');
    await page.getByRole('link', { name: 'See your prospects and invite them' }).click();
    await page.waitForURL((url) => url.pathname === '/p/redbridge/members' && url.searchParams.get('status') === 'prospect');
    await hydrated(page);
    const list = page.getByRole('table', { name: /Schools on the list/ });
    expect(await list.getByRole('row').count()).toBe(5); // header + 4 prospects
    expect(await list.textContent()).toContain(SCHOOL);
    expect(await list.textContent()).not.toContain('Hanwell Fields');
  });

  it('invites a school nobody acts for yet, asking for its head’s address', async () => {
    const { page } = browser;
    // Nothing ticked: a clear message.
    await page.getByRole('button', { name: 'Invite the chosen schools' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Choose at least one school to invite');

    await page.getByRole('checkbox', { name: `Choose ${SCHOOL}` }).check();
    await page.getByRole('button', { name: 'Invite the chosen schools' }).click();
    const email = page.getByLabel(`E-mail address for ${SCHOOL} (URN ${URN})`);
    await email.waitFor();
    // Nothing has failed yet: the page asks for the address rather than saying nobody was invited.
    expect(await page.getByRole('status').first().textContent()).toContain('One more step.');
    expect(await page.textContent('main')).not.toContain('No schools were invited');
    await checkPage(page, '46-invite-needs-address');

    await email.fill(HEAD);
    await page.getByRole('button', { name: 'Invite this school' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Invited 1 school.');
    expect(await page.getByRole('table', { name: /Schools on the list/ }).textContent()).not.toContain(SCHOOL); // no longer a prospect
    await checkPage(page, '47-invited');
  });

  it('lets the new head accept from the e-mailed link and apply', async () => {
    const { page } = browser;
    const mail = await stack.mail.waitFor((m) => m.to.includes(HEAD), 30_000);
    const link = linkIn(mail, '/school-invitations/accept');
    expect(new URL(link).origin).toBe(stack.webUrl);
    await signOut(page);
    await freshSession();

    await visit(page, link);
    expect(await heading(page)).toBe(`Join ${SCHOOL} on Partnerships`);
    await checkPage(page, '48-school-invitation');
    await page.getByLabel('Your full name').fill('Hana Head');
    await page.getByLabel('Choose a password').fill(HEAD_PASSWORD);
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === `/s/${URN}`);
    await hydrated(page);
    expect(await heading(page)).toBe(SCHOOL);
    expect(await page.textContent('main')).toContain(`Redbridge Education Partnership has invited ${SCHOOL} to join.`);
    await checkPage(page, '49-school-home-invited');

    await page.getByRole('link', { name: /See membership and apply/ }).click();
    await page.waitForURL((url) => url.pathname === `/s/${URN}/partnerships/redbridge`);
    await hydrated(page);
    expect(await heading(page)).toBe('Redbridge Education Partnership');
    // The form starts with what we know; the confirmations are the head's to give.
    expect(await page.getByLabel('Full name').inputValue()).toBe('Hana Head');
    expect(await page.getByLabel('Number of pupils on roll').inputValue()).toBe('412');
    await page.getByRole('button', { name: 'Apply to join' }).click();
    const summary = page.getByRole('alert');
    await eventually(() => summary.textContent()).toContain('Confirm the contact details are correct');
    expect(await summary.textContent()).toContain('Accept the membership terms to apply');
    await checkPage(page, '50-apply-errors');

    await page.getByLabel('Phone number (optional)').fill('020 8555 0101');
    await page.getByRole('checkbox', { name: 'These contact details are correct' }).check();
    await page.getByRole('checkbox', { name: `I accept the membership terms on behalf of ${SCHOOL}` }).check();
    await page.getByRole('button', { name: 'Apply to join' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Your application has been sent to Redbridge Education Partnership.');
    expect(await page.locator('.status-line').first().textContent()).toContain('Applied');
    expect(await page.getByRole('region', { name: 'The school’s application' }).textContent()).toContain('By Hana Head on');
    await checkPage(page, '51-applied');
  });

  it('lets the admin turn down only with a reason, then approve and make the school active', async () => {
    const { page } = browser;
    const mail = await stack.mail.waitFor((m) => m.to.includes(ADMIN) && decodeQuotedPrintable(m.raw).includes('has applied'), 30_000);
    state.memberUrl = pageLinkIn(mail.raw, /\/p\/redbridge\/members\/[0-9a-f-]{36}/);
    await signOut(page);
    await signIn(page, stack.webUrl, ADMIN);
    await visit(page, state.memberUrl);
    expect(await heading(page)).toBe(SCHOOL);
    const application = await page.getByRole('region', { name: 'Application' }).textContent();
    expect(application).toContain('Hana Head');
    expect(application).toContain('412');
    await checkPage(page, '52-member-applied');

    await page.getByRole('button', { name: 'Turn down' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Say why the application is turned down');
    expect(await page.getByLabel('Why is the application turned down?').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '53-reject-needs-reason');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain(`${SCHOOL}’s application has been approved. Its status is now “Approved”.`);
    expect(await page.getByRole('status').first().textContent()).not.toContain('Done:');
    await page.getByRole('button', { name: 'Make active' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain(`${SCHOOL} is now a member. Its status is now “Active”.`);
    const timeline = await page.locator('ol.timeline').textContent();
    for (const step of ['Added to the list as a prospect', 'Invited to apply', 'Applied', 'Application approved', 'Membership made active']) expect(timeline).toContain(step);
    await checkPage(page, '54-member-active');
  });

  it('lets the head see the leaving date before giving notice, and then on every page', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, HEAD, HEAD_PASSWORD);
    expect(new URL(page.url()).pathname).toBe(`/s/${URN}`);
    await visit(page, `${stack.webUrl}/s/${URN}/partnerships/redbridge`);
    expect(await page.locator('.status-line').first().textContent()).toContain('Active');
    await page.getByRole('button', { name: 'Work out the leaving date' }).click();
    const preview = page.getByRole('region', { name: 'Check the leaving date before you confirm' });
    await eventually(() => preview.textContent()).toContain(`If you give notice today, ${SCHOOL} leaves on`);
    state.leavingDate = ((await preview.locator('p.big strong').textContent()) ?? '').trim();
    expect(state.leavingDate).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await preview.textContent()).toContain('notice');
    await checkPage(page, '55-notice-preview');

    await page.getByLabel('Anything the partnership should know (optional)').fill('We are joining a trust partnership.');
    await page.getByRole('button', { name: 'Confirm notice' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Notice is given.');
    expect(await page.locator('.leaving').textContent()).toContain(`${SCHOOL} leaves Redbridge Education Partnership on ${state.leavingDate}.`);
    await checkPage(page, '56-notice-given');

    await visit(page, `${stack.webUrl}/s/${URN}`);
    const partnerships = page.getByRole('table', { name: `Partnerships ${SCHOOL} belongs to` });
    expect(await partnerships.textContent()).toContain(`Leaves on ${state.leavingDate}`);
    expect(await partnerships.textContent()).toContain('Notice given');
    await checkPage(page, '57-school-home-notice');
  });

  it('shows it all in the member list, its chart and its CSV export', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, stack.webUrl, ADMIN);
    await visit(page, `${stack.webUrl}/p/redbridge/members?status=notice-given`);
    const list = page.getByRole('table', { name: /Schools on the list/ });
    expect(await list.textContent()).toContain(SCHOOL);
    expect(await list.textContent()).toContain(`Leaves ${state.leavingDate}`);
    const chart = page.getByRole('img', { name: 'Member schools at the end of each month' });
    expect(await chart.count()).toBe(1);
    await page.getByText('Show the numbers as a table').click();
    expect(await page.getByRole('table', { name: 'Schools by membership status at the end of each month' }).getByRole('row').count()).toBe(13); // header + 12 months
    await checkPage(page, '58-members-notice-given');

    const csvHref = await page.getByRole('link', { name: 'Download this list (CSV)' }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/tenants/redbridge/memberships.csv?status=notice-given');
    const csv = await page.request.get(`${stack.webUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(SCHOOL);
    expect(text).toContain('Notice given');

    // Search and the other filters narrow the whole list.
    await visit(page, `${stack.webUrl}/p/redbridge/members`);
    await page.getByLabel('Search by school name, URN or postcode').fill('Gants');
    await page.getByLabel('Phase').selectOption('secondary');
    await page.getByRole('button', { name: 'Show schools' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Gants' && url.searchParams.get('phase') === 'secondary');
    await eventually(() => list.getByRole('row').count()).toBe(2);
    expect(await list.textContent()).toContain('Gants Hill Academy, Redbridge');
  });

  it('lets the head correct the pupil number for the admin to approve, and see shared documents', async () => {
    const { page } = browser;
    // The admin shares a document with members.
    await visit(page, `${stack.webUrl}/p/redbridge/documents`);
    await page.getByLabel('Title').fill('Membership terms 2026–27');
    await page.getByLabel('Link to the document').fill('https://redbridge.example/terms-2026.pdf');
    await page.getByRole('button', { name: 'Share with member schools' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Shared “Membership terms 2026–27” with member schools.');
    await checkPage(page, '59-documents');

    await signOut(page);
    await signIn(page, stack.webUrl, HEAD, HEAD_PASSWORD);
    await visit(page, `${stack.webUrl}/s/${URN}/partnerships/redbridge`);
    expect(await page.getByRole('link', { name: 'Membership terms 2026–27' }).count()).toBeGreaterThan(0);

    await visit(page, `${stack.webUrl}/s/${URN}/pupil-numbers`);
    await page.getByLabel('Census').selectOption({ index: 0 });
    await page.getByLabel('Number of pupils on roll').fill('418');
    await page.getByLabel('Why the figure should change (optional)').fill('Six pupils joined after the census was taken.');
    await page.getByRole('button', { name: 'Send the correction' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Sent to Redbridge Education Partnership: 418 pupils');
    expect(await page.getByRole('table', { name: /Pupil numbers for/ }).textContent()).toContain('Waiting for the partnership');
    await checkPage(page, '60-school-pupil-numbers');

    await signOut(page);
    await signIn(page, stack.webUrl, ADMIN);
    await visit(page, `${stack.webUrl}/p/redbridge/pupil-numbers`);
    await page.getByRole('button', { name: 'Approve 418 pupils' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain(`Approved: ${SCHOOL} has 418 pupils`);
    await checkPage(page, '61-pupil-numbers-approved');
  });

  it('lets the head invite a colleague who acts for another school, who then sees both schools in one place', async () => {
    const { page } = browser;
    const colleague = 'head.920001@demo.test'; // the demo head of an Ealing school
    await signOut(page);
    await signIn(page, stack.webUrl, HEAD, HEAD_PASSWORD);
    await visit(page, `${stack.webUrl}/s/${URN}/people`);
    await page.getByLabel('E-mail address').fill(colleague);
    await page.getByRole('radio', { name: 'Business manager' }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toContain(`Invitation sent to ${colleague} as business manager.`);
    await checkPage(page, '62-school-people');

    const link = linkIn(await stack.mail.waitFor((m) => m.to.includes(colleague) && m.raw.includes('school-invitations'), 30_000), '/school-invitations/accept');
    await signOut(page);
    await freshSession();
    await visit(page, link);
    // Someone who already has an account confirms with their password.
    expect(await page.getByLabel('Your full name').count()).toBe(0);
    await page.getByLabel('Password', { exact: true }).fill('partnerships-demo');
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === `/s/${URN}`);
    await hydrated(page);

    await page.getByRole('navigation', { name: 'School' }).getByRole('link', { name: 'All your schools' }).click();
    await page.waitForURL((url) => url.pathname === '/s');
    await hydrated(page);
    expect(await heading(page)).toBe('Your schools');
    const main = await page.textContent('main');
    expect(main).toContain('You act for 2 schools');
    expect(main).toContain('Acton Vale Primary School');
    expect(main).toContain(SCHOOL);
    expect(await page.getByRole('table', { name: `Partnerships ${SCHOOL} belongs to` }).textContent()).toContain(`${state.leavingDate}`);
    expect(await page.getByRole('table', { name: 'Partnerships Acton Vale Primary School belongs to' }).textContent()).toContain('Ealing Learning Partnership');
    await checkPage(page, '63-my-schools');

    // A business manager sees the school's partnership but cannot manage its people.
    await visit(page, `${stack.webUrl}/s/${URN}/people`);
    expect(await page.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
    expect(await visit(page, `${stack.webUrl}/p/redbridge/members`)).toBe(404);
  });

  it('streams a GIAS file bigger than the ordinary request limit through the import page', async () => {
    // 3,000 schools is about 3.4 MB: over the 1 MB every other form is held to, well under the 100 MB for imports.
    const file = Buffer.from(`${[...giasCsvLines(giasSampleSchools(3000, { firstUrn: 600000, localAuthorities: ['Sampleshire'] }))].join('\r\n')}\r\n`, 'utf8');
    expect(file.length).toBeGreaterThan(3 * 1024 * 1024);
    const login = await fetch(`${stack.webUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN, password: 'partnerships-demo' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'edubasealldata-sampleshire.csv');
    // As a browser without JavaScript posts it: the answer sends it on to the import's page.
    const upload = await fetch(`${stack.webUrl}/p/redbridge/imports?/upload`, { method: 'POST', headers: { cookie, origin: stack.webUrl, accept: 'text/html' }, body: form, redirect: 'manual' });
    expect(upload.status).toBe(303);
    const location = upload.headers.get('location') ?? '';
    expect(location).toMatch(/^\/p\/redbridge\/imports\/[0-9a-f-]{36}$/);
    const { page } = browser;
    await freshSession();
    await signIn(page, stack.webUrl, ADMIN);
    await visit(page, `${stack.webUrl}${location}`);
    await eventually(() => page.getByRole('status').first().textContent(), 60_000).toContain('Finished');
    expect(await page.locator('dl.counts').textContent()).toMatch(/Rows read\s*3,000/);
    // Any other form is still held to the ordinary limit.
    const tooBig = await fetch(`${stack.webUrl}/p/redbridge/documents?/share`, {
      method: 'POST',
      headers: { cookie, origin: stack.webUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: `title=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(tooBig.status).toBe(413);
  });
});
