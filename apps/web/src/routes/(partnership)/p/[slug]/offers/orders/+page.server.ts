import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { day, problemAnswer, readForm, whole } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';
import { formatNumber } from '#lib/labels.ts';
import { count, noun } from '#lib/plural.ts';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const [orders, windows] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/orders', { params: { path: { slug }, query: {} } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/buyback-windows', { params: { path: { slug } } })),
  ]);
  return { orders: orders.items, windows: windows.items };
};

export const actions: Actions = {
  open: async (event) => {
    const read = await readForm(event.request, {
      year: whole('The year', { required: true, min: 2000, max: 2200 }),
      opensOn: day('Enter the day it opens, for example 02/11/2026'),
      closesOn: day('Enter the day it closes, for example 31/03/2027'),
      cancelDeadline: day('Enter the last day to cancel, for example 18/12/2026'),
    });
    if (!read.ok) return fail(400, { values: read.echo, errors: read.errors, message: null as string | null });
    const v = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/buyback-windows', { params: { path: { slug: event.params.slug } }, body: { year: v.year!, opensOn: v.opensOn, closesOn: v.closesOn, cancelDeadline: v.cancelDeadline } }),
    );
    if (!result.ok) return fail(result.problem.status, { values: read.echo, ...problemAnswer(result.problem) });
    return { done: `The buy-back for ${result.data.yearLabel} is set.` };
  },
  reminders: async (event) => windowAction(event, 'reminders'),
  rollover: async (event) => windowAction(event, 'rollover'),
};

async function windowAction(event: Parameters<Actions[string]>[0], what: 'reminders' | 'rollover') {
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  const api = apiFor(event);
  const params = { path: { slug: event.params.slug, id } };
  if (what === 'reminders') {
    const result = await submit(api.POST('/api/v1/tenants/{slug}/buyback-windows/{id}/reminders', { params }));
    if (!result.ok) return fail(result.problem.status, { values: {}, errors: {}, message: result.problem.message });
    return { done: `${count(result.data.schoolsReminded, 'school')} reminded.` };
  }
  const result = await submit(api.POST('/api/v1/tenants/{slug}/buyback-windows/{id}/rollover', { params }));
  if (!result.ok) return fail(result.problem.status, { values: {}, errors: {}, message: result.problem.message });
  return { done: `${count(result.data.rolledOver, 'service')} rolled over into ${count(result.data.ordersCreated, 'order')}; ${formatNumber(result.data.notRolledOver)} ${noun(result.data.notRolledOver, 'was', 'were')} cancelled.` };
}
