import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, icsLocalDateTime, icsUtcDateTime, meetingInvitationIcs } from './calendar-feed';
import type { CalendarEvent } from './types';

const NOW = '2026-12-05T22:00:00Z';
const event = (extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'meeting-1@partnerships.example',
  sequence: 0,
  status: 'CONFIRMED',
  startsAtLocal: '2026-10-07T16:00',
  endsAtLocal: '2026-10-07T17:30',
  summary: 'Strategy Board',
  location: 'Acton Primary School',
  description: 'Agenda attached',
  url: 'https://ealing.example/meetings/1',
  ...extra,
});
const unfold = (text: string) => text.replace(/\r\n /g, '');
const lines = (text: string) => unfold(text).split('\r\n');
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

describe('escaping and folding', () => {
  it.each([
    ['Budget, staffing; and more', 'Budget\\, staffing\\; and more'],
    ['C:\\path', 'C:\\\\path'],
    ['Line one\nLine two\r\nLine three', 'Line one\\nLine two\\nLine three'],
  ])('escapes %j', (raw, escaped) => expect(escapeIcsText(raw)).toBe(escaped));

  it('folds a long line at 75 octets with a space at the start of each continuation', () => {
    const folded = foldIcsLine(`DESCRIPTION:${'x'.repeat(200)}`);
    const physical = folded.split('\r\n');
    expect(physical.map((l) => l.length)).toEqual([75, 75, 64]);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
  });

  it('never splits a character across lines', () => {
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(60)}£€😀`);
    for (const line of folded.split('\r\n')) {
      expect(utf8Length(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(`SUMMARY:${'é'.repeat(60)}£€😀`);
  });

  it('leaves short lines alone', () => expect(foldIcsLine('VERSION:2.0')).toBe('VERSION:2.0'));

  it('folds any text into lines of at most 75 octets that unfold to the original', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldIcsLine(`DESCRIPTION:${escapeIcsText(text)}`);
        for (const line of folded.split('\r\n')) expect(utf8Length(line)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(`DESCRIPTION:${escapeIcsText(text)}`);
        expect(escapeIcsText(text)).not.toMatch(/[\r\n]/);
      }),
    ));

  it('writes date-times', () => {
    expect(icsLocalDateTime('2026-10-07T16:00')).toBe('20261007T160000');
    expect(icsLocalDateTime('2026-10-07T16:00:30')).toBe('20261007T160030');
    expect(() => icsLocalDateTime('2026-10-07 16:00')).toThrow(RangeError);
    expect(icsUtcDateTime('2026-12-05T22:00:00.123Z')).toBe('20261205T220000Z');
  });
});

describe('buildIcs', () => {
  it('writes a feed with the London time zone, a BST and a GMT meeting, in CRLF lines', () => {
    const ics = buildIcs({
      calendarName: 'Ann Head: meetings',
      now: NOW,
      events: [event(), event({ uid: 'meeting-2@partnerships.example', sequence: 3, startsAtLocal: '2026-12-09T16:00', endsAtLocal: '2026-12-09T17:30', summary: 'Acton cluster' })],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const all = lines(ics);
    expect(all.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//School Partnerships//Governance//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Ann Head: meetings']);
    expect(all.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(all).toEqual(expect.arrayContaining(['TZID:Europe/London', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETTO:+0100', 'TZOFFSETTO:+0000']));
    // BST meeting (7 October) and GMT meeting (9 December) are both written as London wall-clock times.
    expect(all).toContain('DTSTART;TZID=Europe/London:20261007T160000');
    expect(all).toContain('DTEND;TZID=Europe/London:20261007T173000');
    expect(all).toContain('DTSTART;TZID=Europe/London:20261209T160000');
    expect(all).toContain('SEQUENCE:3');
    expect(all).toContain('DTSTAMP:20261205T220000Z');
    expect(all.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(all.filter((l) => l === 'STATUS:CONFIRMED')).toHaveLength(2);
    expect(all.indexOf('END:VTIMEZONE')).toBeLessThan(all.indexOf('BEGIN:VEVENT'));
  });

  it('keeps a cancelled meeting with STATUS:CANCELLED under the same UID', () => {
    const all = lines(buildIcs({ calendarName: 'x', now: NOW, events: [event({ status: 'CANCELLED', sequence: 2 })] }));
    expect(all).toEqual(expect.arrayContaining(['UID:meeting-1@partnerships.example', 'SEQUENCE:2', 'STATUS:CANCELLED', 'TRANSP:TRANSPARENT']));
  });

  it('escapes text and folds long descriptions', () => {
    const ics = buildIcs({ calendarName: 'Board; minutes, papers', now: NOW, events: [event({ summary: 'SEN & Inclusion; termly, review', description: `Papers:\n1. ${'Data analysis '.repeat(10)}` })] });
    const all = lines(ics);
    expect(all).toContain('X-WR-CALNAME:Board\\; minutes\\, papers');
    expect(all).toContain('SUMMARY:SEN & Inclusion\\; termly\\, review');
    expect(all.find((l) => l.startsWith('DESCRIPTION:'))).toBe(`DESCRIPTION:Papers:\\n1. ${'Data analysis '.repeat(10)}`);
    expect(ics.split('\r\n').every((l) => utf8Length(l) <= 75)).toBe(true);
  });

  it('leaves out empty optional fields', () => {
    const all = lines(buildIcs({ calendarName: 'x', now: NOW, events: [event({ location: null, description: undefined, url: null })] }));
    expect(all.some((l) => /^(LOCATION|DESCRIPTION|URL)[:;]/.test(l))).toBe(false);
  });
});

describe('meetingInvitationIcs', () => {
  const invitation = { organizer: { name: 'Ealing Partnership', email: 'office@ealing.example' }, attendees: [{ name: 'Ann "AJ" Head', email: 'ann@acton.example' }], now: NOW };

  it('invites with METHOD:REQUEST, organiser and attendees', () => {
    const all = lines(meetingInvitationIcs({ ...invitation, method: 'REQUEST', event: event({ sequence: 1 }) }));
    expect(all).toContain('METHOD:REQUEST');
    expect(all).toContain('ORGANIZER;CN="Ealing Partnership":mailto:office@ealing.example');
    expect(all).toContain('ATTENDEE;CN="Ann  AJ  Head";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ann@acton.example');
    expect(all).toContain('STATUS:CONFIRMED');
    expect(all).toContain('BEGIN:VTIMEZONE');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const all = lines(meetingInvitationIcs({ ...invitation, method: 'CANCEL', event: event({ sequence: 2 }) }));
    expect(all).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:2', 'UID:meeting-1@partnerships.example']));
  });
});
