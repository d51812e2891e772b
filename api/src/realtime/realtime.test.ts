import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { poolConfigFromUrl } from '../db/database-url';
import { seedDemoData } from '../seed';
import { createSignedInUser, SIGN_IN, useTestApi } from '../test/api-harness';
import { drainJobs } from '../test/jobs';
import { subscribe, untilLive, wsClient } from '../test/ws-client';
import { clickOffline, customerAtCheckout } from '../modules/checkout/checkout.test-support';
import { hashPassword } from '../modules/auth/password';
import { EVENTS_CHANNEL } from './events';

const ORDER_UPDATED = `subscription($id: ID!) { orderUpdated(orderId: $id) { id status lines { numberStatus number { id status } } timeline { type } } }`;
const NUMBER_CHANGED = `subscription { myNumberStatusChanged { id e164 status statusEvents { toStatus } } }`;

describe('live status over graphql-ws, fed by Postgres NOTIFY', () => {
  const api = useTestApi({}, { didww: { orderDelayMs: 0 } });
  let stock: string[];
  const clients: Client[] = [];
  /** A connection of its own, like a worker in another process. */
  let other: pg.Client;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    stock = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' } }, orderBy: { e164: 'asc' }, take: 30, select: { id: true } })).map((n) => n.id);
    other = new pg.Client(poolConfigFromUrl(api.db.url));
    await other.connect();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await other.end();
  });

  const client = (auth: Parameters<typeof wsClient>[1]) => {
    const c = wsClient(api, auth);
    clients.push(c);
    return c;
  };

  async function paidOrder() {
    const at = await customerAtCheckout(api, stock.splice(0, 1));
    await clickOffline(at.checkoutUrl, 'pay');
    const number = await api.db.prisma.purchasedNumber.findFirstOrThrow({ where: { orderLine: { orderId: at.order.id } } });
    return { ...at, number };
  }
  const probeOrder = (orderId: string) => () =>
    other.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ kind: 'order', orderId, userId: null, status: null, cause: 'probe' })]);
  const probeNumber = (n: { id: string; userId: string }) => () =>
    other.query('SELECT pg_notify($1, $2)', [
      EVENTS_CHANNEL,
      JSON.stringify({ kind: 'number', numberId: n.id, orderId: null, userId: n.userId, status: 'PENDING', eventId: 'probe', at: new Date().toISOString() }),
    ]);
  /** A refused subscribe: graphql-ws answers with one result carrying errors (then completes), or an error message. */
  async function refusal(sub: ReturnType<typeof subscribe>) {
    const r = await Promise.race([sub.next(5_000), sub.failed.then((errors) => ({ data: null, errors }))]);
    return r as { data?: unknown; errors: Array<{ message: string; extensions?: { code?: string } }> };
  }
  /** A status transition committed by another connection, as the provisioning worker does. */
  async function transition(numberId: string, from: string, to: string) {
    await other.query('BEGIN');
    await other.query(`UPDATE purchased_numbers SET status = $2::"NumberStatus", updated_at = now() WHERE id = $1`, [numberId, to]);
    await other.query(
      `INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, updated_at) VALUES (gen_random_uuid(), $1, $2::"NumberStatus", $3::"NumberStatus", 'test', now())`,
      [numberId, from, to],
    );
    await other.query('COMMIT');
  }

  it('a transition committed by another connection reaches the owner subscribed with a bearer token', async () => {
    const { customer, order, number } = await paidOrder();
    const sub = subscribe(client({ token: customer.token }), ORDER_UPDATED, { id: order.id });
    await untilLive(sub, probeOrder(order.id));
    await transition(number.id, 'PENDING', 'PROVISIONING');
    const r = await sub.nextMatching((x) => x.data?.orderUpdated.lines[0].numberStatus === 'PROVISIONING');
    expect(r.errors).toBeUndefined();
    expect(r.data!.orderUpdated).toMatchObject({ id: order.id, status: 'PAID', lines: [{ number: { id: number.id, status: 'PROVISIONING' } }] });
    sub.stop();
  });

  it('the real provisioning worker drives the customer’s number to ACTIVE, seen live on both subscriptions', async () => {
    const { customer, order, number } = await paidOrder();
    const c = client({ token: customer.token });
    const orderSub = subscribe(c, ORDER_UPDATED, { id: order.id });
    const numberSub = subscribe(c, NUMBER_CHANGED);
    await untilLive(orderSub, probeOrder(order.id));
    await untilLive(numberSub, probeNumber(number));
    for (let i = 0; i < 20; i++) {
      await drainJobs(api.db.pool, api.server.services);
      const now = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id } });
      if (now.status === 'ACTIVE') break;
      await api.db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    }
    const seen = await numberSub.nextMatching((x) => x.data?.myNumberStatusChanged.status === 'ACTIVE');
    expect(seen.data!.myNumberStatusChanged).toMatchObject({ id: number.id, e164: number.e164 });
    expect(seen.data!.myNumberStatusChanged.statusEvents.map((e: { toStatus: string }) => e.toStatus)).toEqual(['PENDING', 'PROVISIONING', 'ACTIVE']);
    const live = await orderSub.nextMatching((x) => x.data?.orderUpdated.lines[0].numberStatus === 'ACTIVE');
    expect(live.data!.orderUpdated.lines[0].number.status).toBe('ACTIVE');
    orderSub.stop();
    numberSub.stop();
  });

  it("a second customer subscribing to the first one's order gets an error and never the order", async () => {
    const first = await paidOrder();
    const second = await customerAtCheckout(api, stock.splice(0, 1));
    const sub = subscribe(client({ token: second.customer.token }), ORDER_UPDATED, { id: first.order.id });
    const refused = await refusal(sub);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors[0]!.extensions?.code).toBe('NOT_FOUND');
    await transition(first.number.id, 'PENDING', 'PROVISIONING');
    await expect(sub.next(300)).rejects.toThrow(/no subscription result/);
  });

  it("a customer's number subscription carries only their own numbers", async () => {
    const first = await paidOrder();
    const second = await paidOrder();
    const sub = subscribe(client({ token: second.customer.token }), NUMBER_CHANGED);
    await untilLive(sub, probeNumber(second.number));
    await transition(first.number.id, 'PENDING', 'PROVISIONING');
    await transition(second.number.id, 'PENDING', 'PROVISIONING');
    const r = await sub.nextMatching((x) => x.data?.myNumberStatusChanged.status === 'PROVISIONING');
    expect(r.data!.myNumberStatusChanged.id).toBe(second.number.id);
    // Whatever else arrives is the second customer's number only.
    await expect(sub.nextMatching((x) => x.data?.myNumberStatusChanged.id === first.number.id, 300)).rejects.toThrow();
    sub.stop();
  });

  it('the session cookie of the upgrade request authenticates, as in a browser', async () => {
    const { order, number, customer } = await paidOrder();
    await api.db.prisma.user.update({ where: { id: customer.userId }, data: { passwordHash: await hashPassword('cookie-pass-123') } });
    const signIn = await api.gql(SIGN_IN, { input: { email: customer.email, password: 'cookie-pass-123' } }, { headers: { 'x-numninja-app': 'web' } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^nn_session=/);
    const sub = subscribe(client({ cookie }), ORDER_UPDATED, { id: order.id });
    await untilLive(sub, probeOrder(order.id));
    await transition(number.id, 'PENDING', 'PROVISIONING');
    const r = await sub.nextMatching((x) => x.data?.orderUpdated.lines[0].numberStatus === 'PROVISIONING');
    expect(r.data!.orderUpdated.id).toBe(order.id);
    sub.stop();
  });

  it('without a session a subscription is refused with UNAUTHENTICATED', async () => {
    const { order } = await paidOrder();
    for (const query of [ORDER_UPDATED, NUMBER_CHANGED]) {
      const sub = subscribe(client({}), query, { id: order.id });
      const refused = await refusal(sub);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors[0]!.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('staff can follow any order', async () => {
    const { order, number } = await paidOrder();
    const staff = await createSignedInUser(api, 'SUPPORT');
    const sub = subscribe(client({ token: staff.token }), ORDER_UPDATED, { id: order.id });
    await untilLive(sub, probeOrder(order.id));
    await transition(number.id, 'PENDING', 'PROVISIONING');
    const r = await sub.nextMatching((x) => x.data?.orderUpdated.lines[0].numberStatus === 'PROVISIONING');
    expect(r.data!.orderUpdated.id).toBe(order.id);
    sub.stop();
  });

  it('an order status change without a timeline event is delivered too', async () => {
    const { customer, order } = await paidOrder();
    const sub = subscribe(client({ token: customer.token }), ORDER_UPDATED, { id: order.id });
    await untilLive(sub, probeOrder(order.id));
    await other.query(`UPDATE orders SET status = 'FULFILLED', updated_at = now() WHERE id = $1`, [order.id]);
    const r = await sub.nextMatching((x) => x.data?.orderUpdated.status === 'FULFILLED');
    expect(r.data!.orderUpdated.id).toBe(order.id);
    sub.stop();
  });

  it('keeps delivering after its LISTEN connection is killed (reconnects with backoff)', async () => {
    const { customer, order, number } = await paidOrder();
    const sub = subscribe(client({ token: customer.token }), ORDER_UPDATED, { id: order.id });
    await untilLive(sub, probeOrder(order.id));
    const listeners = async () =>
      (await other.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'numninja-listener'`)).rows.map((r) => r.pid);
    const [before] = await listeners();
    expect(before).toBeTypeOf('number');
    await other.query('SELECT pg_terminate_backend($1)', [before]);
    let after: number[] = [];
    for (let i = 0; i < 100 && !(after.length === 1 && after[0] !== before); i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await listeners();
    }
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    await api.server.events.listening();
    await transition(number.id, 'PENDING', 'PROVISIONING');
    const r = await sub.nextMatching((x) => x.data?.orderUpdated.lines[0].numberStatus === 'PROVISIONING');
    expect(r.data!.orderUpdated.id).toBe(order.id);
    sub.stop();
  });
});
