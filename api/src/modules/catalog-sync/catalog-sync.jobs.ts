import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { SyncRunKind } from '../../generated/prisma/enums';
import type { Services } from '../../services';
import { SYNC_TASK } from './runs';

// A staff request carries its run id; a crontab job carries only `_cron` (it claims or creates one).
const payloadSchema = z.object({ runId: z.uuid().optional() });

function syncTask(services: Services, kind: SyncRunKind): Task {
  return async (payload, helpers) => {
    const parsed = payloadSchema.safeParse(payload ?? {});
    const runId = parsed.success ? (parsed.data.runId ?? null) : null;
    const outcome = await services.catalogSync.runTask(kind, runId);
    if (outcome.status === 'SKIPPED') helpers.logger.info(`${kind} sync skipped: ${outcome.reason}`);
    // Throwing is how graphile-worker learns to retry (with backoff); the run is already FAILED.
    if (outcome.status === 'FAILED' && outcome.retry) throw new Error(`${kind} catalog sync failed: ${outcome.reason}`);
  };
}

/** graphile-worker tasks of the catalog sync module. */
export function catalogSyncTasks(services: Services): TaskList {
  return {
    [SYNC_TASK.REFERENCE]: syncTask(services, 'REFERENCE'),
    [SYNC_TASK.STOCK]: syncTask(services, 'STOCK'),
  };
}

/**
 * crontab lines of the catalog sync module. The job key is the one staff requests use, so a tick
 * and a request never both wait in the queue; `max` caps retries (stock is due again in 10 min).
 */
export const catalogSyncCrontab: string[] = [
  `30 3 * * * ${SYNC_TASK.REFERENCE} ?fill=12h&jobKey=${SYNC_TASK.REFERENCE}&max=10`,
  `*/10 * * * * ${SYNC_TASK.STOCK} ?jobKey=${SYNC_TASK.STOCK}&max=3`,
];
