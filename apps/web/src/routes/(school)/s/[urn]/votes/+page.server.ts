import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit, type Submitted } from '#lib/server/api.ts';
import { choice, problemAnswer, readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const votes = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/votes', { params: { path: { urn: event.params.urn } } }));
  return { votes: votes.items };
};

const URN = /^\d{6}$/;

function answer(formName: string, result: Submitted<unknown>, done: string, rename?: Record<string, string>) {
  if (!result.ok) return fail(result.problem.status, { form: formName, done: null, receipt: null, ...problemAnswer(result.problem, rename) });
  return { form: formName, done, receipt: null as string | null, errors: {} as Record<string, string>, message: null as string | null };
}

export const actions: Actions = {
  voteMotion: async (event) => {
    const read = await readForm(event.request, {
      motionId: text({ required: 'Choose the motion' }),
      forSchool: text({ pattern: URN }),
      choice: choice(['for', 'against', 'abstain'] as const, 'Choose for, against or abstain'),
    });
    const field = `choice-${read.echo.motionId}-${read.echo.forSchool}`;
    if (!read.ok) return fail(400, { form: 'vote', done: null, receipt: null, errors: { [field]: read.errors.choice ?? 'Choose how to vote' }, message: null });
    const { motionId, forSchool, choice: vote } = read.values;
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/motions/{motionId}/ballots', { params: { path: { urn: event.params.urn, motionId } }, body: { choice: vote, ...(forSchool ? { schoolUrn: forSchool } : {}) } }),
    );
    if (!result.ok) return answer('vote', result, '', { choice: field });
    return { form: 'vote', done: result.data.message, receipt: result.data.receipt, errors: {} as Record<string, string>, message: null as string | null };
  },

  voteElection: async (event) => {
    const form = await event.request.formData();
    const electionId = String(form.get('electionId') ?? '');
    const forSchool = String(form.get('forSchool') ?? '');
    const nominationIds = form.getAll('nominationIds').map(String).filter(Boolean);
    const field = `candidates-${electionId}-${forSchool}`;
    if (!nominationIds.length) return fail(400, { form: 'election', done: null, receipt: null, errors: { [field]: 'Choose at least one candidate' }, message: null });
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/elections/{electionId}/ballots', {
        params: { path: { urn: event.params.urn, electionId } },
        body: { nominationIds, ...(URN.test(forSchool) ? { schoolUrn: forSchool } : {}) },
      }),
    );
    if (!result.ok) return answer('election', result, '', { nominationIds: field });
    return { form: 'election', done: result.data.message, receipt: result.data.receipt, errors: {} as Record<string, string>, message: null as string | null };
  },

  nominate: async (event) => {
    const read = await readForm(event.request, { electionId: text({ required: 'Choose the election' }), statement: text({ max: 5000 }) });
    if (!read.ok) return fail(400, { form: 'nominate', done: null, receipt: null, errors: read.errors, message: null });
    const field = `statement-${read.values.electionId}`;
    return answer(
      'nominate',
      await submit(
        apiFor(event).POST('/api/v1/school-portal/{urn}/elections/{electionId}/nominations', {
          params: { path: { urn: event.params.urn, electionId: read.values.electionId } },
          body: read.values.statement ? { statement: read.values.statement } : {},
        }),
      ),
      'You are standing. Your nomination has been accepted.',
      { statement: field },
    );
  },

  appointProxy: async (event) => {
    const read = await readForm(event.request, {
      meetingId: text({ required: 'Choose the meeting' }),
      holder: choice(['chair', 'school'] as const, 'Choose who holds your proxy'),
      holderSchoolUrn: text(),
    });
    const id = read.echo.meetingId;
    if (!read.ok) return fail(400, { form: 'proxy', done: null, receipt: null, errors: { [`holder-${id}`]: read.errors.holder ?? read.errors.meetingId ?? 'Choose who holds your proxy' }, message: null });
    const { meetingId, holder, holderSchoolUrn } = read.values;
    if (holder === 'school' && !URN.test(holderSchoolUrn)) return fail(400, { form: 'proxy', done: null, receipt: null, errors: { [`holderSchoolUrn-${id}`]: 'Give the six-digit URN of the school whose voter will hold your proxy' }, message: null });
    return answer(
      'proxy',
      await submit(
        apiFor(event).POST('/api/v1/school-portal/{urn}/meetings/{meetingId}/proxy', {
          params: { path: { urn: event.params.urn, meetingId } },
          body: holder === 'school' ? { holder, holderSchoolUrn } : { holder },
        }),
      ),
      'Your proxy is appointed for that meeting. You can revoke it at any time before the vote.',
      { holder: `holder-${id}`, holderSchoolUrn: `holderSchoolUrn-${id}` },
    );
  },

  revokeProxy: async (event) => {
    const read = await readForm(event.request, { meetingId: text({ required: 'Choose the meeting' }) });
    if (!read.ok) return fail(400, { form: 'proxy', done: null, receipt: null, errors: read.errors, message: null });
    return answer('proxy', await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/meetings/{meetingId}/proxy/revoke', { params: { path: { urn: event.params.urn, meetingId: read.values.meetingId } } })), 'Your proxy is revoked. Your school’s voter votes again.');
  },
};
