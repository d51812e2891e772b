import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../seed/catalog';
import { DEMO_PRICING_RULE } from '../../seed/prices';
import { queuedJobs } from '../../test/jobs';
import type { Actor } from '../audit/audit.service';
import { catalogChecksum, catalogCounts, PER_GROUP, useSyncFixture } from './test-support';

describe('catalog sync from DIDWW', () => {
  const fx = useSyncFixture();
  let actor: Actor;

  beforeAll(async () => {
    // An empty catalog, but pricing exists: the GLOBAL rule prices numbers whose SKU has no SkuPrice yet.
    const { id: _id, ...rule } = DEMO_PRICING_RULE;
    await fx.db.prisma.pricingRule.create({ data: rule });
    const staff = await fx.db.prisma.user.create({ data: { email: 'ops@numninja.test', name: 'Ops Person', role: 'SUPPORT', passwordHash: 'x' } });
    actor = { userId: staff.id, ip: null, requestId: null };
  });

  const sync = async (kind: 'REFERENCE' | 'STOCK') => {
    const outcome = await fx.service.runTask(kind, null);
    if (outcome.status !== 'SUCCEEDED') throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
    return outcome.run;
  };
  const numberByDidwwId = (didwwId: string) => fx.db.prisma.availableNumber.findUniqueOrThrow({ where: { didwwId } });

  it('imports everything DIDWW lists into an empty catalog: reference data, then the stock, priced like the seed', async () => {
    const expected = demoCatalog({ perGroup: PER_GROUP });
    const reference = await sync('REFERENCE');
    const refRows = expected.countries.length + expected.regions.length + expected.cities.length + expected.didGroups.length + expected.skus.length;
    expect(reference).toMatchObject({ status: 'SUCCEEDED', progress: 100, createdCount: refRows, updatedCount: 0, removedCount: 0, error: null });
    expect(reference.durationMs).toBeGreaterThanOrEqual(0);

    const stock = await sync('STOCK');
    expect(stock).toMatchObject({ status: 'SUCCEEDED', createdCount: expected.availableNumbers.length, updatedCount: 0, removedCount: 0 });
    expect(await catalogCounts(fx.db.prisma)).toEqual({
      countries: expected.countries.length, regions: expected.regions.length, cities: expected.cities.length,
      groups: expected.didGroups.length, skus: expected.skus.length, numbers: { AVAILABLE: fx.fake.admin.state().stockAvailable },
    });
    // Same rows as the seed builds from the same coverage: e164, digits, area code, features, prices.
    const ours = await fx.db.prisma.availableNumber.findMany({ select: { e164: true, digits: true, areaCode: true, features: true, setupPrice: true, monthlyPrice: true } });
    const seeded = expected.availableNumbers.map((n) => ({
      e164: n.e164, digits: n.digits, areaCode: n.areaCode ?? null, features: n.features, setupPrice: n.setupPrice, monthlyPrice: n.monthlyPrice,
    }));
    const byE164 = (a: { e164: string }, b: { e164: string }) => a.e164.localeCompare(b.e164);
    expect(ours.sort(byE164)).toEqual(seeded.sort(byE164));
    expect(await fx.db.prisma.country.count({ where: { enabled: false } })).toBe(0);
    // Raw-SQL timestamps land as the same instants Prisma writes and reads.
    const seenAt = (await fx.db.prisma.availableNumber.findFirstOrThrow()).lastSeenAt.getTime();
    expect(Math.abs(seenAt - stock.finishedAt!.getTime())).toBeLessThan(5_000);
    // No SkuPrice existed: numbers were priced from the GLOBAL rule and pricing is asked to catch up.
    expect((await queuedJobs(fx.db.prisma, 'reprice-catalog')).map((j) => j.key)).toEqual(['reprice-catalog']);
  });

  it('changes nothing when run again', async () => {
    const before = await catalogChecksum(fx.db.prisma, { ignoreLastSeen: true });
    expect(await sync('REFERENCE')).toMatchObject({ createdCount: 0, updatedCount: 0, removedCount: 0 });
    expect(await sync('STOCK')).toMatchObject({ createdCount: 0, updatedCount: 0, removedCount: 0 });
    expect(await catalogChecksum(fx.db.prisma, { ignoreLastSeen: true })).toBe(before);
  });

  it('withdraws numbers sold upstream unless a cart or an order refers to them, and relists those that return', async () => {
    const listed = await fx.db.prisma.availableNumber.findMany({ take: 3, orderBy: { e164: 'asc' } });
    const [free, inCart, ordered] = listed as [(typeof listed)[0], (typeof listed)[0], (typeof listed)[0]];
    const holds = await Promise.all(listed.map((n) => fx.didww.createReservation({ availableDidId: n.didwwId })));

    const customer = await fx.db.prisma.user.create({ data: { email: 'buyer@example.com', name: 'Buyer', passwordHash: 'x' } });
    const cart = await fx.db.prisma.cart.create({ data: { userId: customer.id } });
    await fx.db.prisma.cartItem.create({
      data: { cartId: cart.id, availableNumberId: inCart.id, setupPrice: 0, monthlyPrice: 100, currency: 'USD', holdExpiresAt: new Date(Date.now() + 600_000) },
    });
    const order = await fx.db.prisma.order.create({ data: { userId: customer.id, currency: 'USD', setupTotal: 0, monthlyTotal: 100, dueToday: 100 } });
    await fx.db.prisma.orderLine.create({ data: { orderId: order.id, availableNumberId: ordered.id, e164: ordered.e164, setupPrice: 0, monthlyPrice: 100, currency: 'USD' } });

    expect(await sync('STOCK')).toMatchObject({ createdCount: 0, updatedCount: 0, removedCount: 1 });
    expect((await numberByDidwwId(free.didwwId)).status).toBe('WITHDRAWN');
    expect((await numberByDidwwId(inCart.didwwId)).status).toBe('AVAILABLE');
    expect((await numberByDidwwId(ordered.didwwId)).status).toBe('AVAILABLE');

    await fx.didww.deleteReservation(holds[0]!.id);
    expect(await sync('STOCK')).toMatchObject({ createdCount: 0, updatedCount: 1, removedCount: 0 });
    expect(await numberByDidwwId(free.didwwId)).toMatchObject({ status: 'AVAILABLE', setupPrice: free.setupPrice, monthlyPrice: free.monthlyPrice });
    for (const h of holds.slice(1)) await fx.didww.deleteReservation(h.id);
  });

  it('deactivates a DID group and its SKUs that vanished upstream, withdraws its numbers, and brings them back when it returns', async () => {
    const group = await fx.db.prisma.didGroup.findFirstOrThrow({ where: { active: true, availableNumbers: { some: { status: 'AVAILABLE' } } }, include: { skus: true } });
    const listed = await fx.db.prisma.availableNumber.count({ where: { didGroupId: group.id, status: 'AVAILABLE' } });
    const upstream = fx.fake.admin.store.groups.get(group.didwwId)!;
    fx.fake.admin.store.groups.delete(group.didwwId);
    try {
      expect(await sync('REFERENCE')).toMatchObject({ createdCount: 0, updatedCount: 0, removedCount: 1 + group.skus.length });
      expect(await sync('STOCK')).toMatchObject({ createdCount: 0, removedCount: listed });
      expect(await fx.db.prisma.didGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ active: false });
      expect(await fx.db.prisma.sku.count({ where: { didGroupId: group.id, active: true } })).toBe(0);
    } finally {
      fx.fake.admin.store.groups.set(group.didwwId, upstream);
    }
    expect(await sync('REFERENCE')).toMatchObject({ createdCount: 0, updatedCount: 1 + group.skus.length, removedCount: 0 });
    expect(await sync('STOCK')).toMatchObject({ createdCount: 0, updatedCount: listed, removedCount: 0 });
  });

  it('fails the run on a DIDWW outage midway, leaves the catalog byte for byte as it was, and the job is retried', async () => {
    const victim = await fx.db.prisma.availableNumber.findFirstOrThrow({ where: { status: 'AVAILABLE' }, orderBy: { e164: 'desc' } });
    const hold = await fx.didww.createReservation({ availableDidId: victim.didwwId }); // a change the failed run must not apply
    const before = await catalogChecksum(fx.db.prisma);
    // Four requests answer, then 503s outlast the client's own retries.
    fx.fake.admin.setFaults({ queue: ['', '', '', '', '503', '503', '503', '503'] });

    const { value } = (await fx.service.start(actor, 'STOCK')) as { value: { run: { id: string } } };
    await fx.work();
    const failed = await fx.db.prisma.catalogSyncRun.findUniqueOrThrow({ where: { id: value.run.id } });
    expect(failed).toMatchObject({ status: 'FAILED', triggeredById: actor.userId });
    expect(failed.error).toMatch(/^DIDWW unavailable: 503 /);
    expect(failed.progress).toBeGreaterThan(0);
    expect(failed.finishedAt).not.toBeNull();
    expect(await catalogChecksum(fx.db.prisma)).toBe(before);
    const [job] = await queuedJobs(fx.db.prisma, 'sync-catalog-stock');
    expect(job).toMatchObject({ attempts: 1, payload: { runId: value.run.id } });

    // DIDWW is back; the retry (made due now) is a new run by the same person, and it applies.
    fx.fake.admin.clearFaults();
    await fx.db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await fx.work();
    expect(await queuedJobs(fx.db.prisma, 'sync-catalog-stock')).toEqual([]);
    const retry = await fx.db.prisma.catalogSyncRun.findFirstOrThrow({ where: { kind: 'STOCK' }, orderBy: { createdAt: 'desc' } });
    expect(retry).toMatchObject({ status: 'SUCCEEDED', removedCount: 1, triggeredById: actor.userId });
    expect(retry.id).not.toBe(value.run.id);
    expect((await numberByDidwwId(victim.didwwId)).status).toBe('WITHDRAWN');
    await fx.didww.deleteReservation(hold.id);
  });

  it('queues one run and one job when staff start the same sync twice at once, and audits it', async () => {
    const [a, b] = await Promise.all([fx.service.start(actor, 'REFERENCE'), fx.service.start(actor, 'REFERENCE')]);
    if (!a.ok || !b.ok) throw new Error('start failed');
    expect(a.value.run.id).toBe(b.value.run.id);
    expect([a.value.started, b.value.started].sort()).toEqual([false, true]);
    expect(await fx.db.prisma.catalogSyncRun.count({ where: { kind: 'REFERENCE', status: 'QUEUED' } })).toBe(1);
    expect((await queuedJobs(fx.db.prisma, 'sync-catalog-reference')).map((j) => j.payload)).toEqual([{ runId: a.value.run.id }]);
    expect(await fx.db.prisma.auditLog.findMany({ where: { action: 'catalog_sync.start', targetId: a.value.run.id } })).toEqual([
      expect.objectContaining({ actorId: actor.userId, targetType: 'CatalogSyncRun', data: { kind: 'REFERENCE' } }),
    ]);
    // A crontab tick arriving first adopts the waiting run; the run's own job then finds it done.
    expect(await fx.service.runTask('REFERENCE', null)).toMatchObject({ status: 'SUCCEEDED', run: { id: a.value.run.id, createdCount: 0 } });
    await fx.work();
    expect(await queuedJobs(fx.db.prisma, 'sync-catalog-reference')).toEqual([]);
    expect(await fx.db.prisma.catalogSyncRun.count({ where: { kind: 'REFERENCE', createdAt: { gte: a.value.run.createdAt } } })).toBe(1);
  });

  it('does not let a run that stopped moving block a new one for more than 10 minutes', async () => {
    const longAgo = new Date(Date.now() - 11 * 60_000);
    const stuck = await fx.db.prisma.catalogSyncRun.create({ data: { kind: 'STOCK', status: 'RUNNING', progress: 40, startedAt: longAgo, createdAt: longAgo, updatedAt: longAgo } });
    const fresh = await fx.db.prisma.catalogSyncRun.create({ data: { kind: 'REFERENCE', status: 'RUNNING', progress: 10, startedAt: new Date() } });
    const res = await fx.service.start(actor, 'STOCK');
    expect(res.ok && res.value.started).toBe(true);
    expect(await fx.db.prisma.catalogSyncRun.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^Interrupted/) });
    // A live run is returned instead of a second one, and the crontab's tick stands aside for it.
    const again = await fx.service.start(actor, 'REFERENCE');
    expect(again.ok && again.value).toMatchObject({ started: false, run: { id: fresh.id } });
    expect(await fx.service.runTask('REFERENCE', null)).toMatchObject({ status: 'SKIPPED' });
    await fx.db.prisma.catalogSyncRun.update({ where: { id: fresh.id }, data: { status: 'FAILED' } });
    await fx.work();
  });
});
