export { createPaymentGateway, type PaymentGatewayOptions } from './gateway';
export { LAST_SUBSCRIPTION_ITEM, PaymentGatewayError, WebhookSignatureError, isPaymentGatewayError, toPaymentGatewayError } from './errors';
export type { PaymentGatewayErrorKind, WebhookSignatureFailure } from './errors';
export type * from './types';
export {
  OFFLINE_STRIPE_SECRET_KEY,
  OFFLINE_STRIPE_WEBHOOK_SECRET,
  STRIPE_WEBHOOK_PATH,
  WEBHOOK_TOLERANCE_SECONDS,
  checkoutSessionIdempotencyKey,
} from './constants';
