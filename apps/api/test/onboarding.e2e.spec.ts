import { typicalTermDates } from '@partnerships/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFrom } from './support/test-app';

/**
 * Self-service onboarding (issue 3) over HTTP: sign-up and e-mail verification, creating a
 * partnership from a template, the setup wizard, settings (audited), the directory and
 * public page, and suspension by the platform operator.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('onboarding');
});
afterAll(async () => {
  await t?.close();
});

// Every caller gets its own address, so the per-IP limits only bite where a test means them to.
let ipCounter = 0;
const freshIp = () => `198.51.${100 + (++ipCounter >> 8)}.${ipCounter & 255}`;
let emailCounter = 0;
const freshEmail = (label = 'person') => `${label}.${++emailCounter}@onboarding.test`;

const post = (path: string, body: unknown, ip = freshIp()) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body) });

interface Client {
  email: string;
  ip: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

function clientFor(email: string, cookie: string, csrfToken: string, ip = freshIp()): Client {
  const headers = { cookie, 'x-forwarded-for': ip };
  return {
    email,
    ip,
    get: (path) => fetch(`${t.url}${path}`, { headers }),
    send: (method, path, body) =>
      fetch(`${t.url}${path}`, {
        method,
        headers: { ...headers, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

const fieldsOf = async (res: Response) => ((await res.json()).errors as { field: string }[]).map((e) => e.field);
const messageFor = async (res: Response, field: string) => ((await res.json()).errors as { field: string; message: string }[]).find((e) => e.field === field)?.message;

/** The verification mail for an address (the newest, when there are several). */
async function verificationMail(email: string, after = 0) {
  await t.smtp.waitFor((m) => m.to.includes(email) && /Confirm your e-mail address/.test(m.raw) && t.smtp.messages.indexOf(m) >= after);
  return t.smtp.messages.filter((m) => m.to.includes(email) && /Confirm your e-mail address/.test(m.raw)).at(-1)!;
}

/** Sign up, read the e-mailed link, verify: a signed-in, verified user. */
async function newVerifiedUser(label = 'admin', password = 'a long and happy passphrase'): Promise<Client> {
  const email = freshEmail(label);
  const ip = freshIp();
  expect((await post('/api/v1/signup', { name: `Sam ${label}`, email, password }, ip)).status).toBe(201);
  const token = tokenFrom((await verificationMail(email)).raw);
  const res = await post('/api/v1/signup/verify', { token }, ip);
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return clientFor(email, cookie, (await res.json()).csrfToken, ip);
}

let slugCounter = 0;
const freshSlug = (stem = 'newham') => `${stem}-${++slugCounter}`;
const partnership = (overrides: Record<string, unknown> = {}) => ({
  slug: freshSlug(),
  name: 'Newham Schools Partnership',
  areas: ['Newham'],
  legalForm: 'company-limited-by-guarantee',
  contactEmail: 'hello@newham-partnership.test',
  contactPhone: '020 8123 4567',
  website: 'https://newham-partnership.test',
  inNationalAssociation: true,
  template: 'schools-led-company',
  ...overrides,
});

async function newPartnership(overrides: Record<string, unknown> = {}) {
  const admin = await newVerifiedUser();
  const body = partnership(overrides);
  const res = await admin.send('POST', '/api/v1/tenants', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return { admin, slug: body.slug as string, created: await res.json() };
}

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const currentAcademicYear = () => {
  const [y, m] = londonToday().split('-').map(Number);
  return m! >= 9 ? y! : y! - 1;
};

describe('sign-up', () => {
  it('names each missing field', async () => {
    const res = await post('/api/v1/signup', {});
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).sort()).toEqual(['email', 'name', 'password']);
  });

  it.each([
    ['short', /at least 8 characters/],
    ['password', /most common passwords/],
    ['Password2024!', /common word with numbers or symbols/],
    ['P@ssw0rd1', /common word with numbers or symbols/],
    ['aaaaaaaaaaaa', /repeated character/],
    ['x'.repeat(257), /no more than 256/],
  ])('refuses the password %j with a reason', async (password, reason) => {
    const res = await post('/api/v1/signup', { name: 'Sam Patel', email: freshEmail(), password });
    expect(res.status).toBe(400);
    expect(await messageFor(res, 'password')).toMatch(reason);
  });

  it('refuses a password made of the e-mail address, and a badly formed address', async () => {
    const res = await post('/api/v1/signup', { name: 'Sam Patel', email: 'samuel.patel@onboarding.test', password: 'samuel.patel!!' });
    expect(await messageFor(res, 'password')).toMatch(/e-mail address/);
    const bad = await post('/api/v1/signup', { name: 'Sam Patel', email: 'not-an-address', password: 'a long and happy passphrase' });
    expect(await fieldsOf(bad)).toEqual(['email']);
  });

  it('accepts a long passphrase, e-mails a link, and the link confirms the address and signs in', async () => {
    const email = freshEmail('verify');
    const res = await post('/api/v1/signup', { name: '  Sam Patel ', email: email.toUpperCase(), password: 'correct horse battery staple, twice over' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ email, message: expect.stringMatching(/Check your e-mail/) });

    const mail = await verificationMail(email);
    expect(mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain('http://localhost:3000/signup/verify?token=');
    // Not an account to sign in to until the address is confirmed.
    expect((await post('/api/v1/auth/login', { email, password: 'correct horse battery staple, twice over' })).status).toBe(401);

    const verified = await post('/api/v1/signup/verify', { token: tokenFrom(mail.raw) });
    expect(verified.status).toBe(200);
    const body = await verified.json();
    expect(body.user).toMatchObject({ email, name: 'Sam Patel', isPlatformOperator: false });
    const setCookie = verified.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/ps_session=.*HttpOnly/i);
    const me = await (await fetch(`${t.url}/api/v1/me`, { headers: { cookie: setCookie.split(';')[0]! } })).json();
    expect(me.user.email).toBe(email);
    expect(me.tenants).toEqual([]);

    const [user] = await t.owner.query(`SELECT email_verified_at FROM users WHERE email = $1`, [email]);
    expect(user.email_verified_at).not.toBeNull();
    const [stored] = await t.owner.query(`SELECT token_hash FROM email_verifications v JOIN users u ON u.id = v.user_id WHERE u.email = $1`, [email]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(tokenFrom(mail.raw));

    // The link works once; the password now signs in.
    expect((await post('/api/v1/signup/verify', { token: tokenFrom(mail.raw) })).status).toBe(400);
    await t.signIn(email, 'correct horse battery staple, twice over');
  });

  it('answers an address that already has an account exactly as a new one, makes no second account and changes nothing', async () => {
    const email = 'admin@redbridge.demo.test';
    const [before] = await t.owner.query(`SELECT count(*)::int AS n, max(password_hash) AS hash FROM users WHERE email = $1`, [email]);
    const res = await post('/api/v1/signup', { name: 'Impostor', email, password: 'a long and happy passphrase' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ email, message: expect.stringMatching(/Check your e-mail/) });
    const mail = await t.smtp.waitFor((m) => m.to.includes(email) && /already have an account/.test(m.raw));
    expect(mail.raw).not.toMatch(/token=/);
    const [after] = await t.owner.query(`SELECT count(*)::int AS n, max(password_hash) AS hash, max(name) AS name FROM users WHERE email = $1`, [email]);
    expect(after).toEqual({ n: 1, hash: before.hash, name: 'Redbridge Admin' });
    await t.signIn(email);
  });

  it("never lets someone else's earlier sign-up choose the owner's password", async () => {
    const email = freshEmail('owner');
    expect((await post('/api/v1/signup', { name: 'Mallory', email, password: 'the attacker chose this' })).status).toBe(201);
    const first = await verificationMail(email);
    const seen = t.smtp.messages.length;
    expect((await post('/api/v1/signup', { name: 'Olive Owner', email, password: 'the owner chose this one' })).status).toBe(201);
    const second = await verificationMail(email, seen);
    expect(tokenFrom(second.raw)).not.toBe(tokenFrom(first.raw));
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n).toBe(1);

    expect((await post('/api/v1/signup/verify', { token: tokenFrom(second.raw) })).status).toBe(200);
    await t.signIn(email, 'the owner chose this one');
    expect((await post('/api/v1/auth/login', { email, password: 'the attacker chose this' })).status).toBe(401);
    // The other link died when the address was confirmed.
    expect((await post('/api/v1/signup/verify', { token: tokenFrom(first.raw) })).status).toBe(400);
  });

  it('refuses an expired or unknown link, naming the token', async () => {
    const email = freshEmail('late');
    await post('/api/v1/signup', { name: 'Late Larry', email, password: 'a long and happy passphrase' });
    const token = tokenFrom((await verificationMail(email)).raw);
    await t.owner.query(`UPDATE email_verifications SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    const expired = await post('/api/v1/signup/verify', { token });
    expect(expired.status).toBe(400);
    expect(await messageFor(expired, 'token')).toMatch(/expired or has already been used/);
    expect((await post('/api/v1/signup/verify', { token: 'x'.repeat(43) })).status).toBe(400);
  });

  it('limits sign-ups per e-mail address and per IP address', async () => {
    const email = freshEmail('spam');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/api/v1/signup', { name: 'Spam', email, password: 'a long and happy passphrase' })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    const ip = freshIp();
    const fromOneIp = [];
    for (let i = 0; i < 16; i++) fromOneIp.push((await post('/api/v1/signup', { name: 'Bot', email: freshEmail('bot'), password: 'a long and happy passphrase' }, ip)).status);
    expect(fromOneIp.slice(0, 15).every((s) => s === 201)).toBe(true);
    const limited = await post('/api/v1/signup', { name: 'Bot', email: freshEmail('bot'), password: 'a long and happy passphrase' }, ip);
    expect(limited.status).toBe(429);
    expect((await limited.json()).detail).toMatch(/Too many sign-up attempts/);
  });
});

describe('creating a partnership', () => {
  it('needs a signed-in user whose address is confirmed', async () => {
    expect((await post('/api/v1/tenants', partnership())).status).toBe(401);
    const email = freshEmail('unverified');
    await t.owner.query(
      `INSERT INTO users (email, name, password_hash) SELECT $1, 'Una Verified', password_hash FROM users WHERE email = 'admin@redbridge.demo.test'`,
      [email],
    );
    const s = await t.signIn(email);
    const res = await s.send('POST', '/api/v1/tenants', partnership());
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('email_not_verified');
  });

  it('names every missing field', async () => {
    const admin = await newVerifiedUser();
    const res = await admin.send('POST', '/api/v1/tenants', {});
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).sort()).toEqual(['areas', 'contactEmail', 'inNationalAssociation', 'legalForm', 'name', 'slug', 'template']);
  });

  it.each([
    ['slug', 'Tower Hamlets', /lower-case/],
    ['slug', 'ab', /at least 3/],
    ['slug', 'red_bridge', /only letters a to z/],
    ['slug', '-newham', /hyphen/],
    ['name', 'N', /3 to 200 characters/],
    ['areas', [], /at least one local authority/],
    ['areas', ['N'], /2 to 80 characters/],
    ['areas', 'Newham', /List the local authority areas/],
    ['legalForm', 'plc', /company limited by guarantee, charity, council-hosted or informal/],
    ['contactEmail', 'hello-at-newham', /contact e-mail address/],
    ['contactPhone', '12345', /telephone number/],
    ['website', 'newham.test', /starting https:\/\//],
    ['website', 'ftp://newham.test', /starting https:\/\//],
    ['inNationalAssociation', 'yes', /national association/],
    ['template', 'franchise', /Choose a template: schools-led-company, council-led-board, membership-association/],
  ])('refuses a bad %s (%j), saying why', async (field, value, reason) => {
    const admin = await newVerifiedUser();
    const res = await admin.send('POST', '/api/v1/tenants', partnership({ [field]: value }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual([{ field, message: expect.stringMatching(reason) }]);
  });

  it.each(['api', 'admin', 'www', 'platform', 'login', 'signup', 'public', 'static', 'assets', 'help', 'docs'])(
    'refuses the reserved word %j with 400 and the reason',
    async (slug) => {
      const admin = await newVerifiedUser();
      const res = await admin.send('POST', '/api/v1/tenants', partnership({ slug }));
      expect(res.status).toBe(400);
      expect(await messageFor(res, 'slug')).toMatch(/reserved for the platform/);
    },
  );

  it.each(['p', 's'])('refuses the one-letter reserved word %j', async (slug) => {
    const admin = await newVerifiedUser();
    const res = await admin.send('POST', '/api/v1/tenants', partnership({ slug }));
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['slug']);
  });

  it('refuses fields it does not know', async () => {
    const admin = await newVerifiedUser();
    const res = await admin.send('POST', '/api/v1/tenants', { ...partnership(), status: 'active' });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['status']);
  });

  it('creates the partnership with its creator as admin, on a 30-day trial (today and 29 more), unlisted', async () => {
    const { admin, slug, created } = await newPartnership({ areas: [' Newham ', 'newham', 'Tower Hamlets'] });
    const trialEnds = new Date(`${londonToday()}T12:00:00Z`);
    trialEnds.setUTCDate(trialEnds.getUTCDate() + 29);
    expect(created).toMatchObject({ slug, name: 'Newham Schools Partnership', template: 'schools-led-company', roles: ['tenant-admin'], plan: 'trial', trialEndsAt: trialEnds.toISOString().slice(0, 10) });
    expect(created.setup).toMatchObject({ next: 'details', doneCount: 0, totalSteps: 5, complete: false });

    const me = await (await admin.get('/api/v1/me')).json();
    expect(me.tenants).toEqual([{ slug, name: 'Newham Schools Partnership', roles: ['tenant-admin'] }]);
    expect((await admin.get(`/api/v1/tenants/${slug}`)).status).toBe(200);
    const settings = await (await admin.get(`/api/v1/tenants/${slug}/settings`)).json();
    expect(settings).toMatchObject({
      areas: ['Newham', 'Tower Hamlets'],
      legalForm: 'company-limited-by-guarantee',
      contactEmail: 'hello@newham-partnership.test',
      contactPhone: '020 8123 4567',
      website: 'https://newham-partnership.test',
      inNationalAssociation: true,
      listed: false,
      status: 'active',
    });
    // Somebody else cannot see it.
    const stranger = await newVerifiedUser('stranger');
    expect((await stranger.get(`/api/v1/tenants/${slug}`)).status).toBe(404);
  });

  it('answers a taken slug with 409 and the reason', async () => {
    const { slug } = await newPartnership();
    const other = await newVerifiedUser();
    for (const taken of [slug, 'redbridge']) {
      const res = await other.send('POST', '/api/v1/tenants', partnership({ slug: taken }));
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.detail).toMatch(new RegExp(`"${taken}" is already taken`));
      expect(body.errors).toEqual([{ field: 'slug', message: body.detail }]);
    }
    expect((await (await other.get('/api/v1/me')).json()).tenants).toEqual([]);
  });

  it('lets exactly one of ten simultaneous attempts take the same slug', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => newVerifiedUser(`racer${i}`)));
    const slug = freshSlug('race');
    const responses = await Promise.all(people.map((p) => p.send('POST', '/api/v1/tenants', partnership({ slug, name: `Race ${p.email}` }))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = people[responses.findIndex((r) => r.status === 201)]!;
    const rows = await t.owner.query(
      `SELECT t.name, count(r.id)::int AS roles, array_agg(u.email) AS admins FROM tenants t
       LEFT JOIN tenant_roles r ON r.tenant_id = t.id LEFT JOIN users u ON u.id = r.user_id WHERE t.slug = $1 GROUP BY t.name`,
      [slug],
    );
    expect(rows).toEqual([{ name: `Race ${winner.email}`, roles: 1, admins: [winner.email] }]);
    // The losers were left with nothing half made.
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM tenants WHERE name LIKE 'Race %'`);
    expect(n).toBe(1);
  });

  it('limits attempts to create partnerships per person', async () => {
    const admin = await newVerifiedUser();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await admin.send('POST', '/api/v1/tenants', partnership({ slug: 'redbridge' }))).status);
    expect(statuses.slice(0, 10)).toEqual(new Array(10).fill(409));
    expect(statuses[10]).toBe(429);
  });
});

describe('slug availability (public, as you type)', () => {
  it('says whether an address is free, and why not', async () => {
    const check = async (slug: string) => (await fetch(`${t.url}/api/v1/public/slug-availability?slug=${encodeURIComponent(slug)}`)).json();
    expect(await check('a-free-address')).toEqual({ slug: 'a-free-address', available: true, reason: null, suggestion: null });
    expect(await check('redbridge')).toEqual({ slug: 'redbridge', available: false, reason: expect.stringMatching(/already taken/), suggestion: 'redbridge-2' });
    expect(await check('admin')).toMatchObject({ available: false, reason: expect.stringMatching(/reserved/) });
    expect(await check('Has Spaces')).toMatchObject({ available: false, reason: expect.stringMatching(/lower-case/) });
    expect((await fetch(`${t.url}/api/v1/public/slug-availability`)).status).toBe(400);
  });

  it('lists the templates with their categories and notice rules in words', async () => {
    const { items } = await (await fetch(`${t.url}/api/v1/public/templates`)).json();
    expect(items.map((i: { code: string }) => i.code)).toEqual(['schools-led-company', 'council-led-board', 'membership-association']);
    expect(items[0].categories.map((c: { code: string }) => c.code)).toEqual(['full', 'associate']);
    expect(items[0].noticeRule).toMatch(/12 months|one year|year/i);
  });
});

describe('templates pre-fill the partnership', () => {
  it.each([
    ['schools-led-company', ['full', 'associate'], 'academic-year', 'period'],
    ['council-led-board', ['member', 'associate'], 'financial-year', 'deadline'],
    ['membership-association', ['full', 'associate'], 'academic-year', 'deadline'],
  ])('%s: categories, notice rule, a draft fee schedule and two years of term dates', async (template, codes, budgetYear, noticeKind) => {
    const { admin, slug } = await newPartnership({ template });
    const categories = await t.owner.query(
      `SELECT code, voting_rights, eligible_local_authorities FROM membership_categories c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = $1 ORDER BY position`,
      [slug],
    );
    expect(categories.map((c: { code: string }) => c.code)).toEqual(codes);
    expect(categories[0]).toMatchObject({ voting_rights: true, eligible_local_authorities: ['Newham'] });

    const settings = await (await admin.get(`/api/v1/tenants/${slug}/settings`)).json();
    expect(settings).toMatchObject({ template, budgetYear, noticeRule: { kind: noticeKind }, noticeRuleText: expect.any(String) });

    const schedules = await (await admin.get(`/api/v1/tenants/${slug}/fee-schedules`)).json();
    expect(schedules.items).toHaveLength(1);
    expect(schedules.items[0]).toMatchObject({ version: 1, status: 'draft', period: { kind: 'academic-year' } });
    const full = await (await admin.get(`/api/v1/tenants/${slug}/fee-schedules/${schedules.items[0].id}`)).json();
    expect(full.document.name).toContain('Newham Schools Partnership');

    const calendar = await (await admin.get(`/api/v1/tenants/${slug}/calendar`)).json();
    const year = currentAcademicYear();
    expect(calendar.years.map((y: { academicYearStart: number; saved: boolean }) => [y.academicYearStart, y.saved])).toEqual([
      [year, true],
      [year + 1, true],
    ]);
    expect(calendar.years[0].halfTerms).toEqual(typicalTermDates(year));
  });
});

describe('the setup wizard', () => {
  it('shows progress, explains what is missing, and can be left and resumed', async () => {
    const { admin, slug } = await newPartnership({ template: 'membership-association' });
    const setup = await (await admin.get(`/api/v1/tenants/${slug}/setup`)).json();
    expect(setup.steps.map((s: { step: string }) => s.step)).toEqual(['details', 'calendar', 'categories', 'colleagues', 'plan']);
    expect(setup).toMatchObject({ template: 'membership-association', next: 'details', doneCount: 0, complete: false, completedAt: null });
    expect(setup.steps[0]).toMatchObject({ title: 'Details and branding', done: false, next: true, problems: [{ field: 'description', message: expect.stringMatching(/short description/) }] });
    // The template already put the calendar, categories and plan in place.
    expect(setup.steps.filter((s: { problems: unknown[] }) => s.problems.length === 0).map((s: { step: string }) => s.step)).toEqual(['calendar', 'categories', 'plan']);

    const missing = await admin.send('POST', `/api/v1/tenants/${slug}/setup/details/complete`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual([{ field: 'description', message: expect.stringMatching(/public page/) }]);

    expect((await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { description: 'Newham schools working together.', brandColour: '#1D4F91' })).status).toBe(200);
    expect((await admin.send('POST', `/api/v1/tenants/${slug}/setup/details/complete`)).status).toBe(200);
    const afterDetails = await (await admin.send('POST', `/api/v1/tenants/${slug}/setup/calendar/complete`)).json();
    expect(afterDetails).toMatchObject({ next: 'categories', doneCount: 2 });

    // Leave, come back in a new session: the wizard resumes where it stopped.
    const again = await t.signIn(admin.email, 'a long and happy passphrase');
    expect(await (await again.get(`/api/v1/tenants/${slug}/setup`)).json()).toMatchObject({ next: 'categories', doneCount: 2 });

    expect((await admin.send('POST', `/api/v1/tenants/${slug}/setup/categories/complete`)).status).toBe(200);
    const lonely = await admin.send('POST', `/api/v1/tenants/${slug}/setup/colleagues/complete`);
    expect(lonely.status).toBe(400);
    expect(await messageFor(lonely, 'colleagues')).toMatch(/Invite at least one colleague/);
    expect((await admin.send('POST', `/api/v1/tenants/${slug}/invitations`, { email: freshEmail('finance'), role: 'finance' })).status).toBe(201);
    expect((await admin.send('POST', `/api/v1/tenants/${slug}/setup/colleagues/complete`)).status).toBe(200);
    const done = await (await admin.send('POST', `/api/v1/tenants/${slug}/setup/plan/complete`)).json();
    expect(done).toMatchObject({ next: null, doneCount: 5, complete: true, completedAt: expect.any(String) });
    expect(done.steps.every((s: { done: boolean }) => s.done)).toBe(true);
    // Completing a step again is harmless.
    expect(await (await admin.send('POST', `/api/v1/tenants/${slug}/setup/plan/complete`)).json()).toMatchObject({ completedAt: done.completedAt });
  });

  it('explains a calendar that is not in place, answers 404 for an unknown step, and is for admins only', async () => {
    const { admin, slug } = await newPartnership();
    await t.owner.query(`DELETE FROM tenant_calendars WHERE tenant_id = (SELECT id FROM tenants WHERE slug = $1)`, [slug]);
    const res = await admin.send('POST', `/api/v1/tenants/${slug}/setup/calendar/complete`);
    expect(res.status).toBe(400);
    const year = currentAcademicYear();
    expect(await fieldsOf(res)).toEqual([`calendar.${year}`, `calendar.${year + 1}`]);
    expect((await admin.send('POST', `/api/v1/tenants/${slug}/setup/teleport/complete`)).status).toBe(404);

    const officer = await newVerifiedUser('officer');
    await t.owner.query(
      `INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT t.id, u.id, 'officer' FROM tenants t, users u WHERE t.slug = $1 AND u.email = $2`,
      [slug, officer.email],
    );
    expect((await officer.get(`/api/v1/tenants/${slug}/setup`)).status).toBe(200);
    expect((await officer.send('POST', `/api/v1/tenants/${slug}/setup/categories/complete`)).status).toBe(403);
  });
});

describe('partnership settings', () => {
  const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;

  it('names every bad field in one answer and changes nothing', async () => {
    const { admin, slug } = await newPartnership();
    const before = await (await admin.get(`/api/v1/tenants/${slug}/settings`)).json();
    const res = await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, {
      name: '',
      description: 'x'.repeat(2001),
      areas: [],
      legalForm: 'plc',
      contactEmail: 'nope',
      contactPhone: 'call me',
      website: 'newham.test',
      listed: 'yes',
      inNationalAssociation: 'no',
      budgetYear: 'calendar-year',
      brandColour: '#ffff00',
      logoDataUrl: 'data:image/gif;base64,R0lGODlh',
      noticeRule: { kind: 'period', months: 120, leaveAt: 'period-end' },
    });
    expect(res.status).toBe(400);
    const errors: { field: string; message: string }[] = (await res.json()).errors;
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['areas', 'brandColour', 'budgetYear', 'contactEmail', 'contactPhone', 'description', 'inNationalAssociation', 'legalForm', 'listed', 'logoDataUrl', 'name', 'noticeRule', 'website'].sort(),
    );
    expect(errors.find((e) => e.field === 'brandColour')!.message).toMatch(/hard to read/);
    expect(errors.find((e) => e.field === 'noticeRule')!.message).toMatch(/whole number of months from 0 to 60/);
    expect(await (await admin.get(`/api/v1/tenants/${slug}/settings`)).json()).toEqual(before);
  });

  it.each([
    ['#fff', /six hex digits/],
    ['blue', /six hex digits/],
    ['#00a0e0', /hard to read/],
  ])('refuses the brand colour %j', async (brandColour, reason) => {
    const { admin, slug } = await newPartnership();
    expect(await messageFor(await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { brandColour }), 'brandColour')).toMatch(reason);
  });

  it.each([
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', /PNG, JPEG or SVG/],
    ['a link, not a data URL', 'https://example.org/logo.png', /data URL/],
    ['a PNG that is not one', `data:image/png;base64,${Buffer.from('hello').toString('base64')}`, /not a PNG/],
    ['an SVG with a script', `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64')}`, /scripts/],
    ['a PNG over 200 KB', `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(201 * 1024)]).toString('base64')}`, /200 KB/],
  ])('refuses %s as the logo', async (_label, logoDataUrl, reason) => {
    const { admin, slug } = await newPartnership();
    const res = await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { logoDataUrl });
    expect(res.status).toBe(400);
    expect(await messageFor(res, 'logoDataUrl')).toMatch(reason);
  });

  it('saves what was sent, keeps the rest, and the audit log shows who changed what', async () => {
    const { admin, slug } = await newPartnership();
    const res = await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, {
      name: 'Newham Learning Partnership',
      description: 'Every Newham school, working together.',
      brandColour: '#1D4F91',
      logoDataUrl: PNG,
      budgetYear: 'financial-year',
      contactPhone: '',
      listed: true,
      noticeRule: { kind: 'deadline', deadline: 'end-of-autumn-term', leaveAt: 'end-of-academic-year' },
    });
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved).toMatchObject({
      name: 'Newham Learning Partnership',
      brandColour: '#1d4f91',
      logoDataUrl: PNG,
      budgetYear: 'financial-year',
      contactPhone: null,
      website: 'https://newham-partnership.test',
      listed: true,
      noticeRuleText: expect.stringMatching(/autumn term/),
    });
    // Sending the same again changes nothing and writes no audit row.
    expect((await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { brandColour: '#1d4f91' })).status).toBe(200);

    const audit = await (await admin.get(`/api/v1/tenants/${slug}/audit-log`)).json();
    const updates = audit.items.filter((a: { action: string }) => a.action === 'tenants.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].actorEmail).toBe(admin.email);
    expect(Object.keys(updates[0].detail).sort()).toEqual(
      ['brand_colour', 'budget_year', 'contact_phone', 'description', 'listed', 'logo_data_url', 'name', 'notice_rule'].sort(),
    );
    expect(updates[0].detail).toMatchObject({ name: 'Newham Learning Partnership', brand_colour: '#1d4f91', contact_phone: null });
    // The partnership's creation is on record too, by its creator.
    expect(audit.items.find((a: { action: string }) => a.action === 'tenants.insert')).toMatchObject({ actorEmail: admin.email });
  });

  it('lets other staff read the settings but not change them', async () => {
    const s = await t.signIn('finance@redbridge.demo.test');
    expect((await s.get('/api/v1/tenants/redbridge/settings')).status).toBe(200);
    expect((await s.send('PUT', '/api/v1/tenants/redbridge/settings', { name: 'Taken over' })).status).toBe(403);
    expect((await s.send('PUT', '/api/v1/tenants/redbridge/calendar/2026', { halfTerms: typicalTermDates(2026) })).status).toBe(403);
    expect((await s.send('PUT', '/api/v1/tenants/redbridge/plan', { plan: 'large' })).status).toBe(403);
  });
});

describe('academic calendar', () => {
  it('shows typical dates until a year is saved, and saves a checked year', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const typical = await (await admin.get('/api/v1/tenants/ealing/calendar/2030')).json();
    expect(typical).toEqual({ academicYearStart: 2030, label: '2030-31', start: '2030-09-01', end: '2031-08-31', halfTerms: typicalTermDates(2030), saved: false, updatedAt: null });

    const edited = typicalTermDates(2030).map((h) => (h.name === 'Autumn 1' ? { ...h, start: '2030-09-03' } : h));
    const res = await admin.send('PUT', '/api/v1/tenants/ealing/calendar/2030', { halfTerms: edited });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ saved: true, halfTerms: edited, updatedAt: expect.any(String) });
    expect((await (await admin.get('/api/v1/tenants/ealing/calendar/2030')).json()).halfTerms[0].start).toBe('2030-09-03');
    const audit = await (await admin.get('/api/v1/tenants/ealing/audit-log')).json();
    expect(audit.items[0]).toMatchObject({ action: 'tenant_calendars.insert', actorEmail: 'admin@ealing.demo.test' });
  });

  it.each([
    ['a missing half term', typicalTermDates(2030).slice(0, 5), /Summer 2 is missing/],
    ['overlapping half terms', typicalTermDates(2030).map((h) => (h.name === 'Autumn 2' ? { ...h, start: '2030-10-01' } : h)), /overlaps/],
    ['dates from another year', typicalTermDates(2031), /not in the 2030-31 academic year/],
    ['a half term ending before it starts', typicalTermDates(2030).map((h) => (h.name === 'Spring 1' ? { ...h, end: '2030-12-01' } : h)), /ends .* before it starts/],
    ['a date that does not exist', typicalTermDates(2030).map((h) => (h.name === 'Spring 2' ? { ...h, start: '2031-02-30' } : h)), /real start and end dates/],
  ])('refuses %s, saying why', async (_label, halfTerms, reason) => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const res = await admin.send('PUT', '/api/v1/tenants/ealing/calendar/2030', { halfTerms });
    expect(res.status).toBe(400);
    const errors: { field: string; message: string }[] = (await res.json()).errors;
    expect(errors.every((e) => e.field === 'halfTerms')).toBe(true);
    expect(errors.map((e) => e.message).join(' ')).toMatch(reason);
  });

  it('names a badly shaped half term and answers 404 for a year that is not one', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const res = await admin.send('PUT', '/api/v1/tenants/ealing/calendar/2030', { halfTerms: [{ name: 'Winter 1', start: '1 Sept', end: '2030-10-20' }] });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).sort()).toEqual(['halfTerms.0.name', 'halfTerms.0.start']);
    expect((await admin.get('/api/v1/tenants/ealing/calendar/twenty')).status).toBe(404);
    expect((await admin.get('/api/v1/tenants/ealing/calendar/1850')).status).toBe(404);
  });
});

describe('platform plan', () => {
  it('starts on the trial, moves to a paid plan that fits, and cannot go back to the trial', async () => {
    const { admin, slug } = await newPartnership();
    const plan = await (await admin.get(`/api/v1/tenants/${slug}/plan`)).json();
    expect(plan).toMatchObject({ plan: 'trial', planName: 'Free trial', trialDaysLeft: 30, memberSchools: 0, recommended: 'small', paymentRequired: false });
    expect(plan.plans.map((p: { code: string }) => p.code)).toEqual(['trial', 'small', 'medium', 'large']);

    const bad = await admin.send('PUT', `/api/v1/tenants/${slug}/plan`, { plan: 'gold' });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['plan']);

    expect(await (await admin.send('PUT', `/api/v1/tenants/${slug}/plan`, { plan: 'small' })).json()).toMatchObject({ plan: 'small', trialDaysLeft: null });
    const back = await admin.send('PUT', `/api/v1/tenants/${slug}/plan`, { plan: 'trial' });
    expect(back.status).toBe(400);
    expect(await messageFor(back, 'plan')).toMatch(/cannot start again/);
  });

  it('refuses a plan too small for the member schools, naming the one that fits', async () => {
    const { admin, slug } = await newPartnership();
    await t.owner.query(
      `WITH s AS (INSERT INTO schools (urn, name, phase, type, local_authority, pupils)
                  SELECT lpad((970000 + i)::text, 6, '0'), 'Plan School ' || i, 'primary', 'Community school', 'Newham', 210 FROM generate_series(1, 31) i
                  RETURNING id)
       INSERT INTO memberships (tenant_id, school_id, category, status) SELECT (SELECT id FROM tenants WHERE slug = $1), s.id, 'full', 'active' FROM s`,
      [slug],
    );
    const res = await admin.send('PUT', `/api/v1/tenants/${slug}/plan`, { plan: 'small' });
    expect(res.status).toBe(400);
    expect(await messageFor(res, 'plan')).toMatch(/up to 30 member schools and you have 31. Choose the Medium plan/);
    expect(await (await admin.send('PUT', `/api/v1/tenants/${slug}/plan`, { plan: 'medium' })).json()).toMatchObject({ plan: 'medium', memberSchools: 31 });
  });
});

describe('the directory and public pages', () => {
  const directory = async (query = '?listed=true') => (await fetch(`${t.url}/api/v1/public/tenants${query}`)).json();

  it('lists only listed, active partnerships with name, slug, areas and description', async () => {
    const page = await directory();
    expect(page).toMatchObject({ page: 1, pageSize: 50 });
    const redbridge = page.items.find((i: { slug: string }) => i.slug === 'redbridge');
    expect(redbridge).toEqual({
      slug: 'redbridge',
      name: 'Redbridge Education Partnership',
      areas: ['Redbridge'],
      description: expect.stringMatching(/membership association/),
      brandColour: '#5b2a86',
      logoUrl: null,
      inNationalAssociation: false,
    });
    expect((await fetch(`${t.url}/api/v1/public/tenants?listed=false`)).status).toBe(400);
    expect((await directory('?listed=true&q=ealing')).items.map((i: { slug: string }) => i.slug)).toEqual(['ealing']);
  });

  it('shows a partnership once it chooses to be listed, with its public page and logo, and hides it again when unlisted', async () => {
    const { admin, slug } = await newPartnership({ name: 'Listed Learning Partnership' });
    const inDirectory = async () => (await directory('?listed=true&pageSize=200')).items.some((i: { slug: string }) => i.slug === slug);
    expect(await inDirectory()).toBe(false);
    expect((await fetch(`${t.url}/api/v1/public/tenants/${slug}`)).status).toBe(404);

    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#1d4f91"/></svg>').toString('base64')}`;
    expect((await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { listed: true, description: 'We are listed.', brandColour: '#1d4f91', logoDataUrl: svg })).status).toBe(200);
    expect(await inDirectory()).toBe(true);
    const pageRes = await fetch(`${t.url}/api/v1/public/tenants/${slug}`);
    expect(pageRes.status).toBe(200);
    expect(await pageRes.json()).toEqual({
      slug,
      name: 'Listed Learning Partnership',
      description: 'We are listed.',
      areas: ['Newham'],
      legalForm: 'company-limited-by-guarantee',
      contactEmail: 'hello@newham-partnership.test',
      contactPhone: '020 8123 4567',
      website: 'https://newham-partnership.test',
      inNationalAssociation: true,
      brandColour: '#1d4f91',
      logoDataUrl: svg,
      logoUrl: `/api/v1/public/tenants/${slug}/logo`,
      feesPublished: false,
      categories: [
        expect.objectContaining({ code: 'full', name: 'Full member', votingRights: true, includes: expect.arrayContaining(['Peer review']) }),
        expect.objectContaining({ code: 'associate', votingRights: false }),
      ],
    });
    const logo = await fetch(`${t.url}/api/v1/public/tenants/${slug}/logo`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(logo.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(await logo.text()).toContain('<rect');

    expect((await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { listed: false })).status).toBe(200);
    expect(await inDirectory()).toBe(false);
    expect((await fetch(`${t.url}/api/v1/public/tenants/${slug}`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/public/tenants/${slug}/logo`)).status).toBe(404);
  });

  it('says whether fees are published', async () => {
    const page = await (await fetch(`${t.url}/api/v1/public/tenants/redbridge`)).json();
    expect(page.feesPublished).toBe(true);
  });
});

describe('the platform operator', () => {
  it('sees every partnership with status, plan, setup progress, member count and creation', async () => {
    const { slug, admin } = await newPartnership({ name: 'Operator View Partnership' });
    const op = await t.signIn('operator@platform.demo.test');
    const list = await (await op.get('/api/v1/platform/tenants')).json();
    expect(list.find((x: { slug: string }) => x.slug === 'redbridge')).toMatchObject({ status: 'active', plan: 'trial', memberCount: 6, setupDoneCount: 5, setupTotalSteps: 5, listed: true });
    expect(list.find((x: { slug: string }) => x.slug === slug)).toEqual({
      id: expect.any(String),
      slug,
      name: 'Operator View Partnership',
      status: 'active',
      plan: 'trial',
      trialEndsAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      template: 'schools-led-company',
      setupStepsDone: [],
      setupDoneCount: 0,
      setupTotalSteps: 5,
      setupCompletedAt: null,
      memberCount: 0,
      listed: false,
      suspendedAt: null,
      suspendedReason: null,
      createdByEmail: admin.email,
      createdAt: expect.any(String),
    });
  });

  it('suspends a partnership: its people get 403 "suspended", it leaves the directory; reinstating brings it back', async () => {
    const { admin, slug } = await newPartnership();
    await admin.send('PUT', `/api/v1/tenants/${slug}/settings`, { listed: true, description: 'Soon suspended.' });
    const op = await t.signIn('operator@platform.demo.test');

    // Nobody else can suspend, or even learn the route exists for this partnership.
    expect((await admin.send('POST', `/api/v1/platform/tenants/${slug}/suspend`, { reason: 'I would like to' })).status).toBe(404);
    expect((await admin.send('POST', `/api/v1/platform/tenants/${slug}/suspend`, {})).status).toBe(404);
    expect((await post(`/api/v1/platform/tenants/${slug}/suspend`, { reason: 'anonymous' })).status).toBe(401);
    const noReason = await op.send('POST', `/api/v1/platform/tenants/${slug}/suspend`, {});
    expect(noReason.status).toBe(400);
    expect(await fieldsOf(noReason)).toEqual(['reason']);
    expect((await op.send('POST', '/api/v1/platform/tenants/no-such-partnership/suspend', { reason: 'Testing' })).status).toBe(404);

    const suspended = await op.send('POST', `/api/v1/platform/tenants/${slug}/suspend`, { reason: 'Spam partnership reported by a school' });
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ slug, status: 'suspended', suspendedReason: 'Spam partnership reported by a school', suspendedAt: expect.any(String) });

    const blocked = await admin.get(`/api/v1/tenants/${slug}/settings`);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).code).toBe('tenant_suspended');
    expect((await directory()).items.some((i: { slug: string }) => i.slug === slug)).toBe(false);
    expect((await fetch(`${t.url}/api/v1/public/tenants/${slug}`)).status).toBe(404);
    expect((await op.send('POST', `/api/v1/platform/tenants/${slug}/suspend`, { reason: 'Again' })).status).toBe(409);

    const [entry] = await t.owner.query(
      `SELECT u.email, a.detail FROM audit_log a JOIN users u ON u.id = a.actor_user_id JOIN tenants t ON t.id = a.tenant_id
       WHERE t.slug = $1 AND a.action = 'tenants.update' AND a.detail ? 'suspended_reason' ORDER BY a.id DESC LIMIT 1`,
      [slug],
    );
    expect(entry).toMatchObject({ email: 'operator@platform.demo.test', detail: { status: 'suspended', suspended_reason: 'Spam partnership reported by a school' } });

    const reinstated = await op.send('POST', `/api/v1/platform/tenants/${slug}/reinstate`);
    expect(reinstated.status).toBe(200);
    expect(await reinstated.json()).toMatchObject({ status: 'active', suspendedAt: null, suspendedReason: null });
    expect((await admin.get(`/api/v1/tenants/${slug}/settings`)).status).toBe(200);
    expect((await directory('?listed=true&pageSize=200')).items.some((i: { slug: string }) => i.slug === slug)).toBe(true);
    expect((await op.send('POST', `/api/v1/platform/tenants/${slug}/reinstate`)).status).toBe(409);
  });

  async function directory(query = '?listed=true&pageSize=200') {
    return (await fetch(`${t.url}/api/v1/public/tenants${query}`)).json();
  }
});
