/**
 * A web address suggested from a partnership's name, as the API's own rule makes it
 * ("Tower Hamlets Education Partnership" -> "tower-hamlets-education-partnership").
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/** "Haringey, Enfield" or one per line -> ["Haringey", "Enfield"]. */
export function splitAreas(text: string): string[] {
  return text
    .split(/[,\n;]/)
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}
