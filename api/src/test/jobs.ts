import type { PrismaClient } from '../db/prisma';

export interface QueuedJob {
  task: string;
  payload: unknown;
  key: string | null;
  runAt: Date;
  attempts: number;
}

/** Jobs waiting in graphile-worker's queue (its public view hides payloads, so read the table). */
export function queuedJobs(prisma: PrismaClient, task?: string): Promise<QueuedJob[]> {
  return prisma.$queryRaw<QueuedJob[]>`
    SELECT t.identifier AS task, j.payload, j.key, j.run_at AS "runAt", j.attempts
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE ${task ?? null}::text IS NULL OR t.identifier = ${task ?? null}::text
    ORDER BY j.id`;
}

/**
 * Runs every job that is due, with the real task list, as a worker would, until the queue is
 * empty of due jobs (jobs that enqueue jobs are followed).
 */
export async function drainJobs(pool: import('pg').Pool, services: import('../services').Services): Promise<void> {
  const { runOnce, Logger } = await import('graphile-worker');
  const { createTaskList } = await import('../jobs/task-list');
  const quiet = new Logger(() => () => {});
  await runOnce({ pgPool: pool, taskList: createTaskList(services), logger: quiet });
}
