import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client';
import type pg from 'pg';
import { queryPrepared } from '../../db/prepared';
import { badInput } from '../../graphql/errors';
import { decodeCursor } from '../../graphql/pagination';
import { AvailableNumberSort } from './catalog.types';
import type { SearchCriteria } from './search-filter';

export interface NumberRow {
  id: string;
  e164: string;
  country_id: string;
  region_id: string | null;
  area_code: string | null;
  area_name: string;
  kind: string;
  features: string[];
  setup_price: number;
  monthly_price: number;
  currency: string;
  status: string;
}

const cursorSchema = z.object({ s: z.enum(AvailableNumberSort), p: z.number().int().optional(), n: z.string().max(20) });
export type SearchCursor = z.infer<typeof cursorSchema>;

/** The cursor names its sort, so a cursor from one ordering cannot be replayed against another. */
export function cursorOf(row: NumberRow, sort: AvailableNumberSort): SearchCursor {
  return sort === AvailableNumberSort.NUMBER_ASC ? { s: sort, n: row.e164 } : { s: sort, p: row.monthly_price, n: row.e164 };
}

export function parseSearchCursor(after: string | null | undefined, sort: AvailableNumberSort): SearchCursor | null {
  const cursor = decodeCursor(after, cursorSchema);
  if (cursor && (cursor.s !== sort || (sort !== AvailableNumberSort.NUMBER_ASC && cursor.p === undefined))) {
    throw badInput('`after` is a cursor of another sort order; start again without it.', ['after']);
  }
  return cursor;
}

/** ORDER BY for a sort, on the given table alias (the page is ordered inside and again after the join). */
function orderBy(sort: AvailableNumberSort, alias: 'n' | 'p'): Prisma.Sql {
  const a = Prisma.raw(alias);
  switch (sort) {
    case AvailableNumberSort.PRICE_ASC:
      return Prisma.sql`${a}.monthly_price ASC, ${a}.e164 ASC`;
    case AvailableNumberSort.PRICE_DESC:
      return Prisma.sql`${a}.monthly_price DESC, ${a}.e164 DESC`;
    case AvailableNumberSort.NUMBER_ASC:
      return Prisma.sql`${a}.e164 ASC`;
  }
}

/** Keyset conditions: positions, not offsets, so pages stay stable while numbers come and go. */
function keyset(cursor: SearchCursor | null): Prisma.Sql | null {
  if (!cursor) return null;
  switch (cursor.s) {
    case AvailableNumberSort.PRICE_ASC:
      return Prisma.sql`(n.monthly_price, n.e164) > (${cursor.p}, ${cursor.n})`;
    case AvailableNumberSort.PRICE_DESC:
      return Prisma.sql`(n.monthly_price, n.e164) < (${cursor.p}, ${cursor.n})`;
    case AvailableNumberSort.NUMBER_ASC:
      return Prisma.sql`n.e164 > ${cursor.n}`;
  }
}

/** WHERE conditions shared by the page query and the count. `countryIds` are the enabled countries in scope. */
function conditions(c: SearchCriteria, countryIds: string[]): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`n.status = 'AVAILABLE'`];
  where.push(countryIds.length === 1 ? Prisma.sql`n.country_id = ${countryIds[0]}::uuid` : Prisma.sql`n.country_id = ANY(${countryIds}::uuid[])`);
  if (c.regionId) where.push(Prisma.sql`n.region_id = ${c.regionId}::uuid`);
  if (c.areaCode) where.push(Prisma.sql`n.area_code = ${c.areaCode}`);
  if (c.containsDigits && !usesTrigramFence(c)) where.push(Prisma.sql`n.digits LIKE ${`%${c.containsDigits}%`}`);
  if (c.features.length) where.push(Prisma.sql`n.features @> ${c.features}::"NumberFeature"[]`);
  if (c.kind) where.push(Prisma.sql`n.did_group_id IN (SELECT id FROM did_groups WHERE kind = ${c.kind}::"DidGroupKind")`);
  if (c.maxMonthlyPrice !== null) where.push(Prisma.sql`n.monthly_price <= ${c.maxMonthlyPrice}`);
  return where;
}

/** Trigrams need three characters; shorter patterns match so often that scanning in price order wins. */
function usesTrigramFence(c: SearchCriteria): boolean {
  return (c.containsDigits?.length ?? 0) >= 3;
}

/**
 * The rows to search. For "contains" patterns of three digits or more, the matches come from the
 * trigram index first: `OFFSET 0` keeps the planner from flattening the subquery, because it
 * overestimates LIKE '%…%' matches and would otherwise walk the price index filtering tens of
 * thousands of rows.
 */
function source(c: SearchCriteria): Prisma.Sql {
  if (!usesTrigramFence(c)) return Prisma.sql`available_numbers`;
  return Prisma.sql`(SELECT * FROM available_numbers WHERE digits LIKE ${`%${c.containsDigits}%`} OFFSET 0)`;
}

/** The page query; exported so the benchmark can EXPLAIN exactly what the API runs. */
export function searchSql(c: SearchCriteria, countryIds: string[], cursor: SearchCursor | null, limit: number): Prisma.Sql {
  const where = conditions(c, countryIds);
  const after = keyset(cursor);
  if (after) where.push(after);
  // The group's area name and kind are joined to the page only, not to every candidate row.
  return Prisma.sql`
    SELECT p.id, p.e164, p.country_id, p.region_id, p.area_code, g.area_name, g.kind::text AS kind,
           p.features::text[] AS features, p.setup_price, p.monthly_price, p.currency, p.status::text AS status
    FROM (SELECT n.id, n.e164, n.country_id, n.region_id, n.area_code, n.did_group_id, n.features, n.setup_price,
                 n.monthly_price, n.currency, n.status
          FROM ${source(c)} n
          WHERE ${Prisma.join(where, ' AND ')}
          ORDER BY ${orderBy(c.sort, 'n')}
          LIMIT ${limit + 1}) p
    JOIN did_groups g ON g.id = p.did_group_id
    ORDER BY ${orderBy(c.sort, 'p')}`;
}

export function searchNumbers(
  pool: pg.Pool,
  c: SearchCriteria,
  countryIds: string[],
  cursor: SearchCursor | null,
  limit: number,
): Promise<NumberRow[]> {
  return queryPrepared<NumberRow>(pool, searchSql(c, countryIds, cursor, limit));
}

/**
 * The page and the (capped) count in one statement: one round trip instead of two when a query
 * asks for both, as the storefront does.
 */
export async function searchNumbersWithCount(
  pool: pg.Pool,
  c: SearchCriteria,
  countryIds: string[],
  cursor: SearchCursor | null,
  limit: number,
): Promise<{ rows: NumberRow[]; total: number }> {
  const rows = await queryPrepared<NumberRow & { total: number }>(
    pool,
    Prisma.sql`WITH page AS (${searchSql(c, countryIds, cursor, limit)}),
                    total AS (${countSql(c, countryIds)})
               SELECT page.*, total.n AS total FROM total LEFT JOIN page ON true`,
  );
  return { rows: rows.filter((r) => r.id !== null), total: rows[0]?.total ?? 0 };
}

/** Counting a million rows for a badge is not worth it: counts stop at the cap ("1,000+ numbers"). */
export const COUNT_CAP = 1_000;

function countSql(c: SearchCriteria, countryIds: string[]): Prisma.Sql {
  const where = conditions(c, countryIds);
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${source(c)} n WHERE ${Prisma.join(where, ' AND ')} LIMIT ${COUNT_CAP}) t`;
}

export async function countNumbers(pool: pg.Pool, c: SearchCriteria, countryIds: string[]): Promise<number> {
  const [row] = await queryPrepared<{ n: number }>(pool, countSql(c, countryIds));
  return row?.n ?? 0;
}
