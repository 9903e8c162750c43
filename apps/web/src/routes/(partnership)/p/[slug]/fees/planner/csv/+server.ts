import { csvField, csvPounds, plannerFromQuery } from '#lib/fees/planner-state.ts';
import { runScenario, schedulesFor, type ScenarioOutcome } from '#lib/server/planner.ts';
import type { RequestHandler } from './$types';

/** The planner's scenarios as a CSV file: one row per group of schools, a total per scenario, and any solved rate. */
export const GET: RequestHandler = async (event) => {
  const { schedules } = await schedulesFor(event);
  const state = plannerFromQuery(event.url.searchParams);
  const known = new Set(schedules.map((s) => s.id));
  const outcomes = (await Promise.all([runScenario(event, state, 'a', known), runScenario(event, state, 'b', known)])).filter((o): o is ScenarioOutcome => o !== null);

  const lines: (string | number)[][] = [['Scenario', 'Fee schedule', 'Group', 'Phase', 'Pupils per school', 'Schools', 'Fee per school (£)', 'Income (£)']];
  for (const o of outcomes) {
    const schedule = o.schedule ? `${o.schedule.name} (${o.schedule.label}, version ${o.schedule.version})` : '';
    if (!o.result) {
      lines.push([o.name, schedule, `Not worked out: ${Object.values(o.errors)[0] ?? o.message ?? 'check the scenario'}`, '', '', '', '', '']);
      continue;
    }
    for (const row of o.result.rows) lines.push([o.name, schedule, row.label, row.phase, row.pupils, row.count, csvPounds(row.feePence), csvPounds(row.subtotalPence)]);
    lines.push([o.name, schedule, 'Total', '', '', o.result.schools, '', csvPounds(o.result.totalPence)]);
    if (o.result.solution && o.solvedFor) lines.push([o.name, schedule, `Solved: ${o.solvedFor} -> ${csvPounds(o.result.solution.valuePence)}`, '', '', '', csvPounds(o.result.solution.valuePence), csvPounds(o.result.solution.totalPence)]);
  }
  const body = `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${event.params.slug}-fee-scenarios.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
