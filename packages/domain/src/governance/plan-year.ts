import { addDays, compareDates, fromDayNumber, toDayNumber, type IsoDateString } from '../calendar/iso-date';
import { HALF_TERM_NAMES, type HalfTerm, type HalfTermName } from '../calendar/term-dates';
import type { YearTermDates } from '../calendar/term-lookup';
import { MONDAY, weekdayOnOrBefore } from '../calendar/weekdays';
import { englandBankHolidays } from './bank-holidays';
import { isLocalTime, londonLocalToUtc, minutesOfDay } from './london-time';
import type { BodyToPlan, ExistingMeeting, PlannedMeeting, PlanOptions, PlanProblem, PlanResult } from './types';

/** The deterministic key of a planned meeting slot: planning the same year twice finds the same keys. */
export function meetingKey(bodyId: string, academicYearStart: number, halfTerm: HalfTermName, n = 1): string {
  return `${bodyId}:${academicYearStart}:${halfTerm}:${n}`;
}

const TERM_TITLES = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' } as const;

/** The half terms a body meets in, by its rhythm (a one-off on a date meets in the half term holding that date). */
function slotsOf(body: BodyToPlan, halfTerms: HalfTerm[], problems: PlanProblem[]): { halfTerm: HalfTermName; date?: IsoDateString }[] {
  const rhythm = body.rhythm;
  switch (rhythm.type) {
    case 'half_termly':
      return HALF_TERM_NAMES.map((halfTerm) => ({ halfTerm }));
    case 'termly':
      return (['autumn', 'spring', 'summer'] as const).map((term) => ({ halfTerm: `${TERM_TITLES[term]} ${rhythm.half ?? 1}` as HalfTermName }));
    case 'annually':
      return [{ halfTerm: `${TERM_TITLES[rhythm.term]} ${rhythm.half ?? 1}` as HalfTermName }];
    case 'one_off': {
      if (rhythm.date) {
        const term = halfTerms.find((half) => compareDates(half.start, rhythm.date!) <= 0 && compareDates(rhythm.date!, half.end) <= 0);
        if (!term) {
          problems.push({ bodyId: body.bodyId, code: 'outside_term', message: `${body.name}: ${rhythm.date} is not in a half term of this year, so the meeting was not planned.` });
          return [];
        }
        return [{ halfTerm: term.name, date: rhythm.date }];
      }
      return rhythm.halfTerm ? [{ halfTerm: rhythm.halfTerm }] : [];
    }
  }
}

/**
 * Plans a body's meetings for one academic year on the partnership's own half
 * terms:
 * - each rhythm picks its half terms (half-termly: all six; termly: the first
 *   half of each term unless told the second; annually: one; one-off: one);
 * - in each, the preferred week (week 1 holds the half term's first day; a
 *   week past the end means the last week) and weekday, moved on to the next
 *   school day when that is a bank holiday, a closed day or before the half
 *   term starts, and back to the last school day when it would fall after it;
 * - a body that "meets before" another is planned first, and the other then
 *   meets on a strictly later school day in the same half term, or a problem
 *   is reported when the half term has none;
 * - hosts rotate round the body's schools, carrying on after the last host,
 *   and the note-taker comes from the host school;
 * - slots that already exist keep their date, host and status (moved or
 *   cancelled meetings are never planned again), so planning twice adds nothing.
 */
export function planMeetings(bodies: readonly BodyToPlan[], termDates: YearTermDates, existing: readonly ExistingMeeting[] = [], options: PlanOptions = {}): PlanResult {
  const problems: PlanProblem[] = [];
  const year = termDates.academicYearStart;
  const halfTerms = termDates.halfTerms;
  const closed = new Set(options.closedDates ?? [...englandBankHolidays(year), ...englandBankHolidays(year + 1)]);
  const existingByKey = new Map(existing.map((meeting) => [meeting.key, meeting]));
  // The school days of each half term, worked out once (valid ISO dates sort as strings, so lookups need no parsing).
  const schoolDays = new Map<HalfTermName, IsoDateString[]>();
  for (const term of halfTerms) {
    const days: IsoDateString[] = [];
    const [first, last] = [toDayNumber(term.start), toDayNumber(term.end)];
    for (let n = first; n <= last; n++) {
      const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday, as dayOfWeek
      if (weekday === 0 || weekday === 6) continue;
      const day = fromDayNumber(n);
      if (!closed.has(day)) days.push(day);
    }
    schoolDays.set(term.name, days);
  }
  const firstSchoolDayFrom = (date: IsoDateString, term: HalfTerm): IsoDateString | null => schoolDays.get(term.name)!.find((day) => day >= date) ?? null;
  const lastSchoolDayUpTo = (date: IsoDateString, term: HalfTerm): IsoDateString | null => schoolDays.get(term.name)!.findLast((day) => day <= date) ?? null;

  // Usable bodies (good times), and the ordering graph between them.
  const usable = bodies.filter((body) => {
    if (!isLocalTime(body.startTime) || !isLocalTime(body.endTime) || minutesOfDay(body.endTime) <= minutesOfDay(body.startTime)) {
      problems.push({ bodyId: body.bodyId, code: 'bad_time', message: `${body.name}: meetings need a start and a later end time written HH:MM.` });
      return false;
    }
    return true;
  });
  const known = new Map(usable.map((body) => [body.bodyId, body]));
  const before = new Map<string, string[]>(usable.map((body) => [body.bodyId, []])); // body -> bodies that must meet before it
  for (const body of usable) {
    for (const later of body.meetsBefore ?? []) {
      if (!known.has(later)) {
        if (!bodies.some((b) => b.bodyId === later)) {
          problems.push({ bodyId: body.bodyId, code: 'unknown_body', message: `${body.name} is set to meet before a body that is not being planned (${later}).` });
        }
        continue;
      }
      if (later !== body.bodyId) before.get(later)!.push(body.bodyId);
    }
  }
  const order = orderBodies(usable, before, problems);
  const slotsFor = new Map(order.map((body) => [body.bodyId, slotsOf(body, halfTerms, problems)]));

  const dates = new Map<string, IsoDateString>(); // `${bodyId}|${halfTerm}` -> date of its first meeting there
  const slotsByBody = new Map<string, { halfTerm: HalfTermName; date: IsoDateString; existing?: ExistingMeeting }[]>();
  for (const term of halfTerms) {
    for (const body of order) {
      for (const slot of slotsFor.get(body.bodyId)!.filter((s) => s.halfTerm === term.name)) {
        const key = meetingKey(body.bodyId, year, term.name);
        const found = existingByKey.get(key);
        const earliest = (before.get(body.bodyId) ?? [])
          .map((id) => dates.get(`${id}|${term.name}`))
          .filter((date): date is IsoDateString => date !== undefined)
          .sort()
          .at(-1);
        let date: IsoDateString | null;
        if (found) {
          date = found.date;
          if (earliest && compareDates(date, earliest) <= 0 && found.status !== 'cancelled') {
            problems.push({ bodyId: body.bodyId, halfTerm: term.name, code: 'ordering_impossible', message: `${body.name} meets on ${date} in ${term.name}, not after the bodies that should meet before it.` });
          }
        } else {
          const preferred = slot.date ?? preferredDate(term, body.week, body.weekday);
          date = compareDates(preferred, term.end) > 0 ? lastSchoolDayUpTo(preferred, term) : (firstSchoolDayFrom(preferred, term) ?? lastSchoolDayUpTo(preferred, term));
          if (date === null) {
            problems.push({ bodyId: body.bodyId, halfTerm: term.name, code: 'no_school_day', message: `${body.name}: ${term.name} has no school day for a meeting.` });
            continue;
          }
          if (earliest && compareDates(date, earliest) <= 0) {
            const later = firstSchoolDayFrom(addDays(earliest, 1), term);
            if (later) date = later;
            else {
              problems.push({
                bodyId: body.bodyId,
                halfTerm: term.name,
                code: 'ordering_impossible',
                message: `${body.name} cannot meet after the bodies that should meet before it in ${term.name}: there is no school day left after ${earliest}.`,
              });
            }
          }
          if ((body.startsOn && compareDates(date, body.startsOn) < 0) || (body.endsOn && compareDates(date, body.endsOn) > 0)) continue;
        }
        if (!found || found.status !== 'cancelled') dates.set(`${body.bodyId}|${term.name}`, date);
        const list = slotsByBody.get(body.bodyId) ?? [];
        list.push({ halfTerm: term.name, date, ...(found ? { existing: found } : {}) });
        slotsByBody.set(body.bodyId, list);
      }
    }
  }

  const meetings: PlannedMeeting[] = [];
  for (const body of order) {
    const hosts = body.hostSchoolIds ?? [];
    let lastHost = body.lastHostSchoolId ?? null;
    const slots = (slotsByBody.get(body.bodyId) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const slot of slots) {
      let host: string | null;
      if (slot.existing) {
        host = slot.existing.hostSchoolId ?? null;
        if (host) lastHost = host;
      } else if (hosts.length === 0) {
        host = null;
      } else {
        const at = lastHost === null ? -1 : hosts.indexOf(lastHost);
        host = hosts[(at + 1) % hosts.length]!;
        lastHost = host;
      }
      meetings.push({
        key: meetingKey(body.bodyId, year, slot.halfTerm),
        bodyId: body.bodyId,
        academicYearStart: year,
        halfTerm: slot.halfTerm,
        n: 1,
        date: slot.date,
        startsAtLocal: `${slot.date}T${body.startTime}`,
        endsAtLocal: `${slot.date}T${body.endTime}`,
        startsAt: londonLocalToUtc(slot.date, body.startTime),
        endsAt: londonLocalToUtc(slot.date, body.endTime),
        hostSchoolId: host,
        noteTakerUserId: host ? (body.noteTakers?.[host] ?? null) : null,
        existing: slot.existing !== undefined,
      });
    }
  }
  meetings.sort((a, b) => (a.startsAtLocal < b.startsAtLocal ? -1 : a.startsAtLocal > b.startsAtLocal ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { meetings, problems };
}

/** The preferred day in a half term: weekday of week N (week 1 holds the first day; past the end = the last week). */
export function preferredDate(term: HalfTerm, week: number | 'last', weekday: number): IsoDateString {
  const lastMonday = weekdayOnOrBefore(term.end, MONDAY);
  let monday: IsoDateString;
  if (week === 'last') monday = lastMonday;
  else {
    monday = addDays(weekdayOnOrBefore(term.start, MONDAY), 7 * (Math.max(1, Math.floor(week)) - 1));
    if (compareDates(monday, lastMonday) > 0) monday = lastMonday;
  }
  return addDays(monday, weekday - 1);
}

/** Bodies in an order where each comes after those that must meet before it (input order otherwise); cycles are reported and broken. */
function orderBodies(bodies: BodyToPlan[], before: Map<string, string[]>, problems: PlanProblem[]): BodyToPlan[] {
  const placed = new Set<string>();
  const order: BodyToPlan[] = [];
  let remaining = [...bodies];
  while (remaining.length > 0) {
    const ready = remaining.find((body) => before.get(body.bodyId)!.every((id) => placed.has(id)));
    if (ready) {
      order.push(ready);
      placed.add(ready.bodyId);
      remaining = remaining.filter((body) => body !== ready);
      continue;
    }
    // A cycle: report it once and drop the constraints into the first remaining body.
    const stuck = remaining[0]!;
    const names = remaining.filter((body) => before.get(body.bodyId)!.some((id) => !placed.has(id))).map((body) => body.name);
    problems.push({ bodyId: stuck.bodyId, code: 'ordering_cycle', message: `The meeting order goes round in a circle (${names.join(', ')}), so ${stuck.name} was planned without it.` });
    before.set(stuck.bodyId, []);
  }
  return order;
}

/** A body's stored meeting rhythm: what planning needs from it, and whether the host rotates among the body's schools. */
export interface StoredRhythm extends Pick<BodyToPlan, 'rhythm' | 'week' | 'weekday' | 'startTime' | 'endTime'> {
  meetsBefore?: string[] | null;
  rotateHost?: boolean;
}

/**
 * A body as `planMeetings` takes it: its stored rhythm and, when the host rotates, its schools in
 * turn as hosts, each with its note-taker where `noteTakerAt` knows one.
 */
export function bodyToPlan(
  body: { id: string; name: string; endsOn: IsoDateString | null; rhythm: StoredRhythm; schoolIds: string[] },
  noteTakerAt: (schoolId: string) => string | undefined,
  lastHostSchoolId: string | null = null,
): BodyToPlan {
  const r = body.rhythm;
  const hosts = r.rotateHost ? body.schoolIds : [];
  const noteTakers: Record<string, string> = {};
  for (const schoolId of hosts) {
    const userId = noteTakerAt(schoolId);
    if (userId) noteTakers[schoolId] = userId;
  }
  return {
    bodyId: body.id,
    name: body.name,
    rhythm: r.rhythm,
    week: r.week,
    weekday: r.weekday,
    startTime: r.startTime,
    endTime: r.endTime,
    meetsBefore: r.meetsBefore ?? [],
    hostSchoolIds: hosts,
    lastHostSchoolId,
    noteTakers,
    endsOn: body.endsOn,
  };
}
