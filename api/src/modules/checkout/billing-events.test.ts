import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { clickOffline, customerAtCheckout, deliver } from './checkout.test-support';

/** An invoice event as Stripe sends it for a subscription's renewal cycle. */
function invoiceEvent(type: 'invoice.paid' | 'invoice.payment_failed', subscription: string, invoiceId: string, eventId: string, periodEnd: number) {
  return {
    id: eventId, object: 'event', type, api_version: '2025-11-17.clover', created: Math.floor(Date.now() / 1000), livemode: false,
    data: {
      object: {
        id: invoiceId, object: 'invoice', currency: 'usd', amount_paid: type === 'invoice.paid' ? 1234 : 0, amount_due: 1234,
        billing_reason: 'subscription_cycle', period_end: periodEnd,
        parent: { subscription_details: { subscription, metadata: {} } }, lines: { data: [] },
      },
    },
  };
}

describe('renewal webhooks', () => {
  const api = useTestApi();
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'DE' } }, orderBy: { e164: 'asc' }, take: 10, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  async function liveSubscription() {
    const at = await customerAtCheckout(api, pool.splice(0, 1));
    await clickOffline(at.checkoutUrl, 'pay');
    const order = await api.db.prisma.order.findUniqueOrThrow({ where: { id: at.order.id } });
    const number = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: order.id } } });
    await api.db.prisma.purchasedNumber.update({ where: { id: number.id }, data: { status: 'ACTIVE' } });
    return { order, number, subscription: order.stripeSubscriptionId! };
  }

  it('records a renewal once under five concurrent deliveries, and settles a failed invoice when Stripe retries it', async () => {
    const { order, number, subscription } = await liveSubscription();
    const periodEnd = Math.floor(Date.now() / 1000) + 60 * 86_400;

    const failed = invoiceEvent('invoice.payment_failed', subscription, 'in_retry_1', 'evt_fail_1', periodEnd);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => deliver(api, failed).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const afterFailure = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id }, include: { statusEvents: true } });
    expect(afterFailure.status).toBe('PAST_DUE');
    expect(afterFailure.statusEvents.filter((e) => e.toStatus === 'PAST_DUE')).toHaveLength(1);
    expect(await api.db.prisma.payment.findUniqueOrThrow({ where: { stripeInvoiceId: 'in_retry_1' } })).toMatchObject({ status: 'FAILED', kind: 'RENEWAL' });
    expect(await api.db.prisma.emailOutbox.count({ where: { dedupeKey: 'payment-failed:in_retry_1' } })).toBe(1);

    const paid = invoiceEvent('invoice.paid', subscription, 'in_retry_1', 'evt_paid_1', periodEnd);
    await Promise.all(Array.from({ length: 5 }, () => deliver(api, paid)));
    const payment = await api.db.prisma.payment.findUniqueOrThrow({ where: { stripeInvoiceId: 'in_retry_1' } });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amount: 1234, currency: 'USD', failureMessage: null });
    const renewed = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id }, include: { statusEvents: { orderBy: { createdAt: 'asc' } } } });
    expect(renewed.status).toBe('ACTIVE');
    expect(renewed.graceUntil).toBeNull();
    expect(renewed.paidUntil!.getTime()).toBe(periodEnd * 1000);
    expect(renewed.statusEvents.at(-1)).toMatchObject({ fromStatus: 'PAST_DUE', toStatus: 'ACTIVE', cause: 'Payment received' });
    const timeline = await api.db.prisma.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' } });
    expect(timeline.filter((e) => e.type === 'renewed')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'payment_failed')).toHaveLength(1);
  });

  it('never moves paid-until backwards when an older renewal arrives late', async () => {
    const { number, subscription } = await liveSubscription();
    const now = Math.floor(Date.now() / 1000);
    await deliver(api, invoiceEvent('invoice.paid', subscription, 'in_late_2', 'evt_late_2', now + 60 * 86_400));
    await deliver(api, invoiceEvent('invoice.paid', subscription, 'in_late_1', 'evt_late_1', now + 30 * 86_400));
    const row = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id } });
    expect(row.paidUntil!.getTime()).toBe((now + 60 * 86_400) * 1000);
    expect(await api.db.prisma.payment.count({ where: { stripeInvoiceId: { in: ['in_late_1', 'in_late_2'] }, status: 'SUCCEEDED' } })).toBe(2);
  });

  it('refuses a renewal with a forged signature and writes nothing', async () => {
    const { subscription } = await liveSubscription();
    const event = invoiceEvent('invoice.paid', subscription, 'in_forged', 'evt_forged', Math.floor(Date.now() / 1000) + 86_400);
    const res = await deliver(api, event, 't=1,v1=deadbeef');
    expect(res.status).toBe(400);
    expect(await api.db.prisma.stripeEvent.count({ where: { id: 'evt_forged' } })).toBe(0);
    expect(await api.db.prisma.payment.count({ where: { stripeInvoiceId: 'in_forged' } })).toBe(0);
  });
});
