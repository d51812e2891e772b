import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import { clickOffline, customerAtCheckout } from './checkout.test-support';

const REFUND = `mutation($o: ID!, $l: [ID!], $r: String) { refundOrder(orderId: $o, lineIds: $l, reason: $r) {
  refundedLines errors { code message field } order { status lines { id status refunded { amount } } payments { status refunded { amount } } timeline { type } } } }`;

describe('staff refunds', () => {
  const api = useTestApi();
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'GB' }, status: 'AVAILABLE' }, orderBy: { e164: 'asc' }, take: 50, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  async function paidOrder(n: number) {
    const at = await customerAtCheckout(api, pool.splice(0, n));
    await clickOffline(at.checkoutUrl, 'pay');
    const lines = await api.db.prisma.orderLine.findMany({ where: { orderId: at.order.id }, orderBy: { createdAt: 'asc' } });
    return { ...at, lines };
  }

  it('refunds one line, then the rest: Stripe refunds, statuses, release jobs, audit and emails', async () => {
    const { order, customer, lines } = await paidOrder(2);
    const staff = await createSignedInUser(api, 'SUPPORT');
    const first = await api.gql(REFUND, { o: order.id, l: [lines[0]!.id], r: 'Customer changed their mind' }, { token: staff.token });
    const r1 = first.body.data!.refundOrder;
    expect(r1.errors).toEqual([]);
    expect(r1.refundedLines).toBe(1);
    expect(r1.order.status).toBe('PARTIALLY_REFUNDED');
    expect(r1.order.lines[0]).toMatchObject({ status: 'REFUNDED', refunded: { amount: lines[0]!.setupPrice + lines[0]!.monthlyPrice } });
    expect(r1.order.payments[0].status).toBe('PARTIALLY_REFUNDED');
    // The refunded number no longer bills: its subscription item is gone, the other stays.
    const sub = await api.db.prisma.offlineStripeObject.findFirstOrThrow({ where: { type: 'subscription' } , orderBy: { createdAt: 'desc' } });
    expect(JSON.stringify(sub.data)).not.toContain(lines[0]!.id);
    expect(JSON.stringify(sub.data)).toContain(lines[1]!.id);

    const again = await api.gql(REFUND, { o: order.id, l: [lines[0]!.id] }, { token: staff.token });
    expect(again.body.data!.refundOrder.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['lineIds'] });

    const rest = (await api.gql(REFUND, { o: order.id }, { token: staff.token })).body.data!.refundOrder;
    expect(rest.order.status).toBe('REFUNDED');
    expect(rest.order.payments[0]).toMatchObject({ status: 'REFUNDED', refunded: { amount: order.dueToday.amount } });
    expect(await api.db.prisma.refund.count({ where: { orderLine: { orderId: order.id } } })).toBe(2);
    expect(await api.db.prisma.auditLog.count({ where: { action: 'order.refund', targetId: order.id, actorId: staff.userId } })).toBe(2);
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'refundIssued', userId: customer.userId } })).toBe(2);
    const releases = await queuedJobs(api.db.prisma, 'release-number');
    expect(releases.length).toBeGreaterThanOrEqual(2);
    // Stripe's own charge.refunded events arrived too and did not double count.
    const payment = await api.db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.refundedAmount).toBe(payment.amount);
  });

  it('is staff only', async () => {
    const { order, customer } = await paidOrder(1);
    const res = await api.gql(REFUND, { o: order.id }, { token: customer.token });
    expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await api.db.prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(0);
  });
});
