import { getAs, postAs, tenantPath, tryGet } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { choice, pounds, readForm, text } from '#lib/server/form.ts';
import { parseDay } from '#lib/billing.ts';
import type { NeedDetail } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const [need, members] = await Promise.all([
    getAs<NeedDetail>(event, tenantPath(slug, 'support-needs', event.params.id)),
    tryGet<{ items: { school: { urn: string; name: string }; status: string }[] }>(event, tenantPath(slug, 'memberships'), { pageSize: 200, status: 'active' }),
  ]);
  // Candidates name a school by its id; the match is by URN, so the member list gives each name's URN.
  const schools = members.ok ? members.data.items.map((m) => m.school).filter((s) => s.urn !== need.school.urn) : [];
  return { need, schools };
};

const KINDS = ['school', 'teaching_school', 'offer', 'board'] as const;

export const actions: Actions = {
  match: async (event) => {
    const read = await readForm(event.request, { kind: choice(KINDS, 'Choose who will support'), candidateId: text(), urn: text(), note: text({ max: 2000 }) });
    if (!read.ok) return invalidForm('match', read);
    const v = read.values;
    const body =
      v.kind === 'school' ? { supporterKind: v.kind, supporterUrn: v.urn } : v.kind === 'offer' ? { supporterKind: v.kind, offerId: v.candidateId } : { supporterKind: v.kind, ...(v.candidateId ? { bodyId: v.candidateId } : {}) };
    const result = await postAs(event, tenantPath(event.params.slug, 'support-needs', event.params.id, 'match'), { ...body, note: v.note || null });
    if (!result.ok) return refused('match', read.echo, result.problem);
    return done('match', 'The need has been matched. Agree the support next.');
  },
  agree: async (event) => {
    const read = await readForm(event.request, { basis: choice(['free', 'charged'] as const, 'Choose free or charged'), amount: pounds('The price') });
    if (!read.ok) return invalidForm('agree', read);
    if (read.values.basis === 'charged' && !read.values.amount) return invalidForm('agree', { echo: read.echo, errors: { amount: 'Give the price of charged support, in pounds' } });
    const result = await postAs(event, tenantPath(event.params.slug, 'support-needs', event.params.id, 'agree'), { basis: read.values.basis, ...(read.values.basis === 'charged' ? { amountPence: read.values.amount } : {}) });
    if (!result.ok) return refused('agree', read.echo, result.problem, { basis: 'basis', amountPence: 'amount' });
    return done('agree', read.values.basis === 'charged' ? 'The support is agreed and the school will be invoiced.' : 'The support is agreed, free of charge.');
  },
  deliver: async (event) => {
    const read = await readForm(event.request, { deliveredOn: text() });
    if (!read.ok) return invalidForm('deliver', read);
    const on = read.values.deliveredOn ? parseDay(read.values.deliveredOn) : null;
    if (read.values.deliveredOn && !on) return invalidForm('deliver', { echo: read.echo, errors: { deliveredOn: 'Give the date, for example 5/12/2026, or leave it empty for today' } });
    const result = await postAs(event, tenantPath(event.params.slug, 'support-needs', event.params.id, 'deliver'), on ? { deliveredOn: on } : {});
    if (!result.ok) return refused('deliver', read.echo, result.problem);
    return done('deliver', 'The support is recorded as delivered. Close the need with a note of its impact.');
  },
  close: async (event) => {
    const read = await readForm(event.request, { impactNote: text({ required: 'Say what difference the support made', max: 5000 }) });
    if (!read.ok) return invalidForm('close', read);
    const result = await postAs(event, tenantPath(event.params.slug, 'support-needs', event.params.id, 'close'), read.values);
    if (!result.ok) return refused('close', read.echo, result.problem);
    return done('close', 'The need is closed.');
  },
};
