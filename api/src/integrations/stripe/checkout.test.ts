import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { startTwinHarness, sampleCheckout, type TwinHarness } from './offline/testing';

const db = useTestDatabase();
let h: TwinHarness;

beforeAll(async () => {
  h = await startTwinHarness(db.prisma);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.reset());

const post = (url: string) => fetch(url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });

describe('checkout through the real stripe library against the offline twin', () => {
  it('creates a subscription-mode session with one monthly line per number and one setup line per fee', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('order-create'));
    expect(id).toMatch(/^cs_test_/);
    expect(url).toBe(`${h.url}/offline-checkout/${id}`);
    const s = await h.gateway.retrieveCheckoutSession(id);
    expect(s).toMatchObject({ status: 'open', paymentStatus: 'unpaid', orderId: 'order-create', amountTotal: 500 + 300 + 450, currency: 'usd', subscriptionId: null });
    expect(s.raw.mode).toBe('subscription');
    expect(s.raw.client_reference_id).toBe('order-create');
    expect(s.lines.map((l) => [l.kind, l.orderLineId, l.amountTotal])).toEqual([
      ['monthly', 'order-create-l1', 300],
      ['setup', 'order-create-l1', 500],
      ['monthly', 'order-create-l2', 450],
    ]);
  });

  it('returns the same session for a retried createCheckoutSession (idempotency key per order)', async () => {
    const input = sampleCheckout('order-retry');
    const first = await h.gateway.createCheckoutSession(input);
    const second = await h.gateway.createCheckoutSession(input);
    expect(second.id).toBe(first.id);
  });

  it('refuses to reuse an order key with different parameters, as Stripe does', async () => {
    await h.gateway.createCheckoutSession(sampleCheckout('order-changed'));
    await expect(h.gateway.createCheckoutSession(sampleCheckout('order-changed', { cancelUrl: 'http://shop.test/elsewhere' }))).rejects.toMatchObject({
      kind: 'invalid_request',
      message: expect.stringContaining('same parameters'),
    });
  });

  it('shows the order lines, total, email and the three buttons on the checkout page', async () => {
    const { url } = await h.gateway.createCheckoutSession(sampleCheckout('order-page'));
    const res = await fetch(url);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Test mode — no real payment');
    expect(html).toContain('+1 415 555 0123 (San Francisco)');
    expect(html).toContain('+44 20 7946 0000 (London)');
    expect(html).toContain('$5.00 one-time setup');
    expect(html).toContain('$4.50 / month');
    expect(html).toMatch(/data-testid="offline-total">\$12\.50</);
    expect(html).toContain('ada@example.com');
    expect(html).toContain('4242 4242 4242 4242');
    for (const testid of ['offline-pay', 'offline-decline', 'offline-fail-card']) expect(html).toContain(`data-testid="${testid}"`);
  });

  it('Pay completes the session, delivers checkout.session.completed then invoice.paid, and redirects to the success URL', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('order-pay'));
    const res = await post(`${url}/pay`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`http://shop.test/checkout/success?session_id=${id}`);

    expect(h.rejected).toEqual([]);
    expect(h.types()).toEqual(['checkout.session.completed', 'invoice.paid']);
    const [completed, paid] = h.received.map((d) => d.event);
    expect(completed).toMatchObject({ object: 'event', livemode: false, api_version: expect.any(String), data: { object: { id, status: 'complete', payment_status: 'paid', metadata: { orderId: 'order-pay' } } } });
    expect(completed!.id).toMatch(/^evt_/);
    const invoice = paid!.data.object as { billing_reason: string; status: string; amount_paid: number; parent: { subscription_details: { metadata: Record<string, string>; subscription: string } } };
    expect(invoice).toMatchObject({ billing_reason: 'subscription_create', status: 'paid', amount_paid: 1250 });
    expect(invoice.parent.subscription_details.metadata).toEqual({ orderId: 'order-pay' });

    const s = await h.gateway.retrieveCheckoutSession(id);
    expect(s).toMatchObject({ status: 'complete', paymentStatus: 'paid', subscriptionStatus: 'active', customerEmail: 'ada@example.com' });
    expect(s.subscriptionId).toMatch(/^sub_/);
    expect(s.subscriptionId).toBe(invoice.parent.subscription_details.subscription);
    expect(s.customerId).toMatch(/^cus_/);
    expect(s.invoiceId).toMatch(/^in_/);
    expect(s.paymentIntentId).toMatch(/^pi_/);
    expect(s.chargeId).toMatch(/^ch_/);
    // Monthly lines map onto subscription items; setup fees do not.
    expect(s.lines.filter((l) => l.kind === 'monthly').every((l) => l.subscriptionItemId?.startsWith('si_'))).toBe(true);
    expect(s.lines.filter((l) => l.kind === 'setup').map((l) => l.subscriptionItemId)).toEqual([null]);
    const items = (s.raw.subscription as { items: { data: Array<{ metadata: Record<string, string> }> } }).items.data;
    expect(items.map((i) => i.metadata.orderLineId)).toEqual(['order-pay-l1', 'order-pay-l2']);

    // A second click (another tab, Back) pays nothing twice.
    h.reset();
    const again = await post(`${url}/pay`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('This checkout is already paid');
    expect(h.received).toEqual([]);
  });

  it('Decline expires the session, delivers checkout.session.expired and redirects to the cancel URL', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('order-decline'));
    const res = await post(`${url}/decline`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://shop.test/cart');
    expect(h.types()).toEqual(['checkout.session.expired']);
    expect(h.received[0]!.event.data.object).toMatchObject({ id, status: 'expired', metadata: { orderId: 'order-decline' } });
    expect((await h.gateway.retrieveCheckoutSession(id)).status).toBe('expired');
    expect(await (await fetch(url)).text()).toContain('This checkout has expired');
  });

  it('a declined card re-renders the page with an error, sends nothing and leaves the session open', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('order-fail-card'));
    const res = await post(`${url}/fail-card`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Your card was declined');
    expect(h.received).toEqual([]);
    expect((await h.gateway.retrieveCheckoutSession(id)).status).toBe('open');
  });

  it('refunds a charge and delivers charge.refunded with the amount refunded so far', async () => {
    const { id, url } = await h.gateway.createCheckoutSession(sampleCheckout('order-refund'));
    await post(`${url}/pay`);
    const { chargeId, paymentIntentId } = await h.gateway.retrieveCheckoutSession(id);
    const refund = await h.gateway.refund({ chargeId: chargeId!, amount: 300, idempotencyKey: 'refund:order-refund-l1', reason: 'requested_by_customer' });
    expect(refund).toMatchObject({ id: expect.stringMatching(/^re_/), status: 'succeeded', amount: 300, chargeId });
    // Same key, same refund: a re-run job never pays out twice.
    expect((await h.gateway.refund({ chargeId: chargeId!, amount: 300, idempotencyKey: 'refund:order-refund-l1', reason: 'requested_by_customer' })).id).toBe(refund.id);
    const delivered = await h.waitFor('charge.refunded');
    expect(delivered.event.data.object).toMatchObject({ id: chargeId, amount_refunded: 300, refunded: false });

    await h.gateway.refund({ paymentIntentId: paymentIntentId!, amount: 950, idempotencyKey: 'refund:order-refund-rest' });
    await h.twin.drain();
    expect(h.received.filter((d) => d.event.type === 'charge.refunded').map((d) => (d.event.data.object as { amount_refunded: number }).amount_refunded)).toEqual([300, 1250]);
    await expect(h.gateway.refund({ chargeId: chargeId!, amount: 1, idempotencyKey: 'refund:too-much' })).rejects.toMatchObject({ kind: 'invalid_request', code: 'charge_already_refunded' });
  });

  it('cancels a subscription at period end or now, with the matching events', async () => {
    const a = await h.gateway.createCheckoutSession(sampleCheckout('order-cancel-end'));
    await post(`${a.url}/pay`);
    const subA = (await h.gateway.retrieveCheckoutSession(a.id)).subscriptionId!;
    const later = await h.gateway.cancelSubscription(subA, { atPeriodEnd: true });
    expect(later).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, cancelAt: expect.any(Date) });
    expect((await h.waitFor('customer.subscription.updated')).event.data).toMatchObject({ object: { id: subA, cancel_at_period_end: true }, previous_attributes: { cancel_at_period_end: false } });

    const b = await h.gateway.createCheckoutSession(sampleCheckout('order-cancel-now'));
    await post(`${b.url}/pay`);
    const subB = (await h.gateway.retrieveCheckoutSession(b.id)).subscriptionId!;
    expect(await h.gateway.cancelSubscription(subB, { atPeriodEnd: false })).toMatchObject({ status: 'canceled', canceledAt: expect.any(Date) });
    expect((await h.waitFor('customer.subscription.deleted')).event.data.object).toMatchObject({ id: subB, status: 'canceled' });
    // Cancelling again (a re-run job) is not an error.
    expect((await h.gateway.cancelSubscription(subB, { atPeriodEnd: false })).status).toBe('canceled');
  });

  it('reuses a known Stripe customer', async () => {
    const first = await h.gateway.createCheckoutSession(sampleCheckout('order-cust-1'));
    await post(`${first.url}/pay`);
    const customerId = (await h.gateway.retrieveCheckoutSession(first.id)).customerId!;
    const second = await h.gateway.createCheckoutSession(sampleCheckout('order-cust-2', { stripeCustomerId: customerId }));
    await post(`${second.url}/pay`);
    expect((await h.gateway.retrieveCheckoutSession(second.id)).customerId).toBe(customerId);
  });
});
