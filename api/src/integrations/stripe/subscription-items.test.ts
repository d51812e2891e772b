import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { OFFLINE_STRIPE_SECRET_KEY } from './constants';
import { LAST_SUBSCRIPTION_ITEM } from './errors';
import { sampleCheckout, startTwinHarness, type TwinHarness } from './offline/testing';

const db = useTestDatabase();
let h: TwinHarness;

beforeAll(async () => {
  h = await startTwinHarness(db.prisma);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.reset());

type Items = { data: Array<{ id: string; metadata: Record<string, string> }> };

/** A paid two-number order: its subscription and the item of each number, receiver emptied. */
async function paidOrder(orderId: string) {
  const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout(orderId));
  expect((await fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' })).status).toBe(303);
  const s = await h.gateway.retrieveCheckoutSession(id);
  const [first, second] = s.lines.filter((l) => l.kind === 'monthly').map((l) => l.subscriptionItemId!);
  await h.twin.drain();
  h.reset();
  return { sessionId: id, subscriptionId: s.subscriptionId!, first: first!, second: second! };
}

const itemsOf = async (sessionId: string) => ((await h.gateway.retrieveCheckoutSession(sessionId)).raw.subscription as unknown as { items: Items }).items.data;

describe('removeSubscriptionItem through the real stripe library against the offline twin', () => {
  it('removes one of two numbers, leaves the other, and delivers customer.subscription.updated', async () => {
    const order = await paidOrder('si-remove');
    const removed = await h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:si-remove-l1' });
    expect(removed).toEqual({ id: order.first, deleted: true, subscriptionId: order.subscriptionId });

    expect((await itemsOf(order.sessionId)).map((i) => [i.id, i.metadata.orderLineId])).toEqual([[order.second, 'si-remove-l2']]);

    const updated = await h.waitFor('customer.subscription.updated');
    expect(h.rejected).toEqual([]); // signed and verified like every other event
    const data = updated.event.data as unknown as { object: { id: string; status: string; items: Items }; previous_attributes: { items: Items } };
    expect(data.object).toMatchObject({ id: order.subscriptionId, status: 'active' });
    expect(data.object.items.data.map((i) => i.id)).toEqual([order.second]);
    expect(data.previous_attributes.items.data.map((i) => i.id)).toEqual([order.first, order.second]);
    expect(updated.event.request).toMatchObject({ idempotency_key: 'remove-number:si-remove-l1' });
    // Stored like every event: a re-delivery sends the same one.
    expect(await h.twin.simulate.redeliver(updated.event.id)).toBe(true);
    expect(h.received.filter((d) => d.event.id === updated.event.id)).toHaveLength(2);

    // No proration: nothing is invoiced now; the next renewal bills the remaining number only.
    h.reset();
    await h.twin.simulate.renewal(order.subscriptionId);
    expect(h.received[0]!.event.data.object).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 450 });
  });

  it('refuses to remove the last item: invalid_request / last_subscription_item, nothing changes', async () => {
    const order = await paidOrder('si-last');
    await h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:si-last-l1' });
    await h.twin.drain();
    h.reset();
    await expect(h.gateway.removeSubscriptionItem(order.second, { idempotencyKey: 'remove-number:si-last-l2' })).rejects.toMatchObject({
      name: 'PaymentGatewayError',
      kind: 'invalid_request',
      code: LAST_SUBSCRIPTION_ITEM,
      statusCode: 400,
      retryable: false,
    });
    await h.twin.drain();
    expect(h.received).toEqual([]);
    expect((await itemsOf(order.sessionId)).map((i) => i.id)).toEqual([order.second]);
    // The caller cancels the subscription instead.
    expect((await h.gateway.cancelSubscription(order.subscriptionId, { atPeriodEnd: false })).status).toBe('canceled');
  });

  it('fails with resource_missing for an unknown item, and for one already removed under another key', async () => {
    await expect(h.gateway.removeSubscriptionItem('si_doesnotexist0', { idempotencyKey: 'remove-number:unknown' })).rejects.toMatchObject({
      kind: 'invalid_request',
      code: 'resource_missing',
      statusCode: 404,
    });
    const order = await paidOrder('si-twice');
    await h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:si-twice-a' });
    await expect(h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:si-twice-b' })).rejects.toMatchObject({
      kind: 'invalid_request',
      code: 'resource_missing',
    });
    await h.twin.drain();
    expect(h.types()).toEqual(['customer.subscription.updated']);
  });

  it('a retry with the same idempotency key returns the same result and sends one event', async () => {
    const order = await paidOrder('si-retry');
    const opts = { idempotencyKey: 'remove-number:si-retry-l2' };
    const first = await h.gateway.removeSubscriptionItem(order.second, opts);
    const again = await h.gateway.removeSubscriptionItem(order.second, opts);
    expect(again).toEqual(first);
    expect(first).toEqual({ id: order.second, deleted: true, subscriptionId: order.subscriptionId });
    await h.twin.drain();
    expect(h.types()).toEqual(['customer.subscription.updated']);
    expect((await itemsOf(order.sessionId)).map((i) => i.id)).toEqual([order.first]);
    // The same key for another item is Stripe's idempotency_error.
    await expect(h.gateway.removeSubscriptionItem(order.first, opts)).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringContaining('same parameters') });
  });

  it('refuses items of a canceled subscription (not as last_subscription_item)', async () => {
    const order = await paidOrder('si-canceled');
    await h.gateway.cancelSubscription(order.subscriptionId, { atPeriodEnd: false });
    const err = await h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:si-canceled' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalid_request', statusCode: 400 });
    expect((err as { code?: string }).code).not.toBe(LAST_SUBSCRIPTION_ITEM);
  });

  it('the twin refuses deletions that would prorate (it models no prorations)', async () => {
    const order = await paidOrder('si-prorate');
    const res = await fetch(`${h.url}/v1/subscription_items/${order.first}`, { method: 'DELETE', headers: { Authorization: `Bearer ${OFFLINE_STRIPE_SECRET_KEY}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'proration_behavior' } });
    expect((await itemsOf(order.sessionId)).map((i) => i.id)).toEqual([order.first, order.second]);
  });
});

describe('GET /v1/events on the twin (what a replayed removal looks through)', () => {
  it('lists newest first, filters by type and created, and pages without overlap', async () => {
    const order = await paidOrder('ev-list');
    await h.gateway.removeSubscriptionItem(order.first, { idempotencyKey: 'remove-number:ev-list-l1' });
    const url = new URL(h.url);
    const stripe = new Stripe(OFFLINE_STRIPE_SECRET_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    const all = (await stripe.events.list({ limit: 100 })).data;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const created = all.map((e) => e.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const paged = await stripe.events.list({ limit: 2 }).autoPagingToArray({ limit: 1000 });
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const updates = await stripe.events.list({ type: 'customer.subscription.updated', created: { gte: created.at(-1)! } }).autoPagingToArray({ limit: 1000 });
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((e) => e.type === 'customer.subscription.updated')).toBe(true);
    expect((await stripe.events.list({ created: { gt: created[0]! } })).data).toEqual([]);
  });
});
