import { Prisma } from '../generated/prisma/client';

/** Anything that can run raw SQL: the Prisma client or an interactive transaction. */
export interface SqlRunner {
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

export interface EnqueueOptions {
  /** Jobs with the same key collapse into one (graphile-worker replaces the pending one). */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
}

/**
 * Queues a graphile-worker job with SQL, so it commits (or rolls back) with the caller's
 * transaction: the state change and the job that follows it can never be split.
 */
export async function enqueueJob(db: SqlRunner, task: string, payload: Prisma.InputJsonValue, opts: EnqueueOptions = {}): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    SELECT graphile_worker.add_job(
      identifier => ${task},
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${opts.runAt ?? null}::timestamptz,
      max_attempts => ${opts.maxAttempts ?? null}::int,
      job_key => ${opts.jobKey ?? null}::text,
      priority => ${opts.priority ?? null}::int
    )`);
}
