import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainRefusal, type Refusal, type RefusalCode } from '@partnerships/domain';
import { AppError } from './app-error';
import type { ErrorCode } from './error-codes';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Something went wrong',
};

/**
 * How each domain refusal answers over HTTP: the status, the problem's `code`, and whether the
 * refusals are field problems (detail "Some of the details need correcting." and one `errors`
 * entry per refusal that names a field) or one statement (detail = the refusals' sentences).
 */
const REFUSAL_PROBLEMS: Record<RefusalCode, { status: number; code: ErrorCode; as: 'fields' | 'statement' }> = {
  invalid_value: { status: 400, code: 'validation_failed', as: 'fields' },
  invalid_event: { status: 400, code: 'validation_failed', as: 'fields' },
  dated_before_current_state: { status: 400, code: 'validation_failed', as: 'fields' },
  application_incomplete: { status: 400, code: 'validation_failed', as: 'fields' },
  reason_needed: { status: 400, code: 'validation_failed', as: 'fields' },
  target_unreachable: { status: 400, code: 'validation_failed', as: 'fields' },
  cannot_solve: { status: 400, code: 'cannot_solve', as: 'statement' },
  not_allowed: { status: 409, code: 'transition_refused', as: 'statement' },
  no_notice_rule: { status: 409, code: 'transition_refused', as: 'statement' },
  leaving_date_not_reached: { status: 409, code: 'transition_refused', as: 'statement' },
};

const FIELDS_NEED_CORRECTING = 'Some of the details need correcting.';

/** The one mapping from domain refusals to a problem: the first refusal's code decides the status. */
export function refusalProblem(refusals: readonly Refusal[]): { status: number; code: ErrorCode; detail: string; errors?: { field: string; message: string }[] } {
  const rule = REFUSAL_PROBLEMS[refusals[0]?.code ?? 'invalid_value'];
  const errors = refusals.flatMap((r) => (r.field ? [{ field: r.field, message: r.message }] : []));
  const sentences = refusals.map((r) => r.message).join(' ');
  const detail = rule.as === 'fields' && errors.length ? FIELDS_NEED_CORRECTING : sentences;
  return { status: rule.status, code: rule.code, detail, ...(errors.length ? { errors } : {}) };
}

/** Every error leaves the API as application/problem+json with a code and a user message. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    let status = 500;
    // Framework errors may carry http_<status> or Fastify's own code, hence string.
    let code: string = 'internal_error' satisfies ErrorCode;
    let detail = 'Something went wrong on our side. Please try again; if it keeps happening, quote the reference below.';
    let errors: { field: string; message: string }[] | undefined;

    if (exception instanceof AppError) {
      ({ status, code } = exception);
      detail = exception.userMessage;
      errors = exception.fields;
    } else if (exception instanceof DomainRefusal) {
      ({ status, code, detail, errors } = refusalProblem(exception.refusals));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = status === 404 ? 'not_found' : `http_${status}`;
      const body = exception.getResponse();
      detail = status === 404 ? 'We could not find that page.' : typeof body === 'string' ? body : ((body as { message?: string }).message?.toString() ?? TITLES[status] ?? 'Error');
    } else if (isFastifyError(exception)) {
      status = exception.statusCode;
      code = exception.code?.toLowerCase() ?? `http_${status}`;
      detail =
        status === 415 ? 'Send the request body as JSON.'
        : status === 413 ? 'The request is too large to accept.'
        : status === 400 ? 'The request body could not be read as JSON.'
        : exception.message;
    }
    if (status >= 500) this.logger.error({ err: exception, reqId: request.id }, 'unhandled error');

    void reply
      .status(status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({ type: `https://partnerships.test/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...(errors ? { errors } : {}), requestId: request.id });
  }
}

function isFastifyError(e: unknown): e is { statusCode: number; code?: string; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number' && (e as { statusCode: number }).statusCode < 500;
}
