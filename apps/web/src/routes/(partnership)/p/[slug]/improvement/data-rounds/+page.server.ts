import { redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { getAs, postAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { day, readForm, text } from '#lib/server/form.ts';
import type { DataSet, RoundSummary } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

const UNITS = ['percent', 'count', 'score', 'pence'];

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const [rounds, sets, bodies] = await Promise.all([
    getAs<{ items: RoundSummary[] }>(event, tenantPath(slug, 'data-rounds')),
    getAs<{ items: DataSet[] }>(event, tenantPath(slug, 'data-sets')),
    loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/bodies', { params: { path: { slug } } })),
  ]);
  // Clusters first: they usually run the rounds.
  const groups = [...bodies.items].sort((a, b) => Number(b.kind === 'cluster') - Number(a.kind === 'cluster')).map((b) => ({ id: b.id, name: b.name }));
  return { rounds: rounds.items, dataSets: sets.items, bodies: groups };
};

/** "gld | Good level of development | percent | early_years | Share of Reception pupils …", one indicator a line. */
function parseIndicators(lines: string): { ok: true; value: unknown[] } | { ok: false; error: string } {
  const rows = lines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!rows.length) return { ok: false, error: 'List at least one indicator' };
  const value: unknown[] = [];
  for (const [i, row] of rows.entries()) {
    const [code, name, unit, area, ...definition] = row.split('|').map((p) => p.trim());
    if (!code || !name || !unit || !area || !definition.join('|').trim()) return { ok: false, error: `Line ${i + 1} needs five parts separated by “|”: code, name, unit, area and definition` };
    if (!UNITS.includes(unit)) return { ok: false, error: `Line ${i + 1}: the unit is one of ${UNITS.join(', ')}` };
    value.push({ code, name, unit, area, definition: definition.join('|').trim(), decimals: unit === 'percent' ? 1 : 0 });
  }
  return { ok: true, value };
}

export const actions: Actions = {
  dataSet: async (event) => {
    const read = await readForm(event.request, {
      setName: text({ required: 'Give the data set a name', max: 200 }),
      description: text({ max: 2000 }),
      indicators: text({ required: 'List at least one indicator' }),
    });
    if (!read.ok) return invalidForm('dataSet', read);
    const indicators = parseIndicators(read.values.indicators);
    if (!indicators.ok) return invalidForm('dataSet', { echo: read.echo, errors: { indicators: indicators.error } });
    const result = await postAs(event, tenantPath(event.params.slug, 'data-sets'), { name: read.values.setName, description: read.values.description || null, indicators: indicators.value });
    if (!result.ok) {
      const fields = Object.keys(result.problem.fields);
      const rename = Object.fromEntries(fields.map((f) => [f, f === 'name' ? 'setName' : f.startsWith('indicators') ? 'indicators' : f]));
      return refused('dataSet', read.echo, result.problem, rename);
    }
    return done('dataSet', `The data set “${read.values.setName}” has been agreed.`);
  },
  round: async (event) => {
    const read = await readForm(event.request, {
      bodyId: text({ required: 'Choose the group running the round' }),
      dataSetId: text({ required: 'Choose the data set' }),
      name: text({ required: 'Give the round a name', max: 200 }),
      opensOn: day('Give the day the window opens, for example 5/12/2026'),
      closesOn: day('Give the day the window closes, for example 19/12/2026'),
    });
    if (!read.ok) return invalidForm('round', read);
    const result = await postAs<{ id: string }>(event, tenantPath(event.params.slug, 'data-rounds'), read.values);
    if (!result.ok) return refused('round', read.echo, result.problem);
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/improvement/data-rounds/${result.data.id}`);
  },
};
