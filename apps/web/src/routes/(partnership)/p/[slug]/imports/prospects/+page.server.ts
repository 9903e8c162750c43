import type { Schemas } from '@partnerships/api-client';
import { error, fail } from '@sveltejs/kit';
import { PHASES, REGISTER_STATUSES } from '#lib/members.ts';
import type { Phase, RegisterStatus } from '#lib/vocabulary.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isAdminIn } from '#lib/server/roles.ts';
import { choices, problemAnswer, readFields, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Choosing prospects from the register: by local authority, phase, status or URN; a preview first, then the real thing. */
export const load: PageServerLoad = async (event) => {
  if (!isAdminIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const api = apiFor(event);
  const [localAuthorities, categories] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/schools/local-authorities')),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug: event.params.slug } } })),
  ]);
  return {
    localAuthorities: localAuthorities.items,
    categories: categories.items.filter((c) => !c.archivedAt).map((c) => ({ code: c.code, name: c.name })),
  };
};

interface Choice {
  localAuthorities: string[];
  phases: Phase[];
  statuses: RegisterStatus[];
  urns: string;
  category: string;
}

type Outcome = Schemas['AddProspectsResultDto'];
interface Answer {
  choice: Choice;
  errors: Record<string, string>;
  message: string | null;
  outcome: Outcome | null;
}

async function run(event: RequestEvent, dryRun: boolean) {
  const form = await event.request.formData();
  const read = readFields(form, { phases: choices(PHASES), statuses: choices(REGISTER_STATUSES), category: text({ trim: false }) }).echo;
  const choice: Choice = {
    localAuthorities: form.getAll('localAuthorities').map(String).filter(Boolean).slice(0, 200),
    phases: read.phases,
    statuses: read.statuses,
    // One text box of URNs, or the preview's ticked schools (one "urns" value each).
    urns: form.getAll('urns').map(String).join(' ').slice(0, 40000),
    category: read.category,
  };
  const reply = (over: Partial<Answer>): Answer => ({ choice, errors: {}, message: null, outcome: null, ...over });
  const urns = choice.urns.split(/[\s,;]+/).filter(Boolean);
  const badUrn = urns.find((u) => !/^\d{6}$/.test(u));
  if (badUrn) return fail(400, reply({ errors: { urns: `“${badUrn.slice(0, 20)}” is not a URN: a URN is six digits` } }));
  if (!choice.localAuthorities.length && !choice.phases.length && !urns.length) {
    return fail(400, reply({ errors: { localAuthorities: 'Choose at least one local authority, phase or URN, so the whole country is not added by mistake' } }));
  }
  const result = await submit(
    apiFor(event).POST('/api/v1/tenants/{slug}/prospects', {
      params: { path: { slug: event.params.slug } },
      body: {
        dryRun,
        ...(choice.localAuthorities.length ? { localAuthorities: choice.localAuthorities } : {}),
        ...(choice.phases.length ? { phases: choice.phases } : {}),
        ...(choice.statuses.length ? { statuses: choice.statuses } : {}),
        ...(urns.length ? { urns } : {}),
        ...(choice.category ? { category: choice.category } : {}),
      },
    }),
  );
  if (!result.ok) return fail(result.problem.status, reply(problemAnswer(result.problem)));
  return reply({ outcome: result.data });
}

export const actions: Actions = {
  preview: (event) => run(event, true),
  add: (event) => run(event, false),
};
