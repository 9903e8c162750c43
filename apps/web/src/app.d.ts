import type { ApiCall } from '#lib/api-rounds.ts';
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
      /** The API calls made while answering this request (start and end, performance.now()), for Server-Timing. */
      apiCalls?: ApiCall[];
    }
    interface Error {
      status: number;
      message: string;
    }
  }
}

export {};
