import { error, fail, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { isStaffIn } from '#lib/server/roles.ts';
import { forwardUpload } from '#lib/server/upload.ts';
import type { Actions, PageServerLoad } from './$types';

/** Imports so far, and the form to upload a GIAS establishment file. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  const api = apiFor(event);
  const [imports, localAuthorities] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/school-imports', { params: { path: { slug: event.params.slug }, query: { pageSize: 20 } } })),
    loadOrFail(event, api.GET('/api/v1/schools/local-authorities')),
  ]);
  // Open schools the platform-wide register already holds: with them, no file is needed.
  const registerSchools = localAuthorities.items.reduce((sum, la) => sum + la.schools, 0);
  return { imports, registerSchools };
};

export const actions: Actions = {
  /** The file goes straight on to the API as it arrives; then its import page shows the progress. */
  upload: async (event) => {
    const slug = event.params.slug;
    const result = await forwardUpload(event, `/api/v1/tenants/${encodeURIComponent(slug)}/school-imports`);
    if (!result.ok) {
      const { fields, message } = result.problem;
      const errors: Record<string, string> = fields.file ? { file: fields.file } : {};
      return fail(result.problem.status, { errors, message: Object.keys(errors).length ? null : message });
    }
    const id = (result.data as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return fail(502, { errors: {} as Record<string, string>, message: 'The upload was not accepted. Please try again.' });
    redirect(303, `/p/${encodeURIComponent(slug)}/imports/${encodeURIComponent(id)}`);
  },
};
