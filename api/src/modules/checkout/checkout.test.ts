import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_STRIPE_WEBHOOK_SECRET } from '../../integrations/stripe/constants';
import { seedDemoData } from '../../seed';
import { signUpCustomer, useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import { ADD, ORDER, START, clickOffline, customerAtCheckout, deliver, fulfilmentCounts, twinEvents } from './checkout.test-support';

const signer = new Stripe('sk_test_unused');

describe('checkout with the offline Stripe twin', () => {
  const api = useTestApi();
  let pool: string[];
  const take = (n: number) => pool.splice(0, n);

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' }, status: 'AVAILABLE' }, orderBy: { e164: 'asc' }, take: 300, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  it('refuses an empty cart with CART_EMPTY', async () => {
    const c = await signUpCustomer(api);
    expect((await api.gql(START, {}, { token: c.token })).body.data!.startCheckout.errors[0]).toMatchObject({ code: 'CART_EMPTY' });
  });

  it('names the item whose hold ran out with HOLD_EXPIRED', async () => {
    const c = await signUpCustomer(api);
    const [id] = take(1);
    await api.gql(ADD, { id }, { token: c.token });
    const item = await api.db.prisma.cartItem.findFirstOrThrow({ where: { availableNumberId: id } });
    await api.db.prisma.cartItem.update({ where: { id: item.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const res = await api.gql(START, {}, { token: c.token });
    expect(res.body.data!.startCheckout.errors[0]).toMatchObject({ code: 'HOLD_EXPIRED', field: ['cart', 'items', item.id] });
    expect(await api.db.prisma.order.count({ where: { userId: c.userId } })).toBe(0);
  });

  it('creates one order per cart: a double click gets the same order and session', async () => {
    const { customer, order, checkoutUrl } = await customerAtCheckout(api, take(2));
    const again = (await api.gql(START, {}, { token: customer.token })).body.data!.startCheckout;
    expect(again.order.id).toBe(order.id);
    expect(again.checkoutUrl).toBe(checkoutUrl);
    expect(checkoutUrl).toContain('/offline-checkout/cs_');
    const page = await fetch(checkoutUrl);
    const html = await page.text();
    expect(html).toContain('offline-pay');
  });

  it('pays on the offline page: one transaction makes the order PAID with payment, numbers, jobs and email', async () => {
    const ids = take(2);
    const { customer, order, checkoutUrl, sessionId } = await customerAtCheckout(api, ids);
    await api.db.prisma.cartItem.updateMany({ where: { availableNumberId: ids[0]! }, data: { didwwReservationId: 'res-held-1' } });
    const res = await clickOffline(checkoutUrl, 'pay');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(`session_id=${sessionId}`);

    const o = (await api.gql(ORDER, { id: order.id }, { token: customer.token })).body.data!.order;
    expect(o.status).toBe('PAID');
    expect(o.payments).toEqual([{ kind: 'INITIAL', status: 'SUCCEEDED', amount: { amount: order.dueToday.amount } }]);
    expect(o.lines.map((l: { numberStatus: string }) => l.numberStatus)).toEqual(['PENDING', 'PENDING']);
    expect(o.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'paid']);
    const numbers = await api.db.prisma.availableNumber.findMany({ where: { id: { in: ids } } });
    expect(numbers.every((n) => n.status === 'SOLD')).toBe(true);
    expect(await api.db.prisma.cartItem.count({ where: { availableNumberId: { in: ids } } })).toBe(0);
    // Each line became a purchased number carrying its hold's reservation and its subscription item, with its job.
    const bought = await api.db.prisma.purchasedNumber.findMany({ where: { orderLine: { orderId: order.id } }, include: { orderLine: true, statusEvents: true } });
    expect(bought.map((b) => b.orderLine.availableNumberId).sort()).toEqual([...ids].sort());
    const first = bought.find((b) => b.orderLine.availableNumberId === ids[0])!;
    expect(first.didwwReservationId).toBe('res-held-1');
    for (const b of bought) {
      expect(b).toMatchObject({ userId: customer.userId, status: 'PENDING', e164: b.orderLine.e164 });
      expect(b.stripeSubscriptionItemId).toMatch(/^si_/);
      expect(b.paidUntil!.getTime()).toBeGreaterThan(Date.now());
      expect(b.statusEvents.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'PENDING']]);
    }
    expect(new Set(bought.map((b) => b.didwwOrderReference)).size).toBe(2);
    const jobs = await queuedJobs(api.db.prisma, 'provision-number');
    for (const b of bought) expect(jobs.filter((j) => j.key === `provision:${b.id}`).map((j) => j.payload)).toEqual([{ purchasedNumberId: b.id }]);
    const email = await api.db.prisma.emailOutbox.findFirstOrThrow({ where: { dedupeKey: `order-confirmation:${order.id}` } });
    expect(email).toMatchObject({ template: 'orderConfirmation', toAddress: customer.email, status: 'STORED' });

    // The success page confirms the same order and changes nothing.
    const before = await fulfilmentCounts(api);
    const confirmed = await api.gql(`mutation($s: String!) { confirmCheckout(sessionId: $s) { order { id status } errors { code } } }`, { s: sessionId }, { token: customer.token });
    expect(confirmed.body.data!.confirmCheckout).toEqual({ order: { id: order.id, status: 'PAID' }, errors: [] });
    expect(await fulfilmentCounts(api)).toEqual(before);
  });

  it('fulfils once when the same event arrives five times at once', async () => {
    const { order, checkoutUrl } = await customerAtCheckout(api, take(1));
    await clickOffline(checkoutUrl, 'pay');
    const completed = (await twinEvents(api, 'checkout.session.completed')).at(-1)!;
    const stored = await api.db.prisma.offlineStripeObject.findUniqueOrThrow({ where: { id: completed.id } });
    const before = await fulfilmentCounts(api);
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(api, stored.data)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await fulfilmentCounts(api)).toEqual(before);
    expect(await api.db.prisma.purchasedNumber.count({ where: { orderLine: { orderId: order.id } } })).toBe(1);
  });

  it('refuses forged, unsigned and stale events with 400 and writes nothing', async () => {
    const event = { id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_x', metadata: {} } } };
    const before = await fulfilmentCounts(api);
    const stale = Math.floor(Date.now() / 1000) - 600;
    const bad = [
      await deliver(api, event, 't=123,v1=deadbeef'),
      await fetch(`${api.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }),
      await deliver(api, event, signer.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: OFFLINE_STRIPE_WEBHOOK_SECRET, timestamp: stale })),
      await deliver(api, event, signer.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: 'whsec_wrong' })),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(await fulfilmentCounts(api)).toEqual(before);
  });

  it('answers 500 on a database fault mid-fulfilment, leaves nothing half-written, and the retry fulfils', async () => {
    const { order, checkoutUrl } = await customerAtCheckout(api, take(1));
    await api.db.pool.query(`
      CREATE OR REPLACE FUNCTION fail_once() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced fault'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_purchased BEFORE INSERT ON purchased_numbers FOR EACH ROW EXECUTE FUNCTION fail_once();`);
    const before = await fulfilmentCounts(api);
    try {
      await clickOffline(checkoutUrl, 'pay');
      // Every delivery (and the twin's retries) failed: still nothing written.
      expect(await fulfilmentCounts(api)).toEqual(before);
      expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PENDING');
    } finally {
      await api.db.pool.query('DROP TRIGGER fail_purchased ON purchased_numbers; DROP FUNCTION fail_once();');
    }
    const completed = (await twinEvents(api, 'checkout.session.completed')).at(-1)!;
    expect(await api.server.offlineStripe!.simulate.redeliver(completed.id)).toBe(true);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    expect(await api.db.prisma.purchasedNumber.count({ where: { orderLine: { orderId: order.id } } })).toBe(1);
  });

  it('ends in the same state whichever of the two payment events arrives first', async () => {
    const runs = [];
    for (const order of [['invoice.paid', 'checkout.session.completed'], ['checkout.session.completed', 'invoice.paid']]) {
      const { order: o, checkoutUrl } = await customerAtCheckout(api, take(1));
      // Hold deliveries back (the endpoint fails), then deliver them in the chosen order.
      await api.db.pool.query(`CREATE OR REPLACE FUNCTION block_events() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'held back'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER hold_events BEFORE INSERT ON stripe_events FOR EACH ROW EXECUTE FUNCTION block_events();`);
      try {
        await clickOffline(checkoutUrl, 'pay');
      } finally {
        await api.db.pool.query('DROP TRIGGER hold_events ON stripe_events; DROP FUNCTION block_events();');
      }
      const events = await twinEvents(api);
      for (const type of order) {
        const ev = events.filter((e) => e.type === type).at(-1)!;
        expect(await api.server.offlineStripe!.simulate.redeliver(ev.id)).toBe(true);
      }
      const row = await api.db.prisma.order.findUniqueOrThrow({ where: { id: o.id }, include: { payments: true, lines: { include: { purchasedNumber: true } } } });
      runs.push({
        status: row.status,
        payments: row.payments.map((p) => [p.kind, p.status, p.amount === o.dueToday.amount, !!p.stripeInvoiceId]),
        numbers: row.lines.map((l) => [l.purchasedNumber?.status, !!l.purchasedNumber?.paidUntil]),
      });
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toEqual({ status: 'PAID', payments: [['INITIAL', 'SUCCEEDED', true, true]], numbers: [['PENDING', true]] });
  });

  it('expires the order when the customer declines, and the numbers stay in the cart until the hold runs out', async () => {
    const ids = take(1);
    const { customer, order, checkoutUrl } = await customerAtCheckout(api, ids);
    const res = await clickOffline(checkoutUrl, 'decline');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/cart?checkout=cancelled');
    expect((await api.gql(ORDER, { id: order.id }, { token: customer.token })).body.data!.order.status).toBe('EXPIRED');
    expect(await api.db.prisma.cartItem.count({ where: { availableNumberId: ids[0] } })).toBe(1);
    expect(await api.db.prisma.purchasedNumber.count({ where: { orderLine: { orderId: order.id } } })).toBe(0);
  });

  it('follows the billing lifecycle: failed renewal → PAST_DUE and a dunning email; renewal → ACTIVE and later paid-until; cancellation → release queued', async () => {
    const { order, checkoutUrl } = await customerAtCheckout(api, take(1));
    await clickOffline(checkoutUrl, 'pay');
    const row = await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    const number = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: order.id } } });
    await api.db.prisma.purchasedNumber.update({ where: { id: number.id }, data: { status: 'ACTIVE' } });
    const twin = api.server.offlineStripe!.simulate;

    await twin.paymentFailed(row.stripeSubscriptionId!);
    const pastDue = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id } });
    expect(pastDue.status).toBe('PAST_DUE');
    expect(pastDue.graceUntil!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'paymentFailed', userId: row.userId } })).toBe(1);

    await twin.renewal(row.stripeSubscriptionId!);
    const renewed = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id } });
    expect(renewed.status).toBe('ACTIVE');
    expect(renewed.paidUntil!.getTime()).toBeGreaterThan(number.paidUntil!.getTime());
    expect(await api.db.prisma.payment.count({ where: { orderId: order.id, kind: 'RENEWAL', status: 'SUCCEEDED' } })).toBe(1);

    await twin.subscriptionDeleted(row.stripeSubscriptionId!);
    const jobs = await api.db.prisma.$queryRaw<Array<{ key: string }>>`SELECT j.key FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'release-number'`;
    expect(jobs.map((j) => j.key)).toContain(`release:${number.id}`);
  });

  it("never shows one customer another's order, by id, by session or in their list", async () => {
    const { customer, order, sessionId } = await customerAtCheckout(api, take(1));
    const other = await signUpCustomer(api);
    expect((await api.gql(ORDER, { id: order.id }, { token: other.token })).body.data!.order).toBeNull();
    const confirm = await api.gql(`mutation($s: String!) { confirmCheckout(sessionId: $s) { order { id } errors { code } } }`, { s: sessionId }, { token: other.token });
    expect(confirm.body.data!.confirmCheckout).toEqual({ order: null, errors: [{ code: 'NOT_FOUND' }] });
    const list = await api.gql('{ myOrders { totalCount edges { node { id } } } }', {}, { token: other.token });
    expect(list.body.data!.myOrders).toEqual({ totalCount: 0, edges: [] });
    expect((await api.gql('{ myOrders { totalCount } }', {}, { token: customer.token })).body.data!.myOrders.totalCount).toBe(1);
    const staffOnly = await api.gql('{ orders { totalCount } }', {}, { token: other.token });
    expect(staffOnly.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
