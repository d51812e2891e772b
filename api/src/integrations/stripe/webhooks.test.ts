import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { OFFLINE_STRIPE_WEBHOOK_SECRET } from './constants';
import { PaymentGatewayError, toPaymentGatewayError, WebhookSignatureError } from './errors';
import { createPaymentGateway } from './gateway';
import { sampleCheckout, startTwinHarness, type TwinHarness } from './offline/testing';

const db = useTestDatabase();
let h: TwinHarness;

beforeAll(async () => {
  h = await startTwinHarness(db.prisma);
});
afterAll(async () => {
  await h?.close();
});

const payload = JSON.stringify({ id: 'evt_test_1', object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1', object: 'invoice' } } });
const sign = (body: string, timestamp = Math.floor(Date.now() / 1000), secret = OFFLINE_STRIPE_WEBHOOK_SECRET) =>
  Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });

async function rejection(fn: () => unknown): Promise<WebhookSignatureError> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WebhookSignatureError);
    return e as WebhookSignatureError;
  }
  throw new Error('expected a WebhookSignatureError');
}

describe('verifyWebhook', () => {
  it('accepts an event signed with the webhook secret', () => {
    const event = h.gateway.verifyWebhook(Buffer.from(payload), sign(payload));
    expect(event).toMatchObject({ id: 'evt_test_1', type: 'invoice.paid' });
  });

  it('rejects a missing signature', async () => {
    expect((await rejection(() => h.gateway.verifyWebhook(Buffer.from(payload), undefined))).reason).toBe('missing');
  });

  it('rejects a tampered body', async () => {
    const tampered = payload.replace('in_1', 'in_2');
    expect((await rejection(() => h.gateway.verifyWebhook(Buffer.from(tampered), sign(payload)))).reason).toBe('invalid');
  });

  it('rejects a signature made with another secret', async () => {
    expect((await rejection(() => h.gateway.verifyWebhook(Buffer.from(payload), sign(payload, undefined, 'whsec_other')))).reason).toBe('invalid');
  });

  it('rejects a 10-minute-old signature as a replay', async () => {
    const old = Math.floor(Date.now() / 1000) - 600;
    expect((await rejection(() => h.gateway.verifyWebhook(Buffer.from(payload), sign(payload, old)))).reason).toBe('stale');
  });

  it('insists on a webhook secret in live mode', () => {
    expect(() => createPaymentGateway({ secretKey: 'sk_test_real', apiBaseUrl: () => 'http://localhost' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(createPaymentGateway({ secretKey: 'sk_test_real', webhookSecret: 'whsec_x', apiBaseUrl: () => 'http://localhost' }).mode).toBe('live');
  });
});

describe('typed gateway errors', () => {
  it('maps an unknown session to invalid_request / resource_missing', async () => {
    await expect(h.gateway.retrieveCheckoutSession('cs_test_nope')).rejects.toMatchObject({ name: 'PaymentGatewayError', kind: 'invalid_request', code: 'resource_missing', statusCode: 404 });
  });

  it('maps a wrong API key to auth', async () => {
    const url = new URL(h.url);
    const stripe = new Stripe('sk_test_wrong', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    const err = await stripe.checkout.sessions.retrieve('cs_test_x').catch((e: unknown) => toPaymentGatewayError(e));
    expect(err).toMatchObject({ kind: 'auth', statusCode: 401 });
  });

  it('maps an unreachable Stripe to unavailable (retryable)', async () => {
    const gw = createPaymentGateway({ apiBaseUrl: () => 'http://127.0.0.1:9', maxNetworkRetries: 0, timeoutMs: 2_000 });
    await expect(gw.retrieveCheckoutSession('cs_test_x')).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('maps a card error to card_declined', () => {
    const e = toPaymentGatewayError(new Stripe.errors.StripeCardError({ message: 'Your card was declined.', type: 'card_error', code: 'card_declined' }));
    expect(e).toBeInstanceOf(PaymentGatewayError);
    expect(e).toMatchObject({ kind: 'card_declined', code: 'card_declined', retryable: false });
  });

  it('passes on Stripe validation: expires_at under 30 minutes', async () => {
    const soon = sampleCheckout('order-soon', { expiresAt: new Date(Date.now() + 10 * 60 * 1000) });
    await expect(h.gateway.createCheckoutSession(soon)).rejects.toMatchObject({ kind: 'invalid_request', param: 'expires_at' });
  });

  it('refuses a parameter the twin does not know, like Stripe does', async () => {
    const url = new URL(h.url);
    const stripe = new Stripe('sk_test_offline_numninja', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    const params = { mode: 'subscription', success_url: 'http://x.test/ok', line_items: [], shipping_rate: 'shr_1' } as unknown as Stripe.Checkout.SessionCreateParams;
    await expect(stripe.checkout.sessions.create(params)).rejects.toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'shipping_rate' });
  });

  it('rejects bad checkout input before calling Stripe', async () => {
    await expect(h.gateway.createCheckoutSession(sampleCheckout('order-bad', { successUrl: 'http://shop.test/ok' }))).rejects.toMatchObject({ kind: 'invalid_request' });
    const mixed = sampleCheckout('order-mixed');
    mixed.lines[1]!.currency = 'EUR';
    await expect(h.gateway.createCheckoutSession(mixed)).rejects.toThrow(/one currency/);
  });
});
