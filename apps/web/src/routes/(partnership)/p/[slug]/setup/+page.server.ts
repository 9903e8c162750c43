import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ created: url.searchParams.has('created') });
