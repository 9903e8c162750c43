import { getAs, postAs, putAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { choice, day, readFields, readForm, text } from '#lib/server/form.ts';
import type { Review, Reviewer } from '#lib/improvement/types.ts';
import { partnershipAccess } from '#lib/access.ts';
import { tenantRoles } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  // As the improvement layout's canManage (admins and officers), from the session's roles: both at once.
  const canManage = partnershipAccess(tenantRoles(event.locals.me, slug)).runImprovement;
  const [review, reviewers] = await Promise.all([
    getAs<Review>(event, tenantPath(slug, 'reviews', id)),
    canManage ? getAs<{ items: Reviewer[] }>(event, tenantPath(slug, 'reviewers')).catch(() => ({ items: [] as Reviewer[] })) : { items: [] as Reviewer[] },
  ]);
  const myId = event.locals.me?.user.id ?? '';
  const myRole = review.participants.find((p) => p.userId === myId)?.role ?? null;
  return { review, reviewers: reviewers.items, myRole };
};

const optionalDay = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
  visit: async (event) => {
    const read = await readForm(event.request, { visitOn: day('Give the visit date, for example 5/12/2026') });
    if (!read.ok) return invalidForm('visit', read);
    const result = await putAs(event, tenantPath(event.params.slug, 'reviews', event.params.id), { visitOn: read.values.visitOn });
    if (!result.ok) return refused('visit', read.echo, result.problem);
    return done('visit', 'The visit date has been set.');
  },
  participant: async (event) => {
    const read = await readForm(event.request, {
      userId: text({ required: 'Choose a person' }),
      role: choice(['lead', 'member', 'qa'] as const, 'Choose the role'),
      schoolUrn: text({ pattern: /^\d{6}$/, mismatch: 'The URN is six digits' }),
      overrideReason: text({ max: 1000 }),
    });
    if (!read.ok) return invalidForm('participant', read);
    const v = read.values;
    const result = await postAs(event, tenantPath(event.params.slug, 'reviews', event.params.id, 'participants'), {
      userId: v.userId,
      role: v.role,
      schoolUrn: v.schoolUrn || null,
      overrideReason: v.overrideReason || null,
    });
    if (!result.ok) return refused('participant', read.echo, result.problem);
    return done('participant', 'The team has been changed.');
  },
  remove: async (event) => {
    const form = await event.request.formData();
    const result = await postAs(event, tenantPath(event.params.slug, 'review-participants', String(form.get('participantId') ?? ''), 'remove'));
    if (!result.ok) return refused('remove', {}, result.problem);
    return done('remove', 'They have been taken off the team.');
  },
  report: async (event) => {
    const read = await readForm(event.request, {
      step: choice(['submit_draft', 'quality_assure', 'finalise'] as const, 'Choose what to do with the report'),
      body: text({ required: 'Write the report', max: 100_000 }),
      approved: choice(['yes', 'no', ''] as const, 'Approve or send back'),
    });
    if (!read.ok) return invalidForm('report', read);
    const v = read.values;
    const result = await postAs(event, tenantPath(event.params.slug, 'reviews', event.params.id, 'report'), {
      step: v.step,
      body: v.body,
      ...(v.step === 'quality_assure' ? { approved: v.approved !== 'no' } : {}),
    });
    if (!result.ok) return refused('report', read.echo, result.problem);
    const said = { submit_draft: 'The draft report has been saved and the head can now respond.', quality_assure: 'Your quality assurance has been recorded.', finalise: 'The final report has been issued.' }[v.step];
    return done('report', said);
  },
  action: async (event) => {
    const form = await event.request.formData();
    const read = readFields(form, {
      text: text({ required: 'Describe the action', max: 2000 }),
      owner: text({ max: 200 }),
    });
    const due = optionalDay(form, 'dueOn');
    if (!read.ok) return invalidForm('action', read);
    const result = await postAs(event, tenantPath(event.params.slug, 'reviews', event.params.id, 'actions'), { text: read.values.text, owner: read.values.owner || null, dueOn: due || null });
    if (!result.ok) return refused('action', { ...read.echo, dueOn: due }, result.problem);
    return done('action', 'The action has been added.');
  },
  follow: async (event) => {
    const form = await event.request.formData();
    const status = String(form.get('status') ?? '');
    const result = await putAs(event, tenantPath(event.params.slug, 'review-actions', String(form.get('actionId') ?? '')), { status, followUpNote: String(form.get('followUpNote') ?? '').trim() || null });
    if (!result.ok) return refused('follow', {}, result.problem);
    return done('follow', 'The action’s follow-up has been saved.');
  },
  carry: async (event) => {
    const result = await postAs<{ carried: number }>(event, tenantPath(event.params.slug, 'reviews', event.params.id, 'carry-forward'));
    if (!result.ok) return refused('carry', {}, result.problem);
    return done('carry', `${result.data.carried} open ${result.data.carried === 1 ? 'action was' : 'actions were'} carried forward from the last review.`);
  },
};
