import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client';

/**
 * Runs a query as a named prepared statement, so PostgreSQL plans each query shape once per
 * connection instead of on every call. Worth it on hot read paths (the storefront search), where
 * planning cost more than executing.
 */
export async function queryPrepared<T extends pg.QueryResultRow>(pool: pg.Pool | pg.PoolClient, sql: Prisma.Sql): Promise<T[]> {
  const text = sql.text;
  const name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  const result = await pool.query<T>({ name, text, values: sql.values as unknown[] });
  return result.rows;
}
