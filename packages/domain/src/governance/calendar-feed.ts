import type { CalendarEvent, CalendarFeed, MeetingInvitation } from './types';

const CRLF = '\r\n';
const DEFAULT_PRODUCT_ID = '-//School Partnerships//Governance//EN';
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Europe/London as RFC 5545 wants it, with RRULEs (Outlook ignores RDATE-only
 * zones): BST from 01:00 GMT on the last Sunday in March, GMT from 02:00 BST
 * on the last Sunday in October.
 */
export const EUROPE_LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
] as const;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line so no physical line is longer than 75 octets, never splitting a character (RFC 5545 §3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // a continuation line starts with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 'YYYY-MM-DDTHH:MM[:SS]' (London wall clock) as an iCalendar local DATE-TIME: '20261007T160000'. */
export function icsLocalDateTime(local: string): string {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new RangeError(`Expected a local date and time written YYYY-MM-DDTHH:MM, got ${JSON.stringify(local)}`);
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6] ?? '00'}`;
}

/** An ISO instant as an iCalendar UTC DATE-TIME: '20261201T093000Z'. */
export function icsUtcDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO date-time, got ${JSON.stringify(iso)}`);
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** A value for a URI property or a mailto: CR and LF can never appear in a content line. */
function uri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

/** A parameter value (such as CN): quoted, with the characters a quoted value cannot hold removed. */
function paramValue(value: string): string {
  return `"${value.replace(/[\r\n"]/g, ' ').trim()}"`;
}

function eventLines(event: CalendarEvent, now: string, extra: string[] = []): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
    `DTSTAMP:${icsUtcDateTime(now)}`,
    `LAST-MODIFIED:${icsUtcDateTime(event.updatedAt ?? now)}`,
    `DTSTART;TZID=Europe/London:${icsLocalDateTime(event.startsAtLocal)}`,
    `DTEND;TZID=Europe/London:${icsLocalDateTime(event.endsAtLocal)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  lines.push(`STATUS:${event.status}`, `TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`, ...extra, 'END:VEVENT');
  return lines;
}

function calendar(head: string[], body: string[]): string {
  return [...head, ...EUROPE_LONDON_VTIMEZONE, ...body, 'END:VCALENDAR'].map(foldIcsLine).join(CRLF) + CRLF;
}

/**
 * A subscribable iCalendar feed (RFC 5545): stable UIDs, SEQUENCE as given
 * (raise it on every change), cancelled meetings kept with STATUS:CANCELLED so
 * calendars remove them, local times in Europe/London with its VTIMEZONE,
 * escaped text, lines folded at 75 octets and CRLF line endings.
 */
export function buildIcs(feed: CalendarFeed): string {
  const now = feed.now ?? new Date().toISOString();
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${feed.productId ?? DEFAULT_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(feed.calendarName)}`,
    'X-WR-TIMEZONE:Europe/London',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  return calendar(head, feed.events.flatMap((event) => eventLines(event, now)));
}

/**
 * A meeting invitation to attach to an e-mail (iTIP, RFC 5546): METHOD:REQUEST
 * to invite or update (with a higher SEQUENCE), METHOD:CANCEL with
 * STATUS:CANCELLED to withdraw it, for the same UID.
 */
export function meetingInvitationIcs(invitation: MeetingInvitation): string {
  const now = invitation.now ?? new Date().toISOString();
  const cancel = invitation.method === 'CANCEL';
  const event: CalendarEvent = cancel ? { ...invitation.event, status: 'CANCELLED' } : invitation.event;
  const people = [
    `ORGANIZER;CN=${paramValue(invitation.organizer.name)}:mailto:${uri(invitation.organizer.email)}`,
    ...invitation.attendees.map(
      (attendee) => `ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${cancel ? 'FALSE' : 'TRUE'}:mailto:${uri(attendee.email)}`,
    ),
  ];
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${invitation.productId ?? DEFAULT_PRODUCT_ID}`, 'CALSCALE:GREGORIAN', `METHOD:${invitation.method}`];
  return calendar(head, eventLines(event, now, people));
}
