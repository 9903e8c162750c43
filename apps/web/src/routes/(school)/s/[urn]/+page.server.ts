import { apiFor } from '#lib/server/api.ts';
import { loadAs, type MyGovernance } from '#lib/server/governance-api.ts';
import type { PageServerLoad } from './$types';

/** The school's home: its details and, for each partnership, where its membership stands. */
export const load: PageServerLoad = async (event) => {
  const { portal } = await event.parent();
  const api = apiFor(event);
  const urn = event.params.urn;
  // One answer per partnership (a school belongs to a few at most); one that fails is left out, not fatal.
  // Asked for together with the person's governance and the school's representation on the partnerships' bodies (the page still shows without it), not one after the other.
  const [governance, ...details] = await Promise.all([
    loadAs<MyGovernance>(event, api.GET('/api/v1/me/governance')).catch(() => null),
    ...portal.memberships.map((m) =>
      api
        .GET('/api/v1/school-portal/{urn}/memberships/{tenantSlug}', { params: { path: { urn, tenantSlug: m.tenantSlug } } })
        .then((answer) => answer.data ?? null)
        .catch(() => null),
    ),
  ]);
  const slugs = new Set(portal.memberships.map((m) => m.tenantSlug));
  return {
    details: details.filter((d) => d !== null),
    governance: governance ? governance.partnerships.filter((p) => slugs.has(p.slug)).map((p) => ({ ...p, representation: p.representation.filter((r) => r.schoolUrn === urn) })) : null,
    governanceLinks: (event.locals.me?.tenants ?? []).map((t) => t.slug),
  };
};
