import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../db/database-url';
import { startEmbeddedPostgres, stopOrphanedServer } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { installJobQueue } from '../jobs/install';
import { adminQuery, TEMPLATE_DATABASE } from './db-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL (maintenance database) of this run's embedded Postgres. */
    databaseAdminUrl: string;
  }
}

const PREFIX = 'numninja-test-';

/**
 * One throwaway Postgres for the whole run, with the migrations applied once to a template
 * database; test files then clone it (CREATE DATABASE … TEMPLATE) in milliseconds.
 */
export default async function setup(project: TestProject) {
  const parent = scratchParent();
  await reclaimAbandonedRuns(parent);
  const base = await mkdtemp(path.join(parent, `${PREFIX}${process.pid}-`));
  // mkdtemp makes it 0700 and root's; the server runs as the `postgres` user and must get through.
  await chmod(base, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'pg'), ephemeral: true });
  try {
    await migrate(withDatabase(server.adminUrl, TEMPLATE_DATABASE));
    await installJobQueue(withDatabase(server.adminUrl, TEMPLATE_DATABASE));
    // Cloning fails while anyone is connected to the template; refusing connections guarantees
    // no test (or leftover pool) ever is.
    await adminQuery(server.adminUrl, `ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } catch (err) {
    await server.stop();
    await rm(base, { recursive: true, force: true });
    throw err;
  }
  project.provide('databaseAdminUrl', server.adminUrl);

  return async () => {
    await server.stop();
    await rm(base, { recursive: true, force: true });
  };
}

/**
 * tmpfs when there is one: on our VMs' disks, cloning a database takes ~400 ms even with fsync
 * off; in /dev/shm it takes ~15 ms. NUMNINJA_TEST_TMPDIR overrides.
 */
function scratchParent(): string {
  if (process.env.NUMNINJA_TEST_TMPDIR) return process.env.NUMNINJA_TEST_TMPDIR;
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** A run killed before its teardown leaves a server and its data (in RAM, on tmpfs) behind. */
async function reclaimAbandonedRuns(parent: string): Promise<void> {
  const entries = await readdir(parent).catch(() => []);
  for (const name of entries) {
    const pid = Number(/^numninja-test-(\d+)-/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    const dir = path.join(parent, name);
    const running = await stopOrphanedServer(path.join(dir, 'pg')).catch(() => ({ pid: 0, port: 0 }));
    if (!running) await rm(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
