import 'reflect-metadata';
import cluster from 'node:cluster';
import v8 from 'node:v8';
import { runApiCluster } from './api-cluster';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startApi } from './runtime';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
// V8 reads this flag whenever it sizes the heap after a full GC, so setting it at start-up works.
if (config.API_HEAP_GROWTH_PERCENT > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.API_HEAP_GROWTH_PERCENT}`);

if (config.API_PROCESSES > 1 && cluster.isPrimary) {
  await runApiCluster(config, log);
} else {
  await serveApi();
}

async function serveApi() {
  // A forked API process finds the database migrated and seeded by the primary.
  const api = await startApi(config, log, { seed: !cluster.isWorker && config.NODE_ENV !== 'production', migrate: !cluster.isWorker });
  if (!cluster.isWorker) log.info(`NumNinja API ready at ${api.graphqlUrl}`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      void api.stop().then(() => process.exit(0));
    });
  }
}
