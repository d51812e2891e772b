// Runs graphile-worker alone (`pnpm worker`), for scaling workers apart from API processes.
import 'reflect-metadata';
import { createDatabase } from './db/prisma';
import { openDatabase } from './db/bootstrap';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startWorker } from './jobs/worker';
import { createServices } from './services';
import { systemClock } from './clock';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, 'worker');
// Next to a running `pnpm start`, share its embedded PostgreSQL rather than refusing to start.
const opened = await openDatabase(config, log, { reuseRunning: true });
const db = createDatabase(opened.url);
const services = createServices(db, config, systemClock, log);
const runner = await startWorker({ pool: db.pool, services, log, concurrency: config.WORKER_CONCURRENCY, localQueueSize: config.WORKER_LOCAL_QUEUE, completeBatchMs: config.WORKER_COMPLETE_BATCH_MS });
log.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker running');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // stop() lets running jobs finish (or returns them to the queue) before we close the pool.
    void runner
      .stop()
      .then(() => services.email.close())
      .then(() => db.close())
      .then(() => opened.stop())
      .then(() => process.exit(0));
  });
}
