import { Logger as WorkerLogger, run, type Runner } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createTaskList, crontab } from './task-list';

export interface WorkerSettings {
  concurrency: number;
  /** How often to look for jobs scheduled for later (new jobs arrive by NOTIFY at once). */
  pollInterval?: number;
  /**
   * Jobs fetched (and locked) per query into a local queue, served to the concurrent slots
   * without a query each; 0 fetches one per slot. Worth it when jobs arrive in bursts (a paid
   * order queues one provisioning job per number).
   */
  localQueueSize?: number;
  /**
   * Completed jobs are deleted in batches gathered over this many ms (-1: one query per job). A
   * crash can then re-run a job that finished; every job here is safe to run twice.
   */
  completeBatchMs?: number;
}

/** Starts graphile-worker on the app's pool; jobs are rows in the same database. */
export function startWorker(deps: { pool: pg.Pool; services: Services; log: Logger } & WorkerSettings): Promise<Runner> {
  const log = deps.log.child({ component: 'worker' });
  const logger = new WorkerLogger((scope) => (level, message, meta) => {
    const fn = level === 'error' ? log.error : level === 'warning' ? log.warn : level === 'debug' ? log.debug : log.info;
    fn.call(log, { ...scope, ...meta }, message);
  });
  return run({
    pgPool: deps.pool,
    concurrency: deps.concurrency,
    ...(deps.pollInterval ? { pollInterval: deps.pollInterval } : {}),
    preset: {
      worker: {
        ...(deps.localQueueSize && deps.localQueueSize > 1 ? { localQueue: { size: deps.localQueueSize } } : {}),
        ...(deps.completeBatchMs !== undefined && deps.completeBatchMs >= 0 ? { completeJobBatchDelay: deps.completeBatchMs } : {}),
      },
    },
    // The host process owns SIGINT/SIGTERM and stops the runner gracefully itself.
    noHandleSignals: true,
    taskList: createTaskList(deps.services),
    crontab,
    logger,
  });
}
