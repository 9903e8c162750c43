import { error, fail } from '@sveltejs/kit';
import { actionDone, isAdminAction, NEEDS_NOTE } from '#lib/members.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isAdminIn, isStaffIn } from '#lib/server/roles.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A member page: the school, its application and notice, the steps possible now, and the full timeline. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const isAdmin = isAdminIn(event.locals.me, event.params.slug);
  const api = apiFor(event);
  const path = { slug: event.params.slug, id: event.params.id };
  const [member, settings, categories] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/memberships/{id}', { params: { path } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-settings', { params: { path: { slug: path.slug } } })),
    isAdmin ? loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: path.slug } } })) : null,
  ]);
  // The school's fee and invoices, for those who may see invoices (others see the page without them).
  // These are asked for by the school's URN, which only the member answer gives (the address has
  // the membership's id): a third round, until the API answers them by membership.
  const urn = member.school.urn;
  const [money, invoices] = await Promise.all([
    api.GET('/api/v1/tenants/{slug}/billing-overview', { params: { path: { slug: path.slug }, query: { urn } } }).then((r) => r.data ?? null).catch(() => null),
    api.GET('/api/v1/tenants/{slug}/invoices', { params: { path: { slug: path.slug }, query: { urn, pageSize: 20 } } }).then((r) => r.data ?? null).catch(() => null),
  ]);
  return {
    member,
    money,
    invoices,
    noticeRule: settings.noticeRuleDescription,
    noticeRuleIsDefault: settings.noticeRuleIsDefault,
    categories: categories?.items.filter((c) => !c.archivedAt).map((c) => ({ code: c.code, name: c.name })) ?? [],
  };
};

type Preview = { leavingOn: string; explanation: string; noticeRule: string; givenOn: string; date: string; note: string };
interface ActionData {
  errors: Record<string, string>;
  message: string | null;
  done: string | null;
  preview: Preview | null;
  values: Record<string, string>;
}
const answer = (over: Partial<ActionData>): ActionData => ({ errors: {}, message: null, done: null, preview: null, values: {}, ...over });

/** Field messages from the API, named after this page's own fields (each step's form has its own). */
function fieldsFor(fields: Record<string, string>, suffix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, text]) => [`${field}-${suffix}`, text]));
}

async function noticeStep(event: RequestEvent, confirm: boolean) {
  const { date, note } = (await readForm(event.request, { date: text(), note: text() })).echo;
  const values = { 'date-give-notice': date, 'note-give-notice': note };
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return fail(400, answer({ values, errors: { 'date-give-notice': 'Write the date as a real date, like 2026-11-20' } }));
  }
  const result = await submit(
    apiFor(event).POST('/api/v1/tenants/{slug}/memberships/{id}/notice', {
      params: { path: { slug: event.params.slug, id: event.params.id } },
      body: { confirm, ...(date ? { date } : {}), ...(note ? { note } : {}) },
    }),
  );
  if (!result.ok) {
    const errors = fieldsFor(result.problem.fields, 'give-notice');
    return fail(result.problem.status, answer({ values, errors, message: Object.keys(errors).length ? null : result.problem.message }));
  }
  const notice = result.data;
  if (!confirm) return answer({ values, preview: { leavingOn: notice.leavingOn, explanation: notice.explanation, noticeRule: notice.noticeRule, givenOn: notice.givenOn, date, note } });
  return answer({ done: `Notice is given. ${notice.explanation}` });
}

export const actions: Actions = {
  /** One lifecycle step; reject and suspend need a note, and an invitation may need an e-mail address. */
  act: async (event) => {
    const { action, note, email } = (await readForm(event.request, { action: text({ trim: false }), note: text(), email: text() })).echo;
    if (!isAdminAction(action)) return fail(400, answer({ message: 'That step is not one we know. Reload the page and try again.' }));
    const values = { [`note-${action}`]: note, [`email-${action}`]: email };
    if (NEEDS_NOTE.includes(action) && !note) {
      const why = action === 'reject' ? 'Say why the application is turned down; the school will see it' : 'Say why the membership is suspended';
      return fail(400, answer({ values, errors: { [`note-${action}`]: why } }));
    }
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/memberships/{id}/{action}', {
        params: { path: { slug: event.params.slug, id: event.params.id, action } },
        body: { ...(note ? { note } : {}), ...(email ? { email } : {}) },
      }),
    );
    if (!result.ok) {
      const errors = fieldsFor(result.problem.fields, action);
      return fail(result.problem.status, answer({ values, errors, message: Object.keys(errors).length ? null : result.problem.message }));
    }
    return answer({ done: actionDone(action, result.data.school.name, result.data.statusLabel) });
  },

  previewNotice: (event) => noticeStep(event, false),
  confirmNotice: (event) => noticeStep(event, true),

  category: async (event) => {
    const { category } = (await readForm(event.request, { category: text({ trim: false }) })).echo;
    const result = await submit(
      apiFor(event).PUT('/api/v1/tenants/{slug}/memberships/{id}', {
        params: { path: { slug: event.params.slug, id: event.params.id } },
        body: { category },
      }),
    );
    if (!result.ok) {
      const errors: Record<string, string> = result.problem.fields.category ? { category: result.problem.fields.category } : {};
      return fail(result.problem.status, answer({ errors, message: Object.keys(errors).length ? null : result.problem.message }));
    }
    return answer({ done: `The category is now “${result.data.categoryName ?? result.data.category}”.` });
  },
};
