import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const from = event.url.searchParams.get('from');
  const to = event.url.searchParams.get('to');
  const iso = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const query = { ...(iso(from) ? { from: iso(from) } : {}), ...(iso(to) ? { to: iso(to) } : {}) };
  const [report, events] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/offers-report', { params: { path: { slug }, query } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/event-report', { params: { path: { slug } } })),
  ]);
  // Take-up by offer (schools and amounts), and income by month across offers, for the chart.
  const byOffer = new Map<string, { title: string; schools: number; quantity: number; amountPence: number }>();
  for (const row of report.takeUp) {
    const o = byOffer.get(row.offerId) ?? { title: row.title, schools: 0, quantity: 0, amountPence: 0 };
    o.schools += 1;
    o.quantity += row.quantity;
    o.amountPence += row.amountPence;
    byOffer.set(row.offerId, o);
  }
  const byMonth = new Map<string, number>();
  for (const row of report.income) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.amountPence);
  const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, amountPence]) => ({ month, amountPence }));
  return { report, offers: [...byOffer.values()].sort((a, b) => b.amountPence - a.amountPence), months, events: events.items, query };
};
