import { APP_ROLE } from './app-role';

export interface DatabaseUrls {
  /** The owner: runs migrations and the demo seed. */
  owner: string;
  /** The application: a non-owner role without BYPASSRLS. */
  app: string;
  embedded: boolean;
}

/**
 * Full mode: DATABASE_URL is the owner; the application connects as APP_DATABASE_URL,
 * or the same server and database as the role partnerships_app.
 * Embedded mode: PGlite has a single user, so the application drops to the role with
 * SET LOCAL ROLE inside every transaction (which full mode does too, harmlessly).
 */
export function resolveDatabaseUrls(env: { DATABASE_URL?: string; APP_DATABASE_URL?: string }, embeddedUrl?: string): DatabaseUrls {
  if (!env.DATABASE_URL) {
    if (!embeddedUrl) throw new Error('No DATABASE_URL and no embedded database started');
    return { owner: embeddedUrl, app: embeddedUrl, embedded: true };
  }
  if (env.APP_DATABASE_URL) return { owner: env.DATABASE_URL, app: env.APP_DATABASE_URL, embedded: false };
  const app = new URL(env.DATABASE_URL);
  app.username = APP_ROLE;
  app.password = '';
  return { owner: env.DATABASE_URL, app: app.toString(), embedded: false };
}
