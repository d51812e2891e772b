// pnpm bench:catalog — 1,000,000 available numbers in a throwaway database, the API in its own
// process, autocannon at 20 connections per search shape. Prints p50/p95/p99 and req/s per shape,
// then EXPLAIN ANALYZE of the slowest shape.
import 'reflect-metadata';
import { Prisma } from '../src/generated/prisma/client';
import { createDatabase } from '../src/db/prisma';
import { AvailableNumberSort } from '../src/modules/catalog/catalog.types';
import { searchSql } from '../src/modules/catalog/number-search';
import { parseSearchFilter } from '../src/modules/catalog/search-filter';
import { seedDemoData } from '../src/seed';
import { startApiProcess } from './lib/api-process';
import { loadGraphQL, printTable, type LoadResult } from './lib/http-load';
import { throwawayDatabase } from './lib/throwaway-db';

const TARGET_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

const SEARCH = `query Search($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {
  availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id e164 nationalFormat areaName features setupPrice { amount formatted } monthlyPrice { amount formatted } } }
  }
}`;

/** Multiplies the seeded stock into `target` rows: same groups, prices and areas, new last digits. */
async function loadNumbers(db: ReturnType<typeof createDatabase>, target: number): Promise<number> {
  const { rows: idx } = await db.pool.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'available_numbers' AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  // Bulk loads are far faster without secondary indexes; they are rebuilt once at the end.
  for (const i of idx) await db.pool.query(`DROP INDEX "${i.indexname}"`);
  const base = Number((await db.pool.query('SELECT count(*) FROM available_numbers')).rows[0].count);
  const copies = Math.ceil((target - base) / base) + 2;
  await db.pool.query(`
    INSERT INTO available_numbers (id, didww_id, e164, digits, country_id, region_id, did_group_id, sku_id, area_code, features,
                                   setup_price, monthly_price, currency, status, last_seen_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'bench-' || g || '-' || n.didww_id,
           left(n.e164, length(n.e164) - 4) || lpad(((right(n.e164, 4)::int + g * 37) % 10000)::text, 4, '0'),
           left(n.digits, length(n.digits) - 4) || lpad(((right(n.digits, 4)::int + g * 37) % 10000)::text, 4, '0'),
           n.country_id, n.region_id, n.did_group_id, n.sku_id, n.area_code, n.features,
           n.setup_price, n.monthly_price + (g % 7) * 5, n.currency, 'AVAILABLE', now(), now(), now()
    FROM available_numbers n CROSS JOIN generate_series(1, $1::int) g
    ON CONFLICT DO NOTHING`, [copies]);
  // Trim to the target so runs are comparable.
  await db.pool.query(`DELETE FROM available_numbers WHERE id IN (SELECT id FROM available_numbers WHERE didww_id LIKE 'bench-%' OFFSET $1)`, [target - base]);
  for (const i of idx) await db.pool.query(i.indexdef);
  await db.pool.query('VACUUM ANALYZE available_numbers');
  return Number((await db.pool.query('SELECT count(*) FROM available_numbers')).rows[0].count);
}

async function main() {
  const started = Date.now();
  const database = await throwawayDatabase();
  const db = createDatabase(database.url);
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  try {
    await seedDemoData(db.prisma);
    const loadStart = Date.now();
    const total = await loadNumbers(db, TARGET_ROWS);
    console.log(`Loaded ${total.toLocaleString('en-US')} available numbers in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    api = await startApiProcess({ DATABASE_URL: database.url, PORT: process.env.BENCH_PORT ?? '4100' });
    const call = async (variables: Record<string, unknown>) => {
      const res = await fetch(`${api!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCH, variables }) });
      return (await res.json()) as { data: { availableNumbers: { pageInfo: { endCursor: string } } } };
    };
    const secondPageCursor = (await call({ filter: { countryIso: 'US' }, first: 20 })).data.availableNumbers.pageInfo.endCursor;

    const shapes: Array<{ name: string; variables: Record<string, unknown> }> = [
      { name: 'country only', variables: { filter: { countryIso: 'US' }, first: 20 } },
      { name: 'country + area code', variables: { filter: { countryIso: 'US', areaCode: '212' }, first: 20 } },
      { name: 'contains digits', variables: { filter: { countryIso: 'US', contains: '2255' }, first: 20 } },
      { name: 'features + max price', variables: { filter: { countryIso: 'US', features: ['VOICE', 'SMS'], maxMonthlyPrice: 150 }, first: 20 } },
      { name: 'second page by cursor', variables: { filter: { countryIso: 'US' }, first: 20, after: secondPageCursor } },
    ];
    const results: LoadResult[] = [];
    for (const shape of shapes) {
      await loadGraphQL({ name: shape.name, url: api.url, query: SEARCH, variables: shape.variables, connections: CONNECTIONS, seconds: 2 }); // warm-up
      results.push(await loadGraphQL({ name: shape.name, url: api.url, query: SEARCH, variables: shape.variables, connections: CONNECTIONS, seconds: SECONDS }));
    }
    console.log(`\nGraphQL search over HTTP, ${CONNECTIONS} connections, ${SECONDS} s per shape, ${total.toLocaleString('en-US')} numbers (each request also counts matches, capped at 1,000):`);
    printTable(results, Object.fromEntries(shapes.map((s) => [s.name, { p95: 30, ...(s.name === 'country + area code' ? { rps: 500 } : {}) }])));

    const slowest = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const shape = shapes.find((s) => s.name === slowest.name)!;
    const us = await db.prisma.country.findUniqueOrThrow({ where: { isoCode: 'US' } });
    const criteria = parseSearchFilter(shape.variables.filter as never, AvailableNumberSort.PRICE_ASC);
    const plan = await db.prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(criteria, [us.id], null, 20)}`,
    );
    console.log(`\nEXPLAIN ANALYZE of the slowest shape (${slowest.name}):`);
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    console.log(`\nTotal bench time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await api?.stop();
    await db.close();
    await database.stop();
  }
}

await main();
