import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

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

/** Every error leaves the API as application/problem+json with a code and a user message. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    let status = 500;
    let code = 'internal_error';
    let detail = 'Something went wrong on our side. Please try again; if it keeps happening, quote the reference below.';
    let errors: { field: string; message: string }[] | undefined;

    if (exception instanceof AppError) {
      ({ status, code } = exception);
      detail = exception.userMessage;
      errors = exception.fields;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = status === 404 ? 'not_found' : `http_${status}`;
      const body = exception.getResponse();
      detail = status === 404 ? 'We could not find that page.' : typeof body === 'string' ? body : ((body as { message?: string }).message?.toString() ?? TITLES[status] ?? 'Error');
    } else if (isFastifyError(exception)) {
      status = exception.statusCode;
      code = exception.code?.toLowerCase() ?? `http_${status}`;
      detail = status === 415 ? 'Send the request body as JSON.' : status === 400 ? 'The request body could not be read as JSON.' : exception.message;
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
