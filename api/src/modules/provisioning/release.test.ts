import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';
import { clickOffline, customerAtCheckout } from '../checkout/checkout.test-support';
import { jobsDueNow, paidNumbers } from './provisioning.test-support';
import { ProcessDied } from './provisioning.service';

const CANCEL = `mutation($id: ID!) { cancelNumber(numberId: $id) { numberId status cancelAtPeriodEnd errors { code field message } } }`;

describe('releasing, cancelling and the grace period', () => {
  const api = useTestApi({ PROVISION_RETRY_BASE_MS: '1', PROVISION_RETRY_MAX_MS: '5' }, { didww: { orderDelayMs: 0 } });
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' } }, orderBy: { e164: 'asc' }, take: 20, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  const services = () => api.server.services;
  const terminations = () => (api.didww!.admin.state() as { counters: { byRoute: Record<string, number> } }).counters.byRoute['PATCH /dids/:id'] ?? 0;
  async function settle() {
    for (let i = 0; i < 20; i++) {
      await drainJobs(api.db.pool, services());
      if ((await queuedJobs(api.db.prisma)).filter((j) => j.task === 'provision-number').length === 0) return;
      await jobsDueNow(api);
    }
  }
  async function activeNumber() {
    const [id] = await paidNumbers(api, pool.splice(0, 1));
    await settle();
    return api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: id! } });
  }

  it('terminates the DID once even when the release job runs twice, and after a crash between terminating and recording', async () => {
    const n = await activeNumber();
    expect(n.status).toBe('ACTIVE');
    const before = terminations();
    services().releases.crashHook = () => {
      throw new ProcessDied('RELEASE:after-call');
    };
    await expect(services().releases.release(n.id)).rejects.toThrow(ProcessDied);
    services().releases.crashHook = () => {};
    expect((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('RELEASING');
    expect(terminations()).toBe(before + 1);

    expect(await services().releases.release(n.id)).toBe('released');
    expect(await services().releases.release(n.id)).toBe('already');
    expect(terminations()).toBe(before + 1);
    const after = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id }, include: { statusEvents: { orderBy: { createdAt: 'asc' } } } });
    expect(after.status).toBe('RELEASED');
    expect(after.releasedAt).toBeTruthy();
    expect(after.statusEvents.map((e) => e.toStatus).slice(-2)).toEqual(['RELEASING', 'RELEASED']);
    expect((await services().didww.getDid(n.didwwDidId!)).terminated).toBe(true);
  });

  it('a customer cancels at period end through Stripe; another customer cannot; bad ids are validation errors', async () => {
    const at = await customerAtCheckout(api, pool.splice(0, 1));
    await clickOffline(at.checkoutUrl, 'pay');
    await settle();
    const n = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } }, include: { orderLine: { include: { order: true } } } });
    expect(n.status).toBe('ACTIVE');

    const stranger = await customerAtCheckout(api, pool.splice(0, 1));
    const denied = await api.gql(CANCEL, { id: n.id }, { token: stranger.customer.token });
    expect(denied.body.data!.cancelNumber.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['numberId'] })]);
    const bad = await api.gql(CANCEL, { id: 'not-a-uuid' }, { token: at.customer.token });
    expect(bad.body.data!.cancelNumber.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['numberId'] });
    const anonymous = await api.gql(CANCEL, { id: n.id });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } })).cancelAtPeriodEnd).toBe(false);

    const res = await api.gql(CANCEL, { id: n.id }, { token: at.customer.token });
    expect(res.body.data!.cancelNumber).toEqual({ numberId: n.id, status: 'ACTIVE', cancelAtPeriodEnd: true, errors: [] });
    const sub = await api.db.prisma.offlineStripeObject.findUniqueOrThrow({ where: { id: n.orderLine.order.stripeSubscriptionId! } });
    expect((sub.data as { cancel_at_period_end: boolean }).cancel_at_period_end).toBe(true);
    const release = (await queuedJobs(api.db.prisma, 'release-number')).find((j) => j.key === `release:${n.id}`);
    expect(release?.runAt.getTime()).toBe(n.paidUntil!.getTime());
    // Twice is the same answer, no second call to Stripe needed.
    const again = await api.gql(CANCEL, { id: n.id }, { token: at.customer.token });
    expect(again.body.data!.cancelNumber.errors).toEqual([]);
  });

  it('the daily sweep suspends numbers unpaid past grace, then queues their release, once', async () => {
    const n = await activeNumber();
    const past = new Date(Date.now() - 60_000);
    await api.db.prisma.purchasedNumber.update({ where: { id: n.id }, data: { status: 'PAST_DUE', graceUntil: past } });
    expect(await services().graceSweep.run()).toMatchObject({ suspended: 1 });
    const suspended = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } });
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.graceUntil!.getTime()).toBeGreaterThan(Date.now());

    await api.db.prisma.purchasedNumber.update({ where: { id: n.id }, data: { graceUntil: past } });
    expect(await services().graceSweep.run()).toMatchObject({ released: 1 });
    expect(await services().graceSweep.run()).toEqual({ suspended: 0, released: 0 });
    await drainJobs(api.db.pool, services());
    expect((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('RELEASED');
  });
});
