import { getAs, postAs, putAs, tenantPath } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import { parseDay } from '#lib/billing.ts';
import type { GroupReport, Need, Round } from '#lib/improvement/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  const [round, report] = await Promise.all([
    getAs<Round>(event, tenantPath(slug, 'data-rounds', id)),
    getAs<GroupReport>(event, tenantPath(slug, 'data-rounds', id, 'report')),
  ]);
  return { round, report };
};

/** "Action | owner | due date | area", one a line; only the action is needed. */
function plan(text: string): { ok: true; value: unknown[] } | { ok: false; error: string } {
  const value: unknown[] = [];
  for (const [i, line] of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).entries()) {
    const [action, owner, due, area] = line.split('|').map((p) => p.trim());
    const dueOn = due ? parseDay(due) : null;
    if (due && !dueOn) return { ok: false, error: `Line ${i + 1}: the due date “${due}” is not a date, for example 31/3/2027` };
    value.push({ action, owner: owner || null, dueOn, area: area ? area.toLowerCase().replace(/[\s-]+/g, '_') : null });
  }
  return { ok: true, value };
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const echo = { summary: String(form.get('summary') ?? ''), actionPlan: String(form.get('actionPlan') ?? '') };
    const parsed = plan(echo.actionPlan);
    if (!parsed.ok) return invalidForm('save', { echo, errors: { actionPlan: parsed.error } });
    const result = await putAs(event, tenantPath(event.params.slug, 'data-rounds', event.params.id, 'report'), { summary: echo.summary.trim(), actionPlan: parsed.value });
    if (!result.ok) {
      const rename = Object.fromEntries(Object.keys(result.problem.fields).map((f) => [f, f.startsWith('actionPlan') ? 'actionPlan' : f]));
      return refused('save', echo, result.problem, rename);
    }
    return done('save', 'The group report and action plan have been saved.');
  },
  needs: async (event) => {
    const result = await postAs<{ items: Need[] }>(event, tenantPath(event.params.slug, 'data-rounds', event.params.id, 'needs'));
    if (!result.ok) return refused('needs', {}, result.problem);
    const n = result.data.items.length;
    return done('needs', `${n} ${n === 1 ? 'need for support has' : 'needs for support have'} been passed to brokerage.`);
  },
};
