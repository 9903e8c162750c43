import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { checkbox, choice, pounds, problemAnswer, readForm, text, whole } from '#lib/server/form.ts';
import { OFFER_KIND_CODES, OFFER_UNIT_CODES } from '#lib/offers.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const offers = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/offers', { params: { path: { slug }, query: {} } }));
  return { offers: offers.items.filter((o) => o.kind !== 'event') };
};

const ORDER = ['kind', 'title', 'unit', 'year', 'memberPrice', 'nonMemberPrice', 'allowance', 'summary'];

export const actions: Actions = {
  create: async (event) => {
    const read = await readForm(event.request, {
      kind: choice(OFFER_KIND_CODES, 'Choose what kind of offer this is'),
      title: text({ required: 'Give the offer a title', max: 200 }),
      summary: text({ max: 500 }),
      unit: choice(OFFER_UNIT_CODES, 'Choose how it is priced'),
      year: whole('The year', { required: true, min: 2000, max: 2200 }),
      memberPrice: pounds('The member price', { allowZero: true }),
      nonMemberPrice: pounds('The non-member price', { allowZero: true }),
      allowance: whole('The allowance', { min: 0, max: 100000 }),
      rolling: checkbox(),
      public: checkbox(),
    });
    if (!read.ok) return fail(400, { action: 'create', values: read.echo, errors: read.errors, message: null as string | null });
    const v = read.values;
    const prices = [
      ...(v.memberPrice !== null ? [{ label: 'Member price', buyer: { membership: 'member' as const }, pence: v.memberPrice }] : []),
      ...(v.nonMemberPrice !== null ? [{ label: 'Non-member price', buyer: { membership: 'non-member' as const }, pence: v.nonMemberPrice }] : []),
    ];
    const result = await submit(
      apiFor(event).POST('/api/v1/tenants/{slug}/offers', {
        params: { path: { slug: event.params.slug } },
        body: {
          kind: v.kind,
          title: v.title,
          unit: v.unit,
          ...(v.summary ? { summary: v.summary } : {}),
          ...(v.allowance !== null ? { allowance: v.allowance } : {}),
          rolling: v.rolling,
          public: v.public,
          ...(prices.length ? { prices: { year: v.year!, prices } } : {}),
        },
      }),
    );
    if (!result.ok) return fail(result.problem.status, { action: 'create', values: read.echo, ...problemAnswer(result.problem, { kind: 'kind', title: 'title', unit: 'unit', allowance: 'allowance', summary: 'summary', 'prices.year': 'year' }) });
    return { action: 'create', created: v.title };
  },
  publish: async (event) => statusChange(event, 'publish'),
  archive: async (event) => statusChange(event, 'archive'),
};

async function statusChange(event: Parameters<Actions[string]>[0], to: 'publish' | 'archive') {
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  const path = to === 'publish' ? '/api/v1/tenants/{slug}/offers/{id}/publish' : '/api/v1/tenants/{slug}/offers/{id}/archive';
  const result = await submit(apiFor(event).POST(path, { params: { path: { slug: event.params.slug, id } } }));
  if (!result.ok) return fail(result.problem.status, { action: to, values: {}, errors: {}, message: result.problem.message });
  return { action: to, changed: String(form.get('title') ?? 'The offer') };
}
