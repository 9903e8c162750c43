import { fail } from '@sveltejs/kit';
import { ATTENDANCE_STATUSES, type AttendanceStatus, londonDayOf } from '#lib/governance.ts';
import { apiFor, loadOrFail, submit, type Submitted } from '#lib/server/api.ts';
import { checkbox, problemAnswer, readForm, readFields, text } from '#lib/server/form.ts';
import type { Action, AgendaItem, AttendanceRow, FollowUp, Minutes, PreviousMinutes, Quorum } from '#lib/server/governance-api.ts';
import { early } from '#lib/server/roles.ts';
import { isOneOf } from '#lib/vocabulary.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The London day `days` away from a moment, as YYYY-MM-DD (the API lists at most three years at a time). */
function shiftDay(iso: string, days: number): string {
  return londonDayOf(new Date(new Date(iso).getTime() + days * 86_400_000).toISOString());
}

const REGISTER_PAGE = 50;
const DEPUTY_LIST_LIMIT = 100;

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const api = apiFor(event);
  const votersCall = early(loadOrFail(event, api.GET('/api/v1/tenants/{slug}/school-voters', { params: { path: { slug } } })));
  const meeting = await loadOrFail(event, api.GET('/api/v1/tenants/{slug}/meetings/{id}', { params: { path: { slug, id } } }));
  // The body and the meetings either side are asked for by the meeting's body and day, which only the meeting gives: a third round.
  const [body, voters, siblings] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}', { params: { path: { slug, id: meeting.bodyId } } })),
    votersCall,
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/meetings', { params: { path: { slug }, query: { bodyId: meeting.bodyId, from: shiftDay(meeting.startsAt, -540), to: shiftDay(meeting.startsAt, 540) } } })),
  ]);
  // People who may stand in as a deputy or own an action: the body's members and the member schools' heads.
  const people = new Map<string, string>();
  for (const seat of body.seats) if (seat.holder) people.set(seat.holder.userId, seat.holder.name);
  for (const v of voters.items) if (v.voter) people.set(v.voter.userId, `${v.voter.name} (${v.school.name})`);
  // The attendance register is paged and searchable (a general meeting has a seat per member school): only the page's
  // rows are sent and posted, and the API records only the rows posted, so saving one page never changes another.
  const schoolNames = new Map([...body.schools, ...voters.items.map((v) => v.school)].map((s) => [s.urn, s.name]));
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const wanted = Math.max(1, Number.parseInt(event.url.searchParams.get('register') ?? '1', 10) || 1);
  let pageSeats: typeof body.seats;
  let matchingCount: number;
  let registerPage: number;
  let pages: number;
  if (body.seatsTruncated) {
    // More seats than the body's answer carries: the register's page (and search) comes from the body's paged seats.
    const ask = (page: number) =>
      loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}/seats', { params: { path: { slug, id: body.id }, query: { page, pageSize: REGISTER_PAGE, ...(q ? { q } : {}) } } }));
    let found = await ask(wanted);
    pages = Math.max(1, Math.ceil(found.total / REGISTER_PAGE));
    if (wanted > pages) found = await ask(pages);
    registerPage = Math.min(wanted, pages);
    pageSeats = found.items;
    matchingCount = found.total;
    for (const seat of pageSeats) if (seat.holder && !people.has(seat.holder.userId)) people.set(seat.holder.userId, seat.holder.name);
  } else {
    const needle = q.toLowerCase();
    const matching = needle
      ? body.seats.filter((s) =>
          [s.label, s.holder?.name, s.holder?.schoolUrn, s.holder?.schoolUrn ? schoolNames.get(s.holder.schoolUrn) : null].some((x) => x?.toLowerCase().includes(needle)),
        )
      : body.seats;
    pages = Math.max(1, Math.ceil(matching.length / REGISTER_PAGE));
    registerPage = Math.min(pages, wanted);
    pageSeats = matching.slice((registerPage - 1) * REGISTER_PAGE, registerPage * REGISTER_PAGE);
    matchingCount = matching.length;
  }
  // A deputy drop-down in every row lists everyone only while that is a short list; beyond it, a row lists its own school's people.
  const everyone = [...people.entries()].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name));
  const recordedDeputies = new Map(
    (meeting.attendance as unknown as AttendanceRow[]).filter((a) => a.seatKey && a.deputyUserId).map((a) => [a.seatKey!, { userId: a.deputyUserId!, name: a.deputyName ?? 'Someone' }]),
  );
  const deputies: Record<string, { userId: string; name: string }[]> = {};
  if (everyone.length > DEPUTY_LIST_LIMIT) {
    const bySchool = new Map<string, { userId: string; name: string }[]>();
    for (const v of voters.items) if (v.voter) bySchool.set(v.school.urn, [...(bySchool.get(v.school.urn) ?? []), { userId: v.voter.userId, name: `${v.voter.name} (${v.school.name})` }]);
    for (const seat of pageSeats) {
      const own = seat.holder?.schoolUrn ? (bySchool.get(seat.holder.schoolUrn) ?? []) : [];
      const current = recordedDeputies.get(seat.id);
      deputies[seat.id] = current && !own.some((p) => p.userId === current.userId) ? [current, ...own] : own;
    }
  }
  const order = siblings.items.filter((m) => m.status !== 'cancelled');
  const at = order.findIndex((m) => m.id === meeting.id);
  return {
    meeting: {
      ...meeting,
      agenda: meeting.agenda as unknown as AgendaItem[],
      attendance: meeting.attendance as unknown as AttendanceRow[],
      quorum: meeting.quorum as unknown as Quorum,
      followUp: meeting.followUp as unknown as FollowUp[],
      minutes: meeting.minutes as unknown as Minutes | null,
      previousMinutes: meeting.previousMinutes as unknown as PreviousMinutes | null,
      actions: meeting.actions as unknown as Action[],
    },
    body: { id: body.id, name: body.name, seats: pageSeats, schools: [...body.schools, ...voters.items.map((v) => v.school)] },
    register: { q, page: registerPage, pages, matching: matchingCount, total: body.seatTotal },
    deputies: everyone.length > DEPUTY_LIST_LIMIT ? deputies : null,
    people: everyone,
    isNoteTaker: Boolean(meeting.noteTakerUserId) && meeting.noteTakerUserId === event.locals.me?.user.id,
    previous: at > 0 ? order[at - 1] : null,
    next: at >= 0 && at < order.length - 1 ? order[at + 1] : null,
  };
};

type Done = { done: string; errors: Record<string, string>; message: string | null; form: string };

function answer(formName: string, result: Submitted<unknown>, done: string, rename?: Record<string, string>) {
  if (!result.ok) return fail(result.problem.status, { form: formName, done: null, ...problemAnswer(result.problem, rename) });
  return { form: formName, done, errors: {}, message: null } satisfies Done;
}

const path = (event: RequestEvent) => ({ params: { path: { slug: event.params.slug, id: event.params.id } } });

export const actions: Actions = {
  buildAgenda: async (event) => answer('agenda', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/agenda/build', path(event))), 'The agenda now has its standing items, the year’s items and reports from the bodies below.'),

  addItem: async (event) => {
    const read = await readForm(event.request, { itemTitle: text({ required: 'Give the item a title', max: 300 }), itemDescription: text({ max: 10_000 }), confidential: checkbox() });
    if (!read.ok) return fail(400, { form: 'addItem', done: null, errors: read.errors, message: null });
    const { itemTitle, itemDescription, confidential } = read.values;
    return answer('addItem', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/agenda', { ...path(event), body: { title: itemTitle, description: itemDescription || null, confidential } })), `“${itemTitle}” added to the agenda.`, { title: 'itemTitle', description: 'itemDescription' });
  },

  removeItem: async (event) => {
    const read = await readForm(event.request, { itemId: text({ required: 'Choose the item' }) });
    if (!read.ok) return fail(400, { form: 'agenda', done: null, errors: read.errors, message: null });
    return answer('agenda', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/agenda/remove', { ...path(event), body: { itemId: read.values.itemId } })), 'Item taken off the agenda.');
  },

  addPaper: async (event) => {
    const read = await readForm(event.request, {
      agendaItemId: text({ required: 'Choose the agenda item the paper is for' }),
      paperTitle: text({ required: 'Give the paper a title', max: 300 }),
      paperUrl: text({ pattern: /^https?:\/\/\S+$/, mismatch: 'Give a web address starting https://' }),
      paperContent: text({ max: 200_000 }),
    });
    if (!read.ok) return fail(400, { form: 'addPaper', done: null, errors: read.errors, message: null });
    const { agendaItemId, paperTitle, paperUrl, paperContent } = read.values;
    return answer(
      'addPaper',
      await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/papers', { ...path(event), body: { agendaItemId, title: paperTitle, url: paperUrl || null, content: paperContent || null } })),
      `Paper “${paperTitle}” attached.`,
      { agendaItemId: 'agendaItemId', title: 'paperTitle', url: 'paperUrl', content: 'paperContent' },
    );
  },

  attendance: async (event) => {
    const form = await event.request.formData();
    const count = Number.parseInt(String(form.get('seats') ?? '0'), 10) || 0;
    const entries = [];
    const errors: Record<string, string> = {};
    for (let i = 0; i < Math.min(count, 500); i++) {
      const read = readFields(form, { [`seat-${i}`]: text(), [`user-${i}`]: text(), [`status-${i}`]: text(), [`deputy-${i}`]: text(), [`reason-${i}`]: text({ max: 500 }) });
      const v = read.echo as Record<string, string>;
      const status = v[`status-${i}`] ?? '';
      if (!status) continue;
      if (!isOneOf(ATTENDANCE_STATUSES, status)) {
        errors[`status-${i}`] = 'Choose how the seat was attended';
        continue;
      }
      const deputy = v[`deputy-${i}`] ?? '';
      if (status === 'deputy' && !deputy) errors[`deputy-${i}`] = 'Choose who stood in as deputy';
      if (!read.ok) Object.assign(errors, read.errors);
      entries.push({ seatKey: v[`seat-${i}`] || null, userId: v[`user-${i}`] || null, status: status as AttendanceStatus, deputyUserId: status === 'deputy' ? deputy || null : null, reason: status === 'apologies' || status === 'absent' ? v[`reason-${i}`] || null : null });
    }
    if (Object.keys(errors).length) return fail(400, { form: 'attendance', done: null, errors, message: null });
    const rename: Record<string, string> = {};
    entries.forEach((_, i) => Object.assign(rename, { [`entries.${i}.status`]: `status-${i}`, [`entries.${i}.deputyUserId`]: `deputy-${i}`, [`entries.${i}.reason`]: `reason-${i}` }));
    return answer('attendance', await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/meetings/{id}/attendance', { ...path(event), body: { entries } })), 'Attendance saved.');
  },

  saveMinutes: async (event) => {
    const read = await readForm(event.request, { minutes: text({ required: 'Write the minutes', max: 200_000 }), circulate: checkbox() });
    if (!read.ok) return fail(400, { form: 'minutes', done: null, errors: read.errors, message: null });
    const saved = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/meetings/{id}/minutes', { ...path(event), body: { text: read.values.minutes } }));
    if (!saved.ok || !read.values.circulate) return answer('minutes', saved, 'Draft minutes saved.', { text: 'minutes' });
    return answer('minutes', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/minutes/circulate', path(event))), 'Minutes saved and circulated to the body.');
  },

  approvePrevious: async (event) => answer('previous', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/minutes/approve-previous', path(event))), 'The minutes of the previous meeting are approved, and the approval is recorded on this agenda.'),

  addAction: async (event) => {
    const read = await readForm(event.request, {
      actionTitle: text({ required: 'Say what is to be done', max: 300 }),
      owner: text(),
      dueOn: text({ pattern: DAY, mismatch: 'Give the due date as YYYY-MM-DD, for example 2027-01-15' }),
    });
    if (!read.ok) return fail(400, { form: 'addAction', done: null, errors: read.errors, message: null });
    const { actionTitle, owner, dueOn } = read.values;
    return answer(
      'addAction',
      await submit(
        apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/actions', {
          ...path(event),
          body: { title: actionTitle, ownerUserId: owner || null, dueOn: dueOn || null },
        }),
      ),
      `Action “${actionTitle}” recorded.`,
      { title: 'actionTitle', ownerUserId: 'owner', dueOn: 'dueOn' },
    );
  },

  closeAction: async (event) => {
    const read = await readForm(event.request, { actionId: text({ required: 'Choose the action' }), note: text({ max: 2000 }) });
    if (!read.ok) return fail(400, { form: 'actions', done: null, errors: read.errors, message: null });
    return answer('actions', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/actions/close', { ...path(event), body: { actionId: read.values.actionId, note: read.values.note || null } })), 'Action closed.');
  },

  move: async (event) => {
    const read = await readForm(event.request, {
      date: text({ required: 'Give the new date', pattern: DAY, mismatch: 'Give the date as YYYY-MM-DD, for example 2027-01-12' }),
      startTime: text({ required: 'Give the start time', pattern: TIME, mismatch: 'Give the start time as HH:MM, for example 16:00' }),
      endTime: text({ required: 'Give the end time', pattern: TIME, mismatch: 'Give the end time as HH:MM, for example 17:30' }),
      location: text({ max: 300 }),
    });
    if (!read.ok) return fail(400, { form: 'move', done: null, errors: read.errors, message: null });
    const { date, startTime, endTime, location } = read.values;
    return answer('move', await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/meetings/{id}', { ...path(event), body: { date, startTime, endTime, location: location || null } })), 'Meeting moved. Calendars will show the new time.');
  },

  cancel: async (event) => {
    const read = await readForm(event.request, { reason: text({ max: 1000 }) });
    if (!read.ok) return fail(400, { form: 'cancel', done: null, errors: read.errors, message: null });
    return answer('cancel', await submit(apiFor(event).POST('/api/v1/tenants/{slug}/meetings/{id}/cancel', { ...path(event), body: { reason: read.values.reason || null } })), 'Meeting cancelled. Calendars will show it as cancelled.');
  },
};
