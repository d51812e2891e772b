import Stripe from 'stripe';

/**
 * What went wrong, as far as a caller can act on it: `card_declined` (tell the customer),
 * `invalid_request` (our bug or stale ids: do not retry), `unavailable` (network, 5xx, rate
 * limits: retry later), `auth` (bad or revoked key: page someone).
 */
export type PaymentGatewayErrorKind = 'card_declined' | 'invalid_request' | 'unavailable' | 'auth';

export class PaymentGatewayError extends Error {
  readonly kind: PaymentGatewayErrorKind;
  /** Stripe's error code (`resource_missing`, `card_declined`, `idempotency_error`…), when it sent one. */
  readonly code: string | undefined;
  /** The request parameter Stripe blamed, e.g. `line_items[0][price_data][currency]`. */
  readonly param: string | undefined;
  /** HTTP status from Stripe; undefined when the request never got an answer. */
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;

  constructor(init: { kind: PaymentGatewayErrorKind; message: string; code?: string; param?: string; statusCode?: number; requestId?: string; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PaymentGatewayError';
    this.kind = init.kind;
    this.code = init.code;
    this.param = init.param;
    this.statusCode = init.statusCode;
    this.requestId = init.requestId;
    this.retryable = init.kind === 'unavailable';
  }
}

/**
 * `code` of the `invalid_request` error `removeSubscriptionItem` throws when the item is its
 * subscription's last one: Stripe refuses to delete it, so cancel the whole subscription instead.
 */
export const LAST_SUBSCRIPTION_ITEM = 'last_subscription_item';

export function isPaymentGatewayError(e: unknown, kind?: PaymentGatewayErrorKind): e is PaymentGatewayError {
  return e instanceof PaymentGatewayError && (kind === undefined || e.kind === kind);
}

/** Why a webhook delivery was refused; all three are answered with 400 and never processed. */
export type WebhookSignatureFailure = 'missing' | 'invalid' | 'stale';

export class WebhookSignatureError extends Error {
  readonly reason: WebhookSignatureFailure;

  constructor(reason: WebhookSignatureFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'WebhookSignatureError';
    this.reason = reason;
  }
}

/** Maps whatever the `stripe` library threw onto our error kinds; keeps the original as `cause`. */
export function toPaymentGatewayError(err: unknown): PaymentGatewayError {
  if (err instanceof PaymentGatewayError) return err;
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new PaymentGatewayError({ kind: 'unavailable', message: `Stripe request failed: ${err instanceof Error ? err.message : String(err)}`, cause: err });
  }
  const init = {
    message: err.message,
    ...(err.code !== undefined ? { code: err.code } : {}),
    ...(err.param !== undefined ? { param: err.param } : {}),
    ...(err.statusCode !== undefined ? { statusCode: err.statusCode } : {}),
    ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
    cause: err,
  };
  if (err instanceof Stripe.errors.StripeCardError) return new PaymentGatewayError({ kind: 'card_declined', ...init });
  if (err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError) {
    return new PaymentGatewayError({ kind: 'auth', ...init });
  }
  // Rate limits are a 400/429 in Stripe's taxonomy but "try again later" in ours.
  if (err instanceof Stripe.errors.StripeRateLimitError) return new PaymentGatewayError({ kind: 'unavailable', ...init });
  if (err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripeIdempotencyError) {
    return new PaymentGatewayError({ kind: 'invalid_request', ...init });
  }
  return new PaymentGatewayError({ kind: 'unavailable', ...init });
}
