/**
 * Test harness: one real HTTP server on port 0 with the twin mounted at `/` and a webhook
 * receiver at `/webhooks/stripe` that verifies every delivery with the real library
 * (`Stripe.webhooks.constructEvent`) and records it, plus a gateway aimed at that server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Stripe from 'stripe';
import { systemClock, type Clock } from '../../../clock';
import type { PrismaClient } from '../../../db/prisma';
import { OFFLINE_STRIPE_WEBHOOK_SECRET, STRIPE_WEBHOOK_PATH } from '../constants';
import { createPaymentGateway } from '../gateway';
import type { PaymentGateway } from '../types';
import { createOfflineStripe, type OfflineStripe } from './index';

export interface ReceivedDelivery {
  event: Stripe.Event;
  signature: string;
  /** What the receiver answered (scripted with `respondWith`). */
  status: number;
}

export interface TwinHarness {
  url: string;
  twin: OfflineStripe;
  gateway: PaymentGateway;
  /** Every delivery that passed signature verification, in arrival order. */
  received: ReceivedDelivery[];
  /** Deliveries whose signature did not verify (should stay empty). */
  rejected: string[];
  /** Answer the next deliveries with these statuses (then 200 again). */
  respondWith(...statuses: number[]): void;
  /** Waits (≤ 3 s) until a delivery of `type` has arrived; returns the latest one. */
  waitFor(type: string): Promise<ReceivedDelivery>;
  types(): string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startTwinHarness(prisma: PrismaClient, opts: { clock?: Clock; retryDelaysMs?: number[] } = {}): Promise<TwinHarness> {
  const received: ReceivedDelivery[] = [];
  const rejected: string[] = [];
  const script: number[] = [];
  let base = '';
  const twin = createOfflineStripe({
    prisma,
    webhookSecret: OFFLINE_STRIPE_WEBHOOK_SECRET,
    apiBaseUrl: () => base,
    retryDelaysMs: opts.retryDelaysMs ?? [10, 20, 40],
    ...(opts.clock ? { clock: opts.clock } : {}),
  });

  const app = express();
  app.post(STRIPE_WEBHOOK_PATH, express.raw({ type: 'application/json' }), (req, res) => {
    const signature = req.get('Stripe-Signature') ?? '';
    let event: Stripe.Event;
    try {
      // Judged against the twin's clock: tests that move time keep valid signatures valid.
      event = Stripe.webhooks.constructEvent(req.body as Buffer, signature, OFFLINE_STRIPE_WEBHOOK_SECRET, undefined, undefined, (opts.clock ?? systemClock).now().getTime());
    } catch (err) {
      rejected.push((err as Error).message);
      res.status(400).send('bad signature');
      return;
    }
    const status = script.shift() ?? 200;
    received.push({ event, signature, status });
    res.status(status).json({ received: true });
  });
  app.use(twin.router);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gateway = createPaymentGateway({ apiBaseUrl: () => base, maxNetworkRetries: 0, ...(opts.clock ? { clock: opts.clock } : {}) });

  return {
    url: base,
    twin,
    gateway,
    received,
    rejected,
    respondWith: (...statuses) => script.push(...statuses),
    async waitFor(type) {
      const deadline = Date.now() + 3_000;
      for (;;) {
        const hit = received.findLast((d) => d.event.type === type && d.status < 300);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`No ${type} delivered; got: ${received.map((d) => d.event.type).join(', ') || 'nothing'}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    types: () => received.map((d) => d.event.type),
    reset() {
      received.length = 0;
      rejected.length = 0;
      script.length = 0;
    },
    async close() {
      await twin.drain();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A session input for tests: two numbers, one with a setup fee. */
export function sampleCheckout(orderId: string, overrides: Partial<Parameters<PaymentGateway['createCheckoutSession']>[0]> = {}) {
  return {
    orderId,
    customerEmail: 'ada@example.com',
    lines: [
      { orderLineId: `${orderId}-l1`, description: '+1 415 555 0123 (San Francisco)', setupAmount: 500, monthlyAmount: 300, currency: 'USD' },
      { orderLineId: `${orderId}-l2`, description: '+44 20 7946 0000 (London)', setupAmount: 0, monthlyAmount: 450, currency: 'USD' },
    ],
    successUrl: 'http://shop.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://shop.test/cart',
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    ...overrides,
  };
}
