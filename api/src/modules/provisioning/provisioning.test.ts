import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { drainJobs } from '../../test/jobs';
import { clickOffline, customerAtCheckout } from '../checkout/checkout.test-support';

describe('provisioning a paid number at DIDWW', () => {
  const api = useTestApi({}, { didww: { orderDelayMs: 0 } });
  let pool: string[];
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pool = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' }, status: 'AVAILABLE' }, orderBy: { e164: 'desc' }, take: 40, select: { id: true } })).map((n) => n.id);
  }, 60_000);

  async function paidNumber() {
    const at = await customerAtCheckout(api, pool.splice(0, 1));
    await clickOffline(at.checkoutUrl, 'pay');
    return api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } } });
  }
  const ordersFor = (ref: string) => (api.didww!.admin.state() as { counters: { ordersByExternalReference: Record<string, number> } }).counters.ordersByExternalReference[ref] ?? 0;

  it('orders the number, waits for DIDWW to complete, and marks it ACTIVE with its timeline and an email', async () => {
    const n = await paidNumber();
    await drainJobs(api.db.pool, api.server.services);
    let outcome = await api.server.services.provisioning.provision(n.id).catch((e: Error) => e.message);
    for (let i = 0; i < 20 && typeof outcome === 'string' && outcome.includes('pending'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      outcome = await api.server.services.provisioning.provision(n.id).catch((e: Error) => e.message);
    }
    const after = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id }, include: { statusEvents: { orderBy: { createdAt: 'asc' } } } });
    expect(after.status).toBe('ACTIVE');
    expect(after.didwwDidId).toBeTruthy();
    expect(after.statusEvents.map((e) => e.toStatus)).toEqual(['PENDING', 'PROVISIONING', 'ACTIVE']);
    expect(await api.db.prisma.emailOutbox.count({ where: { dedupeKey: `number-active:${n.id}` } })).toBe(1);
    expect(ordersFor(n.didwwOrderReference)).toBe(1);

    expect(await api.server.services.provisioning.provision(n.id)).toBe('already');
    expect(ordersFor(n.didwwOrderReference)).toBe(1);
  });

  it('never buys twice after a crash between placing the DIDWW order and recording it', async () => {
    const n = await paidNumber();
    const number = await api.db.prisma.availableNumber.findFirstOrThrow({ where: { orderLines: { some: { id: n.orderLineId } } }, include: { sku: true } });
    // The order went out, then the worker died before writing didwwOrderId.
    await api.server.services.didww.createOrder({ externalReferenceId: n.didwwOrderReference, items: [{ skuId: number.sku.didwwId, availableDidId: number.didwwId }] });
    await new Promise((r) => setTimeout(r, 20));
    let outcome: string = '';
    for (let i = 0; i < 20 && outcome !== 'active'; i++) outcome = await api.server.services.provisioning.provision(n.id).catch((e: Error) => e.message);
    expect(outcome).toBe('active');
    expect(ordersFor(n.didwwOrderReference)).toBe(1);
  });

  it('fails permanently when DIDWW says the number is gone, with the reason on the timeline', async () => {
    const n = await paidNumber();
    await api.didww!.admin.setFaults({ takenNumbers: [n.e164.slice(1)] });
    try {
      await api.db.prisma.purchasedNumber.update({ where: { id: n.id }, data: { didwwReservationId: null } });
      expect(await api.server.services.provisioning.provision(n.id)).toBe('failed');
    } finally {
      api.didww!.admin.clearFaults();
    }
    const after = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: n.id } });
    expect(after.status).toBe('FAILED');
    expect(after.failureReason).toMatch(/DIDWW refused/);
  });
});
