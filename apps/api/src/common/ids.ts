/** Ids in paths are checked before they reach SQL, so a malformed one is a 404 like any unknown one. */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
