import { error, redirect } from '@sveltejs/kit';
import type { Schemas } from '@partnerships/api-client';
import { partnershipAccess } from '#lib/access.ts';
import { usableBrandColour } from '#lib/brand.ts';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

type PublicPartnership = Omit<Schemas['PublicTenantDto'], 'logoDataUrl'>;

/** Pages here that anyone may see (its public page); the rest are for its staff. */
const VISITOR_ROUTES = new Set(['/(partnership)/p/[slug]']);

/**
 * The partnership for its staff; on its public pages, what a visitor may see of it (signed out,
 * or signed in without a role here). Otherwise a plain 404 for anyone without a role there
 * (the API answers so), and sign-in for someone signed out.
 */
export const load: LayoutServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);

  if (event.locals.me) {
    const call = api.GET('/api/v1/tenants/{slug}', { params: { path: { slug } } });
    const answer = await call.catch(() => undefined);
    if (answer?.response.status !== 404) {
      const tenant = await loadOrFail(event, call);
      const access = partnershipAccess(tenant.roles);
      return {
        tenant,
        access,
        canSeePeople: access.staff,
        isAdmin: access.admin,
        publicPage: null,
        brand: {
          colour: usableBrandColour(tenant.brandColour),
          logoSrc: tenant.hasLogo ? `/p/${encodeURIComponent(tenant.slug)}/logo` : null,
        },
      };
    }
  }

  const notHere = () => (event.locals.me ? error(404, 'Page not found') : redirect(303, loginUrl(event.url)));
  if (!VISITOR_ROUTES.has(event.route.id ?? '')) notHere();
  const call = api.GET('/api/v1/public/tenants/{slug}', { params: { path: { slug } } });
  const answer = await call.catch(() => undefined);
  // Unlisted or suspended: nothing public. Someone signed out may be its staff, so offer sign-in.
  if (answer?.response.status === 404) notHere();
  // The logo is shown from its own address; as a data URL it would travel in the page twice.
  const { logoDataUrl: _logo, ...publicPage } = await loadOrFail(event, call);
  return {
    tenant: visitorView(publicPage),
    access: partnershipAccess([]),
    canSeePeople: false,
    isAdmin: false,
    publicPage,
    brand: { colour: usableBrandColour(publicPage.brandColour), logoSrc: publicPage.logoUrl },
  };
};

/**
 * The partnership in the staff shape, as a visitor may know it: no roles here and none of its
 * own figures, so the pages below read `tenant` the same way whoever is looking.
 */
function visitorView(page: PublicPartnership): Schemas['TenantDto'] {
  return {
    id: '',
    slug: page.slug,
    name: page.name,
    status: 'active',
    roles: [],
    memberCount: 0,
    membersByPhase: [],
    brandColour: page.brandColour,
    hasLogo: page.logoUrl !== null,
    setupComplete: true,
  };
}
