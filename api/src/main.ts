import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startApi } from './runtime';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const api = await startApi(config, log, { seed: config.NODE_ENV !== 'production' });
log.info(`NumNinja API ready at ${api.graphqlUrl}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    void api.stop().then(() => process.exit(0));
  });
}
