/** How the school improvement pages answer a form: the problem beside the form it came from. */
import { fail } from '@sveltejs/kit';
import { problemAnswer } from './form.ts';
import type { ParsedProblem } from './problem.ts';

export interface FormAnswer {
  action: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  message: string | null;
  done?: string;
}

/** Our own checks failed: messages per field. */
export function invalidForm(action: string, read: { echo: object; errors: Record<string, string> }) {
  return fail(400, { action, values: read.echo as Record<string, unknown>, errors: read.errors, message: null } satisfies FormAnswer);
}

/** The API refused: its field messages beside the fields (renamed to ours), else one message. */
export function refused(action: string, values: object, problem: ParsedProblem, rename?: Record<string, string>) {
  const status = problem.status >= 400 && problem.status <= 599 ? problem.status : 400;
  return fail(status, { action, values: values as Record<string, unknown>, ...problemAnswer(problem, rename) } satisfies FormAnswer);
}

/** Done: a line for the notice at the top of the page. */
export const done = (action: string, text: string): FormAnswer => ({ action, values: {}, errors: {}, message: null, done: text });
