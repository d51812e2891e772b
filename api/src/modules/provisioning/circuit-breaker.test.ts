import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';
import { ordersAtDidww, paidNumbers } from './provisioning.test-support';

/**
 * The breaker opens after DIDWW_BREAKER_THRESHOLD consecutive failures, re-queues numbers for
 * when it half-opens (same attempt number, same job key: nothing burnt, nothing duplicated), lets
 * one probe through, and closes on its success.
 */
describe('the DIDWW circuit breaker', () => {
  const api = useTestApi(
    { PROVISION_RETRY_BASE_MS: '1', PROVISION_RETRY_MAX_MS: '2', DIDWW_BREAKER_THRESHOLD: '2', DIDWW_BREAKER_COOLDOWN_MS: '60000', PROVISION_MAX_ATTEMPTS: '3' },
    { didww: { orderDelayMs: 0 } },
  );
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'GB' } }, orderBy: { e164: 'asc' }, take: 10, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  const breaker = () => api.server.services.provisioning.breaker;
  // The cooldown passing, without a sleep: the breaker's clock is its retry_at column.
  const cooldownOver = () => api.db.prisma.$executeRaw`UPDATE circuit_breakers SET retry_at = now() - interval '1 millisecond'`;
  // Only provisioning is made due: other jobs (the seed's call-record import, failing against the
  // broken DIDWW) keep their backoff and stay out of the DIDWW request count.
  const provisioningDueNow = () => api.db.prisma.$executeRaw`
    UPDATE graphile_worker._private_jobs j SET run_at = now()
    FROM graphile_worker._private_tasks t WHERE t.id = j.task_id AND t.identifier = 'provision-number'`;
  const othersLater = () => api.db.prisma.$executeRaw`
    UPDATE graphile_worker._private_jobs j SET run_at = now() + interval '1 hour'
    FROM graphile_worker._private_tasks t WHERE t.id = j.task_id AND t.identifier <> 'provision-number'`;
  const provisionJobs = async () => (await queuedJobs(api.db.prisma, 'provision-number')).map((j) => ({ ...j, payload: j.payload as { purchasedNumberId: string; attempt?: number } }));

  it('opens after repeated failures, delays jobs without spending attempts, half-opens, probes and closes', async () => {
    const ids = await paidNumbers(api, pool.splice(0, 3));
    // DIDWW is down: every request answers 503 (the client's own retries fail too).
    api.didww!.admin.setFaults({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 0 });
    try {
      await drainJobs(api.db.pool, api.server.services);
      const open = await breaker().view();
      expect(open.state).toBe('OPEN');
      expect(open.lastError).toMatch(/unavailable/);

      // Two numbers failed (and opened it); the third met an open breaker and was only delayed.
      const jobs = await provisionJobs();
      expect(jobs).toHaveLength(3);
      expect(new Set(jobs.map((j) => j.key))).toEqual(new Set(ids.map((id) => `provision:${id}`)));
      const attempts = Object.fromEntries(jobs.map((j) => [j.payload.purchasedNumberId, j.payload.attempt ?? 1]));
      expect(Object.values(attempts).sort()).toEqual([1, 2, 2]);
      for (const j of jobs) expect(j.runAt.getTime()).toBeGreaterThanOrEqual(open.retryAt!.getTime() - 5);

      // Still open: running the jobs now (as a busy worker would) spends nothing and calls nobody.
      // The other jobs' backoff is pushed out of reach, so a slow machine cannot make one due here.
      await othersLater();
      const before = (api.didww!.admin.state() as { counters: { requests: number } }).counters.requests;
      await provisioningDueNow();
      await drainJobs(api.db.pool, api.server.services);
      expect((api.didww!.admin.state() as { counters: { requests: number } }).counters.requests).toBe(before);
      const again = await provisionJobs();
      expect(Object.fromEntries(again.map((j) => [j.payload.purchasedNumberId, j.payload.attempt ?? 1]))).toEqual(attempts);
      expect(await api.db.prisma.purchasedNumber.count({ where: { id: { in: ids }, status: 'FAILED' } })).toBe(0);
    } finally {
      api.didww!.admin.clearFaults();
    }

    // Cooldown over: one probe goes through (HALF_OPEN), succeeds, and the breaker closes.
    await cooldownOver();
    const gate = await breaker().acquire();
    expect(gate).toEqual({ allowed: true, probe: true });
    expect((await breaker().view()).state).toBe('HALF_OPEN');
    expect(await breaker().acquire()).toMatchObject({ allowed: false });
    await breaker().success();
    expect((await breaker().view()).state).toBe('CLOSED');

    for (let i = 0; i < 10 && (await provisionJobs()).length; i++) {
      await provisioningDueNow();
      await drainJobs(api.db.pool, api.server.services);
    }
    const numbers = await api.db.prisma.purchasedNumber.findMany({ where: { id: { in: ids } } });
    expect(numbers.map((n) => n.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    for (const n of numbers) expect(ordersAtDidww(api)[n.didwwOrderReference]).toBe(1);
  });

  it('a failed probe opens it again for another cooldown', async () => {
    await breaker().failure('x');
    await breaker().failure('y');
    expect((await breaker().view()).state).toBe('OPEN');
    await cooldownOver();
    expect(await breaker().acquire()).toEqual({ allowed: true, probe: true });
    await breaker().failure('probe failed');
    const reopened = await breaker().view();
    expect(reopened.state).toBe('OPEN');
    expect(reopened.retryAt!.getTime()).toBeGreaterThan(Date.now());
    await breaker().success();
  });
});
