import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/db';
import { queuedJobs } from '../test/jobs';
import { enqueueJob } from './enqueue';

describe('enqueueJob', () => {
  const db = useTestDatabase();

  it('queues a job that commits with the transaction, and collapses duplicates by job key', async () => {
    await db.prisma.$transaction(async (tx) => {
      await enqueueJob(tx, 'demo-task', { id: 1 }, { jobKey: 'demo:1' });
      await enqueueJob(tx, 'demo-task', { id: 1 }, { jobKey: 'demo:1' });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, 'demo-task', { id: 2 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const jobs = await queuedJobs(db.prisma);
    expect(jobs.map((j) => [j.task, j.payload, j.key])).toEqual([['demo-task', { id: 1 }, 'demo:1']]);
  });
});
