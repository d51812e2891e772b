/**
 * Fixed values shared by the gateway and the offline twin. The offline keys are not secrets: they
 * only ever unlock the twin inside our own API, and a real key in STRIPE_SECRET_KEY replaces them.
 */

/** The key the gateway presents to the offline twin, and the one the twin accepts. */
export const OFFLINE_STRIPE_SECRET_KEY = 'sk_test_offline_numninja';

/** Signs the twin's webhook events; `verifyWebhook` checks them with it in offline mode. */
export const OFFLINE_STRIPE_WEBHOOK_SECRET = 'whsec_offline_numninja';

/** Where Stripe (and the twin) POST events, relative to the API's base URL. */
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/** Stripe's own default: signatures older than this are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The idempotency key for an order's checkout session: a retried startCheckout reuses the session. */
export function checkoutSessionIdempotencyKey(orderId: string): string {
  return `checkout-session:${orderId}`;
}
