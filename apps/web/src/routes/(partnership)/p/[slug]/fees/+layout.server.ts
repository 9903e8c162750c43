import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Fees are for the partnership's staff: admins and finance change them, officers read them. */
export const load: LayoutServerLoad = async (event) => {
  const { tenant } = await event.parent();
  const roles: string[] = tenant.roles;
  if (!roles.some((r) => ['tenant-admin', 'finance', 'officer'].includes(r))) error(404, 'Page not found');
  return { canEditFees: roles.includes('tenant-admin') || roles.includes('finance') };
};
