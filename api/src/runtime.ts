import type { Runner } from 'graphile-worker';
import type { Config } from './config';
import { openDatabase } from './db/bootstrap';
import { createDatabase, type PrismaClient } from './db/prisma';
import { startWorker } from './jobs/worker';
import type { Logger } from './logger';
import { createApiServer } from './server';
import { seedDemoData } from './seed';

export interface RunningApi {
  url: string;
  graphqlUrl: string;
  stop(): Promise<void>;
}

/** Demo data into an empty database (a no-op once it holds any), logged. */
export async function checkDemoData(prisma: PrismaClient, log: Logger): Promise<void> {
  const started = Date.now();
  const seeded = await seedDemoData(prisma);
  log.info({ ms: Date.now() - started, seeded }, 'demo data checked');
}

/** Database up and migrated, demo data in an empty database, API listening, worker running. */
export async function startApi(config: Config, log: Logger, opts: { seed: boolean; migrate?: boolean }): Promise<RunningApi> {
  const opened = await openDatabase(config, log, { migrate: opts.migrate });
  const db = createDatabase(opened.url, { max: config.DATABASE_POOL_SIZE, onError: (err) => log.warn({ err }, 'database connection error') });
  const stops: Array<() => Promise<void>> = [() => opened.stop(), () => db.close()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => log.error({ err }, 'error during shutdown'));
    }
  };
  try {
    if (opts.seed) await checkDemoData(db.prisma, log);
    const server = await createApiServer({ config, db, log });
    const url = await server.listen(config.PORT);
    stops.push(() => server.close());
    if (config.WORKER === 'on') {
      const runner: Runner = await startWorker({ pool: db.pool, services: server.services, log, concurrency: config.WORKER_CONCURRENCY, localQueueSize: config.WORKER_LOCAL_QUEUE, completeBatchMs: config.WORKER_COMPLETE_BATCH_MS });
      stops.push(() => runner.stop());
    }
    return { url, graphqlUrl: `${url}/graphql`, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
