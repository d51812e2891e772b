import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../clock';
import { useTestDatabase } from '../../../test/db';
import { sampleCheckout, startTwinHarness, type TwinHarness } from './testing';

const db = useTestDatabase();
const clock = fixedClock(new Date());
let h: TwinHarness;

beforeAll(async () => {
  h = await startTwinHarness(db.prisma, { clock });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.reset());

const pay = (url: string) => fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' });

/** A paid order: its session id and subscription id, with the receiver emptied afterwards. */
async function paidOrder(orderId: string) {
  const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout(orderId, { expiresAt: new Date(clock.now().getTime() + 3_600_000) }));
  expect((await pay(url)).status).toBe(303);
  const s = await h.gateway.retrieveCheckoutSession(id);
  h.reset();
  return { sessionId: id, url, subscriptionId: s.subscriptionId!, invoiceId: s.invoiceId! };
}

type Inv = { id: string; billing_reason: string; status: string; attempt_count: number; amount_paid: number; period_start: number; period_end: number; lines: { data: Array<{ period: { start: number; end: number } }> } };

describe('simulate: what Stripe does on its own', () => {
  it('renewal pays the next period and sends invoice.paid (subscription_cycle)', async () => {
    const order = await paidOrder('sim-renew');
    const first = (await h.gateway.retrieveCheckoutSession(order.sessionId)).raw.invoice as unknown as Inv;
    clock.advance(31 * 86_400_000);
    const r = await h.twin.simulate.renewal(order.subscriptionId);
    expect(r.delivered).toEqual([true]);
    expect(h.types()).toEqual(['invoice.paid']);
    const inv = h.received[0]!.event.data.object as unknown as Inv;
    expect(inv).toMatchObject({ billing_reason: 'subscription_cycle', status: 'paid', amount_paid: 750 });
    expect(inv.id).not.toBe(first.id);
    // The new lines cover the month after the first one.
    expect(inv.lines.data[0]!.period.start).toBe(first.lines.data[0]!.period.end);
  });

  it('a failed renewal leaves the invoice open and the subscription past_due; the next renewal pays that same invoice', async () => {
    const order = await paidOrder('sim-fail');
    const failed = await h.twin.simulate.paymentFailed(order.subscriptionId);
    expect(h.types()).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
    const inv = h.received[0]!.event.data.object as unknown as Inv;
    expect(inv).toMatchObject({ status: 'open', attempt_count: 1, amount_paid: 0, billing_reason: 'subscription_cycle' });
    expect(h.received[1]!.event.data).toMatchObject({ object: { status: 'past_due' }, previous_attributes: { status: 'active' } });
    expect(failed.delivered).toEqual([true, true]);

    h.reset();
    await h.twin.simulate.renewal(order.subscriptionId);
    expect(h.types()).toEqual(['invoice.paid', 'customer.subscription.updated']);
    expect(h.received[0]!.event.data.object).toMatchObject({ id: inv.id, status: 'paid', attempt_count: 2, amount_paid: 750 });
  });

  it('subscriptionDeleted ends the subscription with customer.subscription.deleted; it cannot renew afterwards', async () => {
    const order = await paidOrder('sim-deleted');
    await h.twin.simulate.subscriptionDeleted(order.subscriptionId);
    expect(h.types()).toEqual(['customer.subscription.deleted']);
    expect(h.received[0]!.event.data.object).toMatchObject({ id: order.subscriptionId, status: 'canceled', cancellation_details: { reason: 'payment_failed' }, metadata: { orderId: 'sim-deleted' } });
    await expect(h.twin.simulate.renewal(order.subscriptionId)).rejects.toThrow(/canceled subscription/);
  });

  it('a subscription set to cancel at period end ends at the next renewal instead of billing', async () => {
    const order = await paidOrder('sim-period-end');
    await h.gateway.cancelSubscription(order.subscriptionId, { atPeriodEnd: true });
    await h.twin.drain();
    h.reset();
    await h.twin.simulate.renewal(order.subscriptionId);
    expect(h.types()).toEqual(['customer.subscription.deleted']);
  });

  it('expireSession sends checkout.session.expired and the page then says so', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('sim-expire', { expiresAt: new Date(clock.now().getTime() + 3_600_000) }));
    await h.twin.simulate.expireSession(id);
    expect(h.types()).toEqual(['checkout.session.expired']);
    expect(await (await fetch(url)).text()).toContain('This checkout has expired');
    const late = await pay(url);
    expect(late.status).toBe(200);
    expect(h.types()).toEqual(['checkout.session.expired']);
  });

  it('sessions past expires_at expire on their own (on the next look, or by the sweep)', async () => {
    const a = await h.gateway.createCheckoutSession(sampleCheckout('sim-due-a', { expiresAt: new Date(clock.now().getTime() + 40 * 60_000) }));
    const b = await h.gateway.createCheckoutSession(sampleCheckout('sim-due-b', { expiresAt: new Date(clock.now().getTime() + 40 * 60_000) }));
    clock.advance(41 * 60_000);
    expect((await h.gateway.retrieveCheckoutSession(a.id)).status).toBe('expired');
    await h.twin.drain();
    const swept = await h.twin.simulate.expireDueSessions();
    expect(swept.map((r) => r.object.id)).toContain(b.id);
    expect(swept.map((r) => r.object.id)).not.toContain(a.id);
    const expiredIds = h.received.filter((d) => d.event.type === 'checkout.session.expired').map((d) => (d.event.data.object as { id: string }).id);
    expect(expiredIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(expiredIds.filter((x) => x === a.id)).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('retries an endpoint that answers 500 twice, with the same event id, then moves on', async () => {
    const { url } = await h.gateway.createCheckoutSession(sampleCheckout('del-retry', { expiresAt: new Date(clock.now().getTime() + 3_600_000) }));
    h.respondWith(500, 500);
    expect((await pay(url)).status).toBe(303);
    expect(h.received.map((d) => [d.event.type, d.status])).toEqual([
      ['checkout.session.completed', 500],
      ['checkout.session.completed', 500],
      ['checkout.session.completed', 200],
      ['invoice.paid', 200],
    ]);
    expect(new Set(h.received.slice(0, 3).map((d) => d.event.id)).size).toBe(1);
    expect(h.rejected).toEqual([]);
  });

  it('gives up after the last retry but still redirects the customer', async () => {
    const { url } = await h.gateway.createCheckoutSession(sampleCheckout('del-give-up', { expiresAt: new Date(clock.now().getTime() + 3_600_000) }));
    h.respondWith(500, 500, 500, 500);
    expect((await pay(url)).status).toBe(303);
    expect(h.types()).toEqual(['checkout.session.completed', 'checkout.session.completed', 'checkout.session.completed', 'checkout.session.completed', 'invoice.paid']);
  });

  it('redelivers a stored event with its original id', async () => {
    const order = await paidOrder('del-redeliver');
    const r = await h.twin.simulate.renewal(order.subscriptionId);
    const eventId = r.events[0]!.id;
    expect(await h.twin.simulate.redeliver(eventId)).toBe(true);
    expect(h.received.map((d) => d.event.id)).toEqual([eventId, eventId]);
  });

  it('two simultaneous Pay clicks complete the session once', async () => {
    const { url } = await h.gateway.createCheckoutSession(sampleCheckout('del-double', { expiresAt: new Date(clock.now().getTime() + 3_600_000) }));
    const statuses = (await Promise.all([pay(url), pay(url)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 303]);
    expect(h.types()).toEqual(['checkout.session.completed', 'invoice.paid']);
  });
});
