import type pg from 'pg';

/** History lists stop counting here: the page shows "10,000+" rather than scan a whole account. */
export const HISTORY_COUNT_CAP = 10_000;

/**
 * count(*) of `FROM … WHERE …`, stopping at `cap` rows: an account with millions of calls would
 * otherwise scan all of them for a number in a page header.
 */
export async function cappedCount(pool: pg.Pool, fromWhere: string, params: unknown[], cap = HISTORY_COUNT_CAP): Promise<number> {
  const res = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromWhere} LIMIT ${Number(cap)}) capped`, params);
  return res.rows[0]!.n;
}
