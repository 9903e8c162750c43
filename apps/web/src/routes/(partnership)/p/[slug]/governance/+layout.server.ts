import { error } from '@sveltejs/kit';
import { managesGovernance } from '#lib/governance.ts';
import type { LayoutServerLoad } from './$types';

/** Everyone with a role in the partnership sees its governance; admins and officers run it. */
export const load: LayoutServerLoad = async (event) => {
  const { tenant, publicPage } = await event.parent();
  if (publicPage || tenant.roles.length === 0) error(404, 'Page not found');
  return { canManage: managesGovernance(tenant.roles) };
};
