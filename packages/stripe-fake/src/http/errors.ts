/** Stripe's error body: `{ error: { type, message, code?, param?, decline_code?, doc_url?, … } }`. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  [extra: string]: unknown;
}

/** Thrown anywhere in request handling; the server turns it into Stripe's error response. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(message: string, options: { param?: string; code?: string; status?: number } = {}): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (options.code) {
    body.code = options.code;
    body.doc_url = docUrl(options.code);
  }
  if (options.param) body.param = options.param;
  return new StripeApiError(options.status ?? 400, body);
}

export function resourceMissing(objectName: string, id: string, param = 'id'): StripeApiError {
  return invalidRequest(`No such ${objectName}: '${id}'`, { code: 'resource_missing', param, status: 404 });
}

export function parameterMissing(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function parameterUnknown(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function parameterInvalid(param: string, message: string, code = 'parameter_invalid_string'): StripeApiError {
  return invalidRequest(message, { code, param });
}

export function unexpectedState(message: string, code = 'payment_intent_unexpected_state'): StripeApiError {
  return invalidRequest(message, { code });
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

export function idempotencyError(message: string, status = 400): StripeApiError {
  return new StripeApiError(status, { type: 'idempotency_error', message });
}

export function cardError(message: string, code: string, extra: Record<string, unknown> = {}): StripeApiError {
  return new StripeApiError(402, { type: 'card_error', message, code, doc_url: docUrl(code), ...extra });
}
