import { SLUG_PATTERN } from '../tenancy/roles';

/**
 * Words a partnership cannot take as its address: they name parts of the product
 * (`/p/...`, `/api/...`), could pass for the platform itself, or would mislead schools.
 */
export const RESERVED_SLUGS: readonly string[] = [
  'about', 'account', 'accounts', 'admin', 'administrator', 'api', 'app', 'apps', 'assets', 'auth', 'billing',
  'blog', 'cdn', 'contact', 'dashboard', 'dev', 'docs', 'download', 'help', 'home', 'invitations', 'invite', 'join',
  'legal', 'login', 'logout', 'mail', 'me', 'new', 'news', 'operator', 'p', 'partnership', 'partnerships', 'platform',
  'pricing', 'privacy', 'public', 'register', 'reset-password', 'root', 's', 'school', 'schools', 'security',
  'settings', 'setup', 'signin', 'signout', 'signup', 'staff', 'static', 'status', 'stripe', 'support', 'system',
  'terms', 'test', 'tenant', 'tenants', 'verify', 'webhooks', 'www',
];

const RESERVED = new Set(RESERVED_SLUGS);

/**
 * Why a partnership address (slug) cannot be used, in plain words, or null when it can.
 * Says nothing about whether another partnership already has it: that needs the database.
 */
export function slugProblem(slug: unknown): string | null {
  if (typeof slug !== 'string' || slug.length === 0) return 'Choose a web address for your partnership, such as redbridge or tower-hamlets.';
  if (slug.length < 3) return 'The web address needs at least 3 characters.';
  if (slug.length > 40) return 'The web address can have at most 40 characters.';
  if (/[A-Z]/.test(slug)) return 'Use lower-case letters only in the web address.';
  if (/[^a-z0-9-]/.test(slug)) return 'Use only letters a to z, digits and hyphens in the web address (no spaces or accents).';
  if (slug.startsWith('-') || slug.endsWith('-')) return 'The web address cannot start or end with a hyphen.';
  if (slug.includes('--')) return 'The web address cannot have two hyphens in a row.';
  if (!SLUG_PATTERN.test(slug)) return 'Use lower-case letters, digits and single hyphens in the web address.';
  if (RESERVED.has(slug)) return `"${slug}" is reserved for the platform itself. Choose another address, for example your borough's name.`;
  return null;
}

/** A slug suggested from a partnership's name ("Tower Hamlets Education Partnership" -> "tower-hamlets-education-partnership"). */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug;
}
