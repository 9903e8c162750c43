import { fail, redirect } from '@sveltejs/kit';
import { adoptCookies, apiFor, submit } from '#lib/server/api.ts';
import { readFields, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

/** An invitation to act for a school: greets the person (school, role), then a name and password, or their existing password. */
export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token') ?? '';
  const signedInAs = event.locals.me?.user.email ?? null;
  if (!token) return { token, invitation: null, linkProblem: null, signedInAs };
  const result = await submit(apiFor(event, null).POST('/api/v1/school-invitations/lookup', { body: { token } }));
  if (!result.ok) {
    const linkProblem = result.problem.fields.token ?? result.problem.message;
    return { token, invitation: null, linkProblem, signedInAs };
  }
  return { token, invitation: result.data, linkProblem: null, signedInAs };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const newPerson = form.get('hasAccount') !== 'yes';
    const read = readFields(form, {
      token: text({ trim: false }),
      name: text(newPerson ? { required: 'Enter your full name' } : {}),
      password: text({ trim: false, required: newPerson ? 'Choose a password' : 'Enter your password' }),
    });
    const { token, name, password } = read.echo;
    if (!read.ok) return fail(400, { name, errors: read.errors, message: null as string | null, linkProblem: null as string | null });

    const result = await submit(apiFor(event, null).POST('/api/v1/school-invitations/accept', { body: { token, password, ...(newPerson && name ? { name } : {}) } }));
    if (!result.ok) {
      // A used or expired link is not something a field can fix: the page says so instead of the form.
      const { token: linkProblem = null, ...fields } = result.problem.fields;
      return fail(result.problem.status, { name, errors: fields, message: Object.keys(fields).length || linkProblem ? null : result.problem.message, linkProblem });
    }
    adoptCookies(event, result.response);
    redirect(303, `/s/${encodeURIComponent(result.data.schoolUrn)}`);
  },
};
