import type { RequestEvent } from '@sveltejs/kit';

/** Back to where the person came from: the setup wizard's categories step, or the settings list. */
export function afterCategorySaved(event: Pick<RequestEvent, 'url' | 'params'>, name: string): string {
  const slug = encodeURIComponent(event.params.slug!);
  return event.url.searchParams.get('from') === 'setup' ? `/p/${slug}/setup/categories` : `/p/${slug}/settings/categories?saved=${encodeURIComponent(name)}`;
}
