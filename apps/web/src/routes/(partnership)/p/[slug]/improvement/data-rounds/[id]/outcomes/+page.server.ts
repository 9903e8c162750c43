import { getAs, putAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import type { Outcome, Round, RoundComparison } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const [round, outcomes, comparison] = await Promise.all([
    getAs<Round>(event, tenantPath(slug, 'data-rounds', id)),
    getAs<{ items: Outcome[] }>(event, tenantPath(slug, 'data-rounds', id, 'outcomes')),
    getAs<RoundComparison>(event, tenantPath(slug, 'data-rounds', id, 'comparison')),
  ]);
  return { round, outcomes: outcomes.items, suggestions: comparison.suggestions };
};

/** One area a line, optionally "area: note" (e.g. "phonics: strong Year 1 teaching"). */
function items(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [area, ...note] = line.split(':');
      return { area: area.trim().toLowerCase().replace(/[\s-]+/g, '_'), note: note.join(':').trim() || null };
    });
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const urn = String(form.get('urn') ?? '');
    const echo = { urn, strengths: String(form.get('strengths') ?? ''), areasToDevelop: String(form.get('areasToDevelop') ?? '') };
    if (!/^\d{6}$/.test(urn)) return invalidForm('save', { echo, errors: { urn: 'Choose the school' } });
    const result = await putAs(event, tenantPath(event.params.slug, 'data-rounds', event.params.id, 'outcomes', urn), { strengths: items(echo.strengths), areasToDevelop: items(echo.areasToDevelop) });
    if (!result.ok) {
      const rename = Object.fromEntries(Object.keys(result.problem.fields).map((f) => [f, f.startsWith('strengths') ? 'strengths' : f.startsWith('areasToDevelop') ? 'areasToDevelop' : f]));
      return refused('save', echo, result.problem, rename);
    }
    return done('save', 'The outcomes for the school have been recorded.');
  },
};
