/**
 * The offline Stripe twin: Stripe's `/v1` endpoints that the gateway uses, the hosted checkout
 * page, and signed webhook events, all backed by `offline_stripe_objects`. Mount `router` at the
 * API root; point the gateway's `apiBaseUrl` at the same API. App code never imports this module
 * except to mount it: it only ever talks to the twin through the real `stripe` library.
 */
import express from 'express';
import { systemClock, type Clock } from '../../../clock';
import type { PrismaClient } from '../../../db/prisma';
import { OFFLINE_STRIPE_SECRET_KEY } from '../constants';
import type { StripeLogger } from '../types';
import { createApiRouter } from './api';
import { billingRoutes } from './billing-api';
import { checkoutRoutes } from './checkout-routes';
import type { TwinContext } from './context';
import { createEventDelivery, type StripeEvent } from './events';
import { unix } from './ids';
import { cancelNow, failPayment, renew } from './lifecycle-billing';
import { expireSession, type Transition } from './lifecycle-checkout';
import { sessionRoutes } from './sessions-api';
import { createStore, type StripeObject } from './store';

export interface OfflineStripeOptions {
  prisma: PrismaClient;
  /** Signs every event; the gateway verifies with the same secret (OFFLINE_STRIPE_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** Where events go (`<it>/webhooks/stripe`): the API itself, reachable from this process. */
  apiBaseUrl: () => string;
  /** The browser-facing API URL for `session.url`; defaults to apiBaseUrl. */
  publicBaseUrl?: () => string;
  /** The key the twin accepts; default OFFLINE_STRIPE_SECRET_KEY (what the gateway sends). */
  secretKey?: string;
  clock?: Clock;
  logger?: StripeLogger;
  /** Waits between delivery attempts; default [500, 2000, 5000] ms. Tests shorten them. */
  retryDelaysMs?: number[];
}

/** What Stripe would do on its own, on demand: for staff tools, the demo and tests. */
export interface OfflineStripeSimulator {
  /** Next period paid: `invoice.paid` (billing_reason `subscription_cycle`); pays an open invoice if one failed. */
  renewal(subscriptionId: string): Promise<SimulationResult>;
  /** The renewal charge is declined: `invoice.payment_failed`, subscription `past_due`. */
  paymentFailed(subscriptionId: string): Promise<SimulationResult>;
  /** Stripe gave up (dunning exhausted) or the customer cancelled: `customer.subscription.deleted`. */
  subscriptionDeleted(subscriptionId: string, reason?: 'payment_failed' | 'cancellation_requested'): Promise<SimulationResult>;
  /** The session timed out: `checkout.session.expired`. */
  expireSession(sessionId: string): Promise<SimulationResult>;
  /** Expires every open session past its `expires_at` (a cron can call this). */
  expireDueSessions(): Promise<SimulationResult[]>;
  /** Sends a stored event again, same id and payload (as "Resend" in Stripe's dashboard). */
  redeliver(eventId: string): Promise<boolean>;
}

export interface SimulationResult {
  object: StripeObject;
  events: StripeEvent[];
  /** One flag per event: did the endpoint answer 2xx (after retries)? */
  delivered: boolean[];
}

export interface OfflineStripe {
  router: express.Router;
  simulate: OfflineStripeSimulator;
  /** Resolves when background deliveries (those caused by API calls) are done. */
  drain(): Promise<void>;
}

export function createOfflineStripe(opts: OfflineStripeOptions): OfflineStripe {
  const clock = opts.clock ?? systemClock;
  const store = createStore(opts.prisma);
  const delivery = createEventDelivery({ webhookSecret: opts.webhookSecret, apiBaseUrl: opts.apiBaseUrl, clock, logger: opts.logger, retryDelaysMs: opts.retryDelaysMs });
  const ctx: TwinContext = {
    store,
    clock,
    delivery,
    publicBaseUrl: opts.publicBaseUrl ?? opts.apiBaseUrl,
    secretKey: opts.secretKey ?? OFFLINE_STRIPE_SECRET_KEY,
    logger: opts.logger,
  };

  const router = express.Router();
  router.use(createApiRouter(ctx, opts.prisma, [...sessionRoutes(ctx), ...billingRoutes(ctx)]));
  router.use(checkoutRoutes(ctx));

  /** Simulations deliver before resolving, so a caller can assert on what the app did. */
  async function run(t: Promise<Transition<StripeObject>>): Promise<SimulationResult> {
    const { value, events } = await t;
    const delivered: boolean[] = [];
    for (const e of events) delivered.push(await delivery.deliver(e));
    return { object: value, events, delivered };
  }

  const simulate: OfflineStripeSimulator = {
    renewal: (id) => run(renew(ctx, id)),
    paymentFailed: (id) => run(failPayment(ctx, id)),
    subscriptionDeleted: (id, reason = 'payment_failed') => run(cancelNow(ctx, id, reason, null)),
    expireSession: (id) => run(expireSession(ctx, id, null)),
    async expireDueSessions() {
      const ids = await store.openSessionsExpiredBefore(unix(clock.now()));
      const out: SimulationResult[] = [];
      for (const id of ids) out.push(await run(expireSession(ctx, id, null)));
      return out;
    },
    redeliver: (eventId) => delivery.redeliver(store, eventId),
  };

  return { router, simulate, drain: () => delivery.drain() };
}
