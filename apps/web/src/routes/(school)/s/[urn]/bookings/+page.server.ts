import { fail } from '@sveltejs/kit';
import { chosenTenant } from '#lib/offers.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { schoolRoles } from '#lib/server/roles.ts';
import { problemAnswer, readFields, text } from '#lib/server/form.ts';
import { formatPence } from '#lib/fees/money.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // With ?tenant= the partnership is known from the address, and the calls start at once; without
  // it, the school's partnership to show comes from the layout's portal (its memberships): a
  // genuine extra round, since nothing else says which partnerships the school belongs to.
  const asked = event.url.searchParams.get('tenant');
  const tenant = chosenTenant([], asked) ?? chosenTenant((await event.parent()).portal.memberships, asked);
  // As the layout's actsForSchool, from the session's roles at this school.
  const roles = schoolRoles(event.locals.me, event.params.urn);
  const actsForSchool = roles.includes('headteacher') || roles.includes('business-manager');
  if (!tenant) return { tenant: null, events: [], bookings: [], approvals: [] };
  const urn = event.params.urn;
  const api = apiFor(event);
  const query = { tenant };
  const [events, bookings, approvals] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/events', { params: { path: { urn }, query } })),
    loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/bookings', { params: { path: { urn }, query } })),
    actsForSchool ? loadOrFail(event, api.GET('/api/v1/school-portal/{urn}/booking-approvals', { params: { path: { urn }, query } })) : Promise.resolve({ items: [] }),
  ]);
  return { tenant, events: events.items, bookings: bookings.items, approvals: approvals.items };
};

function tenantOf(url: URL, form: FormData): string {
  return String(form.get('tenant') ?? url.searchParams.get('tenant') ?? '');
}

export const actions: Actions = {
  request: async (event) => {
    const form = await event.request.formData();
    const read = readFields(form, {
      eventId: text({ required: 'Choose the course or event' }),
      delegateName: text({ required: 'Enter the name of the person going', max: 200 }),
      delegateEmail: text({ required: 'Enter their e-mail address', max: 320, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, mismatch: 'Enter an e-mail address like name@school.sch.uk' }),
    });
    const eventId = String(form.get('eventId') ?? '');
    if (!read.ok) return fail(400, { action: 'request', eventId, values: read.echo, errors: prefix(read.errors, eventId), message: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/events/{eventId}/bookings', {
        params: { path: { urn: event.params.urn, eventId }, query: { tenant: tenantOf(event.url, form) } },
        body: { delegateName: read.values.delegateName, delegateEmail: read.values.delegateEmail },
      }),
    );
    if (!result.ok) {
      const answer = problemAnswer(result.problem);
      return fail(result.problem.status, { action: 'request', eventId, values: read.echo, errors: prefix(answer.errors, eventId), message: answer.message });
    }
    return { action: 'request', done: `${result.data.delegateName}: ${result.data.statusLabel.toLowerCase()}.`, status: result.data.status };
  },
  approve: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const read = readFieldsSync(form, id);
    if (!read.ok) return fail(400, { action: 'approve', errors: read.errors, message: null as string | null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/bookings/{id}/approve', { params: { path: { urn: event.params.urn, id }, query: { tenant: tenantOf(event.url, form) } }, body: read.po ? { poNumber: read.po } : {} }),
    );
    if (!result.ok) {
      const answer = problemAnswer(result.problem, { poNumber: `po-${id}` });
      return fail(result.problem.status, { action: 'approve', errors: answer.errors, message: answer.message });
    }
    return { action: 'approve', done: `Approved: ${result.data.delegateName}’s place on ${result.data.eventTitle} is ${result.data.statusLabel.toLowerCase()}.` };
  },
  decline: async (event) => simple(event, 'decline'),
  cancel: async (event) => simple(event, 'cancel'),
  accept: async (event) => simple(event, 'accept-offer'),
};

function readFieldsSync(form: FormData, id: string): { ok: true; po: string } | { ok: false; errors: Record<string, string> } {
  const po = String(form.get('poNumber') ?? '').trim();
  if (po.length > 60) return { ok: false, errors: { [`po-${id}`]: 'A purchase-order number has at most 60 characters' } };
  return { ok: true, po };
}

function prefix(errors: Record<string, string>, eventId: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k}-${eventId}`, v]));
}

async function simple(event: Parameters<Actions[string]>[0], what: 'decline' | 'cancel' | 'accept-offer') {
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  const api = apiFor(event);
  const params = { path: { urn: event.params.urn, id }, query: { tenant: tenantOf(event.url, form) } };
  if (what === 'cancel') {
    const result = await submit(api.POST('/api/v1/school-portal/{urn}/bookings/{id}/cancel', { params, body: {} }));
    if (!result.ok) return fail(result.problem.status, { action: what, errors: {}, message: result.problem.message });
    const c = result.data;
    return {
      action: what,
      done: `Cancelled with ${c.noticeDays === 1 ? '1 day’s' : `${c.noticeDays} days’`} notice: the charge is ${c.chargePercent}% (${formatPence(c.chargePence)})${c.creditPence ? `, and ${formatPence(c.creditPence)} is credited` : ''}.`,
    };
  }
  const result = await submit(what === 'decline' ? api.POST('/api/v1/school-portal/{urn}/bookings/{id}/decline', { params, body: {} }) : api.POST('/api/v1/school-portal/{urn}/bookings/{id}/accept-offer', { params }));
  if (!result.ok) return fail(result.problem.status, { action: what, errors: {}, message: result.problem.message });
  return { action: what, done: what === 'decline' ? 'The request is declined and the place freed.' : `You have taken up the place: it is now ${result.data.statusLabel.toLowerCase()}.` };
}
