import { requireAdmin } from '#lib/server/setup.ts';
import type { LayoutServerLoad } from './$types';

/** Settings are for the partnership's admins (the API allows only them to change anything). */
export const load: LayoutServerLoad = async (event) => {
  await requireAdmin(event);
  return {};
};
