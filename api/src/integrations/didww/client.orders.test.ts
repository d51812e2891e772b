import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDidGroups, demoSkus } from '../../demo/coverage';
import { isDidwwError } from './errors';
import { eventually, startCallbackReceiver, startFixture, type Fixture } from './fake/testing';

let fx: Fixture;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
beforeAll(async () => {
  fx = await startFixture({ orderDelayMs: 20 });
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await fx.fake.close();
  await receiver.close();
});
beforeEach(() => fx.fake.admin.reset());

const group = (prefix: string) => demoDidGroups.find((g) => g.prefix === prefix)!;
const skuOf = (groupId: string) => demoSkus.find((s) => s.didGroupId === groupId && s.channelsIncludedCount === 2)!;

async function firstNumber(prefix: string) {
  const g = group(prefix);
  const [n] = await fx.client().availableDids({ didGroupId: g.id });
  return { group: g, sku: skuOf(g.id), number: n! };
}

describe('DIDWW client: reservations', () => {
  it('holds a number, hides it from stock, and releases it on delete', async () => {
    const client = fx.client();
    const { group: g, number } = await firstNumber('312');
    const hold = await client.createReservation({ availableDidId: number.id, description: 'cart 42' });
    expect(hold.availableDidId).toBe(number.id);
    expect(hold.availableDid?.number).toBe(number.number);
    expect(Date.parse(hold.expiresAt) - Date.parse(hold.createdAt)).toBe(10 * 60_000);
    expect((await client.availableDids({ didGroupId: g.id })).map((n) => n.id)).not.toContain(number.id);

    await client.deleteReservation(hold.id);
    await client.deleteReservation(hold.id); // already gone: still fine
    expect((await client.availableDids({ didGroupId: g.id })).map((n) => n.id)).toContain(number.id);
  });

  it('expires a hold after ten minutes on the fake clock', async () => {
    const client = fx.client();
    const { number } = await firstNumber('305');
    const hold = await client.createReservation({ availableDidId: number.id });
    fx.fake.admin.advanceClock(10 * 60_000 + 1);
    await expect(client.getReservation(hold.id)).rejects.toMatchObject({ kind: 'not_found', retryable: false });
    expect((await client.availableDids({ numberContains: number.number })).map((n) => n.id)).toEqual([number.id]);
  });

  it('refuses a second hold on the same number as number_taken, and a reservation of nothing as validation', async () => {
    const client = fx.client();
    const numbers = await client.availableDids({ didGroupId: group('617').id });
    await client.createReservation({ availableDidId: numbers[0]!.id });
    await expect(client.createReservation({ availableDidId: numbers[0]!.id })).rejects.toMatchObject({ kind: 'number_taken' });
    for (const n of numbers.slice(1, 11)) await client.createReservation({ availableDidId: n.id });
    const err = await client.createReservation({ availableDidId: '00000000-0000-0000-0000-000000000000' }).catch((e: unknown) => e);
    expect(isDidwwError(err, 'validation')).toBe(true);
  });
});

describe('DIDWW client: orders', () => {
  it('buys a reserved number: Pending, then Completed, the DID appears and the callback arrives', async () => {
    const client = fx.client();
    const { sku, number } = await firstNumber('206');
    const hold = await client.createReservation({ availableDidId: number.id });
    const balanceBefore = await client.getBalance();
    const order = await client.createOrder({
      items: [{ skuId: sku.id, didReservationId: hold.id }],
      externalReferenceId: 'line-206',
      callbackUrl: receiver.url,
      callbackMethod: 'POST',
    });
    expect(order.status).toBe('Pending');
    expect(order.amountCents).toBeGreaterThan(0);
    expect(order.items[0]).toMatchObject({ skuId: sku.id, didReservationId: hold.id, qty: 1 });

    const cb = await receiver.next();
    expect(cb.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(cb.body))).toEqual({ id: order.id, type: 'orders', status: 'completed' });

    expect((await client.getOrder(order.id)).status).toBe('Completed');
    const dids = await client.listDids({ number: number.number });
    expect(dids).toHaveLength(1);
    expect(dids[0]).toMatchObject({ number: number.number, orderId: order.id, terminated: false });
    expect(dids[0]!.didGroup?.prefix).toBe('206');
    const balanceAfter = await client.getBalance();
    expect(balanceBefore.balanceCents - balanceAfter.balanceCents).toBe(order.amountCents);
  });

  it('delivers a GET callback with query parameters', async () => {
    const client = fx.client();
    const { sku } = await firstNumber('512');
    const order = await client.createOrder({ items: [{ skuId: sku.id, qty: 2 }], callbackUrl: `${receiver.url}?secret=s3`, callbackMethod: 'GET' });
    const cb = await receiver.next();
    expect(cb.method).toBe('GET');
    expect(Object.fromEntries(cb.url.searchParams)).toEqual({ secret: 's3', id: order.id, type: 'orders', status: 'completed' });
    expect(await client.listDids({ orderId: order.id })).toHaveLength(2);
  });

  it('finds an order by external reference, and only that one', async () => {
    const client = fx.client();
    const { sku, number } = await firstNumber('702');
    const order = await client.createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }], externalReferenceId: 'line-702' });
    expect((await client.findOrderByExternalReference('line-702'))?.id).toBe(order.id);
    expect(await client.findOrderByExternalReference('line-unknown')).toBeNull();
  });

  it('does not buy twice when the response to POST /orders is lost (500 after the order was placed)', async () => {
    const { sku, number } = await firstNumber('404');
    fx.fake.admin.setFaults({ queue: ['lost'] });
    const order = await fx.client().createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }], externalReferenceId: 'line-404' });
    expect(order.externalReferenceId).toBe('line-404');
    const counters = fx.fake.admin.state().counters as { ordersByExternalReference: Record<string, number>; faultsInjected: Record<string, number> };
    expect(counters.faultsInjected.status_500).toBe(1);
    expect(counters.ordersByExternalReference['line-404']).toBe(1);
    expect(fx.fake.admin.store.orders.size).toBe(1);
  });

  it('does not retry POST /orders when the probe for a lost response fails too; the order is found later', async () => {
    const { sku, number } = await firstNumber('405');
    // The POST's answer is lost, then the probe (a GET, retried once) fails twice.
    fx.fake.admin.setFaults({ queue: ['lost', '502', '502'] });
    const client = fx.client({ maxRetries: 1 });
    const err = await client.createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }], externalReferenceId: 'line-405' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', status: 500, retryable: true });
    const counters = fx.fake.admin.state().counters as { ordersByExternalReference: Record<string, number>; byRoute: Record<string, number> };
    expect(counters.byRoute['POST /orders']).toBe(1);
    expect(counters.ordersByExternalReference['line-405']).toBe(1);
    expect((await client.findOrderByExternalReference('line-405'))?.externalReferenceId).toBe('line-405');
  });

  it('does not buy twice when POST /orders times out after the order was placed', async () => {
    const { sku } = await firstNumber('404');
    fx.fake.admin.setFaults({ queue: ['lost;timeout'] });
    const order = await fx.client({ timeoutMs: 300 }).createOrder({ items: [{ skuId: sku.id, qty: 1 }], externalReferenceId: 'line-404-t' });
    expect(order.externalReferenceId).toBe('line-404-t');
    expect(fx.fake.admin.store.orders.size).toBe(1);
  });

  it('retries a POST /orders that failed with a 500 before anything was bought', async () => {
    const { sku, number } = await firstNumber('214');
    fx.fake.admin.setFaults({ queue: ['502'] });
    const order = await fx.client().createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }], externalReferenceId: 'line-214' });
    expect(order.status).toBe('Pending');
    const counters = fx.fake.admin.state().counters as { ordersByExternalReference: Record<string, number>; byRoute: Record<string, number> };
    expect(counters.ordersByExternalReference['line-214']).toBe(1);
    expect(counters.byRoute['GET /orders']).toBe(1); // the probe ran before the retry
  });

  it('does not retry a POST /orders without an external reference after an ambiguous 500', async () => {
    const { sku } = await firstNumber('213');
    fx.fake.admin.setFaults({ queue: ['500'] });
    await expect(fx.client().createOrder({ items: [{ skuId: sku.id, qty: 1 }] })).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    expect(fx.fake.admin.state().counters).toMatchObject({ ordersCreated: 0 });
  });

  it('keeps an order Pending when told to, and cancels it with DELETE', async () => {
    const client = fx.client({ faultHeader: 'order=pending' });
    const { sku, number } = await firstNumber('718');
    const before = await client.getBalance();
    const order = await client.createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }] });
    await new Promise((r) => setTimeout(r, 60));
    expect((await client.getOrder(order.id)).status).toBe('Pending');
    await client.cancelOrder(order.id);
    expect((await client.getOrder(order.id)).status).toBe('Canceled');
    expect((await client.getBalance()).balanceCents).toBe(before.balanceCents);
    expect((await client.availableDids({ numberContains: number.number })).map((n) => n.id)).toEqual([number.id]);
    await expect(client.cancelOrder(order.id)).rejects.toMatchObject({ kind: 'validation' });
  });

  it('reports an order DIDWW cancels by itself through the callback', async () => {
    fx.fake.admin.setFaults({ orderOutcome: 'canceled' });
    const { sku } = await firstNumber('619');
    const order = await fx.client().createOrder({ items: [{ skuId: sku.id, qty: 1 }], callbackUrl: receiver.url, callbackMethod: 'POST' });
    const cb = await receiver.next();
    expect(new URLSearchParams(cb.body).get('status')).toBe('canceled');
    expect((await fx.client().getOrder(order.id)).status).toBe('Canceled');
  });

  it('maps insufficient funds, a number taken by someone else, and empty stock to typed errors', async () => {
    const client = fx.client();
    const { sku, number } = await firstNumber('615');

    fx.fake.admin.setBalance('0.10');
    const funds = await client.createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }] }).catch((e: unknown) => e);
    expect(funds).toMatchObject({ kind: 'insufficient_funds', status: 400, retryable: false });
    fx.fake.admin.setBalance('1000');

    fx.fake.admin.setFaults({ takenNumbers: [number.number] });
    const taken = await client.createOrder({ items: [{ skuId: sku.id, availableDidId: number.id }] }).catch((e: unknown) => e);
    expect(taken).toMatchObject({ kind: 'number_taken', status: 422, retryable: false });
    expect(isDidwwError(taken) && taken.pointers).toEqual(['/data/attributes/items/0/available_did_id']);
    expect(isDidwwError(taken) && taken.errors[0]?.code).toBe('100');

    const out = await fx.client({ faultHeader: 'out-of-stock' }).createOrder({ items: [{ skuId: sku.id, qty: 3 }] }).catch((e: unknown) => e);
    expect(out).toMatchObject({ kind: 'out_of_stock', status: 422 });

    const invalid = await client.createOrder({ items: [{ skuId: 'no-such-sku', qty: 1 }] }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ kind: 'validation', status: 422 });
    expect(fx.fake.admin.state().counters).toMatchObject({ ordersCreated: 0 });
  });
});
