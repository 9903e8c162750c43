import { fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { checkbox, choice, day, pounds, problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const [events, report] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/events', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/event-report', { params: { path: { slug } } })),
  ]);
  return { events: events.items, report: report.items };
};

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** A London wall-clock time on a day, as an instant (the offset found for that day). */
function londonInstant(dayIso: string, time: string): string {
  const [h, m] = time.split(':').map(Number);
  const guess = new Date(`${dayIso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hour12: false }).format(guess);
  const offsetHours = (Number(london) - guess.getUTCHours() + 24) % 24;
  return new Date(guess.getTime() - offsetHours * 3600_000).toISOString().replace('.000Z', 'Z');
}

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      title: text({ required: 'Give the course or event a title', max: 200 }),
      summary: text({ max: 2000 }),
      format: choice(['in_person', 'online', 'hybrid'] as const, 'Choose in person, online or both'),
      venue: text({ max: 300 }),
      capacity: whole('The number of places', { required: true, min: 1, max: 10000 }),
      capPerSchool: whole('The most places one school may hold', { min: 1, max: 10000 }),
      memberPrice: pounds('The member price', { required: true, allowZero: true }),
      nonMemberPrice: pounds('The non-member price', { allowZero: true }),
      day1: day('Enter the date of the first session, for example 20/01/2027'),
      start1: text({ required: 'Enter the start time, for example 09:30', pattern: TIME, mismatch: 'Enter the start time as hours and minutes, for example 09:30' }),
      end1: text({ required: 'Enter the end time, for example 15:30', pattern: TIME, mismatch: 'Enter the end time as hours and minutes, for example 15:30' }),
      day2: text(),
      public: checkbox(),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const v = read.values;
    const days = [v.day1];
    if (v.day2) {
      const second = await readDay(v.day2);
      if (!second) return fail(400, { values: read.echo, errors: { day2: 'Enter the date of the second session, for example 03/02/2027' }, message: null as string | null });
      days.push(second);
    }
    const sessions = days.map((d) => ({ startsAt: londonInstant(d, v.start1), endsAt: londonInstant(d, v.end1) }));
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/events', {
        params: { path: { slug: event.params.slug } },
        body: {
          title: v.title,
          ...(v.summary ? { summary: v.summary } : {}),
          format: v.format,
          ...(v.venue ? { venue: v.venue } : {}),
          capacity: v.capacity!,
          ...(v.capPerSchool !== null ? { capPerSchool: v.capPerSchool } : {}),
          memberPricePence: v.memberPrice!,
          nonMemberPricePence: v.nonMemberPrice,
          public: v.public,
          sessions,
        },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem, { title: 'title', capacity: 'capacity', capPerSchool: 'capPerSchool', venue: 'venue', memberPricePence: 'memberPrice', nonMemberPricePence: 'nonMemberPrice', sessions: 'day1' }) });
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/events/${result.data.id}`);
  },
};

async function readDay(input: string): Promise<string | null> {
  const { parseDay } = await import('#lib/billing.ts');
  return parseDay(input);
}
