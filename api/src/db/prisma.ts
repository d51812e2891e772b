import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type { PrismaClient } from '../generated/prisma/client';

export interface Database {
  prisma: PrismaClient;
  /** The same pool Prisma uses, for the few things Prisma cannot do (rate-limit store, LISTEN/NOTIFY). */
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(databaseUrl: string, opts: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
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
