import { error } from '@sveltejs/kit';
import { getAs, portalPath, putAs } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import type { SchoolRound } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

const tenantOf = (url: URL) => {
  const slug = url.searchParams.get('tenant') ?? '';
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) error(404, 'Page not found');
  return slug;
};

async function roundOf(event: Parameters<PageServerLoad>[0], tenant: string): Promise<SchoolRound> {
  const rounds = await getAs<{ items: SchoolRound[] }>(event, portalPath(event.params.urn, 'data-rounds'), { tenant });
  const round = rounds.items.find((r) => r.id === event.params.roundId);
  if (!round) error(404, 'Page not found');
  return round;
}

export const load: PageServerLoad = async (event) => {
  const tenant = tenantOf(event.url);
  return { round: await roundOf(event, tenant), tenant };
};

export const actions: Actions = {
  form: async (event) => {
    const tenant = tenantOf(event.url);
    const form = await event.request.formData();
    const rounds = await getAs<{ items: SchoolRound[] }>(event, portalPath(event.params.urn, 'data-rounds'), { tenant });
    const round = rounds.items.find((r) => r.id === event.params.roundId);
    if (!round) error(404, 'Page not found');
    const echo: Record<string, string> = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const errors: Record<string, string> = {};
    const values: Record<string, number | null> = {};
    for (const i of round.dataSet.indicators) {
      const raw = (echo[`value-${i.code}`] ?? '').trim().replace(/%$/, '');
      if (!raw) values[i.code] = null;
      else if (Number.isFinite(Number(raw))) values[i.code] = Number(raw);
      else errors[`value-${i.code}`] = `${i.name}: give a number, or leave it empty`;
    }
    if (Object.keys(errors).length) return invalidForm('form', { echo, errors });
    const result = await putAs(event, portalPath(event.params.urn, 'data-rounds', round.id, 'submission'), { values, ownStrengths: echo.ownStrengths?.trim() || null, ownAreasToDevelop: echo.ownAreasToDevelop?.trim() || null }, { tenant });
    if (!result.ok) {
      const rename = Object.fromEntries(Object.keys(result.problem.fields).map((f) => [f, f.startsWith('values.') ? `value-${f.slice(7)}` : f]));
      return refused('form', echo, result.problem, rename);
    }
    return done('form', 'Your figures have been sent.');
  },
  csv: async (event) => {
    const tenant = tenantOf(event.url);
    const form = await event.request.formData();
    const file = form.get('file');
    const pasted = String(form.get('csv') ?? '');
    const csv = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!csv.trim()) return invalidForm('csv', { echo: { csv: pasted }, errors: { csv: 'Paste the CSV or choose a file' } });
    const result = await putAs(event, portalPath(event.params.urn, 'data-rounds', event.params.roundId, 'submission', 'csv'), { csv }, { tenant });
    if (!result.ok) {
      const lines = Object.values(result.problem.fields);
      return invalidForm('csv', { echo: { csv: pasted }, errors: { csv: lines.length ? lines.slice(0, 5).join(' ') : result.problem.message } });
    }
    return done('csv', 'Your figures have been sent.');
  },
};
