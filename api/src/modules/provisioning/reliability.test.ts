import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger';
import { startWorker } from '../../jobs/worker';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { ordersAtDidww, paidNumbers } from './provisioning.test-support';

const PURCHASES = 200;

/**
 * 200 purchases against a DIDWW that fails 5% of requests (5xx) and now and then loses a response
 * after doing the work, provisioned by the real graphile-worker runner: every number ends ACTIVE
 * and no number is ever ordered twice.
 */
describe('provisioning under transient DIDWW faults', () => {
  const api = useTestApi(
    { PROVISION_RETRY_BASE_MS: '20', PROVISION_RETRY_MAX_MS: '200', DIDWW_BREAKER_COOLDOWN_MS: '200', PROVISION_MAX_ATTEMPTS: '20', DIDWW_MAX_RETRIES: '0' },
    { didww: { orderDelayMs: 0 } },
  );
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ orderBy: { e164: 'asc' }, take: PURCHASES, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  it(`${PURCHASES} purchases with 5% injected faults: all ACTIVE, no duplicate orders`, async () => {
    expect(pool).toHaveLength(PURCHASES);
    api.didww!.admin.setFaults({ errorRate: 0.05, errorStatus: 502, seed: 7, queue: Array.from({ length: 12 }, (_, i) => (i % 2 ? 'lost' : '')) });
    const runner = await startWorker({ pool: api.db.pool, services: api.server.services, log: createLogger('silent'), concurrency: 4, pollInterval: 50 });
    try {
      const ids = await paidNumbers(api, pool);
      const deadline = Date.now() + 150_000;
      let settled = 0;
      while (Date.now() < deadline) {
        settled = await api.db.prisma.purchasedNumber.count({ where: { id: { in: ids }, status: { in: ['ACTIVE', 'FAILED'] } } });
        if (settled === ids.length) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const byStatus = await api.db.prisma.purchasedNumber.groupBy({ by: ['status'], where: { id: { in: ids } }, _count: true });
      // A number that did not make it says why, step by step, in the failure message.
      const failed = await api.db.prisma.purchasedNumber.findMany({
        where: { id: { in: ids }, status: { not: 'ACTIVE' } },
        select: { e164: true, status: true, failureReason: true, provisioning: { select: { attempt: true, step: true, outcome: true, error: true }, orderBy: { startedAt: 'asc' } } },
      });
      expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
      expect(Object.fromEntries(byStatus.map((g) => [g.status, g._count]))).toEqual({ ACTIVE: PURCHASES });

      const numbers = await api.db.prisma.purchasedNumber.findMany({ where: { id: { in: ids } }, select: { didwwOrderReference: true } });
      const orders = ordersAtDidww(api);
      const duplicates = numbers.filter((n) => (orders[n.didwwOrderReference] ?? 0) !== 1);
      expect(duplicates).toEqual([]);
      const state = api.didww!.admin.state() as { counters: { faultsInjected: Record<string, number> } };
      // The faults really happened (the test would prove nothing otherwise).
      expect(Object.values(state.counters.faultsInjected).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      // The client does not retry here (its own retries and probes have their tests), so every fault
      // goes through the service's backoff and its look-before-ordering.
      const retried = await api.db.prisma.provisioningAttempt.count({ where: { purchasedNumberId: { in: ids }, outcome: 'TRANSIENT_FAILURE' } });
      expect(retried).toBeGreaterThan(0);
      console.log(`reliability: ${PURCHASES} numbers ACTIVE, faults injected ${JSON.stringify(state.counters.faultsInjected)}, transient step failures retried by the service ${retried}`);
    } finally {
      api.didww!.admin.clearFaults();
      await runner.stop();
    }
  }, 180_000);
});
