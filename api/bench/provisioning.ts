// pnpm bench:provisioning — 500 paid numbers against a zero-delay fake DIDWW: time from the Stripe
// webhook accepted to ACTIVE, provisioning throughput, and how fast each committed status change
// reaches a graphql-ws subscriber. The API (with its worker) and the fake DIDWW run in processes of
// their own; this process only drives and listens. Prints the figures.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { FAKE_DIDWW_KEY } from '../src/config';
import { poolConfigFromUrl } from '../src/db/database-url';
import { createDatabase } from '../src/db/prisma';
import { seedDemoData } from '../src/seed';
import { benchCustomers, summarise, timedGql } from './lib/accounts';
import { startApiProcess } from './lib/api-process';
import { cpuByRole, type Role } from './lib/process-cpu';
import { throwawayDatabase } from './lib/throwaway-db';

const NUMBERS = Number(process.env.BENCH_NUMBERS ?? 500);
const PER_ORDER = 10;
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '20';
const POOL = process.env.DATABASE_POOL_SIZE ?? '30';
/** HTTP and webhooks on every process, jobs on process 0 (see api-cluster.ts): the machine has 2 cores. */
const PROCESSES = process.env.API_PROCESSES ?? '2';
const WORKER_PROCESSES = process.env.WORKER_PROCESSES ?? PROCESSES;
const LOCAL_QUEUE = process.env.WORKER_LOCAL_QUEUE ?? '0';
const COMPLETE_BATCH = process.env.WORKER_COMPLETE_BATCH_MS ?? '-1';
/** Payments in flight at once (each is a checkout page POST that delivers the signed webhook). */
const PAYERS = Number(process.env.BENCH_PAYERS ?? 5);
const PROBES = Number(process.env.BENCH_PROBES ?? 300);
const API_PORT = process.env.BENCH_PORT ?? '4102';
const DIDWW_PORT = process.env.BENCH_DIDWW_PORT ?? '4112';

const ADD = `mutation($id: ID!) { addToCart(availableNumberId: $id) { errors { code message } } }`;
const START = `mutation { startCheckout { checkoutUrl order { id } errors { code message } } }`;
const CHANGED = `subscription { myNumberStatusChanged { id status } }`;

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startFakeDidwwProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/integrations/didww/fake/main.ts'], {
    cwd: apiDir,
    env: { ...process.env, FAKE_DIDWW_PORT: DIDWW_PORT, FAKE_DIDWW_API_KEY: FAKE_DIDWW_KEY, FAKE_DIDWW_ORDER_DELAY_MS: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${DIDWW_PORT}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`fake DIDWW exited with code ${child.exitCode}`);
    try {
      await fetch(`${origin}/__admin/state`);
      break;
    } catch {
      await sleep(200);
    }
  }
  return { url: `${origin}/v3`, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) };
}


/** Every status change a customer's socket receives, stamped with this process's wall clock. */
function listen(apiUrl: string, token: string, seen: Map<string, number>, onAny: () => void): Client {
  const client = createClient({ url: `${apiUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  client.subscribe<{ myNumberStatusChanged: { id: string; status: string } }>(
    { query: CHANGED },
    {
      next: (r) => {
        const at = Date.now();
        const n = r.data?.myNumberStatusChanged;
        if (n && !seen.has(`${n.id}:${n.status}`)) seen.set(`${n.id}:${n.status}`, at);
        onAny();
      },
      error: (e) => console.error('subscription error', e),
      complete: () => {},
    },
  );
  return client;
}

async function main() {
  // Commit timestamps, so live delivery is timed from the commit of the transition, as the issue asks.
  const database = await throwawayDatabase({ settings: ['track_commit_timestamp=on'] });
  const db = createDatabase(database.url);
  const fake = await startFakeDidwwProcess();
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  const clients: Client[] = [];
  const probe = new pg.Client(poolConfigFromUrl(database.url));
  try {
    await seedDemoData(db.prisma);
    const buyers = await benchCustomers(db.prisma, Math.ceil(NUMBERS / PER_ORDER), 'prov');
    const stock = (await db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' }, status: 'AVAILABLE' }, select: { id: true }, orderBy: { e164: 'asc' }, take: NUMBERS })).map((n) => n.id);
    if (stock.length < NUMBERS) throw new Error(`only ${stock.length} US numbers in the demo catalog`);
    api = await startApiProcess({ DATABASE_URL: database.url, PORT: API_PORT, WORKER: 'on', WORKER_CONCURRENCY: CONCURRENCY, DATABASE_POOL_SIZE: POOL, API_PROCESSES: PROCESSES, WORKER_PROCESSES: WORKER_PROCESSES, WORKER_LOCAL_QUEUE: LOCAL_QUEUE, WORKER_COMPLETE_BATCH_MS: COMPLETE_BATCH, DIDWW_MODE: 'fake', DIDWW_API_URL: fake.url, DIDWW_API_KEY: FAKE_DIDWW_KEY });

    // Carts and checkouts (not measured): 10 numbers per customer, one order each.
    const checkouts: Array<{ url: string; orderId: string }> = [];
    await Promise.all(
      buyers.map(async (b, i) => {
        for (const id of stock.slice(i * PER_ORDER, (i + 1) * PER_ORDER)) {
          const r = await timedGql(api!.url, ADD, { id }, b.token);
          if (r.body.data?.addToCart.errors.length) throw new Error(JSON.stringify(r.body.data.addToCart.errors));
        }
        const started = await timedGql(api!.url, START, {}, b.token);
        const payload = started.body.data!.startCheckout;
        if (payload.errors.length) throw new Error(JSON.stringify(payload.errors));
        checkouts[i] = { url: payload.checkoutUrl, orderId: payload.order.id };
      }),
    );
    // Let the cart's DIDWW reservation jobs finish so they do not compete with provisioning.
    for (let i = 0; i < 100 && (await db.prisma.cartItem.count({ where: { didwwReservationId: null } })) > 0; i++) await sleep(100);

    // Every buyer watches their numbers live.
    const seen = new Map<string, number>();
    let any = 0;
    for (const b of buyers) clients.push(listen(api.url, b.token, seen, () => (any += 1)));
    await sleep(500);

    // Pay every order, PAYERS at a time: the offline twin sends the signed checkout.session.completed webhooks.
    const cpuBefore = cpuByRole();
    const payStarted = Date.now();
    const queue = [...checkouts];
    await Promise.all(
      Array.from({ length: PAYERS }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          await fetch(`${c.url}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' }).then((r) => r.text());
        }
      }),
    );
    const paidAllMs = Date.now() - payStarted;
    const deadline = Date.now() + 60_000;
    let active = 0;
    while (Date.now() < deadline) {
      active = await db.prisma.purchasedNumber.count({ where: { status: 'ACTIVE' } });
      const settled = active + (await db.prisma.purchasedNumber.count({ where: { status: 'FAILED' } }));
      if (settled >= NUMBERS) break;
      await sleep(100);
    }
    const cpuAfter = cpuByRole();
    await sleep(300);

    const rows = await db.prisma.$queryRaw<Array<{ id: string; accepted: Date; activated: Date | null; active_event_at: Date | null; active_committed_at: Date | null }>>`
      SELECT pn.id, se.processed_at AS accepted, pn.activated_at AS activated, e.created_at AS active_event_at, e.committed_at AS active_committed_at
      FROM purchased_numbers pn
      JOIN order_lines ol ON ol.id = pn.order_line_id
      JOIN orders o ON o.id = ol.order_id
      JOIN stripe_events se ON se.type = 'checkout.session.completed' AND se.payload->'data'->'object'->>'id' = o.stripe_checkout_session_id
      LEFT JOIN LATERAL (
        SELECT e.created_at, pg_xact_commit_timestamp(e.xmin) AS committed_at FROM number_status_events e
        WHERE e.purchased_number_id = pn.id AND e.to_status = 'ACTIVE' ORDER BY e.created_at LIMIT 1) e ON true`;
    const toActive = rows.filter((r) => r.activated).map((r) => r.activated!.getTime() - r.accepted.getTime());
    const firstAccepted = Math.min(...rows.map((r) => r.accepted.getTime()));
    const lastActive = Math.max(...rows.filter((r) => r.activated).map((r) => r.activated!.getTime()));
    const throughput = toActive.length / ((lastActive - firstAccepted) / 1000);
    const delivery = rows.filter((r) => r.active_event_at && seen.has(`${r.id}:ACTIVE`)).map((r) => seen.get(`${r.id}:ACTIVE`)! - r.active_event_at!.getTime());
    const fromCommit = rows.filter((r) => r.active_committed_at && seen.has(`${r.id}:ACTIVE`)).map((r) => seen.get(`${r.id}:ACTIVE`)! - r.active_committed_at!.getTime());
    const missed = rows.filter((r) => r.activated && !seen.has(`${r.id}:ACTIVE`)).length;

    // Commit → socket, clocked in this one process: a transition committed on our own connection,
    // timed from the moment COMMIT returned to the moment the socket delivers the number.
    await probe.connect();
    const probeDelays: number[] = [];
    const owned = await db.prisma.purchasedNumber.findMany({ where: { status: 'ACTIVE' }, select: { id: true }, take: PROBES });
    for (const n of owned) {
      const key = `${n.id}:PAST_DUE`;
      seen.delete(key);
      await probe.query('BEGIN');
      await probe.query(`UPDATE purchased_numbers SET status = 'PAST_DUE' WHERE id = $1`, [n.id]);
      await probe.query(`INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, updated_at) VALUES (gen_random_uuid(), $1, 'ACTIVE', 'PAST_DUE', 'bench probe', now())`, [n.id]);
      await probe.query('COMMIT');
      const committed = Date.now();
      while (!seen.has(key) && Date.now() - committed < 2000) await sleep(1);
      if (seen.has(key)) probeDelays.push(seen.get(key)! - committed);
      // Back without an event (no NOTIFY): the next probe starts from ACTIVE again.
      await probe.query(`UPDATE purchased_numbers SET status = 'ACTIVE' WHERE id = $1`, [n.id]);
    }

    if (process.env.BENCH_DEBUG) {
      const hist = (ts: number[]) => Object.entries(ts.reduce<Record<number, number>>((h, t) => ((h[Math.floor((t - firstAccepted) / 1000)] = (h[Math.floor((t - firstAccepted) / 1000)] ?? 0) + 1), h), {})).map(([k, v]) => `${k}s:${v}`).join(' ');
      console.log('accepted per second', hist(rows.map((r) => r.accepted.getTime())));
      console.log('active per second  ', hist(rows.filter((r) => r.activated).map((r) => r.activated!.getTime())));
    }
    const a = summarise(toActive);
    const d = summarise(delivery);
    const c = summarise(fromCommit);
    const p = summarise(probeDelays);
    const fmt = (n: number) => n.toFixed(1);
    console.log(`\nProvisioning: ${NUMBERS} numbers in ${checkouts.length} orders of ${PER_ORDER}, paid ${PAYERS} at a time (the ${checkouts.length} offline-checkout payments took ${paidAllMs} ms), fake DIDWW with zero delay`);
    console.log(
      `API: API_PROCESSES=${PROCESSES}, graphile-worker in WORKER_PROCESSES=${WORKER_PROCESSES} of them with WORKER_CONCURRENCY=${CONCURRENCY} each, ` +
        `WORKER_LOCAL_QUEUE=${LOCAL_QUEUE}, WORKER_COMPLETE_BATCH_MS=${COMPLETE_BATCH}, DATABASE_POOL_SIZE=${POOL} per process; ACTIVE ${active}/${NUMBERS}`,
    );
    console.table([
      { figure: 'webhook accepted → ACTIVE', n: a.n, 'p50 ms': fmt(a.p50), 'p95 ms': fmt(a.p95), 'p99 ms': fmt(a.p99), 'max ms': fmt(a.max), target: 'p95 < 1000', met: a.p95 < 1000 ? 'yes' : 'NO' },
      { figure: 'ACTIVE committed → socket (under load)', n: c.n, 'p50 ms': fmt(c.p50), 'p95 ms': fmt(c.p95), 'p99 ms': fmt(c.p99), 'max ms': fmt(c.max), target: 'p95 < 50', met: c.p95 < 50 ? 'yes' : 'NO' },
      { figure: '  (timed from the row timestamp, taken before its statement ran)', n: d.n, 'p50 ms': fmt(d.p50), 'p95 ms': fmt(d.p95), 'p99 ms': fmt(d.p99), 'max ms': fmt(d.max), target: '-', met: '-' },
      { figure: 'commit → socket (probe, one at a time)', n: p.n, 'p50 ms': fmt(p.p50), 'p95 ms': fmt(p.p95), 'p99 ms': fmt(p.p99), 'max ms': fmt(p.max), target: 'p95 < 50', met: p.p95 < 50 ? 'yes' : 'NO' },
    ]);
    console.log(`Throughput: ${throughput.toFixed(0)} numbers/s from the first webhook accepted to the last number ACTIVE (target ≥ 100/s: ${throughput >= 100 ? 'yes' : 'NO'})`);
    const cpu = (role: Role) => (cpuAfter[role] - cpuBefore[role]) / NUMBERS;
    console.log(
      `CPU per number, paying to ACTIVE (incl. the offline Stripe twin and live delivery): API ${cpu('api').toFixed(1)} ms, PostgreSQL ${cpu('postgres').toFixed(1)} ms, ` +
        `fake DIDWW ${cpu('didww').toFixed(1)} ms; total ${(cpu('api') + cpu('postgres') + cpu('didww')).toFixed(1)} ms`,
    );
    console.log(`Subscription results received: ${any}; ACTIVE transitions never delivered: ${missed}`);
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await probe.end().catch(() => {});
    await api?.stop();
    await fake.stop();
    await db.close();
    await database.stop();
  }
}

await main();
