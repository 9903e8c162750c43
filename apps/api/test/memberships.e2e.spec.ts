import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday } from '@partnerships/domain';
import { type Session, startTestApp, type TestApp, tokenFrom } from './support/test-app';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp('memberships');
  admin = await t.signIn('admin@redbridge.demo.test');
  // Two schools in the register that no partnership lists yet: one with nobody on the platform.
  await t.owner.query(`INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES
    ('800001', 'Newbury Park Primary School', 'primary', 'Community school', 'Redbridge', 300, 'IG2 7RR'),
    ('800002', 'Goodmayes Vale Primary School', 'primary', 'Academy converter', 'Redbridge', 410, 'IG3 9SS')`);
});
afterAll(async () => {
  await t?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const base = '/api/v1/tenants/redbridge';
const membershipOf = async (urn: string) => {
  const list = await (await admin.get(`${base}/memberships?q=${urn}`)).json();
  return list.items[0] as { id: string; status: string };
};
const timelineLength = async (id: string) => (await (await admin.get(`${base}/memberships/${id}`)).json()).timeline.length;

describe('membership categories', () => {
  it('lists the partnership’s categories and adds one from a template', async () => {
    const list = await json(await admin.get(`${base}/membership-categories`));
    expect(list.body.items.map((c: { code: string }) => c.code)).toEqual(['full', 'associate']);
    const added = await json(await admin.send('POST', `${base}/membership-categories/from-template`, { template: 'procurement-associate' }));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'procurement-associate', votingRights: false, feesApply: false, schools: 0, archivedAt: null });
    expect((await admin.send('POST', `${base}/membership-categories/from-template`, { template: 'procurement-associate' })).status).toBe(409);
  });

  it('names each field that needs correcting, and adds nothing', async () => {
    const res = await json(await admin.send('POST', `${base}/membership-categories`, { code: 'Bad Code', name: '', eligiblePhases: ['college'] }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'eligiblePhases', 'name']);
    expect((await (await admin.get(`${base}/membership-categories`)).json()).items).toHaveLength(3);
  });

  it('creates, changes and archives a category (archived ones are hidden unless asked for)', async () => {
    const created = await json(
      await admin.send('POST', `${base}/membership-categories`, { code: 'secondary-associate', name: 'Secondary associate', eligiblePhases: ['secondary'], includes: ['Networks'] }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    const changed = await json(await admin.send('PUT', `${base}/membership-categories/${id}`, { name: 'Secondary associate member', votingRights: true }));
    expect(changed.body).toMatchObject({ code: 'secondary-associate', name: 'Secondary associate member', votingRights: true, eligiblePhases: ['secondary'] });
    expect((await json(await admin.send('POST', `${base}/membership-categories/${id}/archive`))).body.archivedAt).not.toBeNull();
    expect((await (await admin.get(`${base}/membership-categories`)).json()).items.map((c: { code: string }) => c.code)).not.toContain('secondary-associate');
    expect((await (await admin.get(`${base}/membership-categories?includeArchived=true`)).json()).items.map((c: { code: string }) => c.code)).toContain('secondary-associate');
    expect((await admin.send('PUT', `${base}/membership-categories/00000000-0000-0000-0000-000000000000`, { name: 'x' })).status).toBe(404);
  });
});

describe('member list', () => {
  it('lists memberships with their school, category and status, filtered and paged', async () => {
    const all = await json(await admin.get(`${base}/memberships`));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    expect(all.body.items[0]).toMatchObject({ school: { urn: expect.any(String), name: expect.any(String), phase: expect.any(String) }, category: expect.any(String), status: 'active', statusLabel: 'Active' });
    const primaries = await (await admin.get(`${base}/memberships?phase=primary&category=full`)).json();
    expect(primaries.items.map((m: { school: { urn: string } }) => m.school.urn).sort()).toEqual(['910001', '910002', '910003']);
    const page = await (await admin.get(`${base}/memberships?pageSize=2&page=2`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(page.items).toHaveLength(2);
    expect((await (await admin.get(`${base}/memberships?q=wanstead`)).json()).items[0].school.urn).toBe('910005');
    expect((await (await admin.get(`${base}/memberships?localAuthority=redbridge&status=active,prospect`)).json()).total).toBe(6);
    const bad = await json(await admin.get(`${base}/memberships?status=member`));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('status');
  });

  it('gives the right total with filters, on every page and past the end, and after a member is added or removed', async () => {
    const totalOf = async (query: string) => (await (await admin.get(`${base}/memberships?${query}`)).json()) as { items: { school: { urn: string } }[]; total: number; page: number };
    const full = await totalOf('category=full');
    const pages = await Promise.all([1, 2, 3].map((p) => totalOf(`category=full&pageSize=2&page=${p}`)));
    expect(pages.map((p) => p.total)).toEqual([full.total, full.total, full.total]);
    expect(pages.flatMap((p) => p.items.map((m) => m.school.urn))).toEqual(full.items.map((m) => m.school.urn));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 0]);
    expect((await totalOf('category=full&pageSize=2&page=7')).total).toBe(4);
    expect((await totalOf('q=no-such-school')).total).toBe(0);
    expect((await totalOf('q=no-such-school&page=3')).total).toBe(0);

    await t.owner.query(`INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES ('800003', 'Loxford Fields Primary School', 'primary', 'Community school', 'Redbridge', 220, 'IG1 2UT')`);
    expect((await json(await admin.send('POST', `${base}/prospects`, { urns: ['800003'] }))).body.created).toBe(1);
    expect((await totalOf('')).total).toBe(7);
    expect((await totalOf('status=prospect')).total).toBe(1);
    expect((await totalOf('phase=primary&status=prospect&pageSize=1&page=5')).total).toBe(1);
    expect((await totalOf('q=loxford')).items.map((m) => m.school.urn)).toEqual(['800003']);
    expect((await totalOf('pageSize=3&page=3')).items).toHaveLength(1);

    await t.owner.query(`DELETE FROM membership_events WHERE membership_id IN (SELECT m.id FROM memberships m JOIN schools s ON s.id = m.school_id WHERE s.urn = '800003')`);
    await t.owner.query(`DELETE FROM memberships WHERE school_id = (SELECT id FROM schools WHERE urn = '800003')`);
    expect((await totalOf('')).total).toBe(6);
    expect((await totalOf('status=prospect')).total).toBe(0);
    expect((await totalOf('pageSize=3&page=3')).total).toBe(6);
  });

  it('exports the list as CSV', async () => {
    const res = await admin.get(`${base}/memberships.csv?category=full`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="redbridge-members-/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('URN,School,Phase,Type,Local authority,Pupils,Postcode,Category,Status,Status since,Joined,Leaving on');
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith('910004,Fairlop Vale Special School,special'))).toBe(true);
  });

  it('is readable by the partnership’s other staff but changed only by its admins', async () => {
    const finance = await t.signIn('finance@redbridge.demo.test');
    expect((await finance.get(`${base}/memberships`)).status).toBe(200);
    const { id } = await membershipOf('910001');
    expect((await finance.send('POST', `${base}/memberships/${id}/suspend`, { note: 'x' })).status).toBe(403);
  });
});

describe('the lifecycle, from prospect to notice', () => {
  let id: string;
  let head: Session;

  it('adds a prospect and refuses to invite a school nobody acts for without an address', async () => {
    expect((await json(await admin.send('POST', `${base}/prospects`, { urns: ['800001'] }))).body.created).toBe(1);
    id = (await membershipOf('800001')).id;
    const res = await json(await admin.send('POST', `${base}/memberships/${id}/invite`, {}));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('email');
    expect((await membershipOf('800001')).status).toBe('prospect');
  });

  it('invites the school by e-mail; the head accepts and sees the invitation in the portal', async () => {
    const res = await json(await admin.send('POST', `${base}/memberships/${id}/invite`, { email: 'Head@NewburyPark.sch.uk' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'invited', possibleActions: expect.arrayContaining(['withdraw-application']) === undefined ? [] : expect.any(Array) });
    const mail = await t.smtp.waitFor((m) => m.to.includes('head@newburypark.sch.uk'));
    const token = tokenFrom(mail.raw);
    const lookup = await json(await fetch(`${t.url}/api/v1/school-invitations/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }));
    expect(lookup.body).toMatchObject({ schoolUrn: '800001', role: 'headteacher', email: 'head@newburypark.sch.uk', hasAccount: false });
    const accepted = await fetch(`${t.url}/api/v1/school-invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Nadia Newbury', password: 'a long and unusual passphrase 42' }),
    });
    expect(accepted.status).toBe(200);
    head = await t.signIn('head@newburypark.sch.uk', 'a long and unusual passphrase 42');
    const mine = await (await head.get('/api/v1/school-portal')).json();
    expect(mine.schools).toEqual([expect.objectContaining({ urn: '800001', roles: ['headteacher'], memberships: [expect.objectContaining({ tenantSlug: 'redbridge', status: 'invited' })] })]);
    const detail = await (await head.get('/api/v1/school-portal/800001/memberships/redbridge')).json();
    expect(detail).toMatchObject({ status: 'invited', possibleActions: ['apply'], category: { code: 'full', votingRights: true }, partnership: { slug: 'redbridge' } });
  });

  it('refuses an incomplete application, naming the fields, and changes nothing', async () => {
    const before = await timelineLength(id);
    const res = await json(
      await head.send('POST', '/api/v1/school-portal/800001/memberships/redbridge/apply', {
        contact: { name: 'Nadia Newbury', email: 'head@newburypark.sch.uk' },
        contactDetailsConfirmed: false,
        pupilNumber: 300,
        acceptTerms: false,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['contactDetailsConfirmed', 'acceptTerms']);
    const missing = await json(await head.send('POST', '/api/v1/school-portal/800001/memberships/redbridge/apply', { contactDetailsConfirmed: true }));
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['contact', 'pupilNumber', 'acceptTerms']));
    expect((await membershipOf('800001')).status).toBe('invited');
    expect(await timelineLength(id)).toBe(before);
  });

  it('records the application with who accepted the terms and when, and tells the partnership', async () => {
    const res = await json(
      await head.send('POST', '/api/v1/school-portal/800001/memberships/redbridge/apply', {
        contact: { name: 'Nadia Newbury', role: 'Headteacher', email: 'head@newburypark.sch.uk', phone: '020 8000 0000' },
        contactDetailsConfirmed: true,
        pupilNumber: 305,
        acceptTerms: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('applied');
    expect(res.body.application).toMatchObject({ pupilNumber: 305, termsAccepted: { by: { name: 'Nadia Newbury' }, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    await t.smtp.waitFor((m) => m.to.includes('admin@redbridge.demo.test') && /applied/.test(m.raw));
  });

  it('answers an illegal step with 409 and the domain’s reason, changing nothing', async () => {
    const before = await timelineLength(id);
    const res = await json(await admin.send('POST', `${base}/memberships/${id}/activate`, {}));
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(
      "The membership cannot be made active because the school's application is waiting for a decision. Only an approved application can be made active.",
    );
    expect((await membershipOf('800001')).status).toBe('applied');
    expect(await timelineLength(id)).toBe(before);
    expect((await admin.send('POST', `${base}/memberships/${id}/teleport`, {})).status).toBe(404);
  });

  it('approves and activates, e-mailing the school each time', async () => {
    expect((await json(await admin.send('POST', `${base}/memberships/${id}/approve`, {}))).body.status).toBe('approved');
    await t.smtp.waitFor((m) => m.to.includes('head@newburypark.sch.uk') && /approved/.test(m.raw));
    const active = await json(await admin.send('POST', `${base}/memberships/${id}/activate`, {}));
    expect(active.body).toMatchObject({ status: 'active', joinedOn: expect.any(String), possibleActions: expect.arrayContaining(['give-notice', 'suspend']) });
  });

  it('shows the school its leaving date before it gives notice, then records the notice', async () => {
    const preview = await json(await head.send('POST', '/api/v1/school-portal/800001/memberships/redbridge/notice', { confirm: false }));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ confirmed: false, status: 'active', noticeRule: "One year's notice; membership ends when the notice runs out." });
    expect(preview.body.explanation).toMatch(/^One year's notice given on/);
    expect((await membershipOf('800001')).status).toBe('active');
    const given = await json(await head.send('POST', '/api/v1/school-portal/800001/memberships/redbridge/notice', { confirm: true }));
    expect(given.body).toMatchObject({ confirmed: true, status: 'notice-given', leavingOn: preview.body.leavingOn });
    const detail = await (await head.get('/api/v1/school-portal/800001/memberships/redbridge')).json();
    expect(detail).toMatchObject({ status: 'notice-given', notice: { leavingOn: preview.body.leavingOn, givenBy: { name: 'Nadia Newbury' } } });
    const leave = await json(await admin.send('POST', `${base}/memberships/${id}/leave`, {}));
    expect(leave.status).toBe(409);
    expect(leave.body.detail).toMatch(/its notice runs until/);
  });

  it('keeps the full timeline on the member page, in order', async () => {
    const detail = await (await admin.get(`${base}/memberships/${id}`)).json();
    expect(detail.timeline.map((e: { event: string; to: string }) => `${e.event}:${e.to}`)).toEqual([
      'add:prospect',
      'invite:invited',
      'apply:applied',
      'approve:approved',
      'activate:active',
      'give-notice:notice-given',
    ]);
    expect(detail.timeline[1].data).toEqual({ invited: ['head@newburypark.sch.uk'] });
    expect(detail.timeline[0].by.name).toBe('Redbridge Admin');
    expect(detail.schoolPeople).toEqual([{ name: 'Nadia Newbury', email: 'head@newburypark.sch.uk', roles: ['headteacher'] }]);
    const audit = await t.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_table = 'memberships' AND entity_id = $1`, [id]);
    expect(audit[0].n).toBeGreaterThanOrEqual(6);
  });

  it('records leaving once the leaving date has come (notice given in the past)', async () => {
    const { id: other } = await membershipOf('910003');
    const notice = await json(await admin.send('POST', `${base}/memberships/${other}/notice`, { confirm: true, date: '2020-01-15' }));
    expect(notice.status).toBe(400); // before the membership began on 1 September 2025
    expect(notice.body.errors[0].field).toBe('date');
    const ok = await json(await admin.send('POST', `${base}/memberships/${other}/notice`, { confirm: true, date: '2025-09-01' }));
    expect(ok.body).toMatchObject({ status: 'notice-given', leavingOn: '2026-08-31' });
    const future = await json(await admin.send('POST', `${base}/memberships/${other}/leave`, { date: '2999-01-01' }));
    expect(future.body.errors[0].field).toBe('date');
  });

  it('asks for a reason to suspend, then suspends and reinstates', async () => {
    const { id: other } = await membershipOf('910002');
    const bare = await json(await admin.send('POST', `${base}/memberships/${other}/suspend`, {}));
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].field).toBe('note');
    expect((await json(await admin.send('POST', `${base}/memberships/${other}/suspend`, { note: 'Unpaid invoice' }))).body.status).toBe('suspended');
    expect((await json(await admin.send('POST', `${base}/memberships/${other}/reinstate`, {}))).body.status).toBe('active');
  });

  it('counts memberships by month and status for the chart', async () => {
    const stats = await json(await admin.get(`${base}/memberships/stats?months=3`));
    expect(stats.status).toBe(200);
    expect(stats.body.months).toHaveLength(3);
    const now = stats.body.months[2];
    expect(now.counts['notice-given']).toBe(2);
    expect(now.members).toBe(stats.body.current.active + stats.body.current['notice-given'] + stats.body.current.suspended);
    expect(stats.body.current.prospect).toBeGreaterThanOrEqual(0);
  });

  it('works each month’s figures out from the timeline: the last event by the month’s end, or before any the first one’s starting status', async () => {
    // A partnership of its own, so the figures are exactly these three memberships'.
    const monthStart = (back: number, day: number) => {
      const [y, m] = londonToday().split('-').map(Number) as [number, number];
      const index = y * 12 + (m - 1) - back;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const [tenant] = await t.owner.query(`INSERT INTO tenants (slug, name) VALUES ('stats-check', 'Stats Check Partnership') RETURNING id`);
    await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, id, 'tenant-admin' FROM users WHERE email = 'admin@redbridge.demo.test'`, [tenant.id]);
    await t.owner.query(`INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES
      ('800101', 'Stats One Primary School', 'primary', 'Community school', 'Redbridge', 200, 'IG1 1AA'),
      ('800102', 'Stats Two Primary School', 'primary', 'Community school', 'Redbridge', 200, 'IG1 1AB'),
      ('800103', 'Stats Three Primary School', 'primary', 'Community school', 'Redbridge', 200, 'IG1 1AC')`);
    const member = async (urn: string, status: string, joinedOn: string) =>
      (await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT $1, id, 'full', $2, $3 FROM schools WHERE urn = $4 RETURNING id`, [tenant.id, status, joinedOn, urn]))[0].id as string;
    const event = (membershipId: string, from: string, to: string, onDate: string) =>
      t.owner.query(`INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_name) VALUES ($1, $2, $3, $4, $5, $6, 'Test')`, [tenant.id, membershipId, to, from, to, onDate]);
    // One: active, suspended, reinstated and given notice in the same month (the later event counts), then left.
    const one = await member('800101', 'left', monthStart(4, 5));
    await event(one, 'applied', 'active', monthStart(4, 5));
    await event(one, 'active', 'suspended', monthStart(3, 10));
    await event(one, 'suspended', 'active', monthStart(2, 10));
    await event(one, 'active', 'notice-given', monthStart(2, 20));
    await event(one, 'notice-given', 'left', monthStart(1, 5));
    // Two: no timeline, active since it joined.
    await member('800102', 'active', monthStart(2, 15));
    // Three: invited before its first event (that event's starting status), applied after.
    const three = await member('800103', 'applied', monthStart(5, 3));
    await event(three, 'invited', 'applied', monthStart(3, 7));

    const stats = await json(await admin.get('/api/v1/tenants/stats-check/memberships/stats?months=7'));
    expect(stats.status).toBe(200);
    const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    expect(stats.body.months.map((m: { month: string; counts: Record<string, number>; members: number }) => [m.month, nonZero(m.counts), m.members])).toEqual([
      [monthStart(6, 1).slice(0, 7), {}, 0],
      [monthStart(5, 1).slice(0, 7), { invited: 1 }, 0],
      [monthStart(4, 1).slice(0, 7), { invited: 1, active: 1 }, 1],
      [monthStart(3, 1).slice(0, 7), { applied: 1, suspended: 1 }, 1],
      [monthStart(2, 1).slice(0, 7), { applied: 1, active: 1, 'notice-given': 1 }, 2],
      [monthStart(1, 1).slice(0, 7), { applied: 1, active: 1, left: 1 }, 1],
      [monthStart(0, 1).slice(0, 7), { applied: 1, active: 1, left: 1 }, 1],
    ]);
    expect(nonZero(stats.body.current)).toEqual({ applied: 1, active: 1, left: 1 });
  });
});

describe('bulk invitations', () => {
  it('invites schools whose people are known, and says why others were skipped', async () => {
    // 920001 belongs to Ealing and has a headteacher on the platform; 800002 has nobody yet.
    await admin.send('POST', `${base}/prospects`, { urns: ['920001', '800002'] });
    const a = await membershipOf('920001');
    const b = await membershipOf('800002');
    const active = await membershipOf('910004');
    const res = await json(await admin.send('POST', `${base}/memberships/bulk-invite`, { ids: [a.id, b.id, active.id] }));
    expect(res.body.invited).toEqual([a.id]);
    expect(res.body.skipped.map((s: { id: string }) => s.id)).toEqual([b.id, active.id]);
    expect(res.body.skipped[0].reason).toMatch(/Nobody acts for Goodmayes Vale Primary School/);
    expect(res.body.skipped[1].reason).toMatch(/cannot be invited/);
    await t.smtp.waitFor((m) => m.to.includes('head.920001@demo.test') && /Redbridge Education Partnership/.test(m.raw));
    const withContact = await json(await admin.send('POST', `${base}/memberships/bulk-invite`, { ids: [b.id], contacts: [{ id: b.id, email: 'office@goodmayes.sch.uk' }] }));
    expect(withContact.body.invited).toEqual([b.id]);
    const bad = await json(await admin.send('POST', `${base}/memberships/bulk-invite`, { ids: [] }));
    expect(bad.body.errors[0].field).toBe('ids');
  });

  it('lets a head acting for schools in two partnerships see them all in one place', async () => {
    const head = await t.signIn('head.920001@demo.test');
    const mine = await (await head.get('/api/v1/school-portal')).json();
    expect(mine.schools[0].memberships.map((m: { tenantSlug: string; status: string }) => `${m.tenantSlug}:${m.status}`).sort()).toEqual(['ealing:active', 'redbridge:invited']);
  });
});

describe('the school home in one answer', () => {
  it('gives each of the school’s partnerships as its membership page does, and the person’s governance there', async () => {
    const head = await t.signIn('head.920001@demo.test');
    const home = await json(await head.get('/api/v1/school-portal/920001/home'));
    expect(home.status).toBe(200);
    expect(home.body.partnerships.map((p: { partnership: { slug: string }; status: string }) => `${p.partnership.slug}:${p.status}`)).toEqual(['ealing:active', 'redbridge:invited']);
    const [ealing, redbridge] = home.body.partnerships;
    expect(ealing).toMatchObject({ possibleActions: ['give-notice'], renewsOn: expect.stringMatching(/-09-01$/), notice: null, category: { code: 'full' } });
    expect(redbridge).toMatchObject({ possibleActions: ['apply'], renewsOn: null, documents: [] });
    // The same details as the membership page's answer, without its timeline, application and pupil number.
    for (const overview of home.body.partnerships) {
      const { timeline, application, pupilNumber, ...detail } = await (await head.get(`/api/v1/school-portal/920001/memberships/${overview.partnership.slug}`)).json();
      expect(Array.isArray(timeline) && pupilNumber !== undefined && application !== undefined).toBe(true);
      expect(overview).toEqual(detail);
    }
    // The governance the page used to filter out of /me/governance: the school's partnerships, this school's representation, no structure.
    const mine = await (await head.get('/api/v1/me/governance')).json();
    const expected = mine.partnerships
      .filter((p: { slug: string }) => ['ealing', 'redbridge'].includes(p.slug))
      .map(({ structure: _structure, ...p }: { structure: unknown; representation: { schoolUrn: string }[] }) => ({ ...p, representation: p.representation.filter((r) => r.schoolUrn === '920001') }));
    expect(expected.map((p: { slug: string }) => p.slug)).toEqual(['ealing']);
    expect(home.body.governance).toEqual(expected);
  });

  it('is only for the school’s own people: anyone else gets 404, and a signed-out caller 401', async () => {
    const otherHead = await t.signIn('head.910002@demo.test');
    expect((await otherHead.get('/api/v1/school-portal/920001/home')).status).toBe(404);
    // Another partnership's admin, and even the admin of a partnership the school belongs to.
    const ealingAdmin = await t.signIn('admin@ealing.demo.test');
    expect((await admin.get('/api/v1/school-portal/920001/home')).status).toBe(404);
    expect((await ealingAdmin.get('/api/v1/school-portal/920001/home')).status).toBe(404);
    expect((await otherHead.get('/api/v1/school-portal/999999/home')).status).toBe(404);
    expect((await otherHead.get('/api/v1/school-portal/not-a-urn/home')).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/school-portal/920001/home`)).status).toBe(401);
  });
});

describe('a partnership with a liability guarantee', () => {
  it('needs the school to accept THE Partnership’s £25 guarantee, and records it', async () => {
    const th = await t.signIn('admin@tower-hamlets.demo.test');
    await th.send('POST', '/api/v1/tenants/tower-hamlets/prospects', { urns: ['920002'] });
    const list = await (await th.get('/api/v1/tenants/tower-hamlets/memberships?q=920002')).json();
    expect((await th.send('POST', `/api/v1/tenants/tower-hamlets/memberships/${list.items[0].id}/invite`, {})).status).toBe(200);
    const head = await t.signIn('head.920002@demo.test');
    const detail = await (await head.get('/api/v1/school-portal/920002/memberships/tower-hamlets')).json();
    expect(detail).toMatchObject({ status: 'invited', liabilityGuaranteePence: 2500 });
    const application = { contact: { name: 'Bea Brentside', email: 'head.920002@demo.test' }, contactDetailsConfirmed: true, pupilNumber: 420, acceptTerms: true };
    const refused = await json(await head.send('POST', '/api/v1/school-portal/920002/memberships/tower-hamlets/apply', application));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'acceptLiabilityGuarantee', message: expect.stringMatching(/£25 liability guarantee/) }]);
    const applied = await json(await head.send('POST', '/api/v1/school-portal/920002/memberships/tower-hamlets/apply', { ...application, acceptLiabilityGuarantee: true }));
    expect(applied.body.application.liabilityGuaranteeAccepted).toMatchObject({ amountPence: 2500, by: { name: 'Headteacher of Brentside Green Primary School' } });
    const timeline = (await (await th.get(`/api/v1/tenants/tower-hamlets/memberships/${list.items[0].id}`)).json()).timeline;
    expect(timeline.at(-1).data.liabilityGuarantee).toMatchObject({ type: 'record-liability-guarantee', amountPence: 2500 });
  });
});

describe('the school’s own view', () => {
  it('shows a head only their own school’s membership details', async () => {
    const head = await t.signIn('head.910002@demo.test');
    expect((await head.get('/api/v1/school-portal/910002/memberships/redbridge')).status).toBe(200);
    expect((await head.get('/api/v1/school-portal/910001/memberships/redbridge')).status).toBe(404);
    expect((await head.send('POST', '/api/v1/school-portal/910001/memberships/redbridge/notice', { confirm: false })).status).toBe(404);
    const { id } = await membershipOf('910001');
    expect((await head.get(`${base}/memberships/${id}`)).status).toBe(404);
    expect((await head.get('/api/v1/school-portal/910002/memberships/ealing')).status).toBe(404);
  });

  it('shows what membership includes, the notice rule, renewal date and shared documents', async () => {
    const doc = await json(await admin.send('POST', `${base}/documents`, { title: 'Membership terms 2025-26', url: 'https://redbridge.example/terms.pdf' }));
    expect(doc.status).toBe(201);
    const bad = await json(await admin.send('POST', `${base}/documents`, { title: 'Nothing' }));
    expect(bad.body.errors[0].field).toBe('url');
    const head = await t.signIn('head.910001@demo.test');
    const detail = await (await head.get('/api/v1/school-portal/910001/memberships/redbridge')).json();
    expect(detail).toMatchObject({
      status: 'active',
      category: { code: 'full', name: 'Full member' },
      noticeRule: "One year's notice; membership ends when the notice runs out.",
      renewsOn: expect.stringMatching(/-09-01$/),
      possibleActions: ['give-notice'],
      documents: [expect.objectContaining({ title: 'Membership terms 2025-26' })],
      partnership: { contacts: [{ name: 'Redbridge Admin', email: 'admin@redbridge.demo.test' }] },
    });
    const staffless = await json(await head.send('POST', '/api/v1/school-portal/910001/memberships/redbridge/apply', {}));
    expect(staffless.status).toBe(400);
  });

  it('takes a pupil number correction that the partnership approves, keeping the history', async () => {
    const head = await t.signIn('head.910001@demo.test');
    const bad = await json(await head.send('POST', '/api/v1/school-portal/910001/pupil-counts', { tenantSlug: 'redbridge', census: '2025-11', pupils: -1 }));
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['census', 'pupils']);
    const sent = await json(await head.send('POST', '/api/v1/school-portal/910001/pupil-counts', { tenantSlug: 'redbridge', census: '2025-10', pupils: 214, note: 'Four more joined in September' }));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'pending', pupils: 214, tenantSlug: 'redbridge', source: 'school' });
    const pending = await (await admin.get(`${base}/pupil-counts?status=pending`)).json();
    expect(pending.items.map((p: { id: string }) => p.id)).toEqual([sent.body.id]);
    const { id } = await membershipOf('910001');
    expect((await (await admin.get(`${base}/memberships/${id}`)).json()).pupilNumber).toMatchObject({ pupils: 210, source: 'register', pendingCorrections: 1 });
    expect((await json(await admin.send('POST', `${base}/pupil-counts/${sent.body.id}/reject`, {}))).body.errors[0].field).toBe('note');
    const approved = await json(await admin.send('POST', `${base}/pupil-counts/${sent.body.id}/approve`, {}));
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'Redbridge Admin' });
    expect((await admin.send('POST', `${base}/pupil-counts/${sent.body.id}/approve`, {})).status).toBe(409);
    expect((await (await admin.get(`${base}/memberships/${id}`)).json()).pupilNumber).toMatchObject({ pupils: 214, source: 'partnership', census: '2025-10' });
    const history = await (await head.get('/api/v1/school-portal/910001/pupil-counts')).json();
    expect(history).toMatchObject({ registerPupils: 210, items: [expect.objectContaining({ status: 'approved', tenantName: 'Redbridge Education Partnership' })] });
    const settings = await json(await admin.send('PUT', `${base}/membership-settings`, { feeCensus: 'january' }));
    expect(settings.body).toMatchObject({ feeCensus: 'january', noticeRuleIsDefault: true });
    expect((await (await admin.get(`${base}/memberships/${id}`)).json()).pupilNumber.source).toBe('register');
  });

  it('lets a headteacher invite a business manager, who can then act for the school', async () => {
    const head = await t.signIn('head.910006@demo.test');
    const invited = await json(await head.send('POST', '/api/v1/school-portal/910006/people', { email: 'sbm@sevenkings.sch.uk', role: 'business-manager' }));
    expect(invited.status).toBe(201);
    const mail = await t.smtp.waitFor((m) => m.to.includes('sbm@sevenkings.sch.uk'));
    await fetch(`${t.url}/api/v1/school-invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenFrom(mail.raw), name: 'Sam Business', password: 'another long passphrase 77' }),
    });
    const sbm = await t.signIn('sbm@sevenkings.sch.uk', 'another long passphrase 77');
    expect((await sbm.send('POST', '/api/v1/school-portal/910006/memberships/redbridge/notice', { confirm: false })).status).toBe(200);
    expect((await sbm.send('POST', '/api/v1/school-portal/910006/people', { email: 'x@sevenkings.sch.uk', role: 'staff' })).status).toBe(403);
    const people = await (await head.get('/api/v1/school-portal/910006/people')).json();
    const sam = people.people.find((p: { email: string }) => p.email === 'sbm@sevenkings.sch.uk');
    expect(sam.roles).toEqual(['business-manager']);
    const staff = await json(await head.send('PUT', `/api/v1/school-portal/910006/people/${sam.userId}`, { roles: ['staff'] }));
    expect(staff.body.people.find((p: { email: string }) => p.email === 'sbm@sevenkings.sch.uk').roles).toEqual(['staff']);
    const refused = await json(await sbm.send('POST', '/api/v1/school-portal/910006/memberships/redbridge/notice', { confirm: false }));
    expect(refused.status).toBe(403);
    const headId = people.people.find((p: { roles: string[] }) => p.roles.includes('headteacher')).userId;
    expect((await head.send('PUT', `/api/v1/school-portal/910006/people/${headId}`, { roles: ['staff'] })).status).toBe(409);
  });
});
