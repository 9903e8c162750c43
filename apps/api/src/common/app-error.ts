import type { ErrorCode } from './error-codes';

/**
 * The one error type services throw on purpose (besides the domain's DomainRefusal, which the
 * same filter maps). `userMessage` is shown to people;
 * `message` is for logs. The exception filter turns it into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly userMessage: string,
    readonly fields?: { field: string; message: string }[],
    logMessage?: string,
  ) {
    super(logMessage ?? userMessage);
  }
}

/** Unknown and forbidden objects answer the same 404, so nothing leaks about other tenants. */
export const notFound = (what = 'page') => new AppError('not_found', 404, `We could not find that ${what}.`);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Please sign in.');
export const forbidden = () => new AppError('forbidden', 403, 'You do not have permission to do that.');
export const invalid = (fields: { field: string; message: string }[]) =>
  new AppError('validation_failed', 400, 'Some of the details need correcting.', fields);
export const conflict = (userMessage: string, field?: string) =>
  new AppError('conflict', 409, userMessage, field ? [{ field, message: userMessage }] : undefined);
