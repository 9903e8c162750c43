import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalRefusal,
  approvesAutomatically,
  bookingIcs,
  bookingWindowProblem,
  cancellationOutcome,
  certificateRefusal,
  consolidatedInvoices,
  countPlaces,
  DEFAULT_CANCELLATION_TERMS,
  effectiveCapacity,
  eventPriceFor,
  evaluationAnswerProblems,
  evaluationScores,
  DEFAULT_EVALUATION_QUESTIONS,
  holdsPlace,
  lapsedOffers,
  type ListedBooking,
  noShowCharge,
  placeDecision,
  bookingPoNumberProblem,
  termOfInstant,
  waitingListOffers,
  BOOKING_STATUSES,
  type BookingStatus,
} from './index';

const START = '2027-01-20T09:30:00.000Z';
const event = { capacity: 3, capPerSchool: null as number | null, startsAt: START, offerMinutes: 60 };
let seq = 0;
const b = (status: BookingStatus, extra: Partial<ListedBooking> = {}): ListedBooking => ({ id: `b${String(++seq).padStart(3, '0')}`, schoolId: 's1', status, waitingPosition: null, offerExpiresAt: null, ...extra });

describe('capacity', () => {
  it('is the smallest of the event and its sessions', () => {
    expect(effectiveCapacity({ capacity: 30, sessions: [{ capacity: null }, { capacity: 24 }] })).toBe(24);
    expect(effectiveCapacity({ capacity: 30, sessions: [] })).toBe(30);
  });

  it.each([
    [{ held: 0, heldBySchool: 0, waiting: 0 }, null, 'place'],
    [{ held: 2, heldBySchool: 2, waiting: 0 }, null, 'place'],
    [{ held: 3, heldBySchool: 0, waiting: 0 }, null, 'waiting'],
    [{ held: 1, heldBySchool: 0, waiting: 2 }, null, 'waiting'],
    [{ held: 1, heldBySchool: 1, waiting: 0 }, 1, 'refused'],
  ] as const)('%o with cap %s gives %s', (count, cap, outcome) => {
    expect(placeDecision({ capacity: 3, capPerSchool: cap }, count).outcome).toBe(outcome);
  });

  it('never lets requests taken one at a time exceed capacity or the school cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (capacity, cap, schools) => {
        const bookings: { status: BookingStatus; schoolId: string }[] = [];
        for (const s of schools) {
          const schoolId = `s${s}`;
          const decision = placeDecision({ capacity, capPerSchool: cap }, countPlaces(bookings, schoolId));
          if (decision.outcome === 'place') bookings.push({ status: 'confirmed', schoolId });
          if (decision.outcome === 'waiting') bookings.push({ status: 'waiting', schoolId });
        }
        expect(bookings.filter((x) => holdsPlace(x.status)).length).toBeLessThanOrEqual(capacity);
        if (cap !== null) for (let s = 0; s < 5; s++) expect(bookings.filter((x) => x.schoolId === `s${s}` && holdsPlace(x.status)).length).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe('booking window', () => {
  const window = { opensAt: '2026-12-01T00:00:00Z', closesAt: '2027-01-10T00:00:00Z', startsAt: START };
  it.each([
    ['2026-11-30T12:00:00Z', 'Booking opens on 1 December 2026.'],
    ['2026-12-05T12:00:00Z', null],
    ['2027-01-10T00:00:00Z', 'Booking closed on 10 January 2027.'],
  ])('at %s: %s', (now, problem) => expect(bookingWindowProblem(window, now)).toBe(problem));
  it('closes when the event starts even without a closing date', () => {
    expect(bookingWindowProblem({ opensAt: null, closesAt: null, startsAt: START }, START)).toMatch(/started/);
  });
});

describe('waiting list', () => {
  it('offers one freed place to exactly one person, the first waiting', () => {
    const list = [b('confirmed'), b('confirmed'), b('cancelled'), b('waiting', { waitingPosition: 2 }), b('waiting', { waitingPosition: 1 })];
    const offers = waitingListOffers(event, list, '2027-01-01T10:00:00Z');
    expect(offers).toEqual([{ bookingId: list[4]!.id, expiresAt: '2027-01-01T11:00:00.000Z' }]);
  });

  it('makes no offer once the event has started, and never lets an offer run past the start', () => {
    const list = [b('waiting', { waitingPosition: 1 })];
    expect(waitingListOffers(event, list, START)).toEqual([]);
    expect(waitingListOffers(event, list, '2027-01-20T09:00:00.000Z')[0]!.expiresAt).toBe(START);
  });

  it('passes an expired offer on: it lapses, and the next person is offered the place', () => {
    const list = [b('confirmed'), b('confirmed'), b('offered', { waitingPosition: 1, offerExpiresAt: '2027-01-01T11:00:00.000Z' }), b('waiting', { waitingPosition: 2 })];
    expect(lapsedOffers(list, '2027-01-01T10:59:59Z')).toEqual([]);
    const lapsed = lapsedOffers(list, '2027-01-01T11:00:00Z');
    expect(lapsed).toEqual([list[2]!.id]);
    const after = list.map((x) => (lapsed.includes(x.id) ? { ...x, status: 'expired' as const } : x));
    expect(waitingListOffers(event, after, '2027-01-01T11:00:00Z').map((o) => o.bookingId)).toEqual([list[3]!.id]);
  });

  it('skips a person whose school is at its cap', () => {
    const list = [b('confirmed', { schoolId: 'a' }), b('waiting', { schoolId: 'a', waitingPosition: 1 }), b('waiting', { schoolId: 'c', waitingPosition: 2 })];
    expect(waitingListOffers({ ...event, capPerSchool: 1 }, list, '2027-01-01T10:00:00Z').map((o) => o.bookingId)).toEqual([list[2]!.id]);
  });

  const status = fc.constantFrom<BookingStatus>(...BOOKING_STATUSES);
  it('makes exactly as many offers as there are free places (or people waiting), never over capacity, and none after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.array(fc.tuple(status, fc.integer({ min: 0, max: 3 })), { maxLength: 30 }), fc.boolean(), (capacity, rows, started) => {
        const list = rows.map(([st, s], i) => ({ id: `x${i}`, schoolId: `s${s}`, status: st, waitingPosition: st === 'waiting' ? i : null, offerExpiresAt: null }));
        const now = started ? START : '2027-01-01T00:00:00Z';
        const offers = waitingListOffers({ ...event, capacity }, list, now);
        const held = list.filter((x) => holdsPlace(x.status)).length;
        const waiting = list.filter((x) => x.status === 'waiting').length;
        if (started) expect(offers).toEqual([]);
        else expect(offers.length).toBe(Math.max(0, Math.min(capacity - held, waiting)));
        expect(new Set(offers.map((o) => o.bookingId)).size).toBe(offers.length);
        if (held <= capacity) expect(held + offers.length).toBeLessThanOrEqual(capacity);
      }),
    );
  });

  it('after one place is freed in a full event, one and only one offer follows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 10 }), (capacity, waitingCount) => {
        const list: ListedBooking[] = [];
        for (let i = 0; i < capacity; i++) list.push({ id: `c${i}`, schoolId: 's', status: 'confirmed', waitingPosition: null, offerExpiresAt: null });
        for (let i = 0; i < waitingCount; i++) list.push({ id: `w${i}`, schoolId: 's', status: 'waiting', waitingPosition: i, offerExpiresAt: null });
        expect(waitingListOffers({ ...event, capacity }, list, '2027-01-01T00:00:00Z')).toEqual([]);
        list[0] = { ...list[0]!, status: 'cancelled' };
        const offers = waitingListOffers({ ...event, capacity }, list, '2027-01-01T00:00:00Z');
        expect(offers.map((o) => o.bookingId)).toEqual(['w0']);
      }),
    );
  });
});

describe('cancellation terms', () => {
  const terms = DEFAULT_CANCELLATION_TERMS;
  const at = (daysBefore: number) => new Date(Date.parse(START) - daysBefore * 86_400_000).toISOString();
  it.each([
    [60, 0, 0, 12_000],
    [42, 0, 0, 12_000],
    [41, 50, 6_000, 6_000],
    [28, 50, 6_000, 6_000],
    [27, 100, 12_000, 0],
    [0, 100, 12_000, 0],
  ])('with %i days’ notice charges %i%% (%i pence) and credits %i pence of a £120 invoice', (days, percent, charge, credit) => {
    const outcome = cancellationOutcome(terms, { confirmed: true, pricePence: 10_000, invoicedPence: 12_000 }, at(days), START);
    expect(outcome).toEqual({ noticeDays: days, chargePercent: percent, chargePence: charge, creditPence: credit });
  });

  it('costs nothing before the school has approved', () => {
    expect(cancellationOutcome(terms, { confirmed: false, pricePence: 10_000, invoicedPence: null }, at(1), START).chargePence).toBe(0);
  });

  it('charges on the price when nothing was invoiced yet (consolidated invoicing)', () => {
    expect(cancellationOutcome(terms, { confirmed: true, pricePence: 10_000, invoicedPence: null }, at(30), START)).toMatchObject({ chargePence: 5_000, creditPence: 0 });
  });

  it('charge and credit always add up to what was invoiced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1_000_000 }), (days, invoiced) => {
        const o = cancellationOutcome(terms, { confirmed: true, pricePence: invoiced, invoicedPence: invoiced }, at(days), START);
        expect(o.chargePence + o.creditPence).toBe(invoiced);
        expect(o.chargePence).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('charges no-shows in full unless the terms say otherwise', () => {
    expect(noShowCharge(terms, 9_000)).toBe(9_000);
    expect(noShowCharge({ tiers: [], noShowChargePercent: 50 }, 9_000)).toBe(4_500);
  });
});

describe('approval', () => {
  it('approves automatically only below the school’s limit', () => {
    expect(approvesAutomatically(5_000, null)).toBe(false);
    expect(approvesAutomatically(5_000, 5_000)).toBe(false);
    expect(approvesAutomatically(4_999, 5_000)).toBe(true);
  });
  it.each([
    [{ requestedBy: 'u1' }, { userId: 'u2', roles: ['headteacher'] as const }, null],
    [{ requestedBy: 'u1' }, { userId: 'u2', roles: ['business-manager'] as const }, null],
    [{ requestedBy: 'u1' }, { userId: 'u2', roles: ['staff'] as const }, /headteacher or business manager/],
    [{ requestedBy: 'u1' }, { userId: 'u1', roles: ['headteacher'] as const }, /someone else/],
  ])('%o approved by %o', (request, approver, expected) => {
    const refusal = approvalRefusal(request, approver);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
  it('needs a PO number for a paid place only', () => {
    expect(bookingPoNumberProblem('', 100)).toMatch(/purchase-order/);
    expect(bookingPoNumberProblem(null, 0)).toBeNull();
    expect(bookingPoNumberProblem('PO-1', 100)).toBeNull();
  });
});

describe('invoicing', () => {
  it('names the term', () => {
    expect(termOfInstant('2026-10-01T09:00:00Z')).toEqual({ key: '2026-autumn', label: 'Autumn term 2026 to 2027' });
    expect(termOfInstant('2027-02-01T09:00:00Z').key).toBe('2026-spring');
    expect(termOfInstant('2027-06-01T09:00:00Z').key).toBe('2026-summer');
  });
  it('makes one invoice per school per term, with a key that changes only with its bookings', () => {
    const rows = [
      { id: 'a', schoolId: 's1', startsAt: '2027-01-20T09:00:00Z', amountPence: 100, description: 'A' },
      { id: 'b', schoolId: 's1', startsAt: '2027-02-20T09:00:00Z', amountPence: 200, description: 'B' },
      { id: 'c', schoolId: 's2', startsAt: '2027-01-20T09:00:00Z', amountPence: 300, description: 'C' },
      { id: 'd', schoolId: 's1', startsAt: '2027-05-20T09:00:00Z', amountPence: 400, description: 'D' },
    ];
    const invoices = consolidatedInvoices(rows);
    expect(invoices.map((i) => [i.schoolId, i.termKey, i.bookingIds])).toEqual([
      ['s1', '2026-spring', ['a', 'b']],
      ['s2', '2026-spring', ['c']],
      ['s1', '2026-summer', ['d']],
    ]);
    expect(consolidatedInvoices([rows[1]!, rows[0]!])[0]!.idempotencyKey).toBe(invoices[0]!.idempotencyKey);
    expect(consolidatedInvoices(rows.slice(0, 1))[0]!.idempotencyKey).not.toBe(invoices[0]!.idempotencyKey);
    expect(consolidatedInvoices(rows, '2026-summer')).toHaveLength(1);
  });
});

describe('prices, feedback, certificates and calendar', () => {
  const prices = [
    { year: 2026, position: 0, buyer: { membership: 'member' as const }, pence: 9_000, vat: 'standard' as const },
    { year: 2026, position: 1, buyer: { membership: 'non-member' as const }, pence: 15_000, vat: 'standard' as const },
  ];
  it('prices members and non-members by their rules', () => {
    expect(eventPriceFor(prices, { member: true, phase: 'primary' }, 2026)?.pence).toBe(9_000);
    expect(eventPriceFor(prices, { member: false, phase: 'primary' }, 2026)?.pence).toBe(15_000);
    expect(eventPriceFor(prices, { member: false, phase: 'primary' }, 2027)?.pence).toBe(15_000);
  });
  it('checks and scores evaluations', () => {
    expect(evaluationAnswerProblems(DEFAULT_EVALUATION_QUESTIONS, { overall: 6, practice: 4 })).toEqual([{ field: 'answers.overall', message: 'Choose a score from 1 to 5.' }]);
    expect(evaluationScores(DEFAULT_EVALUATION_QUESTIONS, [{ overall: 5, practice: 4 }, { overall: 4, practice: 4 }])[0]).toMatchObject({ mean: 4.5, responses: 2 });
  });
  it('gives certificates only to those who attended', () => {
    expect(certificateRefusal({ status: 'attended', sessionsAttended: 1 })).toBeNull();
    expect(certificateRefusal({ status: 'no_show', sessionsAttended: 0 })).toMatch(/attended/);
  });
  it('writes calendar entries in London time with stable UIDs', () => {
    const ics = bookingIcs('My courses', 'bk1', [{ sessionId: 's1', eventTitle: 'Phonics', startsAt: '2027-06-01T08:30:00Z', endsAt: '2027-06-01T15:00:00Z', location: 'Town Hall', sequence: 0, cancelled: false }], '2026-12-01T00:00:00Z');
    expect(ics).toContain('UID:booking-bk1-session-s1@partnerships');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270601T093000');
  });
});
