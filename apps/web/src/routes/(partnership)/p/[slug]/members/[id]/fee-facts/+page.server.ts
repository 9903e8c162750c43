import { error, fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isAdminIn, isStaffIn } from '#lib/server/roles.ts';
import { problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * What fee rules know about a member school (issue 13): sixth form, opening date, federations
 * and trusts, diocese and area. The register's word shows beside each field; what the
 * partnership records here is used over it by the preview, the quote and billing.
 */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const isAdmin = isAdminIn(event.locals.me, event.params.slug);
  const api = apiFor(event);
  const path = { slug: event.params.slug, id: event.params.id };
  const [member, facts] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/memberships/{id}', { params: { path } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/memberships/{id}/fee-facts', { params: { path } })),
  ]);
  return { member, facts, isAdmin };
};

/** The API's field names -> this form's. */
const RENAME: Record<string, string> = {
  sixthForm: 'sixth-form',
  openedOn: 'opened-on',
  trusts: 'trusts',
  diocese: 'diocese',
  area: 'area',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`trusts[${i}]`, 'trusts'])),
};

export const actions: Actions = {
  default: async (event) => {
    // The API decides who may change a membership (admins); others get its refusal.
    const read = await readForm(event.request, {
      'sixth-form': text(),
      'opened-on': text(),
      'in-trust': text(),
      trusts: text({ max: 1000 }),
      diocese: text({ max: 200 }),
      area: text({ max: 200 }),
    });
    const values = read.echo as Record<string, string>;
    const errors: Record<string, string> = read.ok ? {} : { ...read.errors };
    const opened = values['opened-on'] ?? '';
    if (opened && !/^\d{4}-\d{2}-\d{2}$/.test(opened)) errors['opened-on'] = 'Enter the opening date as a real date, like 2024-09-01';
    if (Object.keys(errors).length) return fail(400, { errors, message: null, values, done: null });
    const sixth = values['sixth-form'];
    const inTrust = values['in-trust'];
    const trusts = (values['trusts'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const body = {
      ...(sixth === 'yes' ? { sixthForm: true } : sixth === 'no' ? { sixthForm: false } : {}),
      ...(opened ? { openedOn: opened } : {}),
      // "None" records that the school is in no federation or trust; names record which; blank leaves it to the register.
      ...(inTrust === 'none' ? { trusts: [] } : trusts.length ? { trusts } : {}),
      ...(values['diocese'] === 'none' ? { diocese: null } : values['diocese'] ? { diocese: values['diocese'] } : {}),
      ...(values['area'] ? { area: values['area'] } : {}),
    };
    const sent = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/memberships/{id}/fee-facts', { params: { path: { slug: event.params.slug, id: event.params.id } }, body }));
    if (!sent.ok) return fail(sent.problem.status >= 500 ? 502 : 400, { ...problemAnswer(sent.problem, RENAME), values, done: null });
    return { errors: {}, message: null, values, done: 'Saved. Fee previews, quotes and invoices now use these facts.' };
  },
};
