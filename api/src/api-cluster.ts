import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import { openDatabase } from './db/bootstrap';
import { createDatabase } from './db/prisma';
import type { Logger } from './logger';
import { checkDemoData } from './runtime';

/**
 * API_PROCESSES > 1: this (primary) process prepares the database once — embedded server,
 * migrations, demo data — then forks that many API processes sharing the port. One Node process
 * runs GraphQL on one core; on a multi-core machine the others would idle while requests queue.
 * The first WORKER_PROCESSES of them run the job worker (graphile-worker instances share the
 * queue safely), each with WORKER_CONCURRENCY slots; by default only the first.
 */
export async function runApiCluster(config: Config, log: Logger): Promise<void> {
  const opened = await openDatabase(config, log);
  if (config.NODE_ENV !== 'production') {
    const db = createDatabase(opened.url);
    try {
      await checkDemoData(db.prisma, log);
    } finally {
      await db.close();
    }
  }

  let stopping = false;
  const fork = (index: number): Worker => {
    const worker = cluster.fork({
      DATABASE_URL: opened.url,
      WORKER: index < config.WORKER_PROCESSES ? config.WORKER : 'off',
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      // A crashed process is replaced; its in-flight requests are lost either way.
      log.error({ index, code, signal }, 'API process exited; starting a new one');
      setTimeout(() => fork(index), 1000).unref();
    });
    return worker;
  };
  // Handlers first: a stop signal while the forks are still starting must stop them too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down API processes');
      const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      // Each process drains its own HTTP server and job worker on SIGTERM (see main.ts).
      void Promise.all(live.map((w) => new Promise<void>((resolve) => (w.once('exit', () => resolve()), w.process.kill('SIGTERM')))))
        .then(() => opened.stop())
        .then(() => process.exit(0));
    });
  }

  const workers = Array.from({ length: config.API_PROCESSES }, (_, i) => fork(i));
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.once('listening', () => resolve()))));
  log.info({ processes: config.API_PROCESSES, port: config.PORT }, `NumNinja API ready at http://localhost:${config.PORT}/graphql`);
}
