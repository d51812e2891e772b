import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import { drainJobs } from '../../test/jobs';
import { clickOffline, customerAtCheckout } from '../checkout/checkout.test-support';
import { jobsDueNow } from './provisioning.test-support';

const RETRY = `mutation($id: ID!) { retryProvisioning(numberId: $id) { numberId status errors { code field message } } }`;
const REFUND = `mutation($id: ID!) { refundProvisioning(numberId: $id, reason: "customer asked") { numberId status errors { code field message } } }`;
const RESOLVE = `mutation($id: ID!, $note: String!) { resolveProvisioning(numberId: $id, note: $note) { numberId status errors { code field message } } }`;
const METRICS = `{ provisioningMetrics { activated failed inProgress successRate p50Ms p95Ms breaker { state failures } } }`;

describe('the staff provisioning queue', () => {
  const api = useTestApi({ PROVISION_RETRY_BASE_MS: '1', PROVISION_RETRY_MAX_MS: '5', PROVISION_MAX_ATTEMPTS: '2', DIDWW_MAX_RETRIES: '0' }, { didww: { orderDelayMs: 0 } });
  let pool: string[];
  let staff: { token: string; userId: string };
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' } }, orderBy: { e164: 'asc' }, skip: 100, take: 10, select: { id: true } })).map((n) => n.id);
    staff = (await createSignedInUser(api, 'SUPPORT')) as { token: string; userId: string };
  }, 60_000);

  async function run() {
    for (let i = 0; i < 10; i++) {
      await drainJobs(api.db.pool, api.server.services);
      await jobsDueNow(api);
    }
  }
  /** A paid number whose provisioning gave up: DIDWW kept answering 503. */
  async function failedNumber() {
    const at = await customerAtCheckout(api, pool.splice(0, 1));
    api.didww!.admin.setFaults({ errorRate: 1, errorStatus: 503 });
    try {
      await clickOffline(at.checkoutUrl, 'pay');
      for (let i = 0; i < 4; i++) {
        await api.db.prisma.circuitBreaker.deleteMany();
        await api.server.services.provisioning.provision((await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } } })).id, i + 1).catch(() => undefined);
      }
    } finally {
      api.didww!.admin.clearFaults();
      await api.db.prisma.circuitBreaker.deleteMany();
      // Drop the queued automatic refund (and retries): in these tests, staff decide.
      await api.db.prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    }
    const n = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } } });
    expect(n.status).toBe('FAILED');
    expect(n.failureReason).toMatch(/gave up after 2 tries/);
    return { ...n, customer: at.customer };
  }
  const audit = (action: string, id: string) => api.db.prisma.auditLog.count({ where: { action, targetId: id, actorId: staff.userId } });

  it('retry starts a failed number over and it goes live; audited', async () => {
    const n = await failedNumber();
    const res = await api.gql(RETRY, { id: n.id }, { token: staff.token });
    expect(res.body.data!.retryProvisioning).toEqual({ numberId: n.id, status: 'PENDING', errors: [] });
    expect(await audit('provisioning.retry', n.id)).toBe(1);
    await run();
    expect((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('ACTIVE');
    const again = await api.gql(RETRY, { id: n.id }, { token: staff.token });
    expect(again.body.data!.retryProvisioning.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['numberId'] });
  });

  it('refund pays the customer back, keeps the number FAILED for staff, and cannot run twice; audited', async () => {
    const n = await failedNumber();
    const res = await api.gql(REFUND, { id: n.id }, { token: staff.token });
    expect(res.body.data!.refundProvisioning).toEqual({ numberId: n.id, status: 'FAILED', errors: [] });
    expect(await audit('provisioning.refund', n.id)).toBe(1);
    expect((await api.db.prisma.orderLine.findUniqueOrThrow({ where: { id: n.orderLineId } })).status).toBe('REFUNDED');
    const twice = await api.gql(REFUND, { id: n.id }, { token: staff.token });
    expect(twice.body.data!.refundProvisioning.errors[0]).toMatchObject({ code: 'VALIDATION' });
    const retry = await api.gql(RETRY, { id: n.id }, { token: staff.token });
    expect(retry.body.data!.retryProvisioning.errors[0].message).toMatch(/refunded/);
  });

  it('resolve closes a failed number with a note (required); audited; it leaves the queue', async () => {
    const n = await failedNumber();
    const empty = await api.gql(RESOLVE, { id: n.id, note: ' ' }, { token: staff.token });
    expect(empty.body.data!.resolveProvisioning.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['note'] });
    const res = await api.gql(RESOLVE, { id: n.id, note: 'Sold a replacement number by phone' }, { token: staff.token });
    expect(res.body.data!.resolveProvisioning).toEqual({ numberId: n.id, status: 'RELEASED', errors: [] });
    expect(await audit('provisioning.resolve', n.id)).toBe(1);
    const queue = await api.gql(`query($id: ID) { provisioningQueue(filter: { numberId: $id }) { totalCount } }`, { id: n.id }, { token: staff.token });
    expect(queue.body.data!.provisioningQueue.totalCount).toBe(0);
  });

  it('customers can neither act on the queue nor read it, even for their own number', async () => {
    const n = await failedNumber();
    for (const [query, vars] of [[RETRY, { id: n.id }], [REFUND, { id: n.id }], [RESOLVE, { id: n.id, note: 'mine' }]] as const) {
      const res = await api.gql(query, vars, { token: n.customer.token });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('FAILED');
    expect(await api.db.prisma.auditLog.count({ where: { targetId: n.id } })).toBe(0);
  });

  it('metrics: success rate and paid→ACTIVE percentiles over the window', async () => {
    const res = await api.gql(METRICS, {}, { token: staff.token });
    const m = res.body.data!.provisioningMetrics;
    expect(m.activated).toBeGreaterThanOrEqual(1);
    expect(m.failed).toBeGreaterThanOrEqual(2);
    expect(m.successRate).toBeCloseTo(m.activated / (m.activated + m.failed));
    expect(m.p50Ms).toBeGreaterThanOrEqual(0);
    expect(m.p95Ms).toBeGreaterThanOrEqual(m.p50Ms);
    expect(m.breaker.state).toBe('CLOSED');
    const tooOld = await api.gql(`{ provisioningMetrics(since: "2000-01-01T00:00:00Z") { activated } }`, {}, { token: staff.token });
    expect(tooOld.body.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: ['since'] });
  });
});
