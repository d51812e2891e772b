import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type { PrismaClient } from '../generated/prisma/client';

export interface Database {
  /** Where it is; the realtime listener opens its own dedicated connection there. */
  url: string;
  prisma: PrismaClient;
  /** The same pool Prisma uses, for the few things Prisma cannot do (rate-limit store, LISTEN/NOTIFY). */
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(databaseUrl: string, opts: { max?: number; onError?: (err: Error) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10 });
  // An idle client that loses its connection (database restart, failover) emits 'error'; unhandled,
  // that would crash the process. The pool replaces the client on the next checkout.
  const onError = opts.onError ?? (() => {});
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url: databaseUrl,
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** One client per process (per test database in tests); the adapter owns its pg pool. */
export function createPrismaClient(databaseUrl: string, opts: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}
