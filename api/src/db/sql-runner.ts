import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client';
import { queryPrepared } from './prepared';

/** Runs SQL built with Prisma.sql, whether inside a Prisma transaction or on a pg connection. */
export interface SqlRunner {
  query<T extends Record<string, unknown>>(sql: Prisma.Sql): Promise<T[]>;
}

export function prismaRunner(tx: { $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T> }): SqlRunner {
  return { query: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql) };
}

export function pgRunner(client: pg.PoolClient | pg.Pool): SqlRunner {
  return { query: <T extends Record<string, unknown>>(sql: Prisma.Sql) => queryPrepared<T>(client, sql) };
}

/** The same runner for helpers written against `$executeRaw` (jobs/enqueue.ts). */
export function jobRunner(sql: SqlRunner): { $executeRaw(query: Prisma.Sql): Promise<number> } {
  return { $executeRaw: async (query) => (await sql.query(query)).length };
}

/**
 * A transaction on one pg connection, for hot paths where a Prisma interactive transaction's
 * per-statement overhead dominates. Statements run as prepared statements (planned once per connection);
 * `client` is the connection itself, for the plain-text SQL some callers build.
 */
export async function pgTransaction<T>(pool: pg.Pool, fn: (sql: SqlRunner, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(pgRunner(client), client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
