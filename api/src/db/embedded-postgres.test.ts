import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

let base: string;
// One cluster for the whole file (initdb is the slow part); every test leaves it stopped.
let dataDir: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'numninja-embedded-'));
  await chmod(base, 0o755);
  dataDir = path.join(base, 'pg');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('initialises a cluster on first start and keeps its data for the next', async () => {
    const first = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    expect(first.url).toBe(`postgres://postgres:postgres@127.0.0.1:${first.port}/postgres`);
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();
    await first.stop(); // idempotent

    const second = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a data directory another live server holds, or borrows it when asked', async () => {
    const owner = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by a running server/);
      const borrowed = await startEmbeddedPostgres({ dataDir, reuseRunning: true, database: 'postgres' });
      expect(borrowed.port).toBe(owner.port);
      await borrowed.stop(); // leaves the owner's server running
      expect(await query(owner.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await owner.stop();
    }
  });

  it('starts after a crash left the old server running as an orphan', async () => {
    const fixture = fileURLToPath(new URL('../test/fixtures/hold-postgres.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const { port } = JSON.parse(line.toString()) as { port: number };
    const orphanPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);

    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the old postgres outlived its parent

    const logs: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m) });
    try {
      expect(logs.join('\n')).toContain(`stopping orphaned postgres (PID ${orphanPid})`);
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('ignores a stale postmaster.pid whose PID now belongs to another process', async () => {
    // Our own PID: alive, and certainly not a postgres.
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('explains a start that fails', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const { port } = squatter.address() as AddressInfo;
    try {
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(/Address already in use/);
    } finally {
      squatter.close();
    }
  });
});
