import { getAs, postAs, putAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import type { Benchmark, Round } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const [round, benchmarks] = await Promise.all([
    getAs<Round>(event, tenantPath(slug, 'data-rounds', id)),
    getAs<{ items: Benchmark[] }>(event, tenantPath(slug, 'data-rounds', id, 'benchmarks')),
  ]);
  return { round, benchmarks: benchmarks.items };
};

/** A figure typed in a box: empty is "no figure" (null), else a number. */
function figure(raw: FormDataEntryValue | null): number | null | 'bad' {
  const text = String(raw ?? '').trim().replace(/%$/, '');
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'bad';
}

export const actions: Actions = {
  submit: async (event) => {
    const { slug, id } = event.params;
    const round = await getAs<Round>(event, tenantPath(slug, 'data-rounds', id));
    const form = await event.request.formData();
    const echo: Record<string, string> = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const errors: Record<string, string> = {};
    const values: Record<string, number | null> = {};
    for (const i of round.dataSet.indicators) {
      const v = figure(form.get(`value-${i.code}`));
      if (v === 'bad') errors[`value-${i.code}`] = `${i.name}: give a number, or leave it empty`;
      else values[i.code] = v;
    }
    if (!/^\d{6}$/.test(echo.schoolUrn ?? '')) errors.schoolUrn = 'Choose the school';
    if (Object.keys(errors).length) return invalidForm('submit', { echo, errors });
    const result = await postAs(event, tenantPath(slug, 'data-rounds', id, 'submissions'), {
      schoolUrn: echo.schoolUrn,
      values,
      ownStrengths: echo.ownStrengths?.trim() || null,
      ownAreasToDevelop: echo.ownAreasToDevelop?.trim() || null,
    });
    if (!result.ok) {
      const rename = Object.fromEntries(Object.keys(result.problem.fields).map((f) => [f, f.startsWith('values.') ? `value-${f.slice(7)}` : f]));
      return refused('submit', echo, result.problem, rename);
    }
    return done('submit', 'The school’s figures have been saved.');
  },
  csv: async (event) => {
    const form = await event.request.formData();
    const file = form.get('file');
    const pasted = String(form.get('csv') ?? '');
    const csv = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!csv.trim()) return invalidForm('csv', { echo: { csv: pasted }, errors: { csv: 'Paste the CSV or choose a file' } });
    const result = await postAs<{ imported: number }>(event, tenantPath(event.params.slug, 'data-rounds', event.params.id, 'submissions', 'csv'), { csv });
    if (!result.ok) {
      const lines = Object.values(result.problem.fields);
      return invalidForm('csv', { echo: { csv: pasted }, errors: { csv: lines.length ? lines.slice(0, 5).join(' ') : result.problem.message } });
    }
    return done('csv', `Figures for ${result.data.imported} ${result.data.imported === 1 ? 'school' : 'schools'} have been imported.`);
  },
  benchmarks: async (event) => {
    const { slug, id } = event.params;
    const round = await getAs<Round>(event, tenantPath(slug, 'data-rounds', id));
    const form = await event.request.formData();
    const echo: Record<string, string> = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const errors: Record<string, string> = {};
    const items: { indicatorCode: string; source: string; value: number }[] = [];
    for (const i of round.dataSet.indicators) {
      for (const source of ['la', 'national']) {
        const v = figure(form.get(`${source}-${i.code}`));
        if (v === 'bad') errors[`${source}-${i.code}`] = `${i.name}: give the ${source === 'la' ? 'local authority' : 'national'} figure as a number`;
        else if (v !== null) items.push({ indicatorCode: i.code, source, value: v });
      }
    }
    if (Object.keys(errors).length) return invalidForm('benchmarks', { echo, errors });
    const result = await putAs(event, tenantPath(slug, 'data-rounds', id, 'benchmarks'), { items });
    if (!result.ok) return refused('benchmarks', echo, result.problem);
    return done('benchmarks', 'The benchmarks have been saved.');
  },
  close: async (event) => {
    const result = await postAs(event, tenantPath(event.params.slug, 'data-rounds', event.params.id, 'close'));
    if (!result.ok) return refused('close', {}, result.problem);
    return done('close', 'The window has closed. Compare the schools and record what the meeting agrees.');
  },
};
