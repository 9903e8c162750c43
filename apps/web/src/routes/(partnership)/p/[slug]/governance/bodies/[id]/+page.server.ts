import { fail } from '@sveltejs/kit';
import { OFFICES, SEAT_VOTINGS, BODY_KINDS, academicYearOf } from '#lib/governance.ts';
import { PHASES } from '#lib/labels.ts';
import { londonToday } from '#lib/dates.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { choice, problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import { loadAs, type SeatHistoryEntry } from '#lib/server/governance-api.ts';
import type { Actions, PageServerLoad } from './$types';

const RULE_KINDS = ['school_representative', 'role_at_schools', 'office_holder', 'appointed', 'elected', 'ex_officio'] as const;
const SCOPES = ['partnership', 'phase', 'category', 'cluster'] as const;

/** Seats a page of a large body's seat list shows (a general meeting has one per member school). */
const SEAT_PAGE = 50;
/** People a large body's "appoint" drop-down lists: the voters of schools matching the search. */
const CHOICE_LIMIT = 50;
/** Rows of the seat history shown (newest first). */
const HISTORY_LIMIT = 200;

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const api = apiFor(event);
  const [body, history, bodies, voters] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}', { params: { path: { slug, id } } })),
    loadAs<{ items: SeatHistoryEntry[] }>(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}/seat-history', { params: { path: { slug, id } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/school-voters', { params: { path: { slug } } })),
  ]);
  const today = londonToday();
  // Heads (or named voters) of member schools, to appoint to a seat.
  const voterChoices = (items: typeof voters.items) =>
    items.filter((v) => v.voter).map((v) => ({ userId: v.voter!.userId, name: v.voter!.name, schoolUrn: v.school.urn, schoolName: v.school.name }));
  // A body with more seats than its answer carries (a general meeting of many schools): one page of seats, searched, and
  // drop-downs limited to what the search finds, so the page never lists every school's people.
  let seatList: { q: string; page: number; pages: number; matching: number; items: typeof body.seats } | null = null;
  let people = voterChoices(voters.items);
  if (body.seatsTruncated) {
    const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
    const wanted = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
    const [seats, found] = await Promise.all([
      loadOrFail(event, api.GET('/api/v1/tenants/{slug}/bodies/{id}/seats', { params: { path: { slug, id }, query: { page: wanted, pageSize: SEAT_PAGE, ...(q ? { q } : {}) } } })),
      loadOrFail(event, api.GET('/api/v1/tenants/{slug}/school-voters', { params: { path: { slug }, query: { pageSize: CHOICE_LIMIT, ...(q ? { q } : {}) } } })),
    ]);
    seatList = { q, page: seats.page, pages: Math.max(1, Math.ceil(seats.total / SEAT_PAGE)), matching: seats.total, items: seats.items };
    people = voterChoices(found.items);
  }
  return {
    body: seatList ? { ...body, seats: [] } : body,
    seatList,
    history: history.items.slice(0, HISTORY_LIMIT),
    historyTotal: history.items.length,
    bodies: bodies.items,
    people,
    nextYear: academicYearOf(today) + 1,
    created: event.url.searchParams.has('created'),
  };
};

type Answer = { errors: Record<string, string>; message: string | null; done?: string; values?: Record<string, unknown>; form: string };

export const actions: Actions = {
  addRule: async (event) => {
    const read = await readForm(event.request, {
      label: text({ required: 'Give the seat a label, for example “Special school headteacher”', max: 200 }),
      voting: choice(SEAT_VOTINGS, 'Choose whether the seat votes'),
      ruleKind: choice(RULE_KINDS, 'Choose how the seat is filled'),
      scope: text(),
      phase: text(),
      category: text({ max: 100 }),
      clusterId: text(),
      role: text(),
      max: whole('The number of appointees', { min: 1, max: 200 }),
      seats: whole('The number of elected seats', { min: 1, max: 200 }),
      office: text(),
      bodyKind: text(),
      tenantRole: text(),
      termMonths: whole('The term in months', { min: 1, max: 120 }),
    });
    const fail400 = (errors: Record<string, string>) => fail(400, { form: 'addRule', values: read.echo, errors, message: null } satisfies Answer);
    if (!read.ok) return fail400(read.errors);
    const v = read.values;
    let rule: Record<string, unknown>;
    switch (v.ruleKind) {
      case 'school_representative': {
        const scope = (SCOPES as readonly string[]).includes(v.scope) ? v.scope : 'partnership';
        if (scope === 'phase' && !(PHASES as readonly string[]).includes(v.phase)) return fail400({ phase: 'Choose the phase' });
        if (scope === 'category' && !v.category) return fail400({ category: 'Give the membership category, for example full' });
        if (scope === 'cluster' && !v.clusterId) return fail400({ clusterId: 'Choose the cluster' });
        rule = {
          kind: 'school_representative',
          scope: scope === 'phase' ? { type: 'phase', phase: v.phase } : scope === 'category' ? { type: 'category', category: v.category } : scope === 'cluster' ? { type: 'cluster', bodyId: v.clusterId } : { type: 'partnership' },
          ...(v.role ? { role: v.role } : {}),
        };
        break;
      }
      case 'role_at_schools':
        rule = { kind: 'role_at_schools', role: v.role || 'headteacher', ...((PHASES as readonly string[]).includes(v.phase) ? { phases: [v.phase] } : {}) };
        break;
      case 'office_holder':
        if (!(OFFICES as readonly string[]).includes(v.office)) return fail400({ office: 'Choose the office' });
        if (!(BODY_KINDS as readonly string[]).includes(v.bodyKind)) return fail400({ bodyKind: 'Choose the kind of body' });
        rule = { kind: 'office_holder', office: v.office, bodyKind: v.bodyKind };
        break;
      case 'appointed':
        if (v.max === null) return fail400({ max: 'Give the most people who may be appointed' });
        rule = { kind: 'appointed', max: v.max };
        break;
      case 'elected':
        if (v.seats === null) return fail400({ seats: 'Give the number of elected seats' });
        rule = { kind: 'elected', seats: v.seats };
        break;
      default:
        rule = { kind: 'ex_officio', tenantRole: v.tenantRole || 'officer' };
    }
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/bodies/{id}/seat-rules', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { rule: rule as Record<string, never>, voting: v.voting, label: v.label, termMonths: v.termMonths },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { form: 'addRule', values: read.echo, ...problemAnswer(result.problem, { label: 'label', voting: 'voting', rule: 'ruleKind', termMonths: 'termMonths' }) } satisfies Answer);
    return { form: 'addRule', done: `Seat rule “${v.label}” added. Its seats have been filled.`, errors: {}, message: null } satisfies Answer;
  },

  archiveRule: async (event) => {
    const read = await readForm(event.request, { ruleId: text({ required: 'Choose the seat rule' }) });
    if (!read.ok) return fail(400, { form: 'rules', errors: read.errors, message: null } satisfies Answer);
    const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/seat-rules/{id}/archive', { params: { path: { slug: event.params.slug, id: read.values.ruleId } } }));
    if (!result.ok) return fail(result.problem.status, { form: 'rules', ...problemAnswer(result.problem) } satisfies Answer);
    return { form: 'rules', done: 'Seat rule retired. Its holders’ seats have ended.', errors: {}, message: null } satisfies Answer;
  },

  appoint: async (event) => {
    const read = await readForm(event.request, { ruleId: text({ required: 'Choose the seat' }), person: text({ required: 'Choose the person to appoint' }) });
    if (!read.ok) return fail(400, { form: 'appoint', errors: read.errors, message: null } satisfies Answer);
    const [userId, schoolUrn] = read.values.person.split('|');
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/bodies/{id}/appointments', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { ruleId: read.values.ruleId, userId: userId ?? '', ...(schoolUrn ? { schoolUrn } : {}) },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { form: 'appoint', ...problemAnswer(result.problem, { ruleId: 'ruleId', userId: 'person', schoolUrn: 'person' }) } satisfies Answer);
    return { form: 'appoint', done: 'Appointed.', errors: {}, message: null } satisfies Answer;
  },

  office: async (event) => {
    const read = await readForm(event.request, {
      office: choice(OFFICES, 'Choose the office'),
      userId: text(),
      filledBy: choice(['election', 'appointment'] as const, 'Say whether it was filled by election or appointment'),
    });
    if (!read.ok) return fail(400, { form: 'office', errors: read.errors, message: null } satisfies Answer);
    const result = await submit(
      apiFor(event).PUT('/api/v1/tenants/{slug}/bodies/{id}/offices', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { office: read.values.office, userId: read.values.userId || null, filledBy: read.values.filledBy },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { form: 'office', ...problemAnswer(result.problem) } satisfies Answer);
    return { form: 'office', done: 'Office updated.', errors: {}, message: null } satisfies Answer;
  },

  plan: async (event) => {
    const read = await readForm(event.request, { academicYearStart: whole('The academic year', { required: true, min: 2000, max: 2100 }) });
    if (!read.ok) return fail(400, { form: 'plan', errors: read.errors, message: null } satisfies Answer);
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/bodies/{id}/meetings/plan', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { academicYearStart: read.values.academicYearStart! },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { form: 'plan', ...problemAnswer(result.problem) } satisfies Answer);
    return { form: 'plan', done: `${result.data.created} meetings planned; ${result.data.existing} were already planned.`, errors: {}, message: null } satisfies Answer;
  },
};
