import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { signUpCustomer, useTestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';

const CART = `{ cart { itemLimit setupTotal { amount } monthlyTotal { amount } dueToday { amount }
  items { id holdExpiresAt expired inCheckout setupPrice { amount } monthlyPrice { amount } availableNumber { id e164 available } } } }`;
const ADD = `mutation($id: ID!) { addToCart(availableNumberId: $id) { cart { items { id availableNumber { id } } } errors { code message field } } }`;
const REMOVE = `mutation($id: ID!) { removeFromCart(cartItemId: $id) { cart { items { id } } errors { code message field } } }`;

describe('cart holds', () => {
  const api = useTestApi();
  let numbers: Array<{ id: string; didwwId: string; e164: string; monthlyPrice: number; setupPrice: number }>;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    numbers = await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' }, status: 'AVAILABLE' }, orderBy: { e164: 'asc' }, take: 200 });
  }, 60_000);

  it('asks signed-out visitors to sign in', async () => {
    const res = await api.gql(ADD, { id: numbers[0]!.id });
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await api.db.prisma.cartItem.count()).toBe(0);
  });

  it('holds a number for ten minutes at the price shown, hides it from search, and reserves it at DIDWW', async () => {
    const buyer = await signUpCustomer(api);
    const n = numbers[0]!;
    const res = await api.gql(ADD, { id: n.id }, { token: buyer.token });
    expect(res.body.data!.addToCart.errors).toEqual([]);
    const cart = (await api.gql(CART, {}, { token: buyer.token })).body.data!.cart;
    expect(cart.items).toHaveLength(1);
    const item = cart.items[0];
    expect(item.setupPrice.amount).toBe(n.setupPrice);
    expect(item.monthlyPrice.amount).toBe(n.monthlyPrice);
    expect(cart.dueToday.amount).toBe(n.setupPrice + n.monthlyPrice);
    const minutes = (Date.parse(item.holdExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.5);
    expect(minutes).toBeLessThanOrEqual(10);
    expect(item.availableNumber.available).toBe(false);

    const search = await api.gql('{ availableNumbers(filter: { countryIso: "US" }, sort: NUMBER_ASC, first: 1) { edges { node { id } } } }');
    expect(search.body.data!.availableNumbers.edges[0].node.id).not.toBe(n.id);

    expect((await queuedJobs(api.db.prisma, 'reserve-number')).length).toBe(1);
    await drainJobs(api.db.pool, api.server.services);
    const stored = await api.db.prisma.cartItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.didwwReservationId).toBeTruthy();
    expect(api.didww!.admin.store.reservations.has(stored.didwwReservationId!)).toBe(true);
  });

  it('gives a number to exactly one of two customers, the other gets NUMBER_UNAVAILABLE', async () => {
    const [a, b] = [await signUpCustomer(api), await signUpCustomer(api)];
    const n = numbers[1]!;
    const [ra, rb] = await Promise.all([api.gql(ADD, { id: n.id }, { token: a.token }), api.gql(ADD, { id: n.id }, { token: b.token })]);
    const codes = [ra, rb].map((r) => r.body.data!.addToCart.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['NUMBER_UNAVAILABLE', 'OK']);
  });

  it('has exactly 10 winners when 50 buyers race for 10 numbers, and never two holds on one number', async () => {
    const buyers = await Promise.all(Array.from({ length: 50 }, () => signUpCustomer(api)));
    const targets = numbers.slice(10, 20);
    const results = await Promise.all(buyers.map((b, i) => api.gql(ADD, { id: targets[i % 10]!.id }, { token: b.token })));
    const winners = results.filter((r) => r.body.data!.addToCart.errors.length === 0);
    expect(winners).toHaveLength(10);
    expect(results.filter((r) => r.body.data!.addToCart.errors[0]?.code === 'NUMBER_UNAVAILABLE')).toHaveLength(40);
    const holds = await api.db.prisma.cartItem.groupBy({ by: ['availableNumberId'], where: { availableNumberId: { in: targets.map((t) => t.id) } }, _count: true });
    expect(holds).toHaveLength(10);
    expect(holds.every((h) => h._count === 1)).toBe(true);
  });

  it('releases at once on removeFromCart, and the number is back on sale', async () => {
    const buyer = await signUpCustomer(api);
    const n = numbers[30]!;
    const added = await api.gql(ADD, { id: n.id }, { token: buyer.token });
    const itemId = added.body.data!.addToCart.cart.items[0].id;
    const removed = await api.gql(REMOVE, { id: itemId }, { token: buyer.token });
    expect(removed.body.data!.removeFromCart).toEqual({ cart: { items: [] }, errors: [] });
    expect((await api.db.prisma.availableNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('AVAILABLE');
    const other = await signUpCustomer(api);
    expect((await api.gql(ADD, { id: n.id }, { token: other.token })).body.data!.addToCart.errors).toEqual([]);
  });

  it('lets a hold run out: the expiry job releases it (and its DIDWW reservation) and someone else can take it', async () => {
    const first = await signUpCustomer(api);
    const n = numbers[40]!;
    await api.gql(ADD, { id: n.id }, { token: first.token });
    await drainJobs(api.db.pool, api.server.services);
    const item = await api.db.prisma.cartItem.findFirstOrThrow({ where: { availableNumberId: n.id } });
    await api.db.prisma.cartItem.update({ where: { id: item.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const cart = (await api.gql(CART, {}, { token: first.token })).body.data!.cart;
    expect(cart.items[0].expired).toBe(true);
    expect(cart.dueToday.amount).toBe(0);

    expect(await api.server.services.cart.expireHolds()).toBe(1);
    expect(await api.server.services.cart.expireHolds()).toBe(0);
    expect((await queuedJobs(api.db.prisma, 'release-reservation')).map((j) => j.payload)).toEqual([{ reservationId: item.didwwReservationId }]);
    await drainJobs(api.db.pool, api.server.services);
    expect(api.didww!.admin.store.reservations.has(item.didwwReservationId!)).toBe(false);
    const second = await signUpCustomer(api);
    expect((await api.gql(ADD, { id: n.id }, { token: second.token })).body.data!.addToCart.errors).toEqual([]);
  });

  it('drops a hold whose number was sold elsewhere upstream and withdraws the number', async () => {
    const buyer = await signUpCustomer(api);
    const n = numbers[50]!;
    await api.didww!.admin.setFaults({ takenNumbers: [n.e164.slice(1)] });
    try {
      await api.gql(ADD, { id: n.id }, { token: buyer.token });
      await drainJobs(api.db.pool, api.server.services);
    } finally {
      await api.didww!.admin.clearFaults();
    }
    expect(await api.db.prisma.cartItem.count({ where: { availableNumberId: n.id } })).toBe(0);
    expect((await api.db.prisma.availableNumber.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('WITHDRAWN');
  });

  it('caps the cart at ten numbers', async () => {
    const buyer = await signUpCustomer(api);
    for (const n of numbers.slice(60, 70)) {
      expect((await api.gql(ADD, { id: n.id }, { token: buyer.token })).body.data!.addToCart.errors).toEqual([]);
    }
    const eleventh = await api.gql(ADD, { id: numbers[70]!.id }, { token: buyer.token });
    expect(eleventh.body.data!.addToCart.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['availableNumberId'] });
  });

  it("never lets one customer see or remove another's cart items", async () => {
    const owner = await signUpCustomer(api);
    const intruder = await signUpCustomer(api);
    const added = await api.gql(ADD, { id: numbers[80]!.id }, { token: owner.token });
    const itemId = added.body.data!.addToCart.cart.items[0].id;
    expect((await api.gql(CART, {}, { token: intruder.token })).body.data!.cart.items).toEqual([]);
    const res = await api.gql(REMOVE, { id: itemId }, { token: intruder.token });
    expect(res.body.data!.removeFromCart.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.db.prisma.cartItem.count({ where: { id: itemId } })).toBe(1);
  });

  it('answers unknown or malformed numbers with NOT_FOUND', async () => {
    const buyer = await signUpCustomer(api);
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000']) {
      expect((await api.gql(ADD, { id }, { token: buyer.token })).body.data!.addToCart.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['availableNumberId'] });
    }
  });
});
