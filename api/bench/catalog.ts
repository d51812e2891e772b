// pnpm bench:catalog — 1,000,000 available numbers in a throwaway database, the API in its own
// processes (BENCH_API_PROCESSES, default 2: one per core of a 2-core machine), autocannon at 20
// connections per search shape, each shape rotating through many variants. Runs once with the search
// response cache (BENCH_PAGE_CACHE_MS, default 2000, as in production) and once without it. Prints
// p50/p95/p99 and req/s per shape, then EXPLAIN ANALYZE of the slowest shape.
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

interface Shape {
  name: string;
  variants: Array<Record<string, unknown>>;
}

/** Deterministic pseudo-random numbers, so every run searches for the same patterns. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

async function graphql(url: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: { availableNumbers: { pageInfo: { endCursor: string } } }; errors?: unknown[] };
  if (body.errors) throw new Error(`search failed: ${JSON.stringify(body.errors)}`);
  return body;
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

    const isos = (await db.pool.query<{ iso_code: string }>('SELECT iso_code FROM countries WHERE enabled ORDER BY iso_code')).rows.map((r) => r.iso_code);
    const usAreaCodes = (
      await db.pool.query<{ area_code: string }>(
        `SELECT DISTINCT area_code FROM available_numbers n JOIN countries c ON c.id = n.country_id WHERE c.iso_code = 'US' AND area_code IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((r) => r.area_code);
    // Many visitors, many searches: each shape rotates through realistic variants, so caching a
    // single hot page cannot flatter the figures.
    const rng = lcg(42);
    const patterns = [...Array.from({ length: 60 }, () => String(Math.floor(rng() * 10_000)).padStart(4, '0')), 'CALL', 'TAXI', 'PIZZA', 'HELP'];
    const shapes: Shape[] = [
      { name: 'country only', variants: isos.flatMap((iso) => ['PRICE_ASC', 'NUMBER_ASC', 'PRICE_DESC'].map((sort) => ({ filter: { countryIso: iso }, sort, first: 20 }))) },
      { name: 'country + area code', variants: usAreaCodes.map((areaCode) => ({ filter: { countryIso: 'US', areaCode }, first: 20 })) },
      { name: 'contains digits', variants: patterns.map((contains) => ({ filter: { countryIso: 'US', contains }, first: 20 })) },
      {
        name: 'features + max price',
        variants: ['US', 'GB', 'DE'].flatMap((countryIso) =>
          [['VOICE', 'SMS'], ['VOICE'], ['SMS']].flatMap((features) => [100, 150, 200, 300].map((maxMonthlyPrice) => ({ filter: { countryIso, features, maxMonthlyPrice }, first: 20 }))),
        ),
      },
    ];
    const cacheMs = process.env.BENCH_PAGE_CACHE_MS ?? '2000';
    const processes = process.env.BENCH_API_PROCESSES ?? '2';
    const runs: Array<{ title: string; env: Record<string, string> }> = [
      { title: `search response cache ${cacheMs} ms`, env: { CATALOG_PAGE_CACHE_MS: cacheMs } },
      { title: 'search response cache off: every request executes and reaches Postgres', env: { CATALOG_PAGE_CACHE_MS: '0' } },
    ];
    let results: LoadResult[] = [];
    for (const run of runs) {
      api = await startApiProcess({ DATABASE_URL: database.url, PORT: process.env.BENCH_PORT ?? '4100', API_PROCESSES: processes, ...run.env });
      const secondPages = await Promise.all(
        shapes[0]!.variants.map(async (v) => ({ ...v, after: (await graphql(api!.url, SEARCH, v)).data.availableNumbers.pageInfo.endCursor })),
      );
      const all = [...shapes, { name: 'second page by cursor', variants: secondPages }];
      const runResults: LoadResult[] = [];
      for (const shape of all) {
        // Every variant must be a valid search: a fast error page would flatter the figures.
        for (const v of shape.variants) await graphql(api.url, SEARCH, v);
        await loadGraphQL({ name: shape.name, url: api.url, query: SEARCH, variants: shape.variants, connections: CONNECTIONS, seconds: 2 }); // warm-up
        runResults.push(await loadGraphQL({ name: shape.name, url: api.url, query: SEARCH, variants: shape.variants, connections: CONNECTIONS, seconds: SECONDS }));
      }
      await api.stop();
      api = undefined;
      console.log(
        `\nGraphQL search over HTTP — ${run.title}; ${processes} API processes; ${CONNECTIONS} connections, ${SECONDS} s per shape, ` +
          `${total.toLocaleString('en-US')} numbers; variants per shape: ${all.map((a) => `${a.name} ${a.variants.length}`).join(', ')} ` +
          `(each request also counts matches, capped at 1,000):`,
      );
      printTable(runResults, Object.fromEntries(all.map((s) => [s.name, { p95: 30, ...(s.name === 'country + area code' ? { rps: 500 } : {}) }])));
      if (results.length === 0) results = runResults;
    }

    const slowest = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const shape = shapes.find((s) => s.name === slowest.name) ?? shapes[0]!;
    const variables = shape.variants[0]!;
    const country = await db.prisma.country.findUniqueOrThrow({ where: { isoCode: (variables.filter as { countryIso: string }).countryIso } });
    const criteria = parseSearchFilter(variables.filter as never, (variables.sort as AvailableNumberSort | undefined) ?? AvailableNumberSort.PRICE_ASC);
    const plan = await db.prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(criteria, [country.id], null, 20)}`,
    );
    console.log(`\nEXPLAIN ANALYZE of the slowest shape with the cache on (${slowest.name}: ${JSON.stringify(variables)}):`);
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    console.log(`\nTotal bench time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await api?.stop();
    await db.close();
    await database.stop();
  }
}

await main();
