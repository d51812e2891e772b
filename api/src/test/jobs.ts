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
