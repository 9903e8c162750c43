import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventPlacesService } from '../src/modules/events/event-places.service';
import { type Session, startTestApp, type TestApp } from './support/test-app';

/**
 * CPD events (issue 11): capacity under concurrent bookings, the waiting list, the school's
 * approval before anything is confirmed or invoiced, cancellation terms, registers, evaluations,
 * certificates and the contract `GET /tenants/{slug}/events/{id}` -> {capacity, confirmed, waiting, sessions}.
 */
let t: TestApp;
let admin: Session;
let head: Session;
let bm: Session;
let staff: Session;

const base = '/api/v1/tenants/redbridge';
const URN = '910001';
const school = `/api/v1/school-portal/${URN}`;
const q = '?tenant=redbridge';
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const DAY = 86_400_000;
const at = (days: number, hour = 9) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000).toISOString();

async function newEvent(extra: Record<string, unknown> = {}, days = 60): Promise<string> {
  const res = await json(
    await admin.send('POST', `${base}/events`, {
      title: `Course ${Math.random().toString(36).slice(2, 8)}`,
      memberPricePence: 12_000,
      nonMemberPricePence: 18_000,
      capacity: 30,
      venue: 'Redbridge Teachers’ Centre',
      sessions: [
        { startsAt: at(days, 9), endsAt: at(days, 15) },
        { startsAt: at(days + 7, 9), endsAt: at(days + 7, 12) },
      ],
      ...extra,
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const detail = async (id: string) => (await admin.get(`${base}/events/${id}`)).json();
const setLimit = async (limit: number | null) => expect((await head.send('PUT', `${school}/booking-settings${q}`, { autoApproveBelowPence: limit })).status).toBe(200);
const book = (session: Session, eventId: string, body: Record<string, unknown> = {}) => session.send('POST', `${school}/events/${eventId}/bookings${q}`, body);

beforeAll(async () => {
  t = await startTestApp('events');
  await t.owner.query(
    `INSERT INTO users (email, name, password_hash, email_verified_at)
     SELECT x.email, x.name, u.password_hash, now() FROM users u, (VALUES ('bm.910001@demo.test', 'Bea Manager'), ('staff.910001@demo.test', 'Sam Teacher')) x(email, name)
     WHERE u.email = 'head.910001@demo.test'`,
  );
  await t.owner.query(
    `INSERT INTO school_roles (school_id, user_id, role)
     SELECT s.id, u.id, CASE WHEN u.email LIKE 'bm.%' THEN 'business-manager' ELSE 'staff' END FROM schools s, users u
     WHERE s.urn = '910001' AND u.email IN ('bm.910001@demo.test', 'staff.910001@demo.test')`,
  );
  admin = await t.signIn('admin@redbridge.demo.test');
  head = await t.signIn('head.910001@demo.test');
  bm = await t.signIn('bm.910001@demo.test');
  staff = await t.signIn('staff.910001@demo.test');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('events: the contract and bad input', () => {
  it('answers GET /tenants/{slug}/events/{id} with {capacity, confirmed, waiting, sessions}', async () => {
    const id = await newEvent();
    const res = await json(await admin.get(`${base}/events/${id}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, capacity: 30, confirmed: 0, waiting: 0, available: 30, invoicing: 'per_booking' });
    expect(res.body.sessions).toHaveLength(2);
    expect(res.body.sessions[0]).toMatchObject({ startsAt: expect.any(String), endsAt: expect.any(String) });
    expect(res.body.prices.map((p: { pence: number }) => p.pence)).toEqual([12_000, 18_000]);
    expect(res.body.cancellationTermsText).toContain('fewer than 42 days');
    const list = await json(await admin.get(`${base}/events`));
    expect(list.body.items.some((e: { id: string }) => e.id === id)).toBe(true);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const zero = await json(await admin.send('POST', `${base}/events`, { title: 'X', memberPricePence: 0, capacity: 0, sessions: [{ startsAt: at(10), endsAt: at(10, 12) }] }));
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((e: { field: string }) => e.field)).toContain('capacity');
    const backwards = await json(await admin.send('POST', `${base}/events`, { title: 'X', memberPricePence: 0, capacity: 5, sessions: [{ startsAt: at(10, 12), endsAt: at(10, 9) }] }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'sessions[0].endsAt', message: 'A session ends after it starts.' }]);
    const noSessions = await json(await admin.send('POST', `${base}/events`, { title: 'X', memberPricePence: 0, capacity: 5, sessions: [] }));
    expect(noSessions.body.errors.map((e: { field: string }) => e.field)).toEqual(['sessions']);
    const id = await newEvent();
    const badPlace = await json(await book(staff, id, { delegateEmail: 'not-an-email' }));
    expect(badPlace.status).toBe(400);
    expect(badPlace.body.errors[0].field).toBe('delegateEmail');
    expect((await book(staff, 'not-an-id')).status).toBe(404);
    expect((await staff.send('POST', `${school}/bookings/not-an-id/cancel${q}`, {})).status).toBe(404);
    expect((await admin.get(`${base}/events/not-an-id`)).status).toBe(404);
    expect((await admin.get(`${base}/events/${id}/sessions/not-an-id/register`)).status).toBe(404);
    const noTenant = await json(await staff.send('POST', `${school}/events/${id}/bookings`, {}));
    expect(noTenant.status).toBe(400);
    expect(noTenant.body.errors[0].field).toBe('tenant');
  });
});

describe('capacity and the waiting list', () => {
  let eventId: string;
  let firstWaiting: string;
  let secondWaiting: string;

  it('200 concurrent requests for 30 places leave exactly 30 confirmed and the rest waiting', async () => {
    eventId = await newEvent();
    await setLimit(1_000_000);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(head, eventId, { delegateName: `Delegate ${i}`, delegateEmail: `delegate${i}@school.test` }).then(json)));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(30);
    expect(results.filter((r) => r.body.status === 'waiting')).toHaveLength(170);
    const d = await detail(eventId);
    expect(d).toMatchObject({ capacity: 30, confirmed: 30, waiting: 170, available: 0 });
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM event_bookings WHERE event_id = $1 AND status IN ('confirmed', 'awaiting_approval', 'offered')`, [eventId]);
    expect(n).toBe(30);
    // Waiting positions are unique and in order of arrival.
    const positions: { waiting_position: number }[] = await t.owner.query(`SELECT waiting_position FROM event_bookings WHERE event_id = $1 AND status = 'waiting' ORDER BY waiting_position`, [eventId]);
    expect(new Set(positions.map((p) => p.waiting_position)).size).toBe(170);
    // Each confirmed place was invoiced once (auto-approved below the school's limit).
    const [{ invoices }] = await t.owner.query(`SELECT count(DISTINCT invoice_id)::int AS invoices FROM event_bookings WHERE event_id = $1 AND status = 'confirmed'`, [eventId]);
    expect(invoices).toBe(30);
    const waiting = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items.filter((b: { status: string }) => b.status === 'waiting');
    firstWaiting = waiting[0].id;
    secondWaiting = waiting[1].id;
  }, 120_000);

  it('one cancellation makes exactly one offer, to the first person waiting', async () => {
    const confirmed = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items.find((b: { status: string }) => b.status === 'confirmed');
    const cancelled = await json(await head.send('POST', `${school}/bookings/${confirmed.id}/cancel${q}`, { reason: 'Unwell' }));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const d = await detail(eventId);
    expect(d).toMatchObject({ confirmed: 29, offered: 1, waiting: 169, available: 0 });
    const bookings = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items;
    expect(bookings.filter((b: { status: string }) => b.status === 'offered').map((b: { id: string }) => b.id)).toEqual([firstWaiting]);
    // A second look changes nothing: still one offer.
    await t.app.get(EventPlacesService).sweep();
    expect((await detail(eventId)).offered).toBe(1);
  });

  it('passes an expired offer to the next person, and the lapsed offer cannot be accepted', async () => {
    await t.owner.query(`UPDATE event_bookings SET offer_expires_at = now() - interval '1 second' WHERE id = $1`, [firstWaiting]);
    await t.app.get(EventPlacesService).sweep();
    const bookings = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items as { id: string; status: string }[];
    expect(bookings.find((b) => b.id === firstWaiting)!.status).toBe('expired');
    expect(bookings.filter((b) => b.status === 'offered').map((b) => b.id)).toEqual([secondWaiting]);
    const late = await json(await head.send('POST', `${school}/bookings/${firstWaiting}/accept-offer${q}`));
    expect(late.status).toBe(409);
    const taken = await json(await head.send('POST', `${school}/bookings/${secondWaiting}/accept-offer${q}`));
    expect(taken.status).toBe(200);
    expect(taken.body.status).toBe('confirmed');
    expect(await detail(eventId)).toMatchObject({ confirmed: 30, offered: 0, waiting: 168 });
  });

  it('makes no offer once the event has started', async () => {
    const confirmed = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items.find((b: { status: string }) => b.status === 'confirmed');
    await t.owner.query(`UPDATE event_sessions SET starts_at = now() - interval '1 hour', ends_at = now() + interval '5 hours' WHERE event_id = $1 AND position = 0`, [eventId]);
    const late = await json(await head.send('POST', `${school}/bookings/${confirmed.id}/cancel${q}`, {}));
    expect(late.body).toMatchObject({ status: 'cancelled', chargePercent: 100 });
    await t.app.get(EventPlacesService).sweep();
    expect(await detail(eventId)).toMatchObject({ confirmed: 29, offered: 0, waiting: 168, available: 1 });
    // Nor can anyone book once it has started.
    expect((await book(head, eventId, { delegateName: 'Too Late', delegateEmail: 'too-late@school.test' })).status).toBe(409);
  });
});

describe('the school’s approval', () => {
  let eventId: string;

  it('does not confirm or invoice a staff request before the head or business manager approves it', async () => {
    await setLimit(null);
    eventId = await newEvent();
    const asked = await json(await book(staff, eventId));
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'awaiting_approval', invoiceId: null, delegateName: 'Sam Teacher', pricePence: 12_000, member: true });
    expect(await detail(eventId)).toMatchObject({ confirmed: 0, awaitingApproval: 1, available: 29 });
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM invoices WHERE idempotency_key = $1`, [`event-booking:${asked.body.id}`]);
    expect(n).toBe(0);
    const waiting = await json(await bm.get(`${school}/booking-approvals${q}`));
    expect(waiting.body.items.map((b: { id: string }) => b.id)).toContain(asked.body.id);
    // The approval request went to the head and the business manager.
    const mail = await t.smtp.waitFor((m) => m.to.includes('bm.910001@demo.test') && /asks for a place/.test(m.raw.replace(/=\r?\n/g, '')), 10_000);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain('Approve or decline');

    // Staff cannot approve; a paid place needs a PO number.
    expect((await staff.send('POST', `${school}/bookings/${asked.body.id}/approve${q}`, { poNumber: 'PO-1' })).status).toBe(403);
    const noPo = await json(await bm.send('POST', `${school}/bookings/${asked.body.id}/approve${q}`, {}));
    expect(noPo.status).toBe(400);
    expect(noPo.body.errors[0].field).toBe('poNumber');
    const approved = await json(await bm.send('POST', `${school}/bookings/${asked.body.id}/approve${q}`, { poNumber: 'PO-4471' }));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'confirmed', poNumber: 'PO-4471', invoiceId: expect.any(String) });
    const [invoice] = await t.owner.query(`SELECT po_number, total_pence, kind FROM invoices WHERE id = $1`, [approved.body.invoiceId]);
    expect(invoice).toMatchObject({ po_number: 'PO-4471', kind: 'one-off' });
    // Approving twice changes nothing.
    expect((await bm.send('POST', `${school}/bookings/${asked.body.id}/approve${q}`, { poNumber: 'PO-4471' })).status).toBe(409);
  });

  it('never lets a member of staff approve their own request, even the headteacher', async () => {
    const own = await json(await book(head, eventId));
    expect(own.body.status).toBe('awaiting_approval');
    const self = await json(await head.send('POST', `${school}/bookings/${own.body.id}/approve${q}`, { poNumber: 'PO-9' }));
    expect(self.status).toBe(403);
    expect(self.body.detail).toMatch(/someone else/);
    expect((await bm.send('POST', `${school}/bookings/${own.body.id}/approve${q}`, { poNumber: 'PO-9' })).status).toBe(200);
  });

  it('frees the place when a request is declined', async () => {
    const asked = await json(await book(staff, eventId, { delegateName: 'Colleague One', delegateEmail: 'colleague1@school.test' }));
    const declined = await json(await bm.send('POST', `${school}/bookings/${asked.body.id}/decline${q}`, { reason: 'Not this term' }));
    expect(declined.body.status).toBe('declined');
    expect((await detail(eventId)).available).toBe(28);
  });

  it('refuses a second live place for the same delegate', async () => {
    const again = await json(await book(staff, eventId));
    expect(again.status).toBe(409);
  });
});

describe('cancellation terms, substitutes and the calendar', () => {
  it('charges 50% within six weeks and credits the rest of the invoice', async () => {
    await setLimit(1_000_000);
    const eventId = await newEvent({}, 35);
    const booked = await json(await book(staff, eventId, { delegateName: 'Cara Cancel', delegateEmail: 'cara@school.test' }));
    expect(booked.body.status).toBe('confirmed');
    const [invoice] = await t.owner.query(`SELECT total_pence FROM invoices WHERE id = $1`, [booked.body.invoiceId]);
    const cancelled = await json(await staff.send('POST', `${school}/bookings/${booked.body.id}/cancel${q}`, {}));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', chargePercent: 50, chargePence: Math.round(invoice.total_pence / 2), creditPence: invoice.total_pence - Math.round(invoice.total_pence / 2) });
    const [note] = await t.owner.query(`SELECT total_pence FROM credit_notes WHERE invoice_id = $1`, [booked.body.invoiceId]);
    expect(note.total_pence).toBe(cancelled.body.creditPence);
    expect(cancelled.body.creditNoteId).toEqual(expect.any(String));
  });

  it('charges nothing with more than six weeks’ notice, and 100% within four', async () => {
    const early = await newEvent({}, 60);
    const a = await json(await book(staff, early, { delegateName: 'Early Bird', delegateEmail: 'early@school.test' }));
    const ca = await json(await staff.send('POST', `${school}/bookings/${a.body.id}/cancel${q}`, {}));
    expect(ca.body).toMatchObject({ chargePercent: 0, chargePence: 0 });
    const late = await newEvent({}, 10);
    const b = await json(await book(staff, late, { delegateName: 'Late Comer', delegateEmail: 'late@school.test' }));
    const cb = await json(await staff.send('POST', `${school}/bookings/${b.body.id}/cancel${q}`, {}));
    expect(cb.body).toMatchObject({ chargePercent: 100, creditPence: 0, creditNoteId: null });
  });

  it('lets someone else go in the delegate’s place for free, and gives calendar entries', async () => {
    const eventId = await newEvent();
    const booked = await json(await book(staff, eventId, { delegateName: 'First Person', delegateEmail: 'first@school.test' }));
    const sub = await json(await staff.send('POST', `${school}/bookings/${booked.body.id}/substitute${q}`, { delegateName: 'Second Person', delegateEmail: 'second@school.test' }));
    expect(sub.body).toMatchObject({ status: 'confirmed', delegateName: 'Second Person', chargePence: 0, invoiceId: booked.body.invoiceId });
    const ics = await staff.get(`${school}/bookings/${booked.body.id}/calendar.ics${q}`);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('TZID=Europe/London');
  });
});

describe('the events sweep', () => {
  it('reminds confirmed delegates two days before, once', async () => {
    await setLimit(1_000_000);
    const eventId = await newEvent({}, 1);
    const booked = await json(await book(staff, eventId, { delegateName: 'Rita Reminder', delegateEmail: 'rita@school.test' }));
    expect(booked.body.status).toBe('confirmed');
    const places = t.app.get(EventPlacesService);
    const first = await places.sweep();
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    await t.smtp.waitFor((m) => m.to.includes('rita@school.test') && /starts on/.test(m.raw.replace(/=\r?\n/g, '')), 10_000);
    expect((await places.sweep()).reminders).toBe(0);
  });
});

describe('registers, evaluations, certificates and reports', () => {
  it('marks the register, runs an anonymous evaluation with who has not answered, and certifies those who attended', async () => {
    await setLimit(1_000_000);
    const eventId = await newEvent({ capacity: 5 }, 20);
    const a = await json(await book(staff, eventId));
    const b = await json(await book(staff, eventId, { delegateName: 'Absent Person', delegateEmail: 'absent@school.test' }));
    const c = await json(await book(staff, eventId, { delegateName: 'Quiet Person', delegateEmail: 'quiet@school.test' }));
    const sessions: { id: string }[] = await t.owner.query(`SELECT id FROM event_sessions WHERE event_id = $1 ORDER BY position`, [eventId]);
    await t.owner.query(`UPDATE event_sessions SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '6 hours' WHERE id = $1`, [sessions[0]!.id]);
    const early = await json(await admin.send('PUT', `${base}/events/${eventId}/sessions/${sessions[1]!.id}/register`, { entries: [] }));
    expect(early.status).toBe(409);
    const marked = await json(
      await admin.send('PUT', `${base}/events/${eventId}/sessions/${sessions[0]!.id}/register`, {
        entries: [
          { bookingId: a.body.id, attended: true },
          { bookingId: b.body.id, attended: false },
          { bookingId: c.body.id, attended: true },
        ],
      }),
    );
    expect(marked.status).toBe(200);
    const statuses = (await (await admin.get(`${base}/events/${eventId}/bookings`)).json()).items.map((x: { delegateName: string; status: string; chargePence: number }) => [x.delegateName, x.status, x.chargePence]);
    expect(statuses).toContainEqual(['Absent Person', 'no_show', 12_000]);

    expect((await admin.send('PUT', `${base}/events/${eventId}/evaluation`, { anonymous: true })).status).toBe(200);
    const answer = await json(await staff.send('POST', `${school}/bookings/${a.body.id}/evaluation${q}`, { answers: { overall: 5, practice: 4, comments: 'Very useful' } }));
    expect(answer.status).toBe(200);
    expect((await staff.send('POST', `${school}/bookings/${a.body.id}/evaluation${q}`, { answers: { overall: 5, practice: 4 } })).status).toBe(409);
    const bad = await json(await staff.send('POST', `${school}/bookings/${c.body.id}/evaluation${q}`, { answers: { overall: 9, practice: 4 } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('answers.overall');
    const summary = await json(await admin.get(`${base}/events/${eventId}/evaluation`));
    expect(summary.body).toMatchObject({ anonymous: true, invited: 2, responded: 1 });
    expect(summary.body.notAnswered.map((x: { delegateName: string }) => x.delegateName)).toEqual(['Quiet Person']);
    expect(summary.body.responses).toEqual([{ delegateName: null, answers: { overall: 5, practice: 4, comments: 'Very useful' } }]);
    expect(summary.body.scores[0]).toMatchObject({ questionId: 'overall', mean: 5 });
    expect((await admin.send('PUT', `${base}/events/${eventId}/evaluation`, { anonymous: false })).status).toBe(409);

    const issued = await json(await admin.send('POST', `${base}/events/${eventId}/certificates`));
    expect(issued.body).toEqual({ issued: 2, total: 2 });
    const pdf = await staff.get(`${school}/bookings/${a.body.id}/certificate.pdf${q}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    expect((await staff.get(`${school}/bookings/${b.body.id}/certificate.pdf${q}`)).status).toBe(409);

    const report = await json(await admin.get(`${base}/event-report`));
    const row = report.body.items.find((r: { eventId: string }) => r.eventId === eventId);
    expect(row).toMatchObject({ capacity: 5, placesTaken: 3, attended: 2, usePercent: 60, evaluationResponses: 1 });
    const csv = await admin.get(`${base}/event-report.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('Event,Starts,Capacity,Places taken,Use %,Attended,Waiting,Evaluation responses,Mean score');
  });

  it('invoices once per school per term when the partnership consolidates', async () => {
    const eventId = await newEvent({ invoicing: 'per_school_term' });
    const one = await json(await book(staff, eventId, { delegateName: 'Term One', delegateEmail: 'term1@school.test' }));
    const two = await json(await book(staff, eventId, { delegateName: 'Term Two', delegateEmail: 'term2@school.test' }));
    expect(one.body).toMatchObject({ status: 'confirmed', invoiceId: null });
    const run = await json(await admin.send('POST', `${base}/event-invoicing`, {}));
    expect(run.status).toBe(200);
    const rows: { invoice_id: string }[] = await t.owner.query(`SELECT DISTINCT invoice_id FROM event_bookings WHERE id = ANY($1::uuid[])`, [[one.body.id, two.body.id]]);
    expect(rows).toHaveLength(1);
    expect(run.body.invoices.find((i: { invoiceId: string }) => i.invoiceId === rows[0]!.invoice_id)).toMatchObject({ created: true, bookings: expect.any(Number) });
    const [invoice] = await t.owner.query(`SELECT jsonb_array_length(lines) AS lines, subtotal_pence FROM invoices WHERE id = $1`, [rows[0]!.invoice_id]);
    expect(invoice.lines).toBeGreaterThanOrEqual(2);
    const again = await json(await admin.send('POST', `${base}/event-invoicing`, {}));
    expect(again.body.invoices).toEqual([]);
  });
});

describe('the public catalogue and non-members', () => {
  it('lists public events, and a non-member school books one at the non-member price (but not a members-only one)', async () => {
    const publicId = await newEvent({ public: true });
    const privateId = await newEvent({ public: false });
    const listed = await json(await fetch(`${t.url}/api/v1/public/tenants/redbridge/events`));
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((e: { id: string }) => e.id === publicId);
    expect(item).toMatchObject({ nonMemberPricePence: 18_000, memberPricePence: 12_000, capacity: 30 });
    expect(listed.body.items.some((e: { id: string }) => e.id === privateId)).toBe(false);

    const outsider = await t.signIn('head.920001@demo.test');
    const ealingSchool = '/api/v1/school-portal/920001';
    const seen = await json(await outsider.get(`${ealingSchool}/events${q}`));
    expect(seen.body.items.map((e: { id: string }) => e.id)).toContain(publicId);
    expect(seen.body.items.find((e: { id: string }) => e.id === publicId)).toMatchObject({ member: false, pricePence: 18_000 });
    const booked = await json(await outsider.send('POST', `${ealingSchool}/events/${publicId}/bookings${q}`, {}));
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ member: false, pricePence: 18_000, status: 'awaiting_approval' });
    expect((await outsider.send('POST', `${ealingSchool}/events/${privateId}/bookings${q}`, {})).status).toBe(404);
  });

  it('hides events from people outside the partnership and the school', async () => {
    const id = await newEvent();
    const ealingAdmin = await t.signIn('admin@ealing.demo.test');
    expect((await ealingAdmin.get(`${base}/events/${id}`)).status).toBe(404);
    expect((await ealingAdmin.get(`/api/v1/tenants/ealing/events/${id}`)).status).toBe(404);
    const outsider = await t.signIn('head.920001@demo.test');
    expect((await outsider.get(`${school}/bookings${q}`)).status).toBe(404);
  });
});
