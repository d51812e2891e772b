/**
 * The app's one door to Stripe. Both modes use the real `stripe` library; offline mode only points
 * it (host/port/protocol) at the twin mounted in our own API, so the wire format, idempotency keys
 * and webhook signatures exercised in tests are exactly the ones real Stripe sees.
 */
import Stripe from 'stripe';
import { z } from 'zod';
import { systemClock, type Clock } from '../../clock';
import { checkoutSessionIdempotencyKey, OFFLINE_STRIPE_SECRET_KEY, OFFLINE_STRIPE_WEBHOOK_SECRET, WEBHOOK_TOLERANCE_SECONDS } from './constants';
import { LAST_SUBSCRIPTION_ITEM, PaymentGatewayError, toPaymentGatewayError, WebhookSignatureError } from './errors';
import { toCheckoutSessionDetails } from './mappers';
import type { CreateCheckoutSessionInput, PaymentGateway, RemovedSubscriptionItem, StripeLogger } from './types';

export interface PaymentGatewayOptions {
  /** A real `sk_live_…`/`sk_test_…` key switches to live mode; absent means offline (the twin). */
  secretKey?: string | undefined;
  /** The endpoint's `whsec_…`; required in live mode, defaults to the twin's in offline mode. */
  webhookSecret?: string | undefined;
  /** This API's own base URL (no path): in offline mode the twin lives at `<it>/v1`. */
  apiBaseUrl: () => string;
  logger?: StripeLogger;
  /** The app clock: webhook freshness is judged against it (the twin signs with the same clock). */
  clock?: Clock;
  /** Per-request timeout; default 20 s. */
  timeoutMs?: number;
  /** The library's own retries (network errors, 409, 5xx) reusing one idempotency key; default 2. */
  maxNetworkRetries?: number;
}

const lineSchema = z.object({
  orderLineId: z.string().min(1),
  description: z.string().min(1).max(250),
  setupAmount: z.number().int().min(0),
  monthlyAmount: z.number().int().min(0),
  currency: z.string().regex(/^[a-zA-Z]{3}$/),
});

const checkoutSchema = z.object({
  orderId: z.string().min(1),
  customerEmail: z.email(),
  stripeCustomerId: z.string().min(1).nullish(),
  // Stripe allows 20 recurring prices per subscription-mode session (and 20 one-time ones).
  lines: z.array(lineSchema).min(1).max(20),
  successUrl: z.url().refine((u) => u.includes('{CHECKOUT_SESSION_ID}'), 'must contain {CHECKOUT_SESSION_ID}'),
  cancelUrl: z.url(),
  expiresAt: z.date(),
});

export function createPaymentGateway(opts: PaymentGatewayOptions): PaymentGateway {
  const mode = opts.secretKey ? 'live' : 'offline';
  const webhookSecret = opts.webhookSecret ?? (mode === 'offline' ? OFFLINE_STRIPE_WEBHOOK_SECRET : undefined);
  if (!webhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set');
  const clock = opts.clock ?? systemClock;
  const client = stripeClientFactory(mode, opts);

  /** Runs one library call, turning its errors into PaymentGatewayError (logged once here). */
  async function call<T>(what: string, fn: (stripe: Stripe) => Promise<T>): Promise<T> {
    try {
      return await fn(client());
    } catch (err) {
      const e = toPaymentGatewayError(err);
      opts.logger?.warn({ err: e, kind: e.kind, code: e.code, requestId: e.requestId }, `stripe ${what} failed`);
      throw e;
    }
  }

  return {
    mode,

    async createCheckoutSession(input: CreateCheckoutSessionInput) {
      const parsed = checkoutSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PaymentGatewayError({ kind: 'invalid_request', message: `Invalid checkout input: ${issue?.path.join('.')} ${issue?.message}` });
      }
      const i = parsed.data;
      const currency = i.lines[0]!.currency.toLowerCase();
      if (i.lines.some((l) => l.currency.toLowerCase() !== currency)) {
        throw new PaymentGatewayError({ kind: 'invalid_request', message: 'All checkout lines must share one currency' });
      }
      const params: Stripe.Checkout.SessionCreateParams = {
        mode: 'subscription',
        client_reference_id: i.orderId,
        metadata: { orderId: i.orderId },
        subscription_data: { metadata: { orderId: i.orderId } },
        // Stripe refuses both at once; a known customer keeps one Stripe customer per account.
        ...(i.stripeCustomerId ? { customer: i.stripeCustomerId } : { customer_email: i.customerEmail }),
        line_items: i.lines.flatMap((l) => lineItems(l, currency)),
        success_url: i.successUrl,
        cancel_url: i.cancelUrl,
        expires_at: Math.floor(i.expiresAt.getTime() / 1000),
      };
      const session = await call('checkout.sessions.create', (s) =>
        s.checkout.sessions.create(params, { idempotencyKey: checkoutSessionIdempotencyKey(i.orderId) }),
      );
      if (!session.url) throw new PaymentGatewayError({ kind: 'unavailable', message: `Checkout session ${session.id} has no url` });
      return { id: session.id, url: session.url };
    },

    async retrieveCheckoutSession(id) {
      return call('checkout.sessions.retrieve', async (s) => {
        const session = await s.checkout.sessions.retrieve(id, { expand: ['subscription', 'invoice', 'invoice.payments', 'line_items'] });
        // An expansion carries the first page only; a big order pages through the rest.
        const items = session.line_items?.has_more
          ? await s.checkout.sessions.listLineItems(id, { limit: 100 }).autoPagingToArray({ limit: 1000 })
          : (session.line_items?.data ?? []);
        const details = toCheckoutSessionDetails(session, items);
        // The charge sits one level deeper than Stripe lets us expand: ask the payment intent.
        if (details.paymentIntentId && !details.chargeId) {
          const pi = await s.paymentIntents.retrieve(details.paymentIntentId);
          details.chargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? null);
        }
        return details;
      });
    },

    async expireCheckoutSession(id) {
      const session = await call('checkout.sessions.expire', (s) => s.checkout.sessions.expire(id));
      return { id: session.id, status: session.status };
    },

    async refund(input) {
      const params: Stripe.RefundCreateParams = {
        ...(input.chargeId ? { charge: input.chargeId } : { payment_intent: input.paymentIntentId }),
        amount: input.amount,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.metadata ? { metadata: input.metadata } : {}),
      };
      const refund = await call('refunds.create', (s) => s.refunds.create(params, { idempotencyKey: input.idempotencyKey }));
      return {
        id: refund.id,
        status: refund.status ?? 'pending',
        amount: refund.amount,
        currency: refund.currency,
        chargeId: typeof refund.charge === 'string' ? refund.charge : (refund.charge?.id ?? null),
      };
    },

    async cancelSubscription(subscriptionId, { atPeriodEnd }) {
      const sub = await call('subscriptions.cancel', async (s) => {
        try {
          return atPeriodEnd
            ? await s.subscriptions.update(subscriptionId, { cancel_at_period_end: true })
            : await s.subscriptions.cancel(subscriptionId);
        } catch (err) {
          // Cancelling twice (a re-run job) is done, not an error: Stripe refuses to touch a canceled one.
          if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 400) {
            const current = await s.subscriptions.retrieve(subscriptionId);
            if (current.status === 'canceled') return current;
          }
          throw err;
        }
      });
      return {
        id: sub.id,
        status: sub.status,
        cancelAtPeriodEnd: sub.cancel_at_period_end,
        cancelAt: sub.cancel_at ? new Date(sub.cancel_at * 1000) : null,
        canceledAt: sub.canceled_at ? new Date(sub.canceled_at * 1000) : null,
      };
    },

    async removeSubscriptionItem(subscriptionItemId, { idempotencyKey }) {
      return call('subscription_items.delete', async (s): Promise<RemovedSubscriptionItem> => {
        // Stripe's deletion answer is just { id, deleted }: learn the subscription first. A deleted
        // item is gone (404): either unknown, or removed by an earlier call with this key, which
        // the delete below replays (and an unknown id fails there with resource_missing).
        let subscriptionId: string | null = null;
        try {
          subscriptionId = (await s.subscriptionItems.retrieve(subscriptionItemId)).subscription;
        } catch (err) {
          if (!(err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404)) throw err;
        }
        let deleted: Stripe.DeletedSubscriptionItem;
        try {
          deleted = await s.subscriptionItems.del(subscriptionItemId, { proration_behavior: 'none' }, { idempotencyKey });
        } catch (err) {
          if (subscriptionId && err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 400) {
            const last = await lastItemRefusal(s, subscriptionId, subscriptionItemId, err);
            if (last) throw last;
          }
          throw err;
        }
        subscriptionId ??= await subscriptionOfDeletedItem(s, subscriptionItemId, clock);
        if (!subscriptionId) {
          throw new PaymentGatewayError({ kind: 'invalid_request', code: 'resource_missing', message: `Subscription item ${subscriptionItemId} was deleted, but its subscription could not be found` });
        }
        return { id: deleted.id, deleted: true, subscriptionId };
      });
    },

    verifyWebhook(rawBody, signature) {
      if (!signature) throw new WebhookSignatureError('missing', 'No Stripe-Signature header');
      try {
        return Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret, WEBHOOK_TOLERANCE_SECONDS, undefined, clock.now().getTime());
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const stale = err instanceof Stripe.errors.StripeSignatureVerificationError && /tolerance/i.test(message);
        throw new WebhookSignatureError(stale ? 'stale' : 'invalid', `Webhook signature rejected: ${message}`, err);
      }
    },
  };
}

/**
 * Stripe refuses to delete a subscription's only item with a plain `invalid_request_error` (no
 * code): tell that refusal apart by the subscription's state rather than by the message's wording.
 */
async function lastItemRefusal(s: Stripe, subscriptionId: string, itemId: string, err: Stripe.errors.StripeError): Promise<PaymentGatewayError | null> {
  const sub = await s.subscriptions.retrieve(subscriptionId);
  const items = sub.items;
  if (sub.status === 'canceled' || items.has_more || items.data.length !== 1 || items.data[0]!.id !== itemId) return null;
  return new PaymentGatewayError({
    kind: 'invalid_request',
    code: LAST_SUBSCRIPTION_ITEM,
    message: `Subscription item ${itemId} is the last item of ${subscriptionId}; cancel the subscription instead (Stripe: ${err.message})`,
    ...(err.statusCode !== undefined ? { statusCode: err.statusCode } : {}),
    ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
    cause: err,
  });
}

/**
 * A replayed deletion (same idempotency key, item already gone): the deletion's
 * `customer.subscription.updated` names the subscription (the item is in `previous_attributes.items`,
 * no longer in the object). Stripe keeps idempotency keys for 24 hours, so that is as far back as
 * a replay can reach; an hour more absorbs clock skew.
 */
async function subscriptionOfDeletedItem(s: Stripe, itemId: string, clock: Clock): Promise<string | null> {
  const since = Math.floor(clock.now().getTime() / 1000) - 25 * 3600;
  const hasItem = (items: unknown) => ((items as { data?: Array<{ id: string }> } | undefined)?.data ?? []).some((si) => si.id === itemId);
  for await (const e of s.events.list({ type: 'customer.subscription.updated', created: { gte: since }, limit: 100 })) {
    const sub = e.data.object as Stripe.Subscription;
    const previous = e.data.previous_attributes as { items?: unknown } | undefined;
    if (hasItem(previous?.items) && !hasItem(sub.items)) return sub.id;
  }
  return null;
}

/** One recurring monthly line per number, plus its one-time setup fee when there is one. */
function lineItems(l: z.infer<typeof lineSchema>, currency: string): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const monthly: Stripe.Checkout.SessionCreateParams.LineItem = {
    quantity: 1,
    metadata: { orderLineId: l.orderLineId, kind: 'monthly' },
    price_data: {
      currency,
      unit_amount: l.monthlyAmount,
      recurring: { interval: 'month' },
      product_data: { name: l.description, metadata: { orderLineId: l.orderLineId } },
    },
  };
  if (l.setupAmount === 0) return [monthly];
  const setup: Stripe.Checkout.SessionCreateParams.LineItem = {
    quantity: 1,
    metadata: { orderLineId: l.orderLineId, kind: 'setup' },
    price_data: {
      currency,
      unit_amount: l.setupAmount,
      product_data: { name: `Setup fee: ${l.description}`, metadata: { orderLineId: l.orderLineId } },
    },
  };
  return [monthly, setup];
}

/** Live: Stripe itself. Offline: the same library aimed at the twin; rebuilt if the base URL changes (port 0 in tests). */
function stripeClientFactory(mode: 'live' | 'offline', opts: PaymentGatewayOptions): () => Stripe {
  const common = {
    maxNetworkRetries: opts.maxNetworkRetries ?? 2,
    timeout: opts.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: 'NumNinja' },
  } satisfies NonNullable<ConstructorParameters<typeof Stripe>[1]>;
  if (mode === 'live') {
    const stripe = new Stripe(opts.secretKey!, common);
    return () => stripe;
  }
  let cached: { base: string; stripe: Stripe } | undefined;
  return () => {
    const base = opts.apiBaseUrl();
    if (cached?.base === base) return cached.stripe;
    const url = new URL(base);
    if (url.pathname !== '/' && url.pathname !== '') throw new Error(`apiBaseUrl must have no path (the twin is at /v1): ${base}`);
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
    const stripe = new Stripe(OFFLINE_STRIPE_SECRET_KEY, { ...common, host: url.hostname, port, protocol });
    cached = { base, stripe };
    return stripe;
  };
}
