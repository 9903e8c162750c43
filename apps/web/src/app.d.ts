import type { Me } from '#lib/server/api.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person (from GET /api/v1/me), or null when signed out. */
      me: Me | null;
      /** The raw session cookie, forwarded to the API on server-side calls. */
      session: string | null;
      /** True when the API could not be reached while loading the session. */
      apiUnavailable: boolean;
    }
    interface Error {
      status: number;
      message: string;
    }
  }
}

export {};
