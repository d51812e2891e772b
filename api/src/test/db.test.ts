import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { poolConfigFromUrl } from '../db/database-url';
import { createTestDatabase, useTestDatabase } from './db';

async function databases(): Promise<string[]> {
  const client = new pg.Client(poolConfigFromUrl(inject('databaseAdminUrl')));
  await client.connect();
  try {
    return (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe('test databases', () => {
  const db = useTestDatabase();

  it('come migrated and empty', async () => {
    const rows = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(await db.prisma.user.count()).toBe(0);
  });

  it('are isolated from one another, even created at the same moment', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      await a.prisma.user.create({ data: { email: 'only-in-a@example.com', name: 'A', passwordHash: 'x' } });
      expect(await b.prisma.user.count()).toBe(0);
      expect(await db.prisma.user.count()).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('are dropped, open connections and all', async () => {
    const t = await createTestDatabase();
    await t.prisma.user.count(); // opens a pooled connection
    await t.drop();
    await t.drop(); // idempotent
    expect(await databases()).not.toContain(t.name);
  });

  it('leave the template closed to connections, so cloning it never blocks', async () => {
    const client = new pg.Client({ ...poolConfigFromUrl(inject('databaseAdminUrl')), database: 'numninja_template' });
    await expect(client.connect()).rejects.toThrow(/not currently accepting connections/);
  });
});
