import { error } from '@sveltejs/kit';
import { tenantCan } from '#lib/access.ts';
import type { LayoutServerLoad } from './$types';

/** Fees are for the partnership's staff: admins and finance change them, officers read them. */
export const load: LayoutServerLoad = async (event) => {
  const { tenant, access } = await event.parent();
  if (!access.staff) error(404, 'Page not found');
  return { canEditFees: tenantCan(tenant.roles, 'manage', 'FeeSchedule') };
};
