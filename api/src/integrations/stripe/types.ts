import type Stripe from 'stripe';

/** A pino-compatible logger; the gateway and the twin only log, never depend on it. */
export interface StripeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface CheckoutLineInput {
  /** Our order line id; travels as metadata on the Stripe line item, product and subscription item. */
  orderLineId: string;
  /** What the customer sees, e.g. "+1 415 555 0123 (San Francisco)". */
  description: string;
  /** One-time setup fee in minor units; 0 adds no setup line. */
  setupAmount: number;
  /** Monthly price in minor units. */
  monthlyAmount: number;
  /** ISO 4217, any case; every line of one session must share it (a Stripe rule). */
  currency: string;
}

export interface CreateCheckoutSessionInput {
  orderId: string;
  customerEmail: string;
  /** Reuse the customer's Stripe customer from an earlier order (then the email is Stripe's). */
  stripeCustomerId?: string | null;
  lines: CheckoutLineInput[];
  /** Must contain `{CHECKOUT_SESSION_ID}`; Stripe substitutes the session id. */
  successUrl: string;
  cancelUrl: string;
  /** 30 minutes to 24 hours ahead (Stripe's bounds). Keep it stable across retries of one order. */
  expiresAt: Date;
}

export type CheckoutLineKind = 'monthly' | 'setup';

export interface CheckoutSessionLine {
  /** Stripe's line item id (`li_…`). */
  id: string;
  kind: CheckoutLineKind;
  orderLineId: string | null;
  description: string | null;
  /** Minor units, quantity included. */
  amountTotal: number;
  currency: string;
  priceId: string | null;
  /** The subscription item this monthly line became (matched by price), once the session completed. */
  subscriptionItemId: string | null;
  metadata: Record<string, string>;
}

export interface CheckoutSessionDetails {
  id: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  /** `metadata.orderId`, falling back to `client_reference_id`. */
  orderId: string | null;
  url: string | null;
  expiresAt: Date;
  customerId: string | null;
  customerEmail: string | null;
  subscriptionId: string | null;
  subscriptionStatus: string | null;
  invoiceId: string | null;
  paymentIntentId: string | null;
  chargeId: string | null;
  /** Due today (first month + setup fees), minor units. */
  amountTotal: number | null;
  currency: string | null;
  lines: CheckoutSessionLine[];
  /** The session as Stripe returned it (expanded), for anything not mapped above. */
  raw: Stripe.Checkout.Session;
}

export type RefundInput = ({ chargeId: string; paymentIntentId?: undefined } | { paymentIntentId: string; chargeId?: undefined }) & {
  /** Minor units; must not exceed what is left to refund on the charge. */
  amount: number;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer';
  /** Required: a retried refund must never pay out twice (e.g. `refund:<orderLineId>`). */
  idempotencyKey: string;
  metadata?: Record<string, string>;
};

export interface RefundResult {
  id: string;
  /** `succeeded`, `pending`, `failed`, `canceled` or `requires_action`, as Stripe says. */
  status: string;
  amount: number;
  currency: string;
  chargeId: string | null;
}

export interface CancelSubscriptionResult {
  id: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  canceledAt: Date | null;
}

export interface RemovedSubscriptionItem {
  id: string;
  deleted: true;
  /** The subscription the item was removed from (it keeps its other items). */
  subscriptionId: string;
}

export interface PaymentGateway {
  /** `live` with a real STRIPE_SECRET_KEY, `offline` against the twin. Same code path either way. */
  readonly mode: 'live' | 'offline';
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<{ id: string; url: string }>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSessionDetails>;
  /** Closes an open session early (order cancelled, hold lost); Stripe then sends `checkout.session.expired`. */
  expireCheckoutSession(id: string): Promise<{ id: string; status: string | null }>;
  refund(input: RefundInput): Promise<RefundResult>;
  cancelSubscription(subscriptionId: string, opts: { atPeriodEnd: boolean }): Promise<CancelSubscriptionResult>;
  /**
   * Removes one item (one number) from its subscription with `proration_behavior: 'none'` (refunds
   * are made by hand); Stripe then sends `customer.subscription.updated`. The subscription's last
   * item cannot be removed: that throws `invalid_request` with code `last_subscription_item`
   * (`LAST_SUBSCRIPTION_ITEM`) — cancel the subscription instead. A retry with the same key
   * returns the same result and removes nothing more.
   */
  removeSubscriptionItem(subscriptionItemId: string, opts: { idempotencyKey: string }): Promise<RemovedSubscriptionItem>;
  /** Checks `Stripe-Signature` over the exact bytes received; throws `WebhookSignatureError`. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): Stripe.Event;
}
