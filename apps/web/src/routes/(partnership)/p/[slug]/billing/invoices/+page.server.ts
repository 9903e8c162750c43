import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const STATUSES = new Set(['draft', 'open', 'paid', 'void', 'uncollectible']);

export const load: PageServerLoad = async (event) => {
  const q = event.url.searchParams;
  const filters = {
    status: STATUSES.has(q.get('status') ?? '') ? (q.get('status') as 'open') : '',
    q: (q.get('q') ?? '').trim(),
    period: (q.get('period') ?? '').trim(),
    overdue: q.get('overdue') === 'yes' ? 'yes' : '',
    runId: (q.get('runId') ?? '').trim(),
  };
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.period ? { period: filters.period } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.runId ? { runId: filters.runId } : {}),
  };
  const invoices = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/invoices', { params: { path: { slug: event.params.slug }, query: query as never } }));
  const csv = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) csv.set(key, key === 'overdue' ? 'true' : value);
  return { invoices, filters, page, pageSize: PAGE_SIZE, csvQuery: csv.toString() };
};
