import { Logger as WorkerLogger, run, type Runner } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createTaskList, crontab } from './task-list';

/** Starts graphile-worker on the app's pool; jobs are rows in the same database. */
/** `pollInterval`: how often to look for jobs scheduled for later (new jobs arrive by NOTIFY at once). */
export function startWorker(deps: { pool: pg.Pool; services: Services; log: Logger; concurrency: number; pollInterval?: number }): Promise<Runner> {
  const log = deps.log.child({ component: 'worker' });
  const logger = new WorkerLogger((scope) => (level, message, meta) => {
    const fn = level === 'error' ? log.error : level === 'warning' ? log.warn : level === 'debug' ? log.debug : log.info;
    fn.call(log, { ...scope, ...meta }, message);
  });
  return run({
    pgPool: deps.pool,
    concurrency: deps.concurrency,
    ...(deps.pollInterval ? { pollInterval: deps.pollInterval } : {}),
    // The host process owns SIGINT/SIGTERM and stops the runner gracefully itself.
    noHandleSignals: true,
    taskList: createTaskList(deps.services),
    crontab,
    logger,
  });
}
