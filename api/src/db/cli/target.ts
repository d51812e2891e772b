import path from 'node:path';
import { loadConfig } from '../../config';
import { fromRepoRoot } from '../../paths';
import { redactUrl, withDatabase } from '../database-url';
import { startEmbeddedPostgres } from '../embedded-postgres';

export interface CliDatabase {
  /** The application database: DATABASE_URL, or `numninja` on the embedded server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The database the app itself would use (same settings as db/bootstrap.ts), so `pnpm db:*`
 * acts on what `pnpm start` serves. A running `pnpm start` keeps its embedded server; the CLI
 * then borrows it rather than fighting over the data directory.
 */
export async function openCliDatabase(log: (msg: string) => void): Promise<CliDatabase> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    log(`using DATABASE_URL ${redactUrl(config.DATABASE_URL)}`);
    return { url: config.DATABASE_URL, stop: async () => {} };
  }
  const dataDir = path.join(fromRepoRoot(config.DATA_DIR), 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, reuseRunning: true });
  log(`using embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} on port ${server.port}`);
  return { url: withDatabase(server.url, 'numninja'), stop: () => server.stop() };
}

/** Runs a CLI body, prints a failure without its stack (DEBUG=1 shows it) and exits 0 or 1. */
export async function runCli(body: () => Promise<void>): Promise<never> {
  let code = 0;
  try {
    await body();
  } catch (err) {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    code = 1;
  }
  // Explicitly: embedded-postgres's exit hook calls process.exit(0) on 'beforeExit', which
  // would swallow a failure's exit code.
  process.exit(code);
}
