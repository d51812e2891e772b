/**
 * Errors the twin answers with, in Stripe's wire shape `{ error: { type, code, message, param } }`
 * and Stripe's status codes, so the real library raises the same error classes it would in live mode.
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'card_error' | 'api_error' | 'idempotency_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  toJSON() {
    return { error: { type: this.type, message: this.message, ...(this.code ? { code: this.code } : {}), ...(this.param ? { param: this.param } : {}) } };
  }
}

export const invalid = (message: string, param?: string, code?: string) => new StripeApiError(400, 'invalid_request_error', message, code, param);

export const missingParam = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing');

export const noSuch = (what: string, id: string, param = 'id') => new StripeApiError(404, 'invalid_request_error', `No such ${what}: '${id}'`, 'resource_missing', param);
