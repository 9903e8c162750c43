import type { Schemas } from '@partnerships/api-client';
import { parseWhole } from '#lib/fees/money.ts';
import { PHASES } from '#lib/labels.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isOneOf, type Phase } from '#lib/vocabulary.ts';
import type { PageServerLoad } from './$types';
import { PUPIL_COUNT_MAX } from '#lib/pupil-count.ts';

/**
 * The public fee calculator: no sign-in. A school finds itself in the register (or gives its
 * phase and pupil number) and sees the fee the API works out, line by line. Everything is in
 * the address (GET forms), so it works without JavaScript and a quote can be shared as a link.
 */
export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const params = event.url.searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const urn = (params.get('urn') ?? '').trim();
  const values = { phase: params.get('phase') ?? '', pupils: params.get('pupils') ?? '', category: params.get('category') ?? '' };
  // The search is asked for with the partnership, not after it (it does not depend on it).
  const searchCall = params.has('q') && q.length >= 2 ? submit(api.GET('/api/v1/public/tenants/{slug}/quote/schools', { params: { path: { slug }, query: { q } } })) : null;
  const partnership = await loadOrFail(event, api.GET('/api/v1/public/tenants/{slug}', { params: { path: { slug } } }));

  let results: Schemas['PublicSchoolDto'][] | null = null;
  let searchError: string | null = null;
  if (params.has('q')) {
    if (q.length < 2) {
      searchError = 'Enter at least 2 letters of your school’s name, or its URN';
    } else {
      const found = await (searchCall ?? submit(api.GET('/api/v1/public/tenants/{slug}/quote/schools', { params: { path: { slug }, query: { q } } })));
      if (found.ok) results = found.data.items;
      else searchError = found.problem.fields.q ?? found.problem.message;
    }
  }

  const errors: Record<string, string> = {};
  let quote: Schemas['QuoteDto'] | null = null;
  let quoteMessage: string | null = null;
  const asked = urn !== '' || params.has('phase') || params.has('pupils');
  if (asked) {
    const query: { urn?: string; phase?: Phase; pupils?: number; category?: string } = {};
    if (urn) {
      if (!/^\d{6}$/.test(urn)) errors.q = 'A URN is six digits; search for your school again';
      else query.urn = urn;
    } else {
      if (!isOneOf(PHASES, values.phase)) errors.phase = 'Choose your school’s phase';
      else query.phase = values.phase;
      const pupils = parseWhole(values.pupils, 'the number of pupils on roll', { max: PUPIL_COUNT_MAX });
      if (!pupils.ok) errors.pupils = pupils.message;
      else query.pupils = pupils.value;
    }
    if (values.category && partnership.categories.some((c) => c.code === values.category)) query.category = values.category;
    if (!Object.keys(errors).length) {
      const answer = await submit(api.GET('/api/v1/public/tenants/{slug}/quote', { params: { path: { slug }, query } }));
      if (answer.ok) quote = answer.data;
      else {
        for (const [field, message] of Object.entries(answer.problem.fields)) errors[field === 'urn' ? 'q' : field] ??= message;
        if (!Object.keys(errors).length) quoteMessage = answer.problem.message;
      }
    }
  }

  return {
    partnership: { slug: partnership.slug, name: partnership.name, contactEmail: partnership.contactEmail, feesPublished: partnership.feesPublished, categories: partnership.categories.map((c) => ({ code: c.code, name: c.name })) },
    q,
    results,
    searchError,
    values,
    errors,
    quote,
    quoteMessage,
  };
};
