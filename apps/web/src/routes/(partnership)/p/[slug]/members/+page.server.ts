import { error, fail } from '@sveltejs/kit';
import { memberQuery, readMemberFilters } from '#lib/members.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { isStaffIn } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The member list: every school on the partnership's list, in every state, with filters, a chart and bulk invite. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const slug = event.params.slug;
  const api = apiFor(event);
  const filters = readMemberFilters(event.url.searchParams);
  const path = { slug };
  const [members, stats, categories, localAuthorities] = await Promise.all([
    loadOrFail(
      event,
      api.GET('/api/v1/tenants/{slug}/memberships', {
        params: {
          path,
          query: {
            page: filters.page,
            pageSize: PAGE_SIZE,
            sort: filters.sort,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.phase ? { phase: filters.phase as never } : {}),
            ...(filters.status ? { status: filters.status as never } : {}),
            ...(filters.category ? { category: [filters.category] } : {}),
            ...(filters.localAuthority ? { localAuthority: [filters.localAuthority] } : {}),
          },
        },
      }),
    ),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/memberships/stats', { params: { path, query: { months: 12 } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-categories', { params: { path, query: { includeArchived: true } } })),
    loadOrFail(event, api.GET('/api/v1/schools/local-authorities')),
  ]);
  const csvQuery = memberQuery(filters, { page: false }).toString();
  return {
    filters,
    members,
    stats,
    categories: categories.items.map((c) => ({ code: c.code, name: c.name })),
    localAuthorities: localAuthorities.items.map((la) => la.name),
    csvHref: `/api/v1/tenants/${encodeURIComponent(slug)}/memberships.csv${csvQuery ? `?${csvQuery}` : ''}`,
  };
};

interface Skipped {
  id: string;
  name: string;
  reason: string;
  needsEmail: boolean;
}

type InviteResult = {
  invited: number;
  skipped: Skipped[];
  errors: Record<string, string>;
  message: string | null;
  emails: Record<string, string>;
};

export const actions: Actions = {
  /** Invite the ticked schools; any the API skips are listed, with an e-mail field where nobody acts for the school yet. */
  invite: async (event) => {
    const form = await event.request.formData();
    const ids = [...new Set(form.getAll('ids').map(String).filter(Boolean))].slice(0, 500);
    const emails: Record<string, string> = {};
    for (const id of ids) {
      const email = String(form.get(`email-${id}`) ?? '').trim();
      if (email) emails[id] = email;
    }
    const empty = (over: Partial<InviteResult>): InviteResult => ({ invited: 0, skipped: [], errors: {}, message: null, emails, ...over });
    if (ids.length === 0) return fail(400, empty({ errors: { ids: 'Choose at least one school to invite' } }));

    const api = apiFor(event);
    const slug = event.params.slug;
    const result = await submit(
      api.POST('/api/v1/tenants/{slug}/memberships/bulk-invite', {
        params: { path: { slug } },
        body: { ids, ...(Object.keys(emails).length ? { contacts: Object.entries(emails).map(([id, email]) => ({ id, email })) } : {}) },
      }),
    );
    if (!result.ok) {
      const fields: Record<string, string> = {};
      // contacts.0.email and the like: show it against the school's own field.
      for (const [field, text] of Object.entries(result.problem.fields)) {
        const index = /^contacts\.(\d+)\./.exec(field)?.[1];
        const id = index !== undefined ? Object.keys(emails)[Number(index)] : undefined;
        fields[id ? `email-${id}` : field] = text;
      }
      return fail(result.problem.status, empty({ errors: fields, message: Object.keys(fields).length ? null : result.problem.message }));
    }
    const skipped: Skipped[] = await Promise.all(
      result.data.skipped.slice(0, 100).map(async ({ id, reason }) => {
        const detail = await api.GET('/api/v1/tenants/{slug}/memberships/{id}', { params: { path: { slug, id } } }).catch(() => undefined);
        const member = detail?.data;
        return {
          id,
          reason,
          name: member ? `${member.school.name} (URN ${member.school.urn})` : 'A school',
          needsEmail: Boolean(member && member.schoolPeople.length === 0 && member.possibleActions.includes('invite')),
        };
      }),
    );
    return empty({ invited: result.data.invited.length, skipped, emails: {} });
  },
};
