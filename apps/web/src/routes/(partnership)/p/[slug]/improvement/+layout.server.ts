import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Everyone with a role in the partnership reaches school improvement; admins and officers run it. */
export const load: LayoutServerLoad = async (event) => {
  const { tenant, publicPage, access } = await event.parent();
  if (publicPage || tenant.roles.length === 0) error(404, 'Page not found');
  return { canManage: access.runImprovement };
};
