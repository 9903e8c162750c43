import { fail, redirect } from '@sveltejs/kit';
import { formatDate, SCHOOL_ROLES } from '#lib/labels.ts';
import { apiFor, loadOrFail, loginUrl, submit } from '#lib/server/api.ts';
import { checkbox, choice, choices, problemAnswer, readFields, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/** The school's own people: the headteacher invites the business manager and staff and sets their roles. */
export const load: PageServerLoad = async (event) => {
  // The layout's portal is not needed here (it answers 404 for someone else's school first): no waiting for it.
  const me = event.locals.me;
  if (!me) redirect(303, loginUrl(event.url));
  const people = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/people', { params: { path: { urn: event.params.urn } } }));
  return { people, myId: me.user.id };
};

interface Answer {
  errors: Record<string, string>;
  message: string | null;
  done: string | null;
  values: Record<string, string>;
}
const answer = (over: Partial<Answer>): Answer => ({ errors: {}, message: null, done: null, values: {}, ...over });
const ROLE_WORDS: Record<string, string> = { headteacher: 'headteacher', 'business-manager': 'business manager', staff: 'staff' };

export const actions: Actions = {
  invite: async (event) => {
    const read = await readForm(event.request, { email: text({ required: 'Enter the e-mail address of the person to invite' }), role: choice(SCHOOL_ROLES, 'Choose a role') });
    const values = read.echo;
    if (!read.ok) return fail(400, answer({ errors: read.errors, values }));
    const result = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/people', { params: { path: { urn: event.params.urn } }, body: read.values }));
    if (!result.ok) return fail(result.problem.status, answer({ ...problemAnswer(result.problem), values }));
    return answer({ done: `Invitation sent to ${result.data.email} as ${ROLE_WORDS[result.data.role] ?? result.data.role}. The link works until ${formatDate(result.data.expiresAt)}.` });
  },
  roles: async (event) => {
    const form = await event.request.formData();
    const { userId, remove, roles: chosen } = readFields(form, { userId: text({ trim: false }), remove: checkbox(), roles: choices(SCHOOL_ROLES) }).echo;
    const name = String(form.get('name') ?? 'them').slice(0, 200);
    const roles = remove ? [] : chosen;
    const field = `roles-${userId}`;
    if (!remove && roles.length === 0) return fail(400, answer({ errors: { [field]: `Choose at least one role for ${name}, or remove them from the school` } }));
    const result = await submit(
      apiFor(event).PUT('/api/v1/school-portal/{urn}/people/{userId}', {
        params: { path: { urn: event.params.urn, userId } },
        body: { roles },
      }),
    );
    if (!result.ok) {
      const text = result.problem.fields.roles ?? null;
      return fail(result.problem.status, answer({ errors: text ? { [field]: text } : {}, message: text ? null : result.problem.message }));
    }
    return answer({ done: remove ? `${name} no longer acts for the school.` : `Saved ${name}’s roles.` });
  },
};
