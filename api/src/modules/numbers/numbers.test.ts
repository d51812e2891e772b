import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { clickOffline, customerAtCheckout } from '../checkout/checkout.test-support';

const MY_NUMBERS = `query($first: Int, $after: String) {
  myNumbers(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id e164 nationalFormat internationalFormat status paidUntil cancelAtPeriodEnd orderId monthlyPrice { amount currency } country { isoCode name } statusEvents { fromStatus toStatus cause at } } }
  }
}`;
const NUMBER = `query($id: ID!) { number(id: $id) { id e164 status orderId } }`;
const ORDER_NUMBERS = `query($id: ID!) { order(id: $id) { id lines { purchasedNumberId number { id e164 status } } } }`;

describe('purchased numbers: myNumbers and number(id)', () => {
  const api = useTestApi();
  let owner: { token: string; userId: string };
  let orderId: string;
  let numberIds: string[];

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    const stock = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' } }, orderBy: { e164: 'asc' }, take: 3, select: { id: true } })).map((n) => n.id);
    const at = await customerAtCheckout(api, stock);
    await clickOffline(at.checkoutUrl, 'pay');
    owner = at.customer;
    orderId = at.order.id;
    numberIds = (await api.db.prisma.purchasedNumber.findMany({ where: { userId: owner.userId }, select: { id: true } })).map((n) => n.id);
    expect(numberIds).toHaveLength(3);
  }, 60_000);

  it('lists the customer’s numbers newest first, page by page, with formats, price, country and timeline', async () => {
    const first = await api.gql(MY_NUMBERS, { first: 2 }, { token: owner.token });
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data!.myNumbers;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql(MY_NUMBERS, { first: 2, after: page1.pageInfo.endCursor }, { token: owner.token });
    const page2 = second.body.data!.myNumbers;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.edges, ...page2.edges].map((e: { node: any }) => e.node);
    expect(new Set(all.map((n: { id: string }) => n.id))).toEqual(new Set(numberIds));
    const n = all[0];
    expect(n).toMatchObject({ status: 'PENDING', orderId, cancelAtPeriodEnd: false, country: { isoCode: 'US' } });
    expect(n.e164).toMatch(/^\+1\d{10}$/);
    expect(n.nationalFormat).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    expect(n.internationalFormat).toMatch(/^\+1 \d{3} \d{3} \d{4}$/);
    expect(n.monthlyPrice.amount).toBeGreaterThan(0);
    expect(n.paidUntil).toBeTruthy();
    expect(n.statusEvents).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'PENDING' })]);
  });

  it('refuses more than 100 per page with VALIDATION on `first`', async () => {
    const res = await api.gql(MY_NUMBERS, { first: 101 }, { token: owner.token });
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field: ['first'] });
  });

  it('a second customer sees none of them: an empty list, null for each number, null numbers on order lines', async () => {
    const other = await signUpCustomer(api);
    const list = await api.gql(MY_NUMBERS, {}, { token: other.token });
    expect(list.body.data!.myNumbers).toMatchObject({ totalCount: 0, edges: [] });
    for (const id of numberIds) {
      const one = await api.gql(NUMBER, { id }, { token: other.token });
      expect(one.body.errors).toBeUndefined();
      expect(one.body.data!.number).toBeNull();
    }
    const order = await api.gql(ORDER_NUMBERS, { id: orderId }, { token: other.token });
    expect(order.body.data!.order).toBeNull();
  });

  it('the owner and staff read a number and reach it from the order lines', async () => {
    const mine = await api.gql(NUMBER, { id: numberIds[0] }, { token: owner.token });
    expect(mine.body.data!.number).toMatchObject({ id: numberIds[0], orderId });
    const staff = await createSignedInUser(api, 'SUPPORT');
    const seen = await api.gql(NUMBER, { id: numberIds[0] }, { token: staff.token });
    expect(seen.body.data!.number).toMatchObject({ id: numberIds[0] });
    for (const token of [owner.token, staff.token]) {
      const order = await api.gql(ORDER_NUMBERS, { id: orderId }, { token });
      const lines = order.body.data!.order.lines as Array<{ purchasedNumberId: string; number: { id: string } }>;
      expect(lines.map((l) => l.number.id).sort()).toEqual([...numberIds].sort());
      expect(lines.every((l) => l.number.id === l.purchasedNumberId)).toBe(true);
    }
  });

  it('a malformed or unknown id is null, and signed-out callers get UNAUTHENTICATED', async () => {
    expect((await api.gql(NUMBER, { id: 'nope' }, { token: owner.token })).body.data!.number).toBeNull();
    expect((await api.gql(NUMBER, { id: '01900000-0000-7000-8000-000000000000' }, { token: owner.token })).body.data!.number).toBeNull();
    const anon = await api.gql(MY_NUMBERS, {});
    expect(anon.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const anonOne = await api.gql(NUMBER, { id: numberIds[0] });
    expect(anonOne.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
