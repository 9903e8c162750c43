import { error, fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import { forwardUpload } from '#lib/server/upload.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The platform-wide school register, for operators: load the national GIAS extract once, and
 * every partnership chooses its schools from it by local authority. The page polls this load
 * while a load runs.
 */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  if (!event.locals.me.user.isPlatformOperator) error(404, 'Page not found');
  event.depends('app:register-imports');
  const api = apiFor(event);
  const [imports, localAuthorities] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/platform/register-imports', { params: { query: { pageSize: 10 } } })),
    loadOrFail(event, api.GET('/api/v1/schools/local-authorities')),
  ]);
  return {
    imports,
    register: { schools: localAuthorities.items.reduce((sum, la) => sum + la.schools, 0), localAuthorities: localAuthorities.items.length },
  };
};

export const actions: Actions = {
  /** The file streams on to the API as it arrives; the page then follows the load. */
  upload: async (event) => {
    if (!event.locals.me?.user.isPlatformOperator) error(404, 'Page not found');
    const result = await forwardUpload(event, '/api/v1/platform/register-imports');
    if (!result.ok) {
      const { fields, message } = result.problem;
      const errors: Record<string, string> = fields.file ? { file: fields.file } : {};
      return fail(result.problem.status, { errors, message: Object.keys(errors).length ? null : message });
    }
    redirect(303, '/platform/register');
  },
};
