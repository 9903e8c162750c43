import { fail } from '@sveltejs/kit';
import { formatDate, SCHOOL_ROLES } from '#lib/labels.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isOneOf } from '#lib/vocabulary.ts';
import type { Actions, PageServerLoad } from './$types';

/** The school's own people: the headteacher invites the business manager and staff and sets their roles. */
export const load: PageServerLoad = async (event) => {
  await event.parent();
  const people = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/people', { params: { path: { urn: event.params.urn } } }));
  return { people, myId: event.locals.me!.user.id };
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
    const form = await event.request.formData();
    const values = { email: String(form.get('email') ?? '').trim(), role: String(form.get('role') ?? '') };
    const errors: Record<string, string> = {};
    if (!values.email) errors.email = 'Enter the e-mail address of the person to invite';
    if (!isOneOf(SCHOOL_ROLES, values.role)) errors.role = 'Choose a role';
    if (Object.keys(errors).length) return fail(400, answer({ errors, values }));
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/people', { params: { path: { urn: event.params.urn } }, body: { email: values.email, role: values.role as 'staff' } }),
    );
    if (!result.ok) {
      const { fields, message } = result.problem;
      return fail(result.problem.status, answer({ errors: fields, values, message: Object.keys(fields).length ? null : message }));
    }
    return answer({ done: `Invitation sent to ${result.data.email} as ${ROLE_WORDS[result.data.role] ?? result.data.role}. The link works until ${formatDate(result.data.expiresAt)}.` });
  },
  roles: async (event) => {
    const form = await event.request.formData();
    const userId = String(form.get('userId') ?? '');
    const name = String(form.get('name') ?? 'them').slice(0, 200);
    const remove = form.get('remove') === 'yes';
    const roles = remove ? [] : form.getAll('roles').map(String).filter((r) => isOneOf(SCHOOL_ROLES, r));
    const field = `roles-${userId}`;
    if (!remove && roles.length === 0) return fail(400, answer({ errors: { [field]: `Choose at least one role for ${name}, or remove them from the school` } }));
    const result = await submit(
      apiFor(event).PUT('/api/v1/school-portal/{urn}/people/{userId}', {
        params: { path: { urn: event.params.urn, userId } },
        body: { roles: roles as ('headteacher' | 'business-manager' | 'staff')[] },
      }),
    );
    if (!result.ok) {
      const text = result.problem.fields.roles ?? null;
      return fail(result.problem.status, answer({ errors: text ? { [field]: text } : {}, message: text ? null : result.problem.message }));
    }
    return answer({ done: remove ? `${name} no longer acts for the school.` : `Saved ${name}’s roles.` });
  },
};
