import type { Problem } from '@partnerships/api-client';

/** What a form or page needs from an API error: one message for people, and messages per field. */
export interface ParsedProblem {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
}

const FALLBACK: Record<number, string> = {
  400: 'Some of the details need correcting.',
  401: 'Please sign in.',
  403: 'You do not have permission to do that.',
  404: 'We could not find that page.',
  409: 'That has changed since you loaded the page. Please try again.',
  429: 'Too many attempts. Please wait a few minutes and try again.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one parser for API errors (application/problem+json). Anything that is not a
 * problem body (a proxy's HTML page, an empty body) still becomes a plain message.
 */
export function parseProblem(body: unknown, status: number): ParsedProblem {
  const problem: Partial<Problem> = isRecord(body) ? (body as Partial<Problem>) : {};
  const fields: Record<string, string> = {};
  if (Array.isArray(problem.errors)) {
    for (const entry of problem.errors) {
      if (isRecord(entry) && typeof entry.field === 'string' && typeof entry.message === 'string') {
        fields[entry.field] ??= entry.message;
      }
    }
  }
  const realStatus = typeof problem.status === 'number' ? problem.status : status;
  const message =
    typeof problem.detail === 'string' && problem.detail.trim()
      ? problem.detail
      : (FALLBACK[realStatus] ?? 'Sorry, something went wrong. Please try again later.');
  return { status: realStatus, code: typeof problem.code === 'string' ? problem.code : 'unknown', message, fields };
}
