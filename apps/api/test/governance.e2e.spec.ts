import { JobName } from '@partnerships/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';

/**
 * Governance (issue 10) over HTTP: bodies and seats by rule, the structure, a year of meetings
 * planned on the term dates, calendar feeds, minutes approved at the next meeting, confidential
 * items, and bad input. Ealing's demo: six member schools, an admin and an officer.
 */
let t: TestApp;
let admin: Session;
let officer: Session;

const base = '/api/v1/tenants/ealing';
const json = async (res: Response) => ({ status: res.status, body: await res.json() });

// Ealing's published term dates for 2026/27 (the plan must land inside them).
const HALF_TERMS = [
  { name: 'Autumn 1', start: '2026-09-03', end: '2026-10-23' },
  { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
  { name: 'Spring 1', start: '2027-01-05', end: '2027-02-12' },
  { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
  { name: 'Summer 1', start: '2027-04-12', end: '2027-05-28' },
  { name: 'Summer 2', start: '2027-06-07', end: '2027-07-21' },
];

let boardId: string;
let committeeId: string;

beforeAll(async () => {
  t = await startTestApp('governance');
  admin = await t.signIn('admin@ealing.demo.test');
  officer = await t.signIn('officer@ealing.demo.test');
  expect((await admin.send('PUT', `${base}/calendar/2026`, { halfTerms: HALF_TERMS })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('bodies and seats', () => {
  it('creates a board and lists it in the contract shape', async () => {
    const created = await json(
      await admin.send('POST', `${base}/bodies`, {
        name: 'Partnership Board',
        kind: 'board',
        purpose: 'Sets the partnership’s strategy.',
        rhythm: { rhythm: { type: 'half_termly' }, week: 3, weekday: 3, startTime: '16:00', endTime: '17:30' },
        quorumRule: { type: 'fraction', numerator: 1, denominator: 2 },
        annualRhythm: [{ halfTerm: 'Autumn 1', title: 'Review the terms of reference' }],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    boardId = created.body.id;
    const list = await json(await admin.get(`${base}/bodies`));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([{ id: boardId, name: 'Partnership Board', kind: 'board', parentIds: [], seatCount: 0 }]);
  });

  it('fills seats by rule: one headteacher from each primary member school', async () => {
    const rule = await admin.send('POST', `${base}/bodies/${boardId}/seat-rules`, { rule: { kind: 'school_representative', scope: { type: 'phase', phase: 'primary' } }, voting: 'voting', label: 'Primary headteacher' });
    expect(rule.status).toBe(201);
    const body = await json(await admin.get(`${base}/bodies/${boardId}`));
    expect(body.status).toBe(200);
    expect(body.body.seats).toHaveLength(4);
    for (const seat of body.body.seats) {
      expect(seat).toMatchObject({ id: expect.any(String), rule: expect.any(String), label: expect.stringMatching(/^Primary headteacher: /), voting: 'voting', holder: { userId: expect.any(String), name: expect.any(String), schoolUrn: expect.stringMatching(/^92000[1-4]$/) } });
    }
    expect((await json(await admin.get(`${base}/bodies`))).body.items[0].seatCount).toBe(4);
    // A small body's answer carries every seat; the paged seats route gives the same seats.
    expect(body.body).toMatchObject({ seatCount: 4, seatTotal: 4, seatsTruncated: false });
    const paged = await json(await admin.get(`${base}/bodies/${boardId}/seats`));
    expect(paged.status).toBe(200);
    expect(paged.body).toEqual({ items: body.body.seats, page: 1, pageSize: 50, total: 4 });
  });

  it('keeps seats current when a school’s headteacher changes, with the history', async () => {
    const [{ id: schoolId }] = await t.owner.query(`SELECT id FROM schools WHERE urn = '920001'`);
    const [{ id: newHead }] = await t.owner.query(`INSERT INTO users (email, name, email_verified_at) VALUES ('new.head.920001@demo.test', 'Nadia New', now()) RETURNING id`);
    await t.owner.query(`DELETE FROM school_roles WHERE school_id = $1 AND role = 'headteacher'`, [schoolId]);
    await t.owner.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, 'headteacher')`, [schoolId, newHead]);
    const body = await json(await admin.get(`${base}/bodies/${boardId}`));
    const seat = body.body.seats.find((s: { holder: { schoolUrn: string } }) => s.holder.schoolUrn === '920001');
    expect(seat.holder).toMatchObject({ userId: newHead, name: 'Nadia New' });
    // Reading again changes nothing (idempotent resolution).
    await admin.get(`${base}/bodies/${boardId}`);
    const history = (await json(await admin.get(`${base}/bodies/${boardId}/seat-history`))).body.items.filter((h: { seatKey: string }) => h.seatKey === seat.id);
    expect(history).toHaveLength(2);
    expect(history.filter((h: { endsOn: string | null }) => h.endsOn === null)).toHaveLength(1);
  });

  it('adds a committee reporting to the board, with the special school’s head, and shows the structure', async () => {
    const created = await json(await admin.send('POST', `${base}/bodies`, { name: 'SEN & Inclusion', kind: 'committee', parentIds: [boardId] }));
    expect(created.status).toBe(201);
    committeeId = created.body.id;
    expect((await admin.send('POST', `${base}/bodies/${committeeId}/seat-rules`, { rule: { kind: 'role_at_schools', role: 'headteacher', phases: ['special'] }, voting: 'voting', label: 'Special school headteacher' })).status).toBe(201);
    const committee = await json(await admin.get(`${base}/bodies/${committeeId}`));
    expect(committee.body.parentIds).toEqual([boardId]);
    expect(committee.body.seats.map((s: { holder: { schoolUrn: string } }) => s.holder.schoolUrn)).toEqual(['920006']);
    const structure = await json(await admin.get(`${base}/structure`));
    expect(structure.body.links).toEqual([{ childId: committeeId, parentId: boardId }]);
    expect(structure.body.bodies.map((b: { id: string }) => b.id).sort()).toEqual([boardId, committeeId].sort());
    const svg = await admin.get(`${base}/structure.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toContain('<title');
    expect(text).toContain('SEN &amp; Inclusion');
  });

  it('shows the structure to every member school’s head, and to nobody outside the partnership', async () => {
    const head = await t.signIn('head.920005@demo.test');
    const svg = await head.get('/api/v1/me/structures/ealing.svg');
    expect(svg.status).toBe(200);
    expect(await svg.text()).toContain('Partnership Board');
    const view = (await json(await head.get('/api/v1/me/governance'))).body.partnerships.find((p: { slug: string }) => p.slug === 'ealing');
    expect(view.structure.links).toEqual([{ childId: committeeId, parentId: boardId }]);
    const stranger = await t.signIn('head.910001@demo.test');
    expect((await stranger.get('/api/v1/me/structures/ealing.svg')).status).toBe(404);
  });

  it('refuses bad input with the field, and reporting lines in a circle', async () => {
    const bad = await json(await admin.send('POST', `${base}/bodies`, { name: '', kind: 'club' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'name']);
    const badRule = await json(await admin.send('POST', `${base}/bodies/${boardId}/seat-rules`, { rule: { kind: 'appointed' }, voting: 'voting', label: 'LA officer' }));
    expect(badRule.status).toBe(400);
    expect(badRule.body.errors[0].field).toBe('rule.max');
    const circle = await json(await admin.send('PUT', `${base}/bodies/${boardId}/links`, { parentIds: [committeeId] }));
    expect(circle.status).toBe(400);
    expect(circle.body.errors[0].field).toBe('parentIds');
    const badDates = await json(await admin.get(`${base}/meetings?from=2026-13-01`));
    expect(badDates.status).toBe(400);
    expect(badDates.body.errors[0].field).toBe('from');
    const backwards = await json(await admin.get(`${base}/meetings?from=2026-10-01&to=2026-09-01`));
    expect(backwards.body.errors[0].field).toBe('to');
  });

  it('answers 404 to another partnership’s admin', async () => {
    const other = await t.signIn('admin@redbridge.demo.test');
    expect((await other.get(`/api/v1/tenants/ealing/bodies/${boardId}`)).status).toBe(404);
    expect((await other.get(`/api/v1/tenants/redbridge/bodies/${boardId}`)).status).toBe(404);
  });
});

describe('meetings on the term dates', () => {
  it('plans a year once: planning twice creates each meeting once, each inside its half term', async () => {
    const first = await json(await admin.send('POST', `${base}/bodies/${boardId}/meetings/plan`, { academicYearStart: 2026 }));
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(6);
    expect(first.body.termDates).toBe('partnership');
    const second = await json(await admin.send('POST', `${base}/bodies/${boardId}/meetings/plan`, { academicYearStart: 2026 }));
    expect(second.body).toMatchObject({ created: 0, existing: 6 });
    const list = await json(await admin.get(`${base}/meetings?from=2026-09-01&to=2027-08-31`));
    expect(list.body.items).toHaveLength(6);
    for (const m of list.body.items) {
      expect(m).toMatchObject({ id: expect.any(String), bodyId: boardId, startsAt: expect.any(String), endsAt: expect.any(String), halfTerm: expect.any(String), status: 'scheduled' });
      expect(m).toHaveProperty('hostSchoolUrn');
      const term = HALF_TERMS.find((h) => h.name === m.halfTerm)!;
      const day = m.startsAt.slice(0, 10);
      expect(day >= term.start && day <= term.end, `${m.halfTerm} ${day}`).toBe(true);
      expect(new Date(m.startsAt).getUTCDay()).toBe(3);
    }
  });

  it('builds the agenda from the annual rhythm and standing items', async () => {
    const [first, second] = (await json(await admin.get(`${base}/meetings?from=2026-09-01&to=2027-08-31`))).body.items;
    const m1 = await json(await admin.get(`${base}/meetings/${first.id}`));
    expect(m1.body.agenda.map((i: { title: string }) => i.title)).toEqual(['Welcome and apologies for absence', 'Review the terms of reference']);
    const m2 = await json(await admin.get(`${base}/meetings/${second.id}`));
    expect(m2.body.agenda.map((i: { kind: string }) => i.kind)).toEqual(['standing', 'minutes_approval', 'standing']);
    expect(m2.body.quorum).toMatchObject({ met: false, required: 2, votingSeats: 4 });
  });
});

describe('calendar feeds', () => {
  it('gives a head her meetings; a move raises SEQUENCE, a cancellation is STATUS:CANCELLED; a revoked address answers 404', async () => {
    const head = await t.signIn('head.920002@demo.test');
    const { url } = (await json(await head.get('/api/v1/me/calendar'))).body;
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect((await json(await head.get('/api/v1/me/calendar'))).body.url).toBe(url);
    const path = new URL(url).pathname;
    const feed = await fetch(`${t.url}${path}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:Europe/London');
    const [first, second] = (await json(await admin.get(`${base}/meetings?from=2026-09-01&to=2027-08-31`))).body.items;
    expect(ics).toContain(`UID:${first.id}@partnerships`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);

    const moved = await json(await admin.send('PUT', `${base}/meetings/${first.id}`, { date: '2026-09-24', startTime: '15:30', endTime: '17:00' }));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'moved', sequence: 1 });
    expect(moved.body.startsAt).toBe('2026-09-24T14:30:00.000Z');
    const cancelled = await json(await admin.send('POST', `${base}/meetings/${second.id}/cancel`, { reason: 'Clashes with the heads’ conference' }));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 1 });

    const after = await (await fetch(`${t.url}${path}`)).text();
    const event = (id: string) => after.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${id}@partnerships`))!;
    expect(event(first.id)).toContain('SEQUENCE:1');
    expect(event(first.id)).toMatch(/DTSTART;TZID=Europe\/London:20260924T153000/);
    expect(event(second.id)).toContain('STATUS:CANCELLED');
    expect(event(second.id)).toContain('SEQUENCE:1');

    expect((await head.send('POST', '/api/v1/me/calendar/revoke')).status).toBe(200);
    expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    const renewed = (await json(await head.get('/api/v1/me/calendar'))).body.url;
    expect(renewed).not.toBe(url);
    expect((await fetch(`${t.url}${new URL(renewed).pathname}`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/v1/calendar/not-a-real-token-at-all-123.ics`)).status).toBe(404);
  });
});

describe('running a meeting', () => {
  let past: string;
  let next: string;

  it('records attendance with a deputy and apologies, and shows the quorum and who to follow up', async () => {
    const items = (await json(await admin.get(`${base}/meetings?from=2026-09-01&to=2027-08-31`))).body.items.filter((m: { status: string }) => m.status !== 'cancelled');
    past = items[0].id;
    next = items[1].id;
    const seats = (await json(await admin.get(`${base}/bodies/${boardId}`))).body.seats as { id: string; holder: { schoolUrn: string } }[];
    const seatOf = (urn: string) => seats.find((s) => s.holder.schoolUrn === urn)!.id;
    const [{ id: deputy }] = await t.owner.query(`SELECT id FROM users WHERE email = 'officer@ealing.demo.test'`);
    const missing = await json(await admin.send('PUT', `${base}/meetings/${past}/attendance`, { entries: [{ seatKey: seatOf('920003'), status: 'apologies' }] }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('entries.0.reason');
    const recorded = await json(
      await admin.send('PUT', `${base}/meetings/${past}/attendance`, {
        entries: [
          { seatKey: seatOf('920001'), status: 'present' },
          { seatKey: seatOf('920002'), status: 'deputy', deputyUserId: deputy },
          { seatKey: seatOf('920003'), status: 'apologies', reason: 'Ofsted inspection' },
        ],
      }),
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.quorum).toMatchObject({ met: true, counted: 2, required: 2 });
    expect(recorded.body.followUp.map((f: { schoolUrn: string }) => f.schoolUrn).sort()).toEqual(['920003', '920004']);

    // Saving only some rows (one page of a paged register) changes those rows and never clears the others.
    const partial = await json(await admin.send('PUT', `${base}/meetings/${past}/attendance`, { entries: [{ seatKey: seatOf('920004'), status: 'absent' }] }));
    expect(partial.status).toBe(200);
    const statusOf = (urn: string) =>
      (partial.body.attendance as { seatKey: string | null; status: string; reason: string | null }[]).find((a) => a.seatKey === seatOf(urn));
    expect(statusOf('920001')?.status).toBe('present');
    expect(statusOf('920002')?.status).toBe('deputy');
    expect(statusOf('920003')).toMatchObject({ status: 'apologies', reason: 'Ofsted inspection' });
    expect(statusOf('920004')?.status).toBe('absent');
    // The quorum still counts every seat, not only the rows just saved.
    expect(partial.body.quorum).toMatchObject({ met: true, counted: 2, required: 2 });
  });

  it('lets only a member of the body approve the minutes, at the next meeting; open actions carry over', async () => {
    expect((await admin.send('PUT', `${base}/meetings/${past}/minutes`, { text: 'The board agreed its priorities.' })).status).toBe(200);
    expect((await admin.send('POST', `${base}/meetings/${past}/minutes/circulate`)).status).toBe(200);
    const action = await json(await admin.send('POST', `${base}/meetings/${past}/actions`, { title: 'Share the data pack', ownerSchoolUrn: '920002', dueOn: '2026-11-01' }));
    expect(action.status).toBe(200);

    // The officer runs meetings but holds no seat on the board: 403. The special school's head sits on another body: 403.
    expect((await officer.send('POST', `${base}/meetings/${next}/minutes/approve-previous`)).status).toBe(403);
    const outsider = await t.signIn('head.920006@demo.test');
    expect((await outsider.send('POST', `${base}/meetings/${next}/minutes/approve-previous`)).status).toBe(403);
    expect((await admin.send('POST', `${base}/meetings/${next}/minutes/approve-previous`)).status).toBe(403);
    const pastMinutes = (await json(await admin.get(`${base}/meetings/${past}`))).body.minutes;
    expect(pastMinutes.status).toBe('circulated');

    const member = await t.signIn('head.920002@demo.test');
    const approved = await json(await member.send('POST', `${base}/meetings/${next}/minutes/approve-previous`));
    expect(approved.status).toBe(200);
    expect(approved.body.previousMinutes).toMatchObject({ meetingId: past, status: 'approved', approvedHere: true });
    expect(approved.body.actions.map((a: { title: string; status: string }) => [a.title, a.status])).toEqual([['Share the data pack', 'open']]);
    expect((await member.send('POST', `${base}/meetings/${next}/minutes/approve-previous`)).status).toBe(409);
  });

  it('hides a confidential item from a partnership member outside the body', async () => {
    expect((await admin.send('POST', `${base}/meetings/${next}/agenda`, { title: 'Headteacher capability case', confidential: true })).status).toBe(200);
    const member = await t.signIn('head.920002@demo.test');
    expect((await json(await member.get(`${base}/meetings/${next}`))).body.agenda.map((i: { title: string }) => i.title)).toContain('Headteacher capability case');
    const outsider = await t.signIn('head.920006@demo.test');
    const seen = await json(await outsider.get(`${base}/meetings/${next}`));
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toContain('Headteacher capability case');
  });

  it('e-mails the members an invitation with a calendar file, once per version of the meeting', async () => {
    const sent = await json(await admin.send('POST', `${base}/meetings/${next}/invitations`));
    expect(sent.status).toBe(200);
    expect(sent.body.queued).toBe(4);
    const mail = await t.smtp.waitFor((m) => m.to.includes('head.920002@demo.test') && m.raw.includes('invitation.ics'));
    const raw = mail.raw.replace(/=\r?\n/g, '');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect((await officer.send('POST', `${base}/meetings/${next}/invitations`)).status).toBe(200);
    const outsider = await t.signIn('head.920006@demo.test');
    expect((await outsider.send('POST', `${base}/meetings/${next}/invitations`)).status).toBe(403);
  });

  it('puts a committee’s submitted action plan and impact report on the board’s next agenda, once', async () => {
    const plan = { academicYearStart: 2026, items: [{ title: 'SEND outreach training', budgetPence: 250_000 }, { title: 'Inclusion audit', budgetPence: 120_050, spentPence: 20_000 }], impactReport: 'Exclusions fell.', submit: true };
    const saved = await json(await admin.send('PUT', `${base}/bodies/${committeeId}/action-plan`, plan));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ budgetPence: 370_050, spentPence: 20_000, reportedAtMeetingId: expect.any(String) });
    const board = await json(await admin.get(`${base}/meetings/${saved.body.reportedAtMeetingId}`));
    expect(board.body.bodyId).toBe(boardId);
    expect(board.body.agenda.filter((i: { kind: string }) => i.kind === 'report').map((i: { title: string }) => i.title)).toEqual(['Report from SEN & Inclusion: action plan and impact report']);
    const bad = await json(await admin.send('PUT', `${base}/bodies/${committeeId}/action-plan`, { academicYearStart: 2026, items: [{ title: 'x', budgetPence: 12.5 }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('items.0.budgetPence');
  });

  it('gives a body its own feed, which a new address replaces', async () => {
    const first = (await json(await admin.send('POST', `${base}/bodies/${boardId}/calendar`))).body.url as string;
    const ics = await (await fetch(`${t.url}${new URL(first).pathname}`)).text();
    expect(ics).toContain('X-WR-CALNAME');
    const second = (await json(await admin.send('POST', `${base}/bodies/${boardId}/calendar`))).body.url as string;
    expect((await fetch(`${t.url}${new URL(first).pathname}`)).status).toBe(404);
    expect((await fetch(`${t.url}${new URL(second).pathname}`)).status).toBe(200);
  });

  it('shows a head her bodies, next meetings and open actions', async () => {
    const head = await t.signIn('head.920002@demo.test');
    const view = await json(await head.get('/api/v1/me/governance'));
    expect(view.status).toBe(200);
    const ealing = view.body.partnerships.find((p: { slug: string }) => p.slug === 'ealing');
    expect(ealing.bodies.map((b: { name: string }) => b.name)).toEqual(['Partnership Board']);
    expect(ealing.representation.map((r: { bodyName: string }) => r.bodyName)).toContain('Partnership Board');
    expect(ealing.openActions.map((a: { title: string }) => a.title)).toContain('Share the data pack');
  });
});

describe('templates', () => {
  it('starts a new council-led partnership with its board and committees', async () => {
    const created = await admin.send('POST', '/api/v1/tenants', {
      slug: 'hounslow-learning',
      name: 'Hounslow Learning Partnership',
      areas: ['Hounslow'],
      legalForm: 'council-hosted',
      contactEmail: 'hello@hounslow-learning.test',
      inNationalAssociation: false,
      template: 'council-led-board',
    });
    expect(created.status).toBe(201);
    const again = await t.signIn('admin@ealing.demo.test');
    const bodies = (await json(await again.get('/api/v1/tenants/hounslow-learning/bodies'))).body.items as { id: string; name: string; kind: string; parentIds: string[] }[];
    const board = bodies.find((b) => b.kind === 'board')!;
    expect(board.name).toBe('Partnership Board');
    expect(bodies.filter((b) => b.kind === 'committee').map((b) => b.parentIds)).toEqual([[board.id], [board.id], [board.id]]);
  });
});

describe('the daily governance sweep', () => {
  it('brings seats up to date without anyone opening the body, and reminds managers once of a review that is due', async () => {
    const [{ id: schoolId }] = await t.owner.query(`SELECT id FROM schools WHERE urn = '920003'`);
    const [{ id: newHead }] = await t.owner.query(`INSERT INTO users (email, name, email_verified_at) VALUES ('new.head.920003@demo.test', 'Noor Newhead', now()) RETURNING id`);
    await t.owner.query(`DELETE FROM school_roles WHERE school_id = $1 AND role = 'headteacher'`, [schoolId]);
    await t.owner.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, 'headteacher')`, [schoolId, newHead]);
    expect((await admin.send('POST', `${base}/bodies/${committeeId}/terms-of-reference`, { text: '# Terms\n\nReviewed yearly.', reviewDueOn: '2026-01-01' })).status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    await t.runtime.handlers[JobName.GovernanceSweep]({ date: today }, { jobId: 'test-sweep', attempt: 1 });
    const holders = await t.owner.query(`SELECT user_id FROM seat_holdings WHERE body_id = $1 AND ends_on IS NULL AND seat_key LIKE '%:920003'`, [boardId]);
    expect(holders).toEqual([{ user_id: newHead }]);
    const mail = await t.smtp.waitFor((m) => m.to.includes('admin@ealing.demo.test') && m.raw.includes('annual review'));
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain('SEN & Inclusion: version 1');
    await t.smtp.waitFor((m) => m.to.includes('officer@ealing.demo.test') && m.raw.includes('annual review'));
    const reminders = () => t.smtp.messages.filter((m) => m.raw.includes('annual review')).length;
    expect(reminders()).toBe(2);
    await t.runtime.handlers[JobName.GovernanceSweep]({ date: today }, { jobId: 'test-sweep-2', attempt: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(reminders()).toBe(2);
  });
});

describe('a general meeting of many schools: its seats are paged', () => {
  const rb = '/api/v1/tenants/redbridge';
  const EXTRA = 230;
  let agmId: string;
  let rbAdmin: Session;
  let members: number;

  beforeAll(async () => {
    rbAdmin = await t.signIn('admin@redbridge.demo.test');
    await t.owner.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT (960000 + i)::text, 'Many School ' || lpad(i::text, 3, '0'), 'primary', 'Community school', 'Redbridge', 100, 'IG1 1AA' FROM generate_series(1, $1) i`,
      [EXTRA],
    );
    await t.owner.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT t.id, s.id, 'full', 'active', '2025-09-01' FROM tenants t, schools s WHERE t.slug = 'redbridge' AND s.name LIKE 'Many School %'`,
    );
    [{ n: members }] = await t.owner.query(`SELECT count(*)::int AS n FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = 'redbridge' AND m.status IN ('active', 'notice-given')`);
    const created = await json(await rbAdmin.send('POST', `${rb}/bodies`, { name: 'Members’ meeting of many schools', kind: 'general_meeting', quorumRule: { type: 'count', n: 2 } }));
    expect(created.status).toBe(201);
    agmId = created.body.id;
    expect((await rbAdmin.send('POST', `${rb}/bodies/${agmId}/seat-rules`, { rule: { kind: 'school_representative', scope: { type: 'partnership' } }, voting: 'voting', label: 'Member school' })).status).toBe(201);
  });

  it('answers the body with its first 200 seats, the total and that there are more', async () => {
    expect(members).toBeGreaterThanOrEqual(EXTRA + 1);
    const body = await json(await rbAdmin.get(`${rb}/bodies/${agmId}`));
    expect(body.status).toBe(200);
    expect(body.body.seats).toHaveLength(200);
    expect(body.body).toMatchObject({ seatTotal: members, seatsTruncated: true });
    // Seats held are counted over every seat, not the 200 sent: the demo schools' heads hold theirs, the new schools have none.
    const [{ n: held }] = await t.owner.query(`SELECT count(*)::int AS n FROM seat_holdings WHERE body_id = $1 AND ends_on IS NULL`, [agmId]);
    expect(held).toBeGreaterThan(0);
    expect(body.body.seatCount).toBe(held);
  });

  it('pages the seats, 50 by default, in the body’s order, with the total', async () => {
    const first = (await json(await rbAdmin.get(`${rb}/bodies/${agmId}`))).body.seats;
    const page2 = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=2`));
    expect(page2.status).toBe(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 50, total: members });
    expect(page2.body.items).toEqual(first.slice(50, 100));
    const last = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=2&pageSize=200`));
    expect(last.body.items).toHaveLength(members - 200);
    expect(last.body.total).toBe(members);
    const past = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=99&pageSize=200`));
    expect(past.body).toEqual({ items: [], page: 99, pageSize: 200, total: members });
    const ids = new Set<string>();
    for (let page = 1; page <= Math.ceil(members / 100); page++) {
      for (const seat of (await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=${page}&pageSize=100`))).body.items) ids.add(seat.id);
    }
    expect(ids.size).toBe(members);
  });

  it('searches by school name, URN, holder’s name and seat label', async () => {
    const byName = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?q=${encodeURIComponent('many school 117')}`));
    expect(byName.body.total).toBe(1);
    expect(byName.body.items[0]).toMatchObject({ label: 'Member school: Many School 117', holder: null, voting: 'voting' });
    const byUrn = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?q=960117`));
    expect(byUrn.body.items.map((s: { id: string }) => s.id)).toEqual([byName.body.items[0].id]);
    const held = (await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?pageSize=200`))).body.items.find((s: { holder: unknown }) => s.holder);
    const byHolder = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?q=${encodeURIComponent(held.holder.name)}`));
    expect(byHolder.body.items.map((s: { id: string }) => s.id)).toContain(held.id);
    expect(byHolder.body.total).toBeLessThan(members);
    const byLabel = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?q=MEMBER%20SCHOOL&pageSize=10`));
    expect(byLabel.body).toMatchObject({ total: members, pageSize: 10 });
    const none = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?q=nothing-like-this`));
    expect(none.body).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });

  it('refuses a bad page or page size with the field, and answers 404 to another partnership', async () => {
    const big = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?pageSize=201`));
    expect(big.status).toBe(400);
    expect(big.body.errors[0].field).toBe('pageSize');
    const zero = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=0`));
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0].field).toBe('page');
    const words = await json(await rbAdmin.get(`${rb}/bodies/${agmId}/seats?page=two`));
    expect(words.status).toBe(400);
    expect(words.body.errors[0].field).toBe('page');
    expect((await admin.get(`${rb}/bodies/${agmId}/seats`)).status).toBe(404);
    expect((await admin.get(`${base}/bodies/${agmId}/seats`)).status).toBe(404);
    expect((await admin.get(`${base}/bodies/not-an-id/seats`)).status).toBe(404);
  });
});
