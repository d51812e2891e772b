/**
 * Events, built and delivered the way Stripe does: a full `event` object (stored, so a retry or a
 * staff re-delivery sends the same `evt_` id), signed per attempt with the real library's
 * `generateTestHeaderString`, POSTed as JSON to `<api>/webhooks/stripe`, retried with backoff on
 * anything but a 2xx, then given up on (and logged).
 */
import Stripe from 'stripe';
import type { Clock } from '../../../clock';
import { STRIPE_WEBHOOK_PATH } from '../constants';
import type { StripeLogger } from '../types';
import { stripHidden } from './expand';
import { newId, unix } from './ids';
import type { StripeObject, StripeStore } from './store';

export type StripeEvent = StripeObject & {
  object: 'event';
  type: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
};

/** The API request that caused an event (null for things Stripe does on its own, like renewals). */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

export function event(type: string, object: StripeObject, created: number, request: RequestInfo | null, previous?: Record<string, unknown>): StripeEvent {
  return {
    id: newId('evt_'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created,
    data: { object: stripHidden(object), ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: request ?? { id: null, idempotency_key: null },
    type,
  };
}

export interface DeliveryOptions {
  webhookSecret: string;
  apiBaseUrl: () => string;
  clock: Clock;
  logger?: StripeLogger | undefined;
  /** Waits before each retry; default [500, 2000, 5000] ms (so four attempts). */
  retryDelaysMs?: number[] | undefined;
  /** Per attempt; default 10 s. */
  timeoutMs?: number | undefined;
}

export interface EventDelivery {
  /** Sends one event, retrying; resolves true once the endpoint answered 2xx. */
  deliver(event: StripeEvent): Promise<boolean>;
  /** Sends events in order, one after another, after the caller has answered (API calls do this). */
  deliverLater(events: StripeEvent[]): void;
  /** Resolves when every background delivery has finished (tests, graceful shutdown). */
  drain(): Promise<void>;
  /** Re-sends a stored event by id, same payload and id. */
  redeliver(store: StripeStore, eventId: string): Promise<boolean>;
}

export function createEventDelivery(opts: DeliveryOptions): EventDelivery {
  const delays = opts.retryDelaysMs ?? [500, 2000, 5000];
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let queue: Promise<void> = Promise.resolve();

  async function attempt(evt: StripeEvent, payload: string): Promise<number | string> {
    // Signed at send time, like Stripe: each attempt carries a fresh timestamp.
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.webhookSecret, timestamp: unix(opts.clock.now()) });
    try {
      const res = await fetch(`${opts.apiBaseUrl().replace(/\/+$/, '')}${STRIPE_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  async function deliver(evt: StripeEvent): Promise<boolean> {
    const payload = JSON.stringify(evt, null, 2);
    for (let i = 0; ; i++) {
      const outcome = await attempt(evt, payload);
      if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
        opts.logger?.info({ eventId: evt.id, type: evt.type, attempt: i + 1 }, 'offline stripe: event delivered');
        return true;
      }
      const delay = delays[i];
      if (delay === undefined) {
        opts.logger?.warn({ eventId: evt.id, type: evt.type, attempts: i + 1, outcome }, 'offline stripe: giving up on event delivery');
        return false;
      }
      opts.logger?.warn({ eventId: evt.id, type: evt.type, attempt: i + 1, outcome, retryInMs: delay }, 'offline stripe: event delivery failed, will retry');
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  return {
    deliver,
    deliverLater(events) {
      queue = queue
        .then(async () => {
          for (const e of events) await deliver(e);
        })
        // One broken delivery must not stop the queue for every later event.
        .catch((err: unknown) => opts.logger?.error({ err }, 'offline stripe: background delivery failed'));
    },
    async drain() {
      let seen: Promise<void> | undefined;
      // Deliveries queued while draining are waited for too.
      while (seen !== queue) {
        seen = queue;
        await seen;
      }
    },
    async redeliver(store, eventId) {
      return deliver(await store.require<StripeEvent>(eventId, 'event'));
    },
  };
}
