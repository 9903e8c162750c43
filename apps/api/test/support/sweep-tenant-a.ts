import { DEMO_PASSWORD, hashPassword, seedGeneralMeetings, seedImprovement, seedReviews } from '@partnerships/db';
import { expect } from 'vitest';
import { giasFile, giasSchool, importGias } from './gias';
import type { Session, TestApp } from './test-app';

/**
 * Gives tenant A (Redbridge) a row in the tables of every feature added since the small demo:
 * governance, general meetings, offers, events, reviews and school improvement. Done through the
 * API as Redbridge's admin and the head of 910001 (copied from each feature's own e2e suite), and
 * through the seeds the reviews, improvement and general-meetings suites use, for Redbridge.
 * Returns the distinctive names given here, so a leak of them to another tenant is caught.
 */
export const SWEEP_A = {
  board: 'Redbridge Sweep Board 7c1e',
  committee: 'Redbridge Sweep Committee 7c1e',
  agm: 'Redbridge Sweep General Meeting 7c1e',
  council: 'Redbridge Sweep Advisory Council 7c1e',
  agendaItem: 'Redbridge sweep agenda item 7c1e',
  action: 'Redbridge sweep action 7c1e',
  offer: 'Redbridge Sweep Adviser Day 7c1e',
  pool: 'Redbridge Sweep Psychologist Pool 7c1e',
  bespoke: 'Redbridge sweep bespoke request 7c1e',
  event: 'Redbridge Sweep Course 7c1e',
  motion: 'Redbridge sweep motion 7c1e',
  secretMotion: 'Redbridge sweep secret motion 7c1e',
  document: 'Redbridge Sweep Membership Terms 7c1e',
  dataSet: 'Redbridge Sweep Data Set 7c1e',
};

const HALF_TERMS = [
  { name: 'Autumn 1', start: '2026-09-03', end: '2026-10-23' },
  { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
  { name: 'Spring 1', start: '2027-01-05', end: '2027-02-12' },
  { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
  { name: 'Summer 1', start: '2027-04-12', end: '2027-05-28' },
  { name: 'Summer 2', start: '2027-06-07', end: '2027-07-21' },
];

const DAY = 86_400_000;
const at = (days: number, hour = 9) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function ok(res: Response | Promise<Response>, what: string, statuses = [200, 201]): Promise<any> {
  const r = await res;
  const text = await r.text();
  expect(statuses, `${what} -> ${r.status} ${text.slice(0, 500)}`).toContain(r.status);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function giveTenantAOneOfEverything(t: TestApp, slug: string, urn: string): Promise<string[]> {
  const base = `/api/v1/tenants/${slug}`;
  const portal = `/api/v1/school-portal/${urn}`;
  const q = `?tenant=${slug}`;
  const admin: Session = await t.signIn(`admin@${slug}.demo.test`);
  const head: Session = await t.signIn(`head.${urn}@demo.test`);
  const [{ id: tenantId }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
  const [{ id: headUserId }] = await t.owner.query(`SELECT id FROM users WHERE email = $1`, [`head.${urn}@demo.test`]);

  // Governance: term dates, a board with seats by rule, a committee reporting to it, a year of meetings,
  // attendance, minutes, an action, an agenda item with a paper, offices, appointments, terms of reference,
  // an action plan, the board's calendar feed and the head's own.
  await ok(admin.send('PUT', `${base}/calendar/2026`, { halfTerms: HALF_TERMS }), 'term dates');
  const board = await ok(
    admin.send('POST', `${base}/bodies`, {
      name: SWEEP_A.board,
      kind: 'board',
      purpose: 'Sets the partnership’s strategy.',
      rhythm: { rhythm: { type: 'half_termly' }, week: 3, weekday: 3, startTime: '16:00', endTime: '17:30' },
      quorumRule: { type: 'fraction', numerator: 1, denominator: 2 },
      annualRhythm: [{ halfTerm: 'Autumn 1', title: 'Review the terms of reference' }],
    }),
    'board',
  );
  await ok(admin.send('POST', `${base}/bodies/${board.id}/seat-rules`, { rule: { kind: 'school_representative', scope: { type: 'phase', phase: 'primary' } }, voting: 'voting', label: 'Primary headteacher' }), 'seat rule');
  const appointed = await ok(admin.send('POST', `${base}/bodies/${board.id}/seat-rules`, { rule: { kind: 'appointed', max: 2 }, voting: 'non_voting', label: 'Co-opted member' }), 'appointed rule');
  const seats = (await ok(admin.get(`${base}/bodies/${board.id}`), 'board detail')).seats as { id: string; holder: { schoolUrn: string } | null }[];
  const ruleId = appointed.id ?? (await ok(admin.get(`${base}/bodies/${board.id}`), 'board detail')).seatRules.find((r: { label: string }) => r.label === 'Co-opted member').id;
  await ok(admin.send('POST', `${base}/bodies/${board.id}/appointments`, { ruleId, userId: headUserId }), 'appointment');
  await ok(admin.send('PUT', `${base}/bodies/${board.id}/offices`, { office: 'chair', userId: headUserId, filledBy: 'appointment' }), 'office');
  const committee = await ok(admin.send('POST', `${base}/bodies`, { name: SWEEP_A.committee, kind: 'committee', parentIds: [board.id] }), 'committee');
  await ok(admin.send('PUT', `${base}/bodies/${committee.id}/schools`, { urns: [urn] }), 'body schools');
  await ok(admin.send('POST', `${base}/bodies/${committee.id}/terms-of-reference`, { text: '# Terms\n\nReviewed yearly.', reviewDueOn: '2027-09-01' }), 'terms of reference');
  await ok(admin.send('POST', `${base}/bodies/${board.id}/meetings/plan`, { academicYearStart: 2026 }), 'meetings plan');
  const meetings = (await ok(admin.get(`${base}/meetings?from=2026-09-01&to=2027-08-31&bodyId=${board.id}`), 'meetings')).items as { id: string }[];
  const [past, next] = [meetings[0]!.id, meetings[1]!.id];
  const seat = seats.find((s) => s.holder)!;
  await ok(admin.send('PUT', `${base}/meetings/${past}/attendance`, { entries: [{ seatKey: seat.id, status: 'present' }] }), 'attendance');
  await ok(admin.send('PUT', `${base}/meetings/${past}/minutes`, { text: 'The board agreed its priorities.' }), 'minutes');
  await ok(admin.send('POST', `${base}/meetings/${past}/actions`, { title: SWEEP_A.action, ownerSchoolUrn: urn, dueOn: '2026-11-01' }), 'action');
  const withItem = await ok(admin.send('POST', `${base}/meetings/${next}/agenda`, { title: SWEEP_A.agendaItem }), 'agenda item');
  const item = (withItem.agenda as { id: string; title: string }[]).find((i) => i.title === SWEEP_A.agendaItem)!;
  await ok(admin.send('POST', `${base}/meetings/${next}/papers`, { agendaItemId: item.id, title: 'Sweep paper', content: 'A paper.' }), 'paper');
  await ok(admin.send('PUT', `${base}/bodies/${committee.id}/action-plan`, { academicYearStart: 2026, items: [{ title: 'Sweep plan line', budgetPence: 1_000 }], impactReport: 'Done.', submit: true }), 'action plan');
  await ok(admin.send('POST', `${base}/bodies/${board.id}/calendar`), 'body calendar');
  await ok(head.get('/api/v1/me/calendar'), 'head calendar');

  // General meetings: a general meeting body and an advisory council with elected seats (through the API),
  // then the general-meetings seed for this tenant: the AGM, an open motion with its electorate, a proxy,
  // an election with nominations. Then a motion of our own, voted on, and a ballot in the election.
  await ok(admin.send('POST', `${base}/bodies`, { name: SWEEP_A.agm, kind: 'general_meeting', quorumRule: { type: 'count', n: 2 } }), 'agm body');
  const council = await ok(admin.send('POST', `${base}/bodies`, { name: SWEEP_A.council, kind: 'advisory_council' }), 'council');
  await ok(admin.send('POST', `${base}/bodies/${council.id}/seat-rules`, { rule: { kind: 'elected', seats: 2 }, voting: 'voting', label: 'Elected headteacher', termMonths: 24 }), 'elected rule');
  await t.owner.transaction((em) => seedGeneralMeetings(em, slug));
  const [{ id: agmMeetingId }] = await t.owner.query(`SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.tenant_id = $1 AND b.kind = 'general_meeting' LIMIT 1`, [tenantId]);
  const motion = await ok(admin.send('POST', `${base}/motions`, { meetingId: agmMeetingId, title: SWEEP_A.motion }), 'motion');
  await ok(admin.send('POST', `${base}/motions/${motion.id}/open`), 'open motion');
  await ok(head.send('POST', `${portal}/motions/${motion.id}/ballots`, { choice: 'for' }), 'motion ballot');
  await ok(admin.send('POST', `${base}/motions/${motion.id}/close`, {}), 'close motion');
  const secret = await ok(admin.send('POST', `${base}/motions`, { meetingId: agmMeetingId, title: SWEEP_A.secretMotion, ballot: 'secret' }), 'secret motion');
  await ok(admin.send('POST', `${base}/motions/${secret.id}/open`), 'open secret motion');
  await ok(head.send('POST', `${portal}/motions/${secret.id}/ballots`, { choice: 'against' }), 'secret ballot');
  await ok(head.send('PUT', `${portal}/voters/${slug}`, { userId: headUserId }), 'designated voter');
  const [{ id: electionId }] = await t.owner.query(`SELECT id FROM elections WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
  const opened = await ok(admin.send('POST', `${base}/elections/${electionId}/open-voting`), 'open voting');
  const candidates = (opened.candidateList ?? []) as { nominationId: string }[];
  await ok(head.send('POST', `${portal}/elections/${electionId}/ballots`, { nominationIds: candidates.slice(0, 1).map((c) => c.nominationId) }), 'election ballot');
  await ok(admin.send('POST', `${base}/elections/${electionId}/close`), 'close election');

  // Offers: a traded service ordered by the head (basket, submit, approve with a PO), a pool booked,
  // a bespoke request quoted, a ledger entry and a buy-back window.
  const offer = await ok(admin.send('POST', `${base}/offers`, { kind: 'traded_service', title: SWEEP_A.offer, unit: 'per_day', prices: { year: 2026, prices: [{ buyer: {}, pence: 10_000 }] } }), 'offer');
  await ok(admin.send('PUT', `${base}/offers/${offer.id}/prices`, { year: 2027, prices: [{ buyer: {}, pence: 11_000 }] }), 'offer prices');
  await ok(admin.send('POST', `${base}/offers/${offer.id}/publish`), 'publish offer');
  const basket = await ok(head.send('POST', `${portal}/basket${q}`, { lines: [{ offerId: offer.id, quantity: 1 }] }), 'basket');
  await ok(head.send('POST', `${portal}/orders/${basket.id}/submit${q}`), 'submit order');
  await ok(head.send('POST', `${portal}/orders/${basket.id}/approve${q}`, { poNumber: 'PO-SWEEP' }), 'approve order');
  const pool = await ok(admin.send('POST', `${base}/offers`, { kind: 'pool', title: SWEEP_A.pool, poolCapacity: 3, prices: { year: 2026, prices: [{ pence: 40_000 }] } }), 'pool');
  await ok(admin.send('POST', `${base}/offers/${pool.id}/publish`), 'publish pool');
  await ok(head.send('POST', `${portal}/pools/${pool.id}/bookings${q}`, { onDate: dateIn(7) }), 'pool booking');
  const bespoke = await ok(head.send('POST', `${portal}/bespoke-requests${q}`, { title: SWEEP_A.bespoke, details: 'Two days in the spring term' }), 'bespoke request');
  await ok(admin.send('POST', `${base}/bespoke-requests/${bespoke.id}/quote`, { pence: 250_000, note: 'Two days and a report' }), 'quote');
  await ok(admin.send('POST', `${base}/buyback-windows`, { year: 2029, opensOn: dateIn(-5), closesOn: dateIn(30), cancelDeadline: dateIn(5), reminderDays: [14, 7] }), 'buy-back window');
  const window = (await ok(admin.get(`${base}/buyback-windows`), 'buy-back windows')).items.find((w: { year: number }) => w.year === 2029);
  // Reminders go to schools with rolling services bought this year: the demo's 2027 window, opened today,
  // and two rolling services bought by the head's school (as the offers suite sets them up).
  await t.owner.query(`UPDATE buyback_windows SET opens_on = $2, closes_on = $3, cancel_deadline = $4 WHERE year = 2027 AND tenant_id = $1`, [tenantId, dateIn(-30), dateIn(60), dateIn(10)]);
  await t.owner.query(
    `INSERT INTO subscriptions (tenant_id, school_id, offer_id, quantity, first_year, last_year)
     SELECT o.tenant_id, s.id, o.id, 1, 2026, 2026 FROM offers o, schools s WHERE s.urn = '910003' AND o.rolling AND o.tenant_id = $1 ON CONFLICT DO NOTHING`,
    [tenantId],
  );
  const demoWindow = (await ok(admin.get(`${base}/buyback-windows`), 'buy-back windows')).items.find((w: { year: number }) => w.year === 2027);
  await ok(admin.send('POST', `${base}/buyback-windows/${demoWindow.id}/reminders`), 'buy-back reminders');
  expect(window).toBeTruthy();
  const link = (await ok(admin.get(`${base}/offers`), 'offers')).items.find((o: { kind: string }) => o.kind === 'core_entitlement');
  await ok(admin.send('POST', `${base}/entitlements/ledger`, { offerId: link.id, urn, quantity: 1, note: 'Sweep visit' }), 'entitlement use');

  // Events: an event booked by the head, its first session moved into the past and its register marked,
  // an evaluation answered and certificates issued.
  await ok(head.send('PUT', `${portal}/booking-settings${q}`, { autoApproveBelowPence: 1_000_000 }), 'booking settings');
  const event = await ok(
    admin.send('POST', `${base}/events`, {
      title: SWEEP_A.event,
      memberPricePence: 12_000,
      nonMemberPricePence: 18_000,
      capacity: 30,
      venue: 'Redbridge Teachers’ Centre',
      sessions: [{ startsAt: at(20, 9), endsAt: at(20, 15) }, { startsAt: at(27, 9), endsAt: at(27, 12) }],
    }),
    'event',
  );
  const booking = await ok(head.send('POST', `${portal}/events/${event.id}/bookings${q}`, {}), 'event booking');
  const sessions: { id: string }[] = await t.owner.query(`SELECT id FROM event_sessions WHERE event_id = $1 ORDER BY position`, [event.id]);
  await t.owner.query(`UPDATE event_sessions SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '6 hours' WHERE id = $1`, [sessions[0]!.id]);
  await ok(admin.send('PUT', `${base}/events/${event.id}/sessions/${sessions[0]!.id}/register`, { entries: [{ bookingId: booking.id, attended: true }] }), 'register');
  await ok(admin.send('PUT', `${base}/events/${event.id}/evaluation`, { anonymous: false }), 'evaluation');
  await ok(head.send('POST', `${portal}/bookings/${booking.id}/evaluation${q}`, { answers: { overall: 5, practice: 4 } }), 'evaluation answer');
  await ok(admin.send('POST', `${base}/events/${event.id}/certificates`), 'certificates');

  // Reviews and school improvement: their seeds, for this tenant (a programme with groups, reviews,
  // participants, a report and actions; a confidential review; a data round, submissions, needs,
  // schools causing concern and an annual report), and a data set of our own through the API.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await t.owner.transaction((em) => seedReviews(em, passwordHash, '2026-12-05', slug));
  await t.owner.transaction((em) => seedImprovement(em, '2026-12-05', slug));
  await ok(
    admin.send('POST', `${base}/data-sets`, {
      name: SWEEP_A.dataSet,
      indicators: [{ code: 'gld', name: 'Good level of development', definition: 'EYFS GLD', unit: 'percent', decimals: 1, area: 'early_years' }],
    }),
    'data set',
  );

  const [{ id: adminUserId }] = await t.owner.query(`SELECT id FROM users WHERE email = $1`, [`admin@${slug}.demo.test`]);
  await ok(admin.send('POST', `${base}/concern-access`, { userId: adminUserId }), 'concern access');

  // Confidential school development reviews: required of full members, one appointed at the head's school
  // (the reviews seed made the demo reviewer a reviewer here), its report written, read and shared.
  await ok(admin.send('PUT', `${base}/school-review-requirements`, { categoryCodes: ['full'] }), 'review requirements');
  const sdr = await ok(admin.send('POST', `${base}/school-reviews`, { schoolUrn: urn, academicYearStart: 2026, reviewerEmail: 'reviewer@ealing.demo.test' }), 'school review');
  const reviewer = await t.signIn('reviewer@ealing.demo.test');
  await ok(reviewer.send('PUT', `/api/v1/me/confidential-reviews/${sdr.id}/report`, { content: 'Sweep report.', ready: true }), 'review report');
  await ok(head.get(`/api/v1/me/confidential-reviews/${sdr.id}`), 'review read');
  await ok(head.send('POST', `${portal}/confidential-reviews/${sdr.id}/shares`, { email: 'head.910002@demo.test' }), 'review share');

  // Memberships' own tables: a document, a pupil count, a GIAS import whose new school becomes a prospect
  // (a membership event), and a change of service level under a published schedule with tiers.
  await ok(admin.send('POST', `${base}/documents`, { title: SWEEP_A.document, url: 'https://redbridge.example/sweep-terms.pdf' }), 'document');
  await ok(head.send('POST', `${portal}/pupil-counts`, { tenantSlug: slug, census: '2025-10', pupils: 214, note: 'Sweep count' }), 'pupil count');
  const imported = await importGias(t, admin, slug, giasFile([giasSchool({ urn: '700901', name: 'Sweep Import Primary School' })]));
  expect(imported.status).toBe('completed');
  await ok(admin.send('POST', `${base}/prospects`, { urns: ['700901'] }), 'prospect');
  const schedule = {
    formatVersion: 1, name: 'Sweep service levels 2026-27', period: { kind: 'academic-year', start: '2026-09-01', end: '2027-08-31', label: '2026-27' },
    rounding: { unit: 'penny', mode: 'half-up' }, tiers: [{ code: 'bronze', name: 'Bronze' }, { code: 'gold', name: 'Gold' }],
    components: [{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'tier-price', prices: [{ tier: 'bronze', amountPence: 120_000 }, { tier: 'gold', amountPence: 360_000 }] }],
    proRata: { method: 'month', rounding: { unit: 'penny', mode: 'half-up' } }, payment: { kind: 'in-advance' },
  };
  await t.owner.query(
    `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
     VALUES ($1, $3, 'academic-year', '2026-09-01', '2027-08-31', '2026-27', 1, 'published', $2, now())`,
    [tenantId, JSON.stringify(schedule), schedule.name],
  );
  const membership = (await ok(admin.get(`${base}/memberships?q=${urn}`), 'membership')).items[0];
  await ok(admin.send('PUT', `${base}/memberships/${membership.id}/service-level`, { serviceLevel: 'gold', fromDate: '2027-03-01' }), 'service level');

  return Object.values(SWEEP_A);
}
