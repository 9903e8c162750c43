import { EALING_2018_19_SCENARIO_1 } from '@partnerships/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';
import { eventually, json } from './support/wait';

/**
 * Issue 13, "fees and billing figures must agree": the public quote, the fee editor's preview,
 * the billing dry run and the invoice use one pupil number (chosen by `choosePupilFigure`) and
 * say which; every school's fee follows its own financial year (maintained April–March,
 * academies September–August), also when a schedule asks for the whole fee at the start of it;
 * and a pupil number is held to the same limits everywhere, a far one waiting for the admin.
 */
let t: TestApp;
let admin: Session;
const base = '/api/v1/tenants/ealing';

const quote = async (query: string) => json(await fetch(`${t.url}/api/v1/public/tenants/ealing/quote?${query}`), 200);
const byUrn = <T extends { school?: { urn: string }; urn?: string }>(rows: T[], urn: string) => rows.find((r) => (r.school?.urn ?? r.urn) === urn)!;

async function runToCompletion(body: Record<string, unknown>) {
  const created = await json(await admin.send('POST', `${base}/billing-runs`, { ...body, dryRun: false }), 202);
  return eventually(async () => {
    const run = await json(await admin.get(`${base}/billing-runs/${created.id}`), 200);
    return run.status === 'completed' || run.status === 'failed' ? run : null;
  }, 'the billing run');
}

async function invoicesOf(urn: string, periodLabel: string) {
  return t.owner.query(
    `SELECT i.total_pence, i.lines, to_char(i.due_on, 'YYYY-MM-DD') AS due_on FROM invoices i JOIN schools s ON s.id = i.school_id
     WHERE s.urn = $1 AND i.period_label = $2 AND i.status <> 'void' ORDER BY i.part`,
    [urn, periodLabel],
  ) as Promise<{ total_pence: number; lines: { description: string }[]; due_on: string }[]>;
}

beforeAll(async () => {
  t = await startTestApp('fee_figures');
  admin = await t.signIn('admin@ealing.demo.test');
});

afterAll(async () => {
  await t?.close();
});

describe('one pupil number everywhere', () => {
  it('quotes, previews, dry-runs and invoices a school whose census figure differs from the register with the same figure, and says which', async () => {
    // Acton Vale: 210 pupils in the register. The partnership records 312 for the October 2018 census:
    // far from the register, so it waits for the admin's confirmation and nothing uses it yet.
    const recorded = await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920001', census: '2018-10', pupils: 312 }), 201);
    expect(recorded).toMatchObject({ status: 'needs-confirmation', checkNote: expect.stringMatching(/the register has 210/) });
    const before = await quote('urn=920001&date=2018-10-01');
    expect(before.school.pupilFigure).toEqual({ pupils: 210, source: 'register', census: null, label: '210 pupils, from the register (no census figure yet)' });
    expect(before.totalPence).toBe(470_600);

    expect(await json(await admin.send('POST', `${base}/pupil-counts/${recorded.id}/approve`, {}), 200)).toMatchObject({ status: 'approved' });

    // £4,000 + 312 × £3.36 = £5,048.32, rounded to £5,048.
    const figure = { pupils: 312, source: 'census', census: '2018-10', label: '312 pupils, October 2018 census' };
    const quoted = await quote('urn=920001&date=2018-10-01');
    expect(quoted.school.pupilFigure).toEqual(figure);
    expect(quoted.totalPence).toBe(504_800);

    const [schedule] = await t.owner.query(`SELECT s.id FROM fee_schedules s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = 'ealing' AND s.status = 'published' AND s.period_label = '2018–19'`);
    const preview = await json(await admin.send('POST', `${base}/fee-schedules/${schedule.id}/preview`, {}), 200);
    expect(byUrn(preview.rows, '920001')).toMatchObject({ pupils: 312, pupilFigure: figure, totalPence: quoted.totalPence });

    const dry = await json(await admin.send('POST', `${base}/billing-runs`, { period: '2018-19', dryRun: true }), 200);
    const planned = byUrn(dry.members, '920001');
    expect(planned).toMatchObject({ outcome: 'invoice', amountPence: quoted.totalPence, pupilFigure: figure });
    expect(planned.invoices.map((i: { totalPence: number }) => i.totalPence)).toEqual(quoted.instalments.map((i: { amountPence: number }) => i.amountPence));

    expect(await runToCompletion({ period: '2018-19' })).toMatchObject({ status: 'completed' });
    const invoices = await invoicesOf('920001', '2018–19');
    expect(invoices.reduce((sum, i) => sum + i.total_pence, 0)).toBe(quoted.totalPence);
    for (const invoice of invoices) expect(invoice.lines.map((l) => l.description)).toContain('Pupil number used: 312 pupils, October 2018 census.');
  });
});

describe('the school’s own financial year', () => {
  it.each([
    // A maintained primary: April–March, 7/12 and 5/12. An academy: September–August, one part.
    { urn: '920001', parts: 2, firstLabel: /^Your financial year starting 1 April 2018/ },
    { urn: '920002', parts: 1, firstLabel: /^Your financial year starting 1 September 2018/ },
    { urn: '920005', parts: 1, firstLabel: /^Your financial year starting 1 September 2018/ },
  ])('quotes $urn along its own year, as the dry run bills it', async ({ urn, parts, firstLabel }) => {
    const quoted = await quote(`urn=${urn}&date=2018-10-01`);
    expect(quoted.instalments).toHaveLength(parts);
    expect(quoted.instalments[0].label).toMatch(firstLabel);
    const dry = await json(await admin.send('POST', `${base}/billing-runs`, { period: '2018-19', dryRun: true }), 200);
    const member = byUrn(dry.members, urn);
    const billed = member.outcome === 'invoice' ? member.invoices.map((i: { totalPence: number }) => i.totalPence) : (await invoicesOf(urn, '2018–19')).map((i) => i.total_pence);
    expect(billed).toEqual(quoted.instalments.map((i: { amountPence: number }) => i.amountPence));
  });

  it('takes the whole fee at the start of each school’s own financial year, through the schedule, preview, quote, dry run and run', async () => {
    const document = {
      ...EALING_2018_19_SCENARIO_1,
      name: 'Ealing 2019–20, at the start of each school’s year',
      period: { kind: 'academic-year', start: '2019-09-01', end: '2020-08-31', label: '2019–20' },
      payment: { kind: 'at-school-financial-year-start' },
    };
    const bad = await json(await admin.send('POST', `${base}/fee-schedules`, { document: { ...document, payment: { kind: 'at-school-financial-year-start', parts: [] } } }), 400);
    expect(bad.errors[0].field).toMatch(/^document\.payment/);
    const created = await json(await admin.send('POST', `${base}/fee-schedules`, { document }), 201);
    expect(created.document.payment).toEqual({ kind: 'at-school-financial-year-start' });
    expect((await json(await admin.send('POST', `${base}/fee-schedules/${created.id}/preview`, {}), 200)).rows).toHaveLength(6);
    await json(await admin.send('POST', `${base}/fee-schedules/${created.id}/publish`), 200);

    const maintained = await quote('urn=920001&date=2019-10-01');
    expect(maintained.instalments).toEqual([
      { label: 'The whole fee at the start of your financial year on 1 April 2020, for 1 September 2019 to 31 August 2020', dueDate: '2020-04-01', amountPence: maintained.totalPence },
    ]);
    const academy = await quote('urn=920005&date=2019-10-01');
    expect(academy.instalments).toEqual([expect.objectContaining({ dueDate: '2019-09-01', amountPence: academy.totalPence })]);

    const dry = await json(await admin.send('POST', `${base}/billing-runs`, { period: '2019-20', dryRun: true, issuedOn: '2019-08-01' }), 200);
    expect(byUrn(dry.members, '920001').invoices).toEqual([expect.objectContaining({ dueOn: '2020-04-01', totalPence: maintained.totalPence })]);
    expect(byUrn(dry.members, '920005').invoices).toEqual([expect.objectContaining({ dueOn: '2019-09-01', totalPence: academy.totalPence })]);

    expect(await runToCompletion({ period: '2019-20', issuedOn: '2019-08-01' })).toMatchObject({ status: 'completed' });
    expect((await invoicesOf('920001', '2019–20')).map((i) => [i.due_on, i.total_pence])).toEqual([['2020-04-01', maintained.totalPence]]);
    expect((await invoicesOf('920005', '2019–20')).map((i) => [i.due_on, i.total_pence])).toEqual([['2019-09-01', academy.totalPence]]);
  });
});

describe('pupil number limits', () => {
  it.each([-1, 2.5, 10_001])('refuses %s pupils with the same field everywhere a count is taken', async (pupils) => {
    const head = await t.signIn('head.920001@demo.test');
    const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);
    expect(fieldsOf(await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920004', census: '2018-10', pupils }), 400))).toEqual(['pupils']);
    expect(fieldsOf(await json(await head.send('POST', '/api/v1/school-portal/920001/pupil-counts', { tenantSlug: 'ealing', census: '2018-10', pupils }), 400))).toEqual(['pupils']);
    expect(fieldsOf(await json(await fetch(`${t.url}/api/v1/public/tenants/ealing/quote?phase=primary&pupils=${pupils}`), 400))).toEqual(['pupils']);
    const scenario = await json(await admin.send('POST', `${base}/fee-scenarios`, { document: EALING_2018_19_SCENARIO_1, schools: [{ phase: 'primary', pupils }] }), 400);
    expect(fieldsOf(scenario)[0]).toMatch(/pupils$/);
  });

  it('accepts the largest count everywhere', async () => {
    expect((await quote('phase=primary&pupils=10000&date=2018-10-01')).school.pupils).toBe(10_000);
    await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920004', census: '2016-01', pupils: 10_000, confirmed: true }), 201);
  });

  it('holds a far figure for the admin, from the school or the partnership, and never approves it silently', async () => {
    const head = await t.signIn('head.920001@demo.test');
    // Near the register (210; Northolt Park 630): the school's correction waits as usual; the partnership's own is approved at once.
    const near = await json(await head.send('POST', '/api/v1/school-portal/920001/pupil-counts', { tenantSlug: 'ealing', census: '2018-10', pupils: 220 }), 201);
    expect(near).toMatchObject({ status: 'pending', checkNote: null });
    expect(await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920003', census: '2017-10', pupils: 650 }), 201)).toMatchObject({ status: 'approved' });
    // Far from the register: the school's correction is marked for checking.
    const far = await json(await head.send('POST', '/api/v1/school-portal/920001/pupil-counts', { tenantSlug: 'ealing', census: '2018-10', pupils: 3120 }), 201);
    expect(far).toMatchObject({ status: 'needs-confirmation', checkNote: expect.stringMatching(/3,120 is far from what we know/) });
    // Near the register but far from last year's approved figure (a year earlier, same census).
    await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920006', census: '2017-10', pupils: 300, confirmed: true }), 201);
    const drop = await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920006', census: '2018-10', pupils: 100 }), 201);
    expect(drop).toMatchObject({ status: 'needs-confirmation', checkNote: expect.stringMatching(/last year's figure was 300/) });
    const waiting = await json(await admin.get(`${base}/pupil-counts?status=needs-confirmation`), 200);
    expect(waiting.items.map((i: { id: string }) => i.id).sort()).toEqual([far.id, drop.id].sort());
    // Until the admin approves it, fees keep the figure they had (last year's approved one).
    expect((await quote('urn=920006&date=2018-10-01')).school.pupilFigure).toMatchObject({ pupils: 300, census: '2017-10' });
    expect(await json(await admin.send('POST', `${base}/pupil-counts/${drop.id}/approve`, {}), 200)).toMatchObject({ status: 'approved' });
    expect((await quote('urn=920006&date=2018-10-01')).school.pupilFigure).toMatchObject({ pupils: 100, source: 'census', census: '2018-10' });
    // Confirmed when recorded: approved, and the check is kept with it.
    const confirmed = await json(await admin.send('POST', `${base}/pupil-counts`, { urn: '920003', census: '2018-10', pupils: 2000, confirmed: true }), 201);
    expect(confirmed).toMatchObject({ status: 'approved', checkNote: expect.stringMatching(/^Confirmed when recorded/) });
  });
});
