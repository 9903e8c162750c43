import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates } from '../calendar/iso-date';
import { HALF_TERM_NAMES, typicalTermDates } from '../calendar/term-dates';
import { termDatesForYear } from '../calendar/term-lookup';
import { dayOfWeek, isWeekend } from '../calendar/weekdays';
import { englandBankHolidays } from './bank-holidays';
import { isLocalTime, londonLocalToUtc } from './london-time';
import { meetingKey, planMeetings, preferredDate } from './plan-year';
import type { BodyToPlan, ExistingMeeting } from './types';

// Typical 2026–27: Autumn 1 2026-09-02..10-23, Autumn 2 11-02..12-18, Spring 1 2027-01-04..02-12,
// Spring 2 02-22..03-19, Summer 1 04-05..05-28, Summer 2 06-07..07-22.
const year = termDatesForYear(2026);

const body = (bodyId: string, extra: Partial<BodyToPlan> = {}): BodyToPlan => ({
  bodyId,
  name: `Body ${bodyId}`,
  rhythm: { type: 'half_termly' },
  week: 3,
  weekday: 3,
  startTime: '16:00',
  endTime: '17:30',
  ...extra,
});

describe('London wall-clock times to UTC', () => {
  it.each([
    ['2026-10-07', '16:00', '2026-10-07T15:00:00.000Z'], // BST
    ['2026-12-09', '16:00', '2026-12-09T16:00:00.000Z'], // GMT
    ['2027-03-28', '00:30', '2027-03-28T00:30:00.000Z'], // before the clocks go forward
    ['2027-03-28', '03:00', '2027-03-28T02:00:00.000Z'], // after
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'], // the first of the two 01:30s
    ['2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
    ['2026-12-31', '23:30', '2026-12-31T23:30:00.000Z'],
    ['2026-07-01', '00:15', '2026-06-30T23:15:00.000Z'], // across midnight in summer
  ])('reads %s %s in London as %s', (date, time, utc) => expect(londonLocalToUtc(date, time)).toBe(utc));

  it('agrees with the platform time-zone database for every quarter hour of a year', () => {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 96 }), (quarter) => {
        const instant = new Date(Date.UTC(2026, 0, 1) + quarter * 15 * 60_000);
        const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
        const back = londonLocalToUtc(`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`);
        // Local times that happen twice map to the first; otherwise exact.
        return back === instant.toISOString() || new Date(back).getTime() === instant.getTime() - 3_600_000;
      }),
    );
  });

  it('checks times', () => {
    expect(isLocalTime('09:30')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:30')).toBe(false);
  });
});

describe('bank holidays in England', () => {
  it.each([
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    [2022, ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']],
  ])('lists %i', (y, dates) => expect(englandBankHolidays(y)).toEqual(dates));
});

describe('planMeetings', () => {
  it('plans a half-termly body on the Wednesday of week 3 of each half term, in London time', () => {
    const { meetings, problems } = planMeetings([body('b')], year);
    expect(problems).toEqual([]);
    expect(meetings.map((m) => [m.halfTerm, m.date])).toEqual([
      ['Autumn 1', '2026-09-16'],
      ['Autumn 2', '2026-11-18'],
      ['Spring 1', '2027-01-20'],
      ['Spring 2', '2027-03-10'],
      ['Summer 1', '2027-04-21'],
      ['Summer 2', '2027-06-23'],
    ]);
    expect(meetings[0]).toMatchObject({
      key: 'b:2026:Autumn 1:1',
      startsAtLocal: '2026-09-16T16:00',
      endsAtLocal: '2026-09-16T17:30',
      startsAt: '2026-09-16T15:00:00.000Z',
      endsAt: '2026-09-16T16:30:00.000Z',
      existing: false,
    });
    expect(meetings[1]!.startsAt).toBe('2026-11-18T16:00:00.000Z');
  });

  it.each([
    [{ type: 'termly' } as const, ['Autumn 1', 'Spring 1', 'Summer 1']],
    [{ type: 'termly', half: 2 } as const, ['Autumn 2', 'Spring 2', 'Summer 2']],
    [{ type: 'annually', term: 'autumn' } as const, ['Autumn 1']],
    [{ type: 'annually', term: 'summer', half: 2 } as const, ['Summer 2']],
    [{ type: 'one_off', halfTerm: 'Spring 2' } as const, ['Spring 2']],
    [{ type: 'one_off', date: '2027-02-03' } as const, ['Spring 1']],
  ])('plans rhythm %o in %o', (rhythm, halves) => {
    expect(planMeetings([body('b', { rhythm })], year).meetings.map((m) => m.halfTerm)).toEqual(halves);
  });

  it('reports a one-off date in the holidays', () => {
    const result = planMeetings([body('b', { rhythm: { type: 'one_off', date: '2026-12-23' } })], year);
    expect(result.meetings).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['outside_term']);
  });

  it.each([
    [1, 3, 'Autumn 1', '2026-09-02'], // week 1 Wednesday is the first day
    [1, 1, 'Autumn 1', '2026-09-02'], // Monday of week 1 is before term: the next school day
    ['last', 5, 'Autumn 1', '2026-10-23'],
    [20, 2, 'Autumn 1', '2026-10-20'], // past the end: the last week
    [5, 1, 'Summer 1', '2027-05-04'], // 3 May 2027 is a bank holiday: Tuesday instead
    ['last', 5, 'Summer 2', '2027-07-22'], // Friday of the last week is after term ends on Thursday: back to Thursday
  ] as const)('puts week %s weekday %i of %s on %s', (week, weekday, halfTerm, date) => {
    const { meetings } = planMeetings([body('b', { week, weekday: weekday as 1 | 2 | 3 | 4 | 5 })], year);
    expect(meetings.find((m) => m.halfTerm === halfTerm)!.date).toBe(date);
  });

  it('works out the preferred date from the week holding the first day', () => {
    expect(preferredDate({ name: 'Autumn 1', start: '2026-09-02', end: '2026-10-23' }, 2, 1)).toBe('2026-09-07');
  });

  it('skips closed days passed in', () => {
    const { meetings } = planMeetings([body('b')], year, [], { closedDates: ['2026-09-16', '2026-09-17'] });
    expect(meetings[0]!.date).toBe('2026-09-18');
  });

  it('puts the strategy board strictly before the clusters each half term', () => {
    const board = body('board', { week: 3, weekday: 3, meetsBefore: ['c1', 'c2'] });
    const c1 = body('c1', { week: 3, weekday: 3 });
    const c2 = body('c2', { week: 1, weekday: 1 });
    const { meetings, problems } = planMeetings([c1, c2, board], year);
    expect(problems).toEqual([]);
    for (const half of HALF_TERM_NAMES) {
      const b = meetings.find((m) => m.bodyId === 'board' && m.halfTerm === half)!;
      for (const id of ['c1', 'c2']) expect(compareDates(b.date, meetings.find((m) => m.bodyId === id && m.halfTerm === half)!.date)).toBe(-1);
    }
    expect(meetings.find((m) => m.bodyId === 'c1' && m.halfTerm === 'Autumn 1')!.date).toBe('2026-09-17');
  });

  it('reports an ordering that cannot be met and a circular one', () => {
    const impossible = planMeetings(
      [body('a', { week: 'last', weekday: 5, meetsBefore: ['b'] }), body('b')],
      { ...year, halfTerms: [{ name: 'Autumn 1', start: '2026-09-02', end: '2026-09-04' }] },
    );
    expect(impossible.problems.map((p) => [p.code, p.bodyId, p.halfTerm])).toEqual([['ordering_impossible', 'b', 'Autumn 1']]);
    const circle = planMeetings([body('a', { meetsBefore: ['b'] }), body('b', { meetsBefore: ['a'] })], year);
    expect(circle.problems.map((p) => p.code)).toEqual(['ordering_cycle']);
    expect(circle.meetings).toHaveLength(12);
  });

  it('reports bad times and unknown bodies', () => {
    const result = planMeetings([body('a', { startTime: '17:00', endTime: '16:00' }), body('b', { meetsBefore: ['nowhere'] })], year);
    expect(result.problems.map((p) => p.code)).toEqual(['bad_time', 'unknown_body']);
  });

  it('rotates hosts round the schools from after the last host, with the host school note-taker', () => {
    const { meetings } = planMeetings([body('b', { hostSchoolIds: ['s1', 's2', 's3'], lastHostSchoolId: 's2', noteTakers: { s1: 'n1', s3: 'n3' } })], year);
    expect(meetings.map((m) => [m.hostSchoolId, m.noteTakerUserId])).toEqual([
      ['s3', 'n3'],
      ['s1', 'n1'],
      ['s2', null],
      ['s3', 'n3'],
      ['s1', 'n1'],
      ['s2', null],
    ]);
    expect(planMeetings([body('b')], year).meetings[0]!.hostSchoolId).toBeNull();
  });

  it('keeps existing meetings (moved or cancelled) and carries the rotation on from them', () => {
    const first = planMeetings([body('b', { hostSchoolIds: ['s1', 's2'] })], year).meetings;
    const existing: ExistingMeeting[] = [
      { key: first[0]!.key, bodyId: 'b', date: '2026-09-30', status: 'moved', hostSchoolId: 's2' },
      { key: first[1]!.key, bodyId: 'b', date: first[1]!.date, status: 'cancelled', hostSchoolId: 's1' },
    ];
    const again = planMeetings([body('b', { hostSchoolIds: ['s1', 's2'] })], year, existing).meetings;
    expect(again.map((m) => [m.date, m.existing, m.hostSchoolId])).toEqual([
      ['2026-09-30', true, 's2'],
      ['2026-11-18', true, 's1'],
      ['2027-01-20', false, 's2'],
      ['2027-03-10', false, 's1'],
      ['2027-04-21', false, 's2'],
      ['2027-06-23', false, 's1'],
    ]);
  });

  it('stops a task-and-finish group at its end date', () => {
    const { meetings } = planMeetings([body('t', { endsOn: '2027-01-31', startsOn: '2026-11-01' })], year);
    expect(meetings.map((m) => m.halfTerm)).toEqual(['Autumn 2', 'Spring 1']);
  });

  it('names slots by body, year, half term and number', () => expect(meetingKey('b', 2026, 'Spring 1')).toBe('b:2026:Spring 1:1'));
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const rhythmArb = fc.constantFrom<BodyToPlan['rhythm']>({ type: 'half_termly' }, { type: 'termly' }, { type: 'termly', half: 2 }, { type: 'annually', term: 'spring' });
const bodiesArb = fc
  .array(
    fc.record({
      rhythm: rhythmArb,
      week: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant('last' as const)),
      weekday: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
      hosts: fc.integer({ min: 0, max: 4 }),
      before: fc.array(fc.nat(7), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) =>
    rows.map(
      (row, i): BodyToPlan =>
        body(`b${i}`, {
          rhythm: row.rhythm,
          week: row.week,
          weekday: row.weekday,
          hostSchoolIds: Array.from({ length: row.hosts }, (_, n) => `s${n}`),
          // Only forward edges (to later bodies), so the order can always be met in principle.
          meetsBefore: row.before.map((n) => `b${i + 1 + n}`).filter((id) => Number(id.slice(1)) < rows.length),
        }),
    ),
  );
const yearArb = fc.integer({ min: 2020, max: 2040 }).map((y) => termDatesForYear(y, typicalTermDates(y)));

describe('planning properties', () => {
  it('never plans a weekend, a bank holiday or a day outside its half term', () =>
    fc.assert(
      fc.property(bodiesArb, yearArb, (bodies, terms) => {
        const holidays = new Set([...englandBankHolidays(terms.academicYearStart), ...englandBankHolidays(terms.academicYearStart + 1)]);
        for (const m of planMeetings(bodies, terms).meetings) {
          const half = terms.halfTerms.find((h) => h.name === m.halfTerm)!;
          expect(isWeekend(m.date)).toBe(false);
          expect(holidays.has(m.date)).toBe(false);
          expect(compareDates(half.start, m.date) <= 0 && compareDates(m.date, half.end) <= 0).toBe(true);
          expect(dayOfWeek(m.date)).toBeGreaterThanOrEqual(1);
        }
      }),
    ));

  it('keeps every ordering it does not report as a problem', () =>
    fc.assert(
      fc.property(bodiesArb, yearArb, (bodies, terms) => {
        const { meetings, problems } = planMeetings(bodies, terms);
        for (const b of bodies) {
          for (const later of b.meetsBefore ?? []) {
            for (const m of meetings.filter((x) => x.bodyId === b.bodyId)) {
              const other = meetings.find((x) => x.bodyId === later && x.halfTerm === m.halfTerm);
              if (!other) continue;
              const reported = problems.some((p) => p.bodyId === later && p.halfTerm === m.halfTerm);
              if (!reported) expect(compareDates(m.date, other.date)).toBe(-1);
            }
          }
        }
      }),
    ));

  it('is idempotent: planning again with the meetings already stored adds nothing and changes nothing', () =>
    fc.assert(
      fc.property(bodiesArb, yearArb, (bodies, terms) => {
        const first = planMeetings(bodies, terms);
        const stored: ExistingMeeting[] = first.meetings.map((m) => ({ key: m.key, bodyId: m.bodyId, date: m.date, status: 'planned', hostSchoolId: m.hostSchoolId }));
        const second = planMeetings(bodies, terms, stored);
        expect(second.meetings.every((m) => m.existing)).toBe(true);
        expect(second.meetings.map(({ existing: _, ...m }) => m)).toEqual(first.meetings.map(({ existing: _, ...m }) => m));
        expect(new Set(first.meetings.map((m) => m.key)).size).toBe(first.meetings.length);
      }),
    ));

  it('shares hosting evenly: no school hosts twice before every school has hosted once', () =>
    fc.assert(
      fc.property(bodiesArb, yearArb, (bodies, terms) => {
        const { meetings } = planMeetings(bodies, terms);
        for (const b of bodies) {
          const hosts = meetings.filter((m) => m.bodyId === b.bodyId).map((m) => m.hostSchoolId);
          const n = b.hostSchoolIds!.length;
          if (n === 0) expect(hosts.every((h) => h === null)).toBe(true);
          else hosts.forEach((h, i) => expect(h).toBe(`s${i % n}`));
        }
      }),
    ));
});
