import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withDatabase } from '../../src/db/database-url';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrate } from '../../src/db/migrate';
import { installJobQueue } from '../../src/jobs/install';

/** A migrated database on its own embedded PostgreSQL, deleted afterwards: benchmarks never touch .data/. */
export async function throwawayDatabase(opts: { settings?: string[] } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const base = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'numninja-bench-'));
  // mkdtemp makes it 0700; the server runs as the `postgres` user and must get through.
  await chmod(base, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'pg'), ephemeral: true, settings: opts.settings });
  const url = withDatabase(server.adminUrl, 'numninja_bench');
  await migrate(url);
  await installJobQueue(url);
  return {
    url,
    async stop() {
      await server.stop();
      await rm(base, { recursive: true, force: true });
    },
  };
}
