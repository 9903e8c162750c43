import { seedImprovement } from '@partnerships/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';

/**
 * School improvement, the data half (issue 12), over HTTP on the small demo plus the improvement
 * seed (Ealing's primary cluster with a reported data round, two brokered needs, two schools causing
 * concern seen only by the officer, a draft annual report).
 */
let t: TestApp;
let s: Record<string, Session>;
let clusterId: string;
const base = '/api/v1/tenants/ealing';
const json = async (res: Response) => ({ status: res.status, body: await res.json().catch(() => null) });
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

beforeAll(async () => {
  t = await startTestApp('improvement');
  await t.owner.transaction((em) => seedImprovement(em, '2026-12-05'));
  await t.owner.transaction((em) => seedImprovement(em, '2026-12-05'));
  s = {};
  for (const [name, email] of Object.entries({ admin: 'admin@ealing.demo.test', officer: 'officer@ealing.demo.test', head1: 'head.920001@demo.test', head2: 'head.920002@demo.test', head5: 'head.920005@demo.test', redbridge: 'admin@redbridge.demo.test' })) {
    s[name] = await t.signIn(email);
  }
  [{ id: clusterId }] = await t.owner.query(`SELECT b.id FROM bodies b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'ealing' AND b.kind = 'cluster' ORDER BY b.created_at LIMIT 1`);
});

afterAll(async () => {
  await t?.close();
});

describe('the seed', () => {
  it('gives Ealing one reported round with benchmarks, outcomes and an action plan, seeded once', async () => {
    const rounds = await json(await s.admin!.get(`${base}/data-rounds`));
    expect(rounds.body.items).toHaveLength(1);
    const round = rounds.body.items[0];
    expect(round).toMatchObject({ status: 'reported', schools: 4, submissions: 3 });
    const report = await json(await s.officer!.get(`${base}/data-rounds/${round.id}/report`));
    expect(report.body.actionPlan.length).toBe(3);
    const cmp = await json(await s.head5!.get(`${base}/data-rounds/${round.id}/comparison`)).catch(() => null);
    expect(cmp?.status).toBe(404); // a secondary head holds no role in the partnership
  });
});

describe('a data round from data set to action plan', () => {
  let setId: string;
  let roundId: string;

  it('agrees a data set and refuses a bad one field by field', async () => {
    const bad = await json(await s.admin!.send('POST', `${base}/data-sets`, { name: 'KS2', indicators: [{ code: 'Bad Code', name: 'x', definition: 'y', unit: 'percent', area: 'reading' }, { code: 'ok', name: 'x', definition: 'y', unit: 'stones', area: 'reading' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(fields(bad.body).join(' ')).toMatch(/indicators\.0\.code/);
    expect(fields(bad.body).join(' ')).toMatch(/indicators\.1\.unit/);
    const dup = await json(await s.admin!.send('POST', `${base}/data-sets`, { name: 'KS2', indicators: [{ code: 'a', name: 'x', definition: 'y', unit: 'percent', area: 'reading' }, { code: 'a', name: 'x', definition: 'y', unit: 'percent', area: 'reading' }] }));
    expect(dup.status).toBe(400);
    expect(fields(dup.body)).toContain('indicators[1].code');
    const created = await json(await s.admin!.send('POST', `${base}/data-sets`, {
      name: 'Spring check',
      indicators: [
        { code: 'gld', name: 'Good level of development', definition: 'EYFS GLD', unit: 'percent', decimals: 1, area: 'early_years' },
        { code: 'phonics', name: 'Phonics pass rate', definition: 'Year 1 check', unit: 'percent', decimals: 1, area: 'phonics' },
        { code: 'absence', name: 'Persistent absence', definition: 'Pupils missing 10% or more', unit: 'percent', decimals: 1, higherIsBetter: false, area: 'attendance' },
      ],
    }));
    expect(created.status).toBe(201);
    setId = created.body.id;
    expect((await s.head1!.send('POST', `${base}/data-sets`, { name: 'x', indicators: [] })).status).toBe(404);
  });

  it('opens a round for the cluster; a school submits by form and by CSV, checked field by field', async () => {
    const bad = await json(await s.admin!.send('POST', `${base}/data-rounds`, { bodyId: clusterId, dataSetId: setId, name: 'Spring', opensOn: '2026-12-01', closesOn: '2026-11-01' }));
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['closesOn']);
    const created = await json(await s.admin!.send('POST', `${base}/data-rounds`, { bodyId: clusterId, dataSetId: setId, name: 'Spring', opensOn: '2026-12-01', closesOn: '2027-01-31' }));
    expect(created.status).toBe(201);
    roundId = created.body.id;

    const mine = await json(await s.head1!.get(`/api/v1/school-portal/920001/data-rounds?tenant=ealing`));
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(roundId);

    const refused = await json(await s.head1!.send('PUT', `/api/v1/school-portal/920001/data-rounds/${roundId}/submission?tenant=ealing`, { values: { gld: 120, phonics: 'lots', extra: 1 } }));
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['values.absence', 'values.extra', 'values.gld', 'values.phonics']);
    const precision = await json(await s.head1!.send('PUT', `/api/v1/school-portal/920001/data-rounds/${roundId}/submission?tenant=ealing`, { values: { gld: 70.25, phonics: 90, absence: 5 } }));
    expect(fields(precision.body)).toEqual(['values.gld']);

    const ok = await json(await s.head1!.send('PUT', `/api/v1/school-portal/920001/data-rounds/${roundId}/submission?tenant=ealing`, { values: { gld: 72.5, phonics: 91, absence: 4.2 }, ownStrengths: 'Phonics', ownAreasToDevelop: 'Writing' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ values: { gld: 72.5, phonics: 91, absence: 4.2 }, via: 'form', ownStrengths: 'Phonics' });

    const csv = await json(await s.head2!.send('PUT', `/api/v1/school-portal/920002/data-rounds/${roundId}/submission/csv?tenant=ealing`, { csv: 'indicator,value\ngld,61.0\nPhonics pass rate,66\nabsence,9.5\n' }));
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ values: { gld: 61, phonics: 66, absence: 9.5 }, via: 'csv' });
    // Someone who does not act for the school gets 404 whatever they send.
    expect((await s.head2!.send('PUT', `/api/v1/school-portal/920001/data-rounds/${roundId}/submission?tenant=ealing`, { values: {} })).status).toBe(404);

    const many = await json(await s.admin!.send('POST', `${base}/data-rounds/${roundId}/submissions/csv`, { csv: 'URN,School,gld,phonics,absence\n920003,Northolt,68,80,6\n920004,Hanwell,66,150,7\n' }));
    expect(many.status).toBe(400);
    expect(fields(many.body)).toEqual(['csv.row 3.values.phonics']);
    const fixed = await json(await s.admin!.send('POST', `${base}/data-rounds/${roundId}/submissions/csv`, { csv: 'URN,School,gld,phonics,absence\n920003,Northolt,68,80,6\n920004,Hanwell,66,75,\n' }));
    expect(fixed.body.imported).toBe(2);
  });

  it('shows the schools side by side with the benchmarks, as JSON and as a chart with a text alternative', async () => {
    const marks = await json(await s.admin!.send('PUT', `${base}/data-rounds/${roundId}/benchmarks`, { items: [{ indicatorCode: 'gld', source: 'national', value: 67.7 }, { indicatorCode: 'gld', source: 'la', value: 69.4 }, { indicatorCode: 'phonics', source: 'national', value: 80.2 }] }));
    expect(marks.body.items).toHaveLength(3);
    const badMark = await json(await s.admin!.send('PUT', `${base}/data-rounds/${roundId}/benchmarks`, { items: [{ indicatorCode: 'nope', source: 'national', value: 1 }] }));
    expect(fields(badMark.body)).toEqual(['items[0].indicatorCode']);

    const cmp = await json(await s.head1!.get(`${base}/data-rounds/${roundId}/comparison`).catch(() => new Response('{}', { status: 599 })));
    expect(cmp.status).toBe(404); // heads without a partnership role see the round through the school portal only
    const view = await json(await s.officer!.get(`${base}/data-rounds/${roundId}/comparison`));
    expect(view.status).toBe(200);
    const gld = view.body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'gld');
    expect(gld.benchmarks).toEqual({ national: 67.7, la: 69.4 });
    expect(gld.schools.map((x: { schoolName: string; rank: number; quartile: number }) => [x.schoolName.split(' ')[0], x.rank, x.quartile])).toEqual([
      ['Acton', 1, 1], ['Brentside', 4, 4], ['Hanwell', 3, 3], ['Northolt', 2, 2],
    ]);
    expect(gld.schools[0].versus.national).toBe(4.8);
    const absence = view.body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'absence');
    expect(absence.schools.find((x: { schoolName: string }) => x.schoolName.startsWith('Acton')).rank).toBe(1); // lower is better
    expect(absence.schools.find((x: { schoolName: string }) => x.schoolName.startsWith('Hanwell')).value).toBeNull();
    expect(gld.chartText).toContain('best first: Acton Vale Primary School 72.5%');
    const chart = await s.officer!.get(gld.chartUrl);
    expect(chart.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await chart.text();
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<desc');
    expect((await s.officer!.get(`${base}/data-rounds/${roundId}/charts/nope`)).status).toBe(404);
    const suggested = view.body.suggestions.find((x: { schoolId: string }) => x.schoolId === gld.schools[0].schoolId);
    expect(suggested.strengths.map((x: { area: string }) => x.area)).toContain('phonics');
  });

  it('records the agreed outcomes, the group report and its action plan, and raises needs once', async () => {
    const out = await json(await s.officer!.send('PUT', `${base}/data-rounds/${roundId}/outcomes/920002`, { strengths: [], areasToDevelop: [{ area: 'phonics', indicatorCode: 'phonics', note: 'Year 1 phonics well below the group' }, { area: 'attendance', indicatorCode: 'absence' }] }));
    expect(out.status).toBe(200);
    expect(out.body.items[0].areasToDevelop).toHaveLength(2);
    const badOut = await json(await s.officer!.send('PUT', `${base}/data-rounds/${roundId}/outcomes/920002`, { strengths: [{ area: 'phonics', indicatorCode: 'nope' }], areasToDevelop: [] }));
    expect(fields(badOut.body)).toEqual(['strengths[0].indicatorCode']);
    const report = await json(await s.officer!.send('PUT', `${base}/data-rounds/${roundId}/report`, { summary: 'Phonics varies most.', actionPlan: [{ action: 'Phonics lead visits', owner: 'Acton Vale', dueOn: '2027-02-12', area: 'phonics' }] }));
    expect(report.status).toBe(200);
    expect(report.body.actionPlan[0]).toMatchObject({ action: 'Phonics lead visits', status: 'not_started' });
    expect((await json(await s.officer!.get(`${base}/data-rounds/${roundId}`))).body.status).toBe('reported');
    const needs = await json(await s.officer!.send('POST', `${base}/data-rounds/${roundId}/needs`));
    expect(needs.body.added).toBe(2);
    expect(needs.body.items.map((n: { area: string; source: string }) => `${n.area}/${n.source}`).sort()).toEqual(['attendance/data_round', 'phonics/data_round']);
    expect(needs.body.items[0].targetOn > needs.body.items[0].foundOn).toBe(true);
    expect((await json(await s.officer!.send('POST', `${base}/data-rounds/${roundId}/needs`))).body.added).toBe(0);
  });
});

describe('brokerage', () => {
  it('brokers a need to another school strong in the area, invoices charged support exactly once, and closes it with an impact note', async () => {
    const bad = await json(await s.officer!.send('POST', `${base}/support-needs`, { schoolUrn: '12', area: 'Phonics!', description: '' }));
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['area', 'description', 'schoolUrn']);
    const created = await json(await s.officer!.send('POST', `${base}/support-needs`, { schoolUrn: '920004', area: 'phonics', description: 'New phonics lead needs coaching', foundOn: '2026-12-01' }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const need = await json(await s.officer!.get(`${base}/support-needs/${id}`));
    expect(need.body).toMatchObject({ status: 'open', source: 'request', foundOn: '2026-12-01' });
    expect(need.body.targetOn > '2027-02-01').toBe(true);
    const first = need.body.candidates[0];
    expect(first).toMatchObject({ kind: 'school', name: 'Acton Vale Primary School' });
    expect(need.body.candidates.at(-1).kind).toBe('board');
    expect(need.body.candidates.some((c: { id: string }) => c.id === need.body.school.id)).toBe(false);

    expect((await json(await s.officer!.send('POST', `${base}/support-needs/${id}/agree`, { basis: 'free' }))).status).toBe(409);
    const self = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/match`, { supporterKind: 'school', supporterUrn: '920004' }));
    expect(fields(self.body)).toEqual(['supporterUrn']);
    const matched = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/match`, { supporterKind: 'school', supporterUrn: '920001', note: 'Coaching by the phonics lead' }));
    expect(matched.body).toMatchObject({ status: 'matched', agreement: { supporterName: 'Acton Vale Primary School', status: 'proposed' } });

    const noAmount = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/agree`, { basis: 'charged' }));
    expect(fields(noAmount.body)).toEqual(['amountPence']);
    const agreed = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/agree`, { basis: 'charged', amountPence: 30000 }));
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'agreed', agreement: { basis: 'charged', amountPence: 30000, status: 'agreed' } });
    const invoiceId = agreed.body.agreement.invoiceId;
    expect(invoiceId).toMatch(/[0-9a-f-]{36}/);
    const again = await Promise.all([1, 2, 3].map(() => s.officer!.send('POST', `${base}/support-needs/${id}/agree`, { basis: 'charged', amountPence: 30000 }).then(json)));
    for (const r of again) expect(r.body.agreement.invoiceId).toBe(invoiceId);
    const invoices = await t.owner.query(`SELECT i.id, s.urn, i.total_pence FROM invoices i JOIN schools s ON s.id = i.school_id WHERE i.idempotency_key = $1`, [`support:${agreed.body.agreement.id}`]);
    expect(invoices).toHaveLength(1);
    expect(invoices[0].urn).toBe('920004');
    expect((await json(await s.officer!.send('POST', `${base}/support-needs/${id}/agree`, { basis: 'free' }))).status).toBe(409);

    expect((await json(await s.officer!.send('POST', `${base}/support-needs/${id}/close`, { impactNote: 'x' }))).status).toBe(409);
    const delivered = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/deliver`, { deliveredOn: '2027-01-20' }));
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredOn: '2027-01-20', timing: 'met' });
    const noNote = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/close`, { impactNote: '  ' }));
    expect(noNote.status).toBe(400);
    expect(fields(noNote.body)).toEqual(['impactNote']);
    const closed = await json(await s.officer!.send('POST', `${base}/support-needs/${id}/close`, { impactNote: 'Phonics check mock up from 60% to 79%.' }));
    expect(closed.body).toMatchObject({ status: 'closed', impactNote: 'Phonics check mock up from 60% to 79%.', timing: 'met' });

    const board = await json(await s.head1!.get(`${base}/support-dashboard`));
    expect(board.status).toBe(404);
    const dash = await json(await s.officer!.get(`${base}/support-dashboard`));
    expect(dash.body.closed).toBeGreaterThanOrEqual(2);
    expect(dash.body.needs.every((n: { status: string }) => n.status !== 'closed')).toBe(true);
  });

  it('takes a need from a review of the school, and refuses a review of another school', async () => {
    const wrong = await json(await s.officer!.send('POST', `${base}/support-needs`, { schoolUrn: '920003', area: 'writing', description: 'From the review', source: 'review', sourceRef: '00000000-0000-4000-8000-000000000000' }));
    expect(fields(wrong.body)).toEqual(['sourceRef']);
    const noRef = await json(await s.officer!.send('POST', `${base}/support-needs`, { schoolUrn: '920003', area: 'writing', description: 'From the review', source: 'review' }));
    expect(fields(noRef.body)).toEqual(['sourceRef']);
  });

  it('takes a school’s own request through the school portal, from its head only', async () => {
    const bad = await json(await s.head1!.send('POST', `/api/v1/school-portal/920001/support-requests?tenant=ealing`, { area: 'Maths!', description: '' }));
    expect(fields(bad.body)).toEqual(['area', 'description']);
    expect((await s.head2!.send('POST', `/api/v1/school-portal/920001/support-requests?tenant=ealing`, { area: 'maths', description: 'x' })).status).toBe(404);
    const asked = await json(await s.head1!.send('POST', `/api/v1/school-portal/920001/support-requests?tenant=ealing`, { area: 'maths', description: 'Greater depth in Year 6 maths' }));
    expect(asked.status).toBe(201);
    const mine = await json(await s.head1!.get(`/api/v1/school-portal/920001/support-requests?tenant=ealing`));
    expect(mine.body.items.find((n: { id: string }) => n.id === asked.body.id)).toMatchObject({ source: 'request', area: 'maths', status: 'open', timing: 'on_track' });
    expect((await json(await s.officer!.get(`${base}/support-needs/${asked.body.id}`))).body.school.urn).toBe('920001');
  });

  it('brokers free support from the board with no invoice', async () => {
    const { body } = await json(await s.officer!.send('POST', `${base}/support-needs`, { schoolUrn: '920003', area: 'leadership', description: 'A new head wants a mentor' }));
    await s.officer!.send('POST', `${base}/support-needs/${body.id}/match`, { supporterKind: 'board' });
    const agreed = await json(await s.officer!.send('POST', `${base}/support-needs/${body.id}/agree`, { basis: 'free' }));
    expect(agreed.body.agreement).toMatchObject({ supporterKind: 'board', basis: 'free', invoiceId: null });
  });
});

describe('schools causing concern', () => {
  it('shows the named officer the schools with their history, status and visits', async () => {
    const list = await json(await s.officer!.get(`${base}/schools-causing-concern`));
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.every((i: { current: { status: string } }) => i.current.status === 'concern')).toBe(true);
    const urn = list.body.items[0].school.urn;
    const detail = await json(await s.officer!.get(`${base}/schools-causing-concern/${urn}`));
    expect(detail.body.history.length).toBe(2);
    expect(detail.body.visits.length).toBeGreaterThanOrEqual(1);
    const added = await json(await s.officer!.send('POST', `${base}/schools-causing-concern/${urn}/indicators`, { kind: 'inspection', value: '4', occurredOn: '2026-11-20' }));
    expect(added.body.suggested.status).toBe('serious_concern');
    const badGrade = await json(await s.officer!.send('POST', `${base}/schools-causing-concern/${urn}/indicators`, { kind: 'inspection', value: '7' }));
    expect(fields(badGrade.body)).toEqual(['value']);
    const set = await json(await s.officer!.send('POST', `${base}/schools-causing-concern/${urn}/status`, { status: 'serious_concern', reasons: ['Inspected as inadequate'] }));
    expect(set.body.current.status).toBe('serious_concern');
    expect(set.body.history.length).toBe(3);
    const visit = await json(await s.officer!.send('POST', `${base}/schools-causing-concern/${urn}/visits`, { visitedOn: '2026-12-03', visitor: 'Owen Officer', notes: 'Secret note 77c1' }));
    expect(visit.body.visits[0].notes).toBe('Secret note 77c1');
  });

  it('answers 404 to everyone not named, the admin included, until named', async () => {
    const urn = '920002';
    const unnamedList = await json(await s.admin!.get(`${base}/schools-causing-concern`));
    expect(unnamedList).toEqual({ status: 200, body: { named: false, items: [] } });
    for (const name of ['admin', 'head1', 'redbridge']) {
      const paths = [`${base}/schools-causing-concern/${urn}`, ...(name === 'admin' ? [] : [`${base}/schools-causing-concern`])];
      for (const path of paths) {
        const res = await s[name]!.get(path);
        expect(res.status, `${name} ${path}`).toBe(404);
        expect(await res.text()).not.toContain('77c1');
      }
      const write = await s[name]!.send('POST', `${base}/schools-causing-concern/${urn}/visits`, { visitedOn: '2026-12-03', visitor: 'x', notes: 'y' });
      expect(write.status, name).toBe(404);
    }
    // Nor does the audit view carry a visit's notes to the admin.
    const audit = await s.admin!.get(`${base}/audit-log?pageSize=200`);
    expect(audit.status).toBe(200);
    const auditText = await audit.text();
    expect(auditText).toContain('monitoring_visits');
    expect(auditText).not.toContain('77c1');
    // Row-level security agrees: the admin's own queries see no rows.
    const annual = await json(await s.admin!.send('POST', `${base}/annual-reports`, { academicYearStart: 2026 }));
    expect(annual.body.document).not.toContain('77c1');
    expect((await s.officer!.send('POST', `${base}/concern-access`, { userId: '00000000-0000-0000-0000-000000000000' })).status).toBe(403); // only admins name people
    const [{ id: adminId }] = await t.owner.query(`SELECT id FROM users WHERE email = 'admin@ealing.demo.test'`);
    const named = await json(await s.admin!.send('POST', `${base}/concern-access`, { userId: adminId }));
    expect(named.body.items.map((p: { email: string }) => p.email).sort()).toEqual(['admin@ealing.demo.test', 'officer@ealing.demo.test']);
    expect((await json(await s.admin!.get(`${base}/schools-causing-concern`))).body.items).toHaveLength(2);
    const grant = named.body.items.find((p: { email: string }) => p.email === 'admin@ealing.demo.test');
    await s.admin!.send('POST', `${base}/concern-access/${grant.id}/revoke`);
    expect((await s.admin!.get(`${base}/schools-causing-concern/${urn}`)).status).toBe(404);
    expect((await json(await s.admin!.get(`${base}/schools-causing-concern`))).body).toEqual({ named: false, items: [] });
    const bad = await json(await s.admin!.send('POST', `${base}/concern-access`, { userId: 'nobody' }));
    expect(fields(bad.body)).toEqual(['userId']);
  });
});

describe('annual report and participation', () => {
  it('generates the report from the records, takes edits and exports markdown and HTML', async () => {
    const gen = await json(await s.officer!.send('POST', `${base}/annual-reports`, { academicYearStart: 2026 }));
    expect(gen.status).toBe(201);
    expect(gen.body.status).toBe('draft');
    expect(gen.body.document).toContain('## Outcomes');
    expect(gen.body.document).toMatch(/Causing concern|causing concern: \d/i);
    expect(gen.body.document).not.toMatch(/Brentside Green Primary School.*concern/);
    const edited = await json(await s.officer!.send('PUT', `${base}/annual-reports/2026`, { document: `${gen.body.document}\n\n## Foreword\n\nOur schools <b>improved</b>.`, status: 'final' }));
    expect(edited.body.status).toBe('final');
    expect((await json(await s.officer!.send('POST', `${base}/annual-reports`, { academicYearStart: 2026 }))).status).toBe(409);
    const md = await s.officer!.get(`${base}/annual-reports/2026/export?format=md`);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(await md.text()).toContain('## Foreword');
    const html = await (await s.officer!.get(`${base}/annual-reports/2026/export?format=html`)).text();
    expect(html).toContain('<h2>Foreword</h2>');
    expect(html).toContain('&lt;b&gt;improved&lt;/b&gt;');
    expect((await json(await s.officer!.get(`${base}/annual-reports/2026/export?format=pdfx`))).status).toBe(400);
    expect((await json(await s.officer!.get(`${base}/annual-reports/1999`))).status).toBe(404);
    const badYear = await json(await s.officer!.send('POST', `${base}/annual-reports`, { academicYearStart: 'soon' }));
    expect(fields(badYear.body)).toEqual(['academicYearStart']);
  });

  it('shows each school’s participation and the year’s picture, as JSON and CSV', async () => {
    const p = await json(await s.officer!.get(`${base}/participation?year=2026`));
    expect(p.status).toBe(200);
    const acton = p.body.items.find((r: { urn: string }) => r.urn === '920001');
    expect(acton.supportGiven).toBeGreaterThanOrEqual(2);
    expect(acton.dataRoundsSubmitted).toBe(2);
    expect(p.body.picture.totals.supportReceived).toBeGreaterThanOrEqual(3);
    const csv = await s.officer!.get(`${base}/participation.csv?year=2026`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('URN,School,Meetings attended');
    expect((await json(await s.officer!.get(`${base}/participation?year=soon`))).status).toBe(400);
  });

  it('pages the schools (50 by default) and names only the first schools not taking part, with the picture over them all', async () => {
    const all = (await json(await s.officer!.get(`${base}/participation?year=2026`))).body;
    expect(all).toMatchObject({ page: 1, pageSize: 50 });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.picture.notTakingPartCount).toBeGreaterThanOrEqual(all.picture.notTakingPart.length);
    expect(all.picture.notTakingPart.length).toBeLessThanOrEqual(20);
    const second = (await json(await s.officer!.get(`${base}/participation?year=2026&pageSize=2&page=2`))).body;
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.items.map((r: { urn: string }) => r.urn)).toEqual(all.items.slice(2, 4).map((r: { urn: string }) => r.urn));
    expect(second.picture).toEqual(all.picture);
    expect((await json(await s.officer!.get(`${base}/participation?pageSize=500`))).status).toBe(400);
  });
});
