import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../test/db';
import { poolConfigFromUrl, withDatabase } from './database-url';
import { diffMigration, diffSql, migrate, MIGRATIONS_DIR, readMigrations, recordedUpToDate, SCHEMA_PATH } from './migrate';

const db = useTestDatabase();
let schema: string;
let scratch: string;

beforeAll(async () => {
  schema = await readFile(SCHEMA_PATH, 'utf8');
  scratch = await mkdtemp(path.join(tmpdir(), 'numninja-migrations-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** schema.prisma with one more column on User: the edit someone forgets to migrate. */
function withExtraField(text: string): string {
  const edited = text.replace(/(model User \{\n)/, '$1  nickname String?\n');
  expect(edited).not.toBe(text);
  return edited;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations and schema.prisma', () => {
  it('replaying every migration yields exactly schema.prisma (no drift)', async () => {
    const sql = await diffSql(db.url, { kind: 'migrations' }, { kind: 'datamodel', text: schema });
    expect(sql, 'schema.prisma changed without a migration: run `pnpm db:diff <name>`').toBe('');
  });

  it('a migrated database matches schema.prisma', async () => {
    expect(await diffSql(db.url, { kind: 'database' }, { kind: 'datamodel', text: schema })).toBe('');
  });

  it('the drift check notices a field that no migration adds', async () => {
    const sql = await diffSql(db.url, { kind: 'migrations' }, { kind: 'datamodel', text: withExtraField(schema) });
    expect(sql).toContain('ALTER TABLE "users" ADD COLUMN     "nickname" TEXT');
  });

  it('records migrations in _prisma_migrations as prisma migrate deploy does', async () => {
    const { migrationDirectories } = await readMigrations();
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      db.url,
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('migrating an up-to-date database applies nothing', async () => {
    expect(await migrate(db.url)).toEqual({ applied: [] });
  });

  it('knows from the bookkeeping alone when nothing is to apply, and not when a migration is new or edited', async () => {
    const client = new pg.Client(poolConfigFromUrl(db.url));
    await client.connect();
    try {
      const list = await readMigrations();
      expect(await recordedUpToDate(client, list)).toBe(true);
      const added = { ...list, migrationDirectories: [...list.migrationDirectories, { path: '29990101000000_new', migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: 'SELECT 1;' } } }] };
      expect(await recordedUpToDate(client, added)).toBe(false);
      const [first, ...rest] = list.migrationDirectories;
      const edited = { ...list, migrationDirectories: [{ ...first!, migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: 'SELECT 2;' } } }, ...rest] };
      expect(await recordedUpToDate(client, edited)).toBe(false);
    } finally {
      await client.end();
    }
  });
});

describe('migrate()', () => {
  async function migrationsDir(name: string, files: Record<string, string>): Promise<string> {
    const dir = path.join(scratch, name);
    for (const [migration, sql] of Object.entries(files)) {
      await mkdir(path.join(dir, migration), { recursive: true });
      await writeFile(path.join(dir, migration, 'migration.sql'), sql);
    }
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    return dir;
  }

  it('creates the database when it does not exist, then applies in order', async () => {
    const url = withDatabase(inject('databaseAdminUrl'), `fresh_${process.pid}`);
    const dir = await migrationsDir('ordered', {
      '20260101000000_a': 'CREATE TABLE a (id int);',
      '20260102000000_b': 'ALTER TABLE a ADD COLUMN b int;',
    });
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ['20260101000000_a', '20260102000000_b'] });
    expect(await query(url, 'SELECT b FROM a')).toEqual([]);
    await query(inject('databaseAdminUrl'), `DROP DATABASE fresh_${process.pid} WITH (FORCE)`);
  });

  it('runs a script whole: semicolons inside strings and function bodies survive', async () => {
    const url = withDatabase(inject('databaseAdminUrl'), `semicolons_${process.pid}`);
    const dir = await migrationsDir('semicolons', {
      '20260101000000_fn': [
        "CREATE TABLE t (note text DEFAULT 'a;b');",
        "CREATE FUNCTION f() RETURNS text AS $$ BEGIN RETURN 'x;y'; END $$ LANGUAGE plpgsql;",
      ].join('\n'),
    });
    await migrate(url, { migrationsDir: dir });
    expect(await query(url, 'SELECT f() AS f')).toEqual([{ f: 'x;y' }]);
    await query(inject('databaseAdminUrl'), `DROP DATABASE semicolons_${process.pid} WITH (FORCE)`);
  });

  it('a failing migration leaves nothing half-applied and blocks later runs', async () => {
    const url = withDatabase(inject('databaseAdminUrl'), `failing_${process.pid}`);
    const dir = await migrationsDir('failing', {
      '20260101000000_bad': 'CREATE TABLE half (id int);\nSELECT 1/0;',
    });
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/division by zero/);
    expect(await query(url, "SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
    const [row] = await query<{ finished_at: Date | null }>(url, 'SELECT finished_at FROM _prisma_migrations');
    expect(row?.finished_at).toBeNull();
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/failed/i);
    await query(inject('databaseAdminUrl'), `DROP DATABASE failing_${process.pid} WITH (FORCE)`);
  });
});

describe('diffMigration()', () => {
  it('writes a timestamped migration for what schema.prisma adds, and nothing when in sync', async () => {
    const dir = path.join(scratch, 'diff');
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const schemaPath = path.join(scratch, 'schema.prisma');
    await writeFile(schemaPath, schema);

    expect(await diffMigration(db.url, 'nothing', { migrationsDir: dir, schemaPath })).toBeNull();

    await writeFile(schemaPath, withExtraField(schema));
    const created = await diffMigration(db.url, 'Add user nickname!', {
      migrationsDir: dir,
      schemaPath,
      now: new Date('2099-01-02T03:04:05Z'),
    });
    expect(created?.dir).toBe(path.join(dir, '20990102030405_add_user_nickname'));
    expect(await readFile(path.join(created!.dir, 'migration.sql'), 'utf8')).toContain('"nickname" TEXT');
    expect((await readdir(dir)).filter((d) => d.startsWith('2099'))).toHaveLength(1);

    // The new migration now covers the edit.
    expect(await diffMigration(db.url, 'again', { migrationsDir: dir, schemaPath })).toBeNull();
  });

  it('leaves no shadow databases behind', async () => {
    const rows = await query<{ datname: string }>(
      inject('databaseAdminUrl'),
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'",
    );
    expect(rows).toEqual([]);
  });
});
