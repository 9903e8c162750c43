import { EALING_2018_19_SCENARIO_1, SCENARIO_MAX_GROUPS, validateFeeSchedule } from '@partnerships/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giasFile, giasSchool, importGias } from './support/gias';
import { type Session, startTestApp, type TestApp } from './support/test-app';
import { json } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('fees');
});
afterAll(async () => {
  await t?.close();
});

const quote = async (slug: string, query: string) => {
  const res = await fetch(`${t.url}/api/v1/public/tenants/${slug}/quote?${query}`);
  return { status: res.status, body: await res.json() };
};

describe('public quote', () => {
  it.each([
    [210, 470_600],
    [420, 541_100],
    [630, 611_700],
    [840, 682_200],
  ])('charges a %i-pupil primary in Ealing the published scenario 1 fee', async (pupils, pence) => {
    const { status, body } = await quote('ealing', `phase=primary&pupils=${pupils}&date=2018-10-01`);
    expect(status).toBe(200);
    expect(body.totalPence).toBe(pence);
    expect(body.schedule).toMatchObject({ version: 1, period: { start: '2018-09-01', end: '2019-08-31' }, coversDate: true, rounding: { unit: 'pound', mode: 'half-up' } });
  });

  it('explains a 1 FE primary’s fee line by line, as the school sees it', async () => {
    const { body } = await quote('ealing', 'phase=primary&pupils=210&date=2018-10-01');
    const texts = body.lines.map((l: { text: string }) => l.text);
    expect(texts).toContain('Base fee for a primary school £4,000.00');
    expect(texts).toContain('210 pupils × £3.36 = £705.60');
    expect(texts.at(-1)).toBe('Total £4,705.60, rounded to £4,706');
  });

  it('charges secondary and special schools as published', async () => {
    expect((await quote('ealing', 'phase=secondary&pupils=1000&date=2018-10-01')).body.totalPence).toBe(990_000);
    expect((await quote('ealing', 'phase=special&pupils=90&date=2018-10-01')).body.totalPence).toBe(450_000);
  });

  it('uses the latest published schedule when none covers today, and says so', async () => {
    const { body } = await quote('ealing', 'phase=primary&pupils=210');
    expect(body.totalPence).toBe(470_600);
    expect(body.schedule.coversDate).toBe(false);
    expect(body.schedule.note).toMatch(/latest published one, for 2018–19/);
  });

  it('charges THE Partnership pro rata from 1 April 2017 and records the £25 guarantee', async () => {
    const { body } = await quote('tower-hamlets', 'phase=primary&pupils=420&date=2017-05-01');
    expect(body.totalPence).toBe(87_500); // £5 × 420 × 5/12
    expect(body.liabilityGuaranteePence).toBe(2500);
    expect(body.liabilityGuaranteeNote).toMatch(/up to £25 if the company is wound up/);
    expect((await quote('tower-hamlets', 'phase=primary&pupils=420&date=2017-10-01')).body.totalPence).toBe(210_000);
  });

  it('quotes a school picked from the register by URN, with its membership category', async () => {
    const { body } = await quote('redbridge', 'urn=910005');
    expect(body.school).toMatchObject({ urn: '910005', name: 'Wanstead Park High School', category: 'associate' });
    expect(body.totalPence).toBe(100_000);
  });

  it.each([
    ['phase=college&pupils=210', 'phase'],
    ['phase=primary', 'pupils'],
    ['pupils=210', 'phase'],
    ['phase=primary&pupils=-3', 'pupils'],
    ['phase=primary&pupils=210&date=yesterday', 'date'],
    ['urn=12', 'urn'],
    ['urn=999999', 'urn'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const { status, body } = await quote('ealing', query);
    expect(status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 for an unknown partnership', async () => {
    expect((await quote('nowhere', 'phase=primary&pupils=210')).status).toBe(404);
  });

  // A partnership that chose not to be in the directory, or is suspended, is not there for the public: the
  // calculator and its register search answer 404 exactly as its public page does.
  it.each([
    ['unlisted', `UPDATE tenants SET listed = false WHERE slug = 'ealing'`],
    ['suspended', `UPDATE tenants SET status = 'suspended' WHERE slug = 'ealing'`],
  ])('answers 404 for an %s partnership, as its public page does', async (_, change) => {
    expect((await quote('ealing', 'phase=primary&pupils=210&date=2018-10-01')).status).toBe(200);
    const before = await t.owner.query(`SELECT listed, status FROM tenants WHERE slug = 'ealing'`);
    await t.owner.query(change);
    try {
      expect((await fetch(`${t.url}/api/v1/public/tenants/ealing`)).status).toBe(404);
      const refused = await quote('ealing', 'phase=primary&pupils=210&date=2018-10-01');
      expect(refused.status).toBe(404);
      expect(refused.body.totalPence).toBeUndefined();
      expect((await quote('ealing', 'urn=920001&date=2018-10-01')).status).toBe(404);
      expect((await fetch(`${t.url}/api/v1/public/tenants/ealing/quote/schools?q=acton`)).status).toBe(404);
    } finally {
      await t.owner.query(`UPDATE tenants SET listed = $1, status = $2 WHERE slug = 'ealing'`, [before[0].listed, before[0].status]);
    }
    expect((await quote('ealing', 'phase=primary&pupils=210&date=2018-10-01')).status).toBe(200);
  });
});

describe('fee schedule versions', () => {
  it('creates, validates, publishes and freezes a schedule; a new version supersedes it', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const document = { ...EALING_2018_19_SCENARIO_1, name: 'Redbridge 2027–28', period: { kind: 'academic-year', start: '2027-09-01', end: '2028-08-31', label: '2027–28' } };

    const bad = await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document: { ...document, components: [{ kind: 'per-pupil', ratePence: -5 }] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toMatch(/^document\.components\[0\]/);

    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document })).json();
    expect(created).toMatchObject({ version: 1, status: 'draft', period: { label: '2027–28' } });

    const preview = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json();
    expect(preview.rows).toHaveLength(6);
    const aldborough = preview.rows.find((r: { urn: string }) => r.urn === '910001');
    expect(aldborough.totalPence).toBe(470_600);
    expect(preview.previousSchedule.period.label).toBe('2019–20');
    expect(aldborough.previousPence).toBe(260_000);
    expect(aldborough.changePence).toBe(210_600);

    const published = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/publish`)).json();
    expect(published.status).toBe('published');
    expect((await admin.send('PUT', `/api/v1/tenants/redbridge/fee-schedules/${created.id}`, { document })).status).toBe(409);
    expect((await admin.send('DELETE', `/api/v1/tenants/redbridge/fee-schedules/${created.id}`)).status).toBe(409);

    const v2 = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/new-version`)).json();
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    const changed = { ...document, components: [{ kind: 'per-pupil', ratePence: 500 }] };
    expect((await admin.send('PUT', `/api/v1/tenants/redbridge/fee-schedules/${v2.id}`, { document: changed })).status).toBe(200);
    await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${v2.id}/publish`);
    const list = await (await admin.get('/api/v1/tenants/redbridge/fee-schedules')).json();
    const statuses = list.items.filter((s: { period: { label: string } }) => s.period.label === '2027–28').map((s: { version: number; status: string }) => [s.version, s.status]);
    expect(statuses).toEqual([[2, 'published'], [1, 'superseded']]);
    const q = await quote('redbridge', 'phase=primary&pupils=210&date=2027-10-01');
    expect(q.body.totalPence).toBe(105_000);
    expect(q.body.schedule.version).toBe(2);

    const exported = await admin.get(`/api/v1/tenants/redbridge/fee-schedules/${v2.id}/export`);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const imported = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document: JSON.parse(await exported.text()) })).json();
    expect(imported).toMatchObject({ version: 3, status: 'draft' });
  });

  it('keeps school users and other partnerships out', async () => {
    const head = await t.signIn('head.910001@demo.test');
    expect((await head.get('/api/v1/tenants/redbridge/fee-schedules')).status).toBe(404);
  });
});

describe('scenario planner', () => {
  const schools = [
    { phase: 'primary', pupils: 210, count: 60 },
    { phase: 'secondary', pupils: 1000, count: 14 },
  ];

  it('totals the income from 60 primaries and 14 high schools under scenario 1', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const res = await (await admin.send('POST', '/api/v1/tenants/ealing/fee-scenarios', { document: EALING_2018_19_SCENARIO_1, schools })).json();
    expect(res.schools).toBe(74);
    expect(res.totalPence).toBe(60 * 470_600 + 14 * 990_000);
  });

  it('solves for the primary per-pupil rate that raises a target', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const target = 60 * 470_600 + 14 * 990_000;
    const res = await (await admin.send('POST', '/api/v1/tenants/ealing/fee-scenarios', { document: EALING_2018_19_SCENARIO_1, schools, solve: { componentIndex: 1, field: 'ratePence', targetPence: target } })).json();
    expect(res.solution.totalPence).toBeGreaterThanOrEqual(target);
    expect(res.solution.valuePence).toBeLessThanOrEqual(336);
    expect(res.solution.valuePence).toBeGreaterThan(330);
  });

  it('names the field when the request is wrong', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const res = await admin.send('POST', '/api/v1/tenants/ealing/fee-scenarios', { document: EALING_2018_19_SCENARIO_1, schools: [{ phase: 'castle', pupils: 'many' }] });
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['schools.0.phase', 'schools.0.pupils']));
  });
});

describe('templates to start a schedule from', () => {
  it('offers the engine’s examples as valid documents', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const { items } = await (await admin.get('/api/v1/tenants/ealing/fee-schedule-templates')).json();
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) expect(validateFeeSchedule(item.document).ok, item.key).toBe(true);
    expect(items.map((i: { key: string }) => i.key)).toContain('base-and-per-pupil');
  });
});

describe('public register search for the calculator', () => {
  const search = async (slug: string, q: string) => {
    const res = await fetch(`${t.url}/api/v1/public/tenants/${slug}/quote/schools?q=${encodeURIComponent(q)}`);
    return { status: res.status, body: await res.json() };
  };

  it('finds a school by name or URN and shows only what a school needs to recognise itself', async () => {
    const byName = await search('ealing', 'acton vale');
    expect(byName.status).toBe(200);
    expect(byName.body.items[0]).toEqual({ urn: '920001', name: 'Acton Vale Primary School', phase: 'primary', localAuthority: 'Ealing', pupils: 210 });
    const byUrn = await search('ealing', '910005');
    expect(byUrn.body.items.map((s: { urn: string }) => s.urn)).toEqual(['910005']);
  });

  it('puts schools in the partnership’s own area first', async () => {
    const { body } = await search('ealing', 'Primary School');
    expect(body.items[0].localAuthority).toBe('Ealing');
    expect(body.items.length).toBeLessThanOrEqual(20);
  });

  it('names the field when the search is too short, and answers 404 for an unknown partnership', async () => {
    const short = await search('ealing', 'a');
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { field: string }) => e.field)).toContain('q');
    expect((await search('nowhere', 'acton')).status).toBe(404);
  });

  it('stops a flood of searches from one address', async () => {
    let last = 200;
    for (let i = 0; i < 125 && last !== 429; i++) last = (await search('ealing', 'acton')).status;
    expect(last).toBe(429);
  });
});

describe('school facts and schedule checks (issue 13)', () => {
  const period = { kind: 'academic-year', start: '2030-09-01', end: '2031-08-31', label: '2030–31' };
  const draft = (components: unknown[]) => ({ ...EALING_2018_19_SCENARIO_1, name: 'Redbridge 2030–31', period, rounding: { unit: 'penny', mode: 'half-up' }, components });
  const byUrn = (rows: { urn: string; totalPence: number }[], urn: string) => rows.find((r) => r.urn === urn)?.totalPence;
  const membershipId = async (admin: Awaited<ReturnType<TestApp['signIn']>>, urn: string) => {
    const page = await (await admin.get('/api/v1/tenants/redbridge/memberships?pageSize=100')).json();
    return page.items.find((m: { school: { urn: string } }) => m.school.urn === urn).id as string;
  };

  it('prices by sixth form, trust, diocese and area from the register, and by the partnership’s own record, without a second category', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const document = draft([
      { kind: 'per-pupil', ratePence: 500 },
      { kind: 'flat-fee', amountPence: 450_000, label: 'Secondary with a sixth form', when: { phase: ['secondary'], sixthForm: true } },
      { kind: 'minimum-fee', amountPence: 250_000, when: { trust: ['Forest Learning Trust'] } },
      { kind: 'base-fee', amountPence: 10_000, label: 'North cluster', when: { area: ['North cluster'] } },
      { kind: 'base-fee', amountPence: 5_000, label: 'Diocesan schools', when: { diocese: ['Diocese of Brentwood'] } },
    ]);
    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document })).json();
    expect(created.document.components[1].when).toEqual({ phase: ['secondary'], sixthForm: true });
    const preview = async () => (await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json()).rows;
    let rows = await preview();
    expect(byUrn(rows, '910005')).toBe(450_000); // Wanstead Park High: GIAS says it has a sixth form (an associate: no second category needed)
    expect(byUrn(rows, '910002')).toBe(250_000); // Barkingside Fields: in the Forest Learning Trust, raised to its minimum
    expect(byUrn(rows, '910003')).toBe(140_000); // Clayhall Meadow: 270 × £5 + the Diocese of Brentwood's base fee
    expect(byUrn(rows, '910001')).toBe(105_000); // Aldborough Hatch: in no named area yet

    // The partnership's own record: an area GIAS does not know, and a sixth form the register does not show.
    const aldborough = await membershipId(admin, '910001');
    const before = await (await admin.get(`/api/v1/tenants/redbridge/memberships/${aldborough}/fee-facts`)).json();
    expect(before).toMatchObject({ register: { district: 'Redbridge' }, overrides: null, facts: { areas: ['Redbridge'] } });
    const saved = await admin.send('PUT', `/api/v1/tenants/redbridge/memberships/${aldborough}/fee-facts`, { area: 'North cluster', trusts: [], sixthForm: null });
    expect(saved.status).toBe(200);
    expect((await saved.json()).facts).toEqual({ trusts: [], areas: ['North cluster', 'Redbridge'] });
    rows = await preview();
    expect(byUrn(rows, '910001')).toBe(115_000);

    const bad = await admin.send('PUT', `/api/v1/tenants/redbridge/memberships/${aldborough}/fee-facts`, { openedOn: '2025-02-30' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toContain('openedOn');
    expect((await admin.send('PUT', `/api/v1/tenants/redbridge/memberships/not-a-uuid/fee-facts`, { area: 'x' })).status).toBe(404);
    const head = await t.signIn('head.910001@demo.test');
    expect((await head.send('PUT', `/api/v1/tenants/redbridge/memberships/${aldborough}/fee-facts`, { area: 'x' })).status).toBe(404);

    // Publish it: the public calculator quotes the school from the same facts as the preview.
    expect((await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/publish`)).status).toBe(200);
    expect((await quote('redbridge', 'urn=910005&date=2030-10-01')).body.totalPence).toBe(450_000);
    expect((await quote('redbridge', 'urn=910001&date=2030-10-01')).body.totalPence).toBe(115_000);
  });

  it('flags a schedule that contradicts itself, naming the schools, and refuses to publish it', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const document = draft([
      { kind: 'per-pupil', ratePence: 500 },
      { kind: 'minimum-fee', amountPence: 600_000, when: { sixthForm: true } },
      { kind: 'maximum-fee', amountPence: 500_000, when: { phase: ['secondary'] } },
      { kind: 'base-fee', amountPence: 100_000 },
      { kind: 'base-fee', amountPence: 50_000, when: { trust: ['Forest Learning Trust'] } },
      { kind: 'per-pupil', ratePence: 33_600, when: { phase: ['special'] } },
      { kind: 'maximum-fee', amountPence: 0, when: { diocese: ['Diocese of Brentwood'] } },
    ]);
    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document })).json();
    const preview = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json();
    const warnings = preview.warnings.map((w: { kind: string; components: number[]; schools: string[] }) => [w.kind, w.components, w.schools]);
    expect(warnings).toEqual([
      ['minimum-above-maximum', [1, 2], ['Wanstead Park High School']],
      ['two-base-fees', [3, 4], ['Barkingside Fields Primary School', 'Wanstead Park High School']],
      ['rate-looks-wrong', [5], ['Fairlop Vale Special School']],
      ['zero-maximum', [6], ['Clayhall Meadow Infant School']],
    ]);
    expect(preview.warnings[2].message).toMatch(/£336\.00 per pupil .*slip of the decimal point/);

    const refused = await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/publish`);
    expect(refused.status).toBe(400);
    const errors = (await refused.json()).errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['document.components[1]', 'document.components[3]', 'document.components[5]', 'document.components[6]']);
    expect(errors[1]!.message).toContain('Barkingside Fields Primary School and Wanstead Park High School');
    expect((await (await admin.get(`/api/v1/tenants/redbridge/fee-schedules/${created.id}`)).json()).status).toBe('draft');

    // The unsaved document in the editor is checked too: the contradiction gone, nothing is flagged.
    const fixed = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, { document: draft([{ kind: 'per-pupil', ratePence: 500 }]) })).json();
    expect(fixed.warnings).toEqual([]);
  });

  it('shows the prospects the partnership is about to invite in a draft’s preview, marked as prospects and kept out of the members’ total', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const added = await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { urns: ['920005'], category: 'associate' });
    expect(added.status).toBe(200);
    const document = draft([{ kind: 'per-pupil', ratePence: 500 }, { kind: 'maximum-fee', amountPence: 0, when: { sixthForm: true } }]);
    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document })).json();
    const preview = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json();
    expect(preview.prospects).toEqual([expect.objectContaining({ urn: '920005', name: 'Southall Common High School', status: 'prospect', prospect: true, totalPence: 0 })]);
    expect(preview.rows.map((r: { urn: string }) => r.urn)).not.toContain('920005');
    expect(preview.totalPence).toBe(preview.rows.reduce((sum: number, r: { totalPence: number }) => sum + r.totalPence, 0));
    // A contradiction that touches a prospect names it, marked as one.
    expect(preview.warnings).toEqual([expect.objectContaining({ kind: 'zero-maximum', schools: ['Wanstead Park High School', 'Southall Common High School (prospect)'] })]);
  });

  it('takes the facts from a GIAS file: a school imported with a sixth form, a trust and a diocese is priced by them', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const file = giasFile([
      giasSchool({
        urn: '700101', name: 'Hainault Forest Academy', type: 'Academy converter', phase: 'Secondary', localAuthority: 'Redbridge', pupils: 900, statutoryLowAge: 11, statutoryHighAge: 18,
        sixthForm: 'Has a sixth form', openedOn: '01-09-2025', trust: 'Forest Learning Trust', religiousCharacter: 'Church of England', diocese: 'Diocese of Chelmsford', district: 'Redbridge',
      }),
    ]);
    expect(await importGias(t, admin, 'redbridge', file)).toMatchObject({ status: 'completed', problems: [] });
    expect((await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { urns: ['700101'], category: 'associate' })).status).toBe(200);
    const document = draft([
      { kind: 'per-pupil', ratePence: 500 },
      { kind: 'flat-fee', amountPence: 300_000, when: { sixthForm: true, openedOnOrAfter: '2025-09-01', diocese: ['diocese of chelmsford'], inTrust: true } },
    ]);
    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document })).json();
    const preview = await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json();
    expect(preview.prospects.find((p: { urn: string }) => p.urn === '700101')).toMatchObject({ prospect: true, totalPence: 300_000 });
    expect(byUrn(preview.rows, '910005')).toBe(590_000); // opened in 2012: not a new school, so 1,180 × £5
  });

  it('clears a fact a later GIAS file leaves blank: a school that leaves its trust is no longer priced as in one', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const hainault = (over: Parameters<typeof giasSchool>[0] = {}) =>
      giasSchool({
        urn: '700101', name: 'Hainault Forest Academy', type: 'Academy converter', phase: 'Secondary', localAuthority: 'Redbridge', pupils: 900, statutoryLowAge: 11, statutoryHighAge: 18,
        sixthForm: 'Has a sixth form', openedOn: '01-09-2025', trust: 'Forest Learning Trust', federation: 'Not applicable', religiousCharacter: 'Church of England',
        diocese: 'Diocese of Chelmsford', district: 'Redbridge', ...over,
      });
    const facts = async () => (await t.owner.query(`SELECT sixth_form, opened_on::text, trust, federation, religious_character, diocese, district FROM schools WHERE urn = '700101'`))[0];
    const created = await (await admin.send('POST', '/api/v1/tenants/redbridge/fee-schedules', { document: draft([{ kind: 'per-pupil', ratePence: 500 }, { kind: 'flat-fee', amountPence: 300_000, when: { inTrust: true } }]) })).json();
    const fee = async () => (await (await admin.send('POST', `/api/v1/tenants/redbridge/fee-schedules/${created.id}/preview`, {})).json()).prospects.find((p: { urn: string }) => p.urn === '700101')?.totalPence;

    expect((await importGias(t, admin, 'redbridge', giasFile([hainault()]))).counts).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await fee()).toBe(300_000);

    // The academy leaves its trust and is no longer a church school: GIAS leaves those cells blank, which means none.
    const left = giasFile([hainault({ trust: '', religiousCharacter: 'Does not apply', diocese: '' })]);
    expect((await importGias(t, admin, 'redbridge', left)).counts).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect(await facts()).toEqual({ sixth_form: true, opened_on: '2025-09-01', trust: null, federation: null, religious_character: null, diocese: null, district: 'Redbridge' });
    expect(await fee()).toBe(450_000); // 900 × £5: not in a trust now
    // The same file again changes nothing, and says so.
    expect((await importGias(t, admin, 'redbridge', left)).counts).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1, skipped: 0 });

    // A file without those columns at all says nothing about them: the register keeps what it holds.
    await importGias(t, admin, 'redbridge', giasFile([hainault()]));
    const header = 'URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),LA (name),EstablishmentStatus (name)';
    const slim = new TextEncoder().encode(`${header}\r\n700101,Hainault Forest Academy,Academy converter,Secondary,Redbridge,Open\r\n`);
    expect((await importGias(t, admin, 'redbridge', slim)).counts).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect(await facts()).toMatchObject({ trust: 'Forest Learning Trust', diocese: 'Diocese of Chelmsford', sixth_form: true });
    expect(await fee()).toBe(300_000);
  });
});

describe('a preview at scale', () => {
  it('answers a page of schools at a time, with totals that cover every school, so the answer stays small however many members there are', async () => {
    // A partnership of its own with 260 member schools (modest; the bound is on the answer's shape, not time).
    const admin = await t.signIn('admin@redbridge.demo.test');
    const [tenant] = await t.owner.query(`INSERT INTO tenants (slug, name) VALUES ('preview-scale', 'Preview Scale Partnership') RETURNING id`);
    await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, id, 'tenant-admin' FROM users WHERE email = 'admin@redbridge.demo.test'`, [tenant.id]);
    await t.owner.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((870000 + i)::text, 6, '0'), 'Scale School ' || lpad(i::text, 3, '0'), 'primary', 'Community school', 'Scaleshire', 100 + i, 'SC1 1AA' FROM generate_series(1, 260) i`,
    );
    await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT $1, id, 'full', 'active', '2020-09-01' FROM schools WHERE urn LIKE '87%'`, [tenant.id]);
    const created = await (await admin.send('POST', '/api/v1/tenants/preview-scale/fee-schedules', { document: EALING_2018_19_SCENARIO_1 })).json();
    const url = `/api/v1/tenants/preview-scale/fee-schedules/${created.id}/preview`;

    const first = await admin.send('POST', url, {});
    const text = await first.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({ page: 1, pageSize: 50, schools: 260 });
    expect(body.rows).toHaveLength(50);
    expect(text.length).toBeLessThan(60_000); // a page, not 260 schools' lines
    // Every page together is every school once, and adds up to the total.
    const pages = [body];
    for (let page = 2; page <= 3; page++) pages.push(await (await admin.send('POST', `${url}?page=${page}&pageSize=100`, {})).json());
    expect(pages[1]).toMatchObject({ page: 2, pageSize: 100, schools: 260 });
    const byHundreds = [(await (await admin.send('POST', `${url}?pageSize=100`, {})).json()).rows, pages[1].rows, pages[2].rows];
    expect(byHundreds.map((rows) => rows.length)).toEqual([100, 100, 60]);
    const urns = byHundreds.flat().map((r: { urn: string }) => r.urn);
    expect(new Set(urns).size).toBe(260);
    expect(byHundreds.flat().reduce((sum: number, r: { totalPence: number }) => sum + r.totalPence, 0)).toBe(body.totalPence);
    expect((await admin.send('POST', `${url}?pageSize=201`, {})).status).toBe(400);
  });

  it('works the totals out again on the next request after any change they depend on (they are kept between requests, issue 14)', async () => {
    // 30 primaries of 101…130 pupils at £5 a pupil, to the penny: the total is 3,465 pupils × £5 until something changes.
    const admin = await t.signIn('admin@redbridge.demo.test');
    const [tenant] = await t.owner.query(`INSERT INTO tenants (slug, name) VALUES ('preview-fresh', 'Preview Fresh Partnership') RETURNING id`);
    await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, id, 'tenant-admin' FROM users WHERE email = 'admin@redbridge.demo.test'`, [tenant.id]);
    await t.owner.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((880000 + i)::text, 6, '0'), 'Fresh School ' || lpad(i::text, 2, '0'), 'primary', 'Community school', 'Freshshire', 100 + i, 'FR1 1AA' FROM generate_series(1, 30) i`,
    );
    await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT $1, id, 'full', 'active', '2020-09-01' FROM schools WHERE urn LIKE '88%'`, [tenant.id]);
    const document = (ratePence: number) => ({
      ...EALING_2018_19_SCENARIO_1,
      rounding: { unit: 'penny', mode: 'half-up' },
      components: [{ kind: 'per-pupil', ratePence }, { kind: 'base-fee', amountPence: 10_000, label: 'North cluster', when: { area: ['North cluster'] } }],
    });
    const created = await json(await admin.send('POST', '/api/v1/tenants/preview-fresh/fee-schedules', { document: document(500) }), 201);
    const url = `/api/v1/tenants/preview-fresh/fee-schedules/${created.id}`;
    const preview = async (query = '') => json(await admin.send('POST', `${url}/preview${query}`, {}), 200);
    const school = async (urn: string) => (await t.owner.query(`SELECT id FROM schools WHERE urn = $1`, [urn]))[0].id as string;

    expect(await preview()).toMatchObject({ schools: 30, totalPence: 3_465 * 500 });
    expect(await preview('?page=2&pageSize=10')).toMatchObject({ schools: 30, totalPence: 3_465 * 500 }); // the same, kept

    // The register's pupils (as a GIAS import writes them, outside the API).
    await t.owner.query(`UPDATE schools SET pupils = 200 WHERE urn = '880001'`); // 101 → 200
    let body = await preview();
    expect(body.totalPence).toBe((3_465 + 99) * 500);
    expect(body.rows.find((r: { urn: string }) => r.urn === '880001')).toMatchObject({ pupils: 200, totalPence: 100_000 });

    // An approved figure for the partnership's census (October) wins over the register's…
    await t.owner.query(`INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, decided_at) VALUES ($1, $2, '2026-10', 300, 'partnership', 'approved', now())`, [tenant.id, await school('880002')]);
    expect((await preview()).totalPence).toBe((3_465 + 99 + 198) * 500); // 102 → 300
    // …until the partnership prices by another census.
    await t.owner.query(`UPDATE tenants SET fee_census = 'january' WHERE id = $1`, [tenant.id]);
    expect((await preview()).totalPence).toBe((3_465 + 99) * 500);
    await t.owner.query(`UPDATE tenants SET fee_census = 'october' WHERE id = $1`, [tenant.id]);
    expect((await preview()).totalPence).toBe((3_465 + 99 + 198) * 500);

    // A fact the schedule prices by: the partnership's area for a school.
    await t.owner.query(`INSERT INTO member_school_details (tenant_id, school_id, area) VALUES ($1, $2, 'North cluster')`, [tenant.id, await school('880003')]);
    expect((await preview()).totalPence).toBe((3_465 + 99 + 198) * 500 + 10_000);

    // A member leaving is priced no more; a school invited is a prospect, not in the members' total.
    await t.owner.query(`UPDATE memberships SET status = 'left' WHERE tenant_id = $1 AND school_id = $2`, [tenant.id, await school('880030')]);
    body = await preview();
    expect(body).toMatchObject({ schools: 29, totalPence: (3_465 + 99 + 198 - 130) * 500 + 10_000, prospectCount: 0 });
    await t.owner.query(`UPDATE memberships SET status = 'invited' WHERE tenant_id = $1 AND school_id = $2`, [tenant.id, await school('880030')]);
    expect(await preview()).toMatchObject({ schools: 29, totalPence: (3_465 + 99 + 198 - 130) * 500 + 10_000, prospectCount: 1, prospectsTotalPence: 130 * 500 });

    // The schedule itself: saved, or an unsaved document sent to preview.
    expect((await admin.send('PUT', url, { document: document(600) })).status).toBe(200);
    expect((await preview()).totalPence).toBe((3_465 + 99 + 198 - 130) * 600 + 10_000);
    const unsaved = await json(await admin.send('POST', `${url}/preview`, { document: document(700) }), 200);
    expect(unsaved.totalPence).toBe((3_465 + 99 + 198 - 130) * 700 + 10_000);
    expect((await preview()).totalPence).toBe((3_465 + 99 + 198 - 130) * 600 + 10_000);
  });
});

describe('the planner’s current members in one request (issue 14)', () => {
  type Group = { phase: string; category: string; pupils: number; count: number; pupilsMin: number; pupilsMax: number };

  /** A partnership of its own, the Redbridge admin its admin, with these member schools (register pupils); the schools' ids in order. */
  async function partnership(slug: string, schools: { urn: string; phase: string; pupils: number | null; category?: string; status?: string }[]) {
    const [tenant] = await t.owner.query(`INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id`, [slug]);
    await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, id, 'tenant-admin' FROM users WHERE email = 'admin@redbridge.demo.test'`, [tenant.id]);
    const ids: string[] = [];
    for (const s of schools) {
      const [school] = await t.owner.query(
        `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES ($1, 'Planner School ' || $1, $2, 'Community school', 'Plannershire', $3, 'PL1 1AA') RETURNING id`,
        [s.urn, s.phase, s.pupils],
      );
      await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) VALUES ($1, $2, $3, $4, '2020-09-01')`, [tenant.id, school.id, s.category ?? 'full', s.status ?? 'active']);
      ids.push(school.id);
    }
    return { tenantId: tenant.id as string, ids };
  }

  /** Sends one request and counts the statements the API's pg clients sent meanwhile (as statements-per-request.e2e.spec.ts does). */
  async function counted(session: Session, path: string): Promise<{ count: number; sql: string[]; body: any }> {
    const Client = (t.runtime.dataSource.driver as unknown as { postgres: { Client: { prototype: { query: (...args: unknown[]) => unknown } } } }).postgres.Client;
    const query = Client.prototype.query;
    const sql: string[] = [];
    Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sql.push((typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 80));
      return query.apply(this, args);
    };
    try {
      const body = await json(await session.get(path), 200);
      return { count: sql.length, sql, body };
    } finally {
      Client.prototype.query = query;
    }
  }

  const scenarioOf = (groups: Group[]) => groups.map((g) => ({ phase: g.phase, pupils: g.pupils, count: g.count, category: g.category }));

  it('groups the preview’s members by phase, category and the fee’s pupil figure (census over register), and a scenario of them totals the preview’s total', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const { tenantId, ids } = await partnership('planner-groups', [
      { urn: '861001', phase: 'primary', pupils: 210 },
      { urn: '861002', phase: 'primary', pupils: 210 },
      { urn: '861003', phase: 'primary', pupils: 210 }, // an approved October figure of 250 wins
      { urn: '861004', phase: 'primary', pupils: 210 }, // only a January figure: the register's 210
      { urn: '861005', phase: 'primary', pupils: 210, category: 'associate' },
      { urn: '861006', phase: 'secondary', pupils: 1000, status: 'notice-given' },
      { urn: '861007', phase: 'secondary', pupils: 1000, status: 'approved' },
      { urn: '861008', phase: 'special', pupils: null },
      { urn: '861009', phase: 'primary', pupils: 210, status: 'prospect' }, // not a member
      { urn: '861010', phase: 'primary', pupils: 300, status: 'left' }, // not a member
    ]);
    await t.owner.query(
      `INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, decided_at) VALUES ($1, $2, '2026-10', 250, 'partnership', 'approved', now()), ($1, $3, '2027-01', 400, 'partnership', 'approved', now())`,
      [tenantId, ids[2], ids[3]],
    );
    const created = await json(await admin.send('POST', '/api/v1/tenants/planner-groups/fee-schedules', { document: EALING_2018_19_SCENARIO_1 }), 201);
    const base = `/api/v1/tenants/planner-groups/fee-schedules/${created.id}`;

    const answer = await json(await admin.get(`${base}/member-groups`), 200);
    const at = (phase: string, category: string, pupils: number, count: number) => ({ phase, category, pupils, count, pupilsMin: pupils, pupilsMax: pupils });
    expect(answer).toEqual({
      exact: true,
      schools: 8,
      groups: [at('primary', 'associate', 210, 1), at('primary', 'full', 210, 3), at('primary', 'full', 250, 1), at('secondary', 'full', 1000, 2), at('special', 'full', 0, 1)],
    });

    const preview = await json(await admin.send('POST', `${base}/preview`, {}), 200);
    expect(preview.schools).toBe(answer.schools);
    const scenario = await json(await admin.send('POST', '/api/v1/tenants/planner-groups/fee-scenarios', { scheduleId: created.id, schools: scenarioOf(answer.groups) }), 200);
    expect(scenario.schools).toBe(8);
    expect(scenario.totalPence).toBe(preview.totalPence);
    expect(scenario.totalPence).toBe(4 * 470_600 + 1 * 484_000 + 2 * 990_000 + 450_000); // 210 and 250-pupil primaries, high schools, the special school
  });

  it('answers 404 to another partnership and to school users, 400 naming the id for a malformed one', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const ealing = await t.signIn('admin@ealing.demo.test');
    const head = await t.signIn('head.910001@demo.test');
    const schedules = await json(await admin.get('/api/v1/tenants/redbridge/fee-schedules'), 200);
    const id = schedules.items[0].id;
    expect((await admin.get(`/api/v1/tenants/redbridge/fee-schedules/${id}/member-groups`)).status).toBe(200);
    expect((await ealing.get(`/api/v1/tenants/redbridge/fee-schedules/${id}/member-groups`)).status).toBe(404);
    expect((await ealing.get(`/api/v1/tenants/ealing/fee-schedules/${id}/member-groups`)).status).toBe(404); // Redbridge's schedule under Ealing's name
    expect((await head.get(`/api/v1/tenants/redbridge/fee-schedules/${id}/member-groups`)).status).toBe(404);
    const bad = await admin.get('/api/v1/tenants/redbridge/fee-schedules/not-a-schedule/member-groups');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['id']);
    expect((await admin.get('/api/v1/tenants/redbridge/fee-schedules/00000000-0000-4000-8000-000000000000/member-groups')).status).toBe(404);
  });

  it('at a few hundred members: at most 50 groups, a small answer, the same few statements as for a handful, and a scenario within rounding of the preview', async () => {
    const admin = await t.signIn('admin@redbridge.demo.test');
    const { tenantId } = await partnership('planner-scale', []);
    // 300 schools of 300 different sizes in three phases: 300 exact groups, too many for a scenario.
    await t.owner.query(
      `WITH s AS (INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
         SELECT (862000 + i)::text, 'Planner Scale ' || i, (ARRAY['primary', 'secondary', 'special'])[1 + i % 3], 'Community school', 'Plannershire', 60 + 7 * i, 'PL1 1AA' FROM generate_series(1, 300) i RETURNING id)
       INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT $1, id, 'full', 'active', '2020-09-01' FROM s`,
      [tenantId],
    );
    const created = await json(await admin.send('POST', '/api/v1/tenants/planner-scale/fee-schedules', { document: EALING_2018_19_SCENARIO_1 }), 201);
    const small = await json(await admin.send('POST', '/api/v1/tenants/planner-groups/fee-schedules', { document: EALING_2018_19_SCENARIO_1 }), 201);

    await counted(admin, `/api/v1/tenants/planner-scale/fee-schedules/${created.id}/member-groups`); // warm-up
    const many = await counted(admin, `/api/v1/tenants/planner-scale/fee-schedules/${created.id}/member-groups`);
    const few = await counted(admin, `/api/v1/tenants/planner-groups/fee-schedules/${small.id}/member-groups`);
    expect(many.count, many.sql.join('\n')).toBeLessThanOrEqual(7); // BEGIN, role, resolve_request, schedule, census, members, COMMIT
    expect(many.count, many.sql.join('\n')).toBe(few.count);
    expect(few.body.schools).toBe(8);
    if (process.env.SHOW_STATEMENTS) console.log(many.sql);

    const answer = many.body as { groups: Group[]; exact: boolean; schools: number };
    expect(answer.exact).toBe(false);
    expect(answer.schools).toBe(300);
    expect(answer.groups.length).toBeLessThanOrEqual(SCENARIO_MAX_GROUPS);
    expect(answer.groups.reduce((a, g) => a + g.count, 0)).toBe(300);
    expect(JSON.stringify(answer).length).toBeLessThan(8_000);
    for (const g of answer.groups) expect(g.pupilsMin <= g.pupils && g.pupils <= g.pupilsMax).toBe(true);

    // Scenario 1 is a base fee plus a rate per pupil (a flat fee for special schools): the bands keep every
    // phase's pupils, so the scenario totals the preview's total apart from each school's rounding to the pound.
    const preview = await json(await admin.send('POST', `/api/v1/tenants/planner-scale/fee-schedules/${created.id}/preview`, {}), 200);
    const scenario = await json(await admin.send('POST', '/api/v1/tenants/planner-scale/fee-scenarios', { scheduleId: created.id, schools: scenarioOf(answer.groups) }), 200);
    expect(scenario.schools).toBe(preview.schools);
    expect(Math.abs(scenario.totalPence - preview.totalPence)).toBeLessThanOrEqual(50 * 300);
    expect(scenario.totalPence).not.toBe(0);
  });

  it('refuses a scenario of more groups than the planner holds, naming the field', async () => {
    const admin = await t.signIn('admin@ealing.demo.test');
    const schools = Array.from({ length: SCENARIO_MAX_GROUPS + 1 }, (_, i) => ({ phase: 'primary', pupils: 100 + i }));
    const res = await admin.send('POST', '/api/v1/tenants/ealing/fee-scenarios', { document: EALING_2018_19_SCENARIO_1, schools });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain('schools');
    expect((await admin.send('POST', '/api/v1/tenants/ealing/fee-scenarios', { document: EALING_2018_19_SCENARIO_1, schools: schools.slice(1) })).status).toBe(200);
  });
});
