import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { quoteIdent, withDatabase } from '../db/database-url';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { adminQuery, TEMPLATE_DATABASE } from './db-admin';

export interface TestDatabase {
  name: string;
  url: string;
  /** A client on this database (pool of 5), disconnected by drop(). */
  prisma: PrismaClient;
  drop(): Promise<void>;
}

let created = 0;

/** A fresh, migrated, empty database of its own: a clone of the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  if (!adminUrl) throw new Error('No test database server: run tests through vitest (src/test/global-setup.ts)');
  created += 1;
  // Unique across the parallel forks and across files within one fork.
  const name = `test_${process.pid}_${created}_${randomBytes(3).toString('hex')}`;
  // FILE_COPY copies the template's files whole: about twice as fast as WAL_LOG for our size.
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${TEMPLATE_DATABASE} STRATEGY FILE_COPY`);
  const url = withDatabase(adminUrl, name);
  const prisma = createPrismaClient(url, { max: 5 });
  let dropped: Promise<void> | undefined;
  return {
    name,
    url,
    prisma,
    drop: () =>
      (dropped ??= (async () => {
        await prisma.$disconnect();
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      })()),
  };
}

/**
 * A database for the current test file: created before its tests, dropped after. Read its
 * fields inside tests or hooks, not at module level (they are filled in by beforeAll).
 */
export function useTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(holder, await createTestDatabase());
  });
  afterAll(async () => {
    await holder.drop?.();
  });
  return new Proxy(holder, {
    get(target, key) {
      if (typeof key === 'string' && key !== 'then' && !('name' in target)) throw new Error('useTestDatabase(): used before beforeAll ran');
      return Reflect.get(target, key);
    },
  });
}
