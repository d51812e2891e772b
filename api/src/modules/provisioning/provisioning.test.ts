import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';
import { jobsDueNow, ordersAtDidww, paidNumbers } from './provisioning.test-support';
import { ProcessDied, type CrashPoint } from './provisioning.service';
import { clickOffline, customerAtCheckout } from '../checkout/checkout.test-support';

const QUEUE = `query($filter: ProvisioningQueueFilter) { provisioningQueue(filter: $filter) { totalCount edges { node { id e164 status attempts lastError refunded orderReference customerEmail ageSeconds } } } }`;

describe('provisioning a paid number at DIDWW', () => {
  const api = useTestApi({ PROVISION_RETRY_BASE_MS: '1', PROVISION_RETRY_MAX_MS: '5' }, { didww: { orderDelayMs: 0 } });
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' }, status: 'AVAILABLE' }, orderBy: { e164: 'desc' }, take: 40, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  const services = () => api.server.services;
  const load = (id: string) =>
    api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id }, include: { statusEvents: { orderBy: { createdAt: 'asc' } }, provisioning: { orderBy: { startedAt: 'asc' } }, orderLine: true } });
  /** Runs due jobs until none is left due (re-queued retries are made due at once). */
  async function settle(rounds = 30) {
    for (let i = 0; i < rounds; i++) {
      await drainJobs(api.db.pool, services());
      if ((await queuedJobs(api.db.prisma, 'provision-number')).length === 0) return;
      await jobsDueNow(api);
    }
  }

  it('orders, waits, routes to the default trunk and marks it ACTIVE, with every step recorded and an email', async () => {
    const [id] = await paidNumbers(api, pool.splice(0, 1));
    await settle();
    const n = await load(id!);
    expect(n.status).toBe('ACTIVE');
    expect(n.statusEvents.map((e) => e.toStatus)).toEqual(['PENDING', 'PROVISIONING', 'ACTIVE']);
    expect(n.provisioning.filter((a) => a.outcome === 'SUCCEEDED').map((a) => a.step)).toEqual(['ORDER', 'AWAIT_COMPLETION', 'ROUTE']);
    expect(n.orderLine.status).toBe('FULFILLED');
    const did = await services().didww.getDid(n.didwwDidId!);
    expect(did.voiceInTrunkId).toBeTruthy();
    expect(ordersAtDidww(api)[n.didwwOrderReference]).toBe(1);
    expect(await api.db.prisma.emailOutbox.count({ where: { dedupeKey: `number-active:${id}` } })).toBe(1);
    expect(await services().provisioning.provision(id!)).toBe('already');
  });

  it('a second number reuses the one default trunk', async () => {
    const ids = await paidNumbers(api, pool.splice(0, 2));
    await settle();
    const numbers = await Promise.all(ids.map(load));
    const trunks = await Promise.all(numbers.map((n) => services().didww.getDid(n.didwwDidId!).then((d) => d.voiceInTrunkId)));
    expect(new Set(trunks).size).toBe(1);
  });

  const points: CrashPoint[] = [
    ...['ORDER', 'AWAIT_COMPLETION', 'ROUTE'].flatMap((s) => ['before-call', 'after-call'].map((p) => `${s}:${p}` as CrashPoint)),
    'SAVE:before-write',
  ];
  it.each(points)('a worker killed at %s and restarted buys once and ends ACTIVE', async (point) => {
    const [id] = await paidNumbers(api, pool.splice(0, 1));
    let crashed = 0;
    services().provisioning.crashHook = (at) => {
      if (at === point && crashed === 0) {
        crashed += 1;
        throw new ProcessDied(at);
      }
    };
    try {
      await drainJobs(api.db.pool, services());
      expect(crashed).toBe(1);
      const midway = await load(id!);
      expect(midway.status).toBe('PROVISIONING');
      // The job failed with the crash; the "restarted" worker picks it up again.
      await settle();
    } finally {
      services().provisioning.crashHook = () => {};
    }
    const n = await load(id!);
    expect(n.status).toBe('ACTIVE');
    expect(ordersAtDidww(api)[n.didwwOrderReference]).toBe(1);
    expect((await services().didww.getDid(n.didwwDidId!)).voiceInTrunkId).toBeTruthy();
  });

  it('an order still pending is kept and waited for; a crash on the next run neither orders again nor loses it', async () => {
    const [id] = await paidNumbers(api, pool.splice(0, 1));
    api.didww!.admin.setFaults({ orderOutcome: 'pending' });
    try {
      await drainJobs(api.db.pool, services());
    } finally {
      api.didww!.admin.clearFaults();
    }
    const waiting = await load(id!);
    expect(waiting.status).toBe('PROVISIONING');
    expect(waiting.didwwOrderId).toBeTruthy();
    // Ordered once; every later try (the quick test backoff runs a few) only waited for completion.
    const [ordered, ...waits] = waiting.provisioning.map((a) => [a.step, a.outcome]);
    expect(ordered).toEqual(['ORDER', 'SUCCEEDED']);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    for (const w of waits) expect(w).toEqual(['AWAIT_COMPLETION', 'TRANSIENT_FAILURE']);
    expect(waiting.provisioning[1]!.error).toMatch(/still pending/);

    api.didww!.admin.completeOrder(waiting.didwwOrderId!);
    let crashed = 0;
    services().provisioning.crashHook = (at) => {
      if (at === 'ROUTE:before-call' && crashed++ === 0) throw new ProcessDied(at);
    };
    try {
      await jobsDueNow(api);
      await drainJobs(api.db.pool, services());
      expect(crashed).toBe(1);
      // The run died before saving: its first step's row says so.
      expect((await load(id!)).provisioning.at(-1)).toMatchObject({ step: 'AWAIT_COMPLETION', outcome: 'STARTED' });
      await settle();
    } finally {
      services().provisioning.crashHook = () => {};
    }
    const n = await load(id!);
    expect(n.status).toBe('ACTIVE');
    expect(n.didwwOrderId).toBe(waiting.didwwOrderId);
    expect(ordersAtDidww(api)[n.didwwOrderReference]).toBe(1);
    expect(n.provisioning.filter((a) => a.outcome === 'SUCCEEDED').map((a) => a.step)).toEqual(['ORDER', 'AWAIT_COMPLETION', 'ROUTE']);
    expect(await api.db.prisma.emailOutbox.count({ where: { dedupeKey: `number-active:${id}` } })).toBe(1);
  });

  it('numbers of one order going live at the same moment still settle the order FULFILLED, once', async () => {
    const ids = await paidNumbers(api, pool.splice(0, 6), { perOrder: 6 });
    expect(await Promise.all(ids.map((id) => services().provisioning.provision(id)))).toEqual(ids.map(() => 'active'));
    const { orderId } = await api.db.prisma.orderLine.findFirstOrThrow({ where: { purchasedNumber: { id: ids[0]! } } });
    const order = await api.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true, lines: true } });
    expect(order.status).toBe('FULFILLED');
    expect(order.lines.map((l) => l.status)).toEqual(ids.map(() => 'FULFILLED'));
    expect(order.events.filter((e) => e.type === 'fulfilled')).toHaveLength(1);
    expect(order.events.filter((e) => e.type === 'number_active')).toHaveLength(6);
  });

  it('a number taken at order time goes FAILED, is refunded, staff are emailed, and it shows in the admin queue', async () => {
    // Paid through the offline Stripe checkout, so there is a real charge to refund.
    const at = await customerAtCheckout(api, pool.splice(0, 1));
    await clickOffline(at.checkoutUrl, 'pay');
    const { id } = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } } });
    const before = await load(id);
    api.didww!.admin.setFaults({ takenNumbers: [before.e164.slice(1)] });
    try {
      await settle();
    } finally {
      api.didww!.admin.clearFaults();
    }
    const n = await load(id!);
    expect(n.status).toBe('FAILED');
    expect(n.failureReason).toMatch(/DIDWW refused the order: .*taken/);
    expect(n.provisioning.find((a) => a.step === 'ORDER')).toMatchObject({ outcome: 'PERMANENT_FAILURE' });
    // The refund released the line; with nothing bought at DIDWW, the release only checks and stays FAILED for staff.
    expect(n.provisioning.find((a) => a.step === 'RELEASE')).toMatchObject({ outcome: 'SUCCEEDED' });
    const alert = await api.db.prisma.emailOutbox.findFirstOrThrow({ where: { template: 'provisioningFailed', toAddress: api.config.STAFF_ALERT_EMAIL, textBody: { contains: n.e164 } } });
    expect(alert.subject).toContain(n.e164);
    expect(n.orderLine.status).toBe('REFUNDED');
    const refund = await api.db.prisma.refund.findFirstOrThrow({ where: { orderLineId: n.orderLineId } });
    expect(refund.amount).toBe(n.orderLine.setupPrice + n.orderLine.monthlyPrice);
    expect(refund.issuedById).toBeNull();
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'refundIssued', userId: n.userId } })).toBe(1);

    const staff = await createSignedInUser(api, 'SUPPORT');
    const queued = await api.gql(QUEUE, { filter: { statuses: ['FAILED'] } }, { token: staff.token });
    const item = queued.body.data!.provisioningQueue.edges.map((e: { node: { id: string } }) => e.node).find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ status: 'FAILED', refunded: true, e164: n.e164 });
    expect(item.lastError).toMatch(/taken/);
    expect(item.attempts).toBeGreaterThanOrEqual(1);
    expect(ordersAtDidww(api)[n.didwwOrderReference] ?? 0).toBe(0);
  });

  it('a customer cannot read the provisioning queue or its metrics', async () => {
    const customer = await createSignedInUser(api, 'CUSTOMER', 'web');
    const res = await api.gql(`{ provisioningMetrics { activated } }`, {}, { token: customer.token });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const queue = await api.gql(QUEUE, {}, { token: customer.token });
    expect(queue.body.data?.provisioningQueue ?? null).toBeNull();
    const anonymous = await api.gql(QUEUE, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
