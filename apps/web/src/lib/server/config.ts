/** Where the API listens; the web server forwards /api/* there and calls it for pages. */
export function apiOrigin(): string {
  const explicit = process.env.API_ORIGIN;
  if (explicit) return explicit.replace(/\/+$/, '');
  return `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;
}

export const SESSION_COOKIE = 'ps_session';
