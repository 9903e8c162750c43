/** Ids in paths are checked before they reach SQL, so a malformed one is a 404 like any unknown one. */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Today's date where the schools are. */
export const londonToday = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);

/** A LIKE pattern for a search box's text, with its wildcards escaped. */
export const likePattern = (q: string | undefined) => (q?.trim() ? `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null);
