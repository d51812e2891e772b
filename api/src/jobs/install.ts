import { runMigrations } from 'graphile-worker';

/**
 * Installs/updates graphile-worker's own schema. Done at boot even with WORKER=off, because API
 * processes enqueue jobs in their transactions (graphile_worker.add_job) whoever runs them.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString });
}
