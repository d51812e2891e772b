import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { fromRepoRoot } from '../paths';
import { redactUrl, withDatabase } from './database-url';
import { handleStopSignalsOurselves, startEmbeddedPostgres } from './embedded-postgres';
import { installJobQueue } from '../jobs/install';
import { migrate } from './migrate';

export interface OpenedDatabase {
  url: string;
  /** Stops the embedded server when we started one; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * Zero-setup database: DATABASE_URL when given, otherwise an embedded PostgreSQL under DATA_DIR
 * (reused on the next start). Either way the migrations are applied before anything else runs.
 */
export async function openDatabase(config: Config, log: Logger, opts: { reuseRunning?: boolean; migrate?: boolean } = {}): Promise<OpenedDatabase> {
  // Every caller stops what it opened on SIGINT/SIGTERM, after draining its own work.
  handleStopSignalsOurselves();
  let url = config.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.join(fromRepoRoot(config.DATA_DIR), 'postgres');
    const started = Date.now();
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_PG_PORT,
      reuseRunning: opts.reuseRunning,
      log: (m) => log.debug(m),
    });
    log.info({ dataDir, port: pg.port, ms: Date.now() - started }, 'embedded PostgreSQL started');
    url = withDatabase(pg.url, 'numninja');
    stop = () => pg.stop();
  }
  if (opts.migrate === false) return { url, stop };
  try {
    const started = Date.now();
    await migrate(url, { log: (m) => log.info(m) });
    await installJobQueue(url);
    log.info({ database: redactUrl(url), ms: Date.now() - started }, 'migrations applied');
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
