import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { IMPORT_CDRS_TASK } from './usage.service';

const payload = z.object({ userId: z.uuid().nullish() }).nullish();

/** A failed import throws, and graphile-worker retries it with backoff; rows already stored stay (upserts). */
export function usageTasks(services: Services): TaskList {
  return {
    [IMPORT_CDRS_TASK]: async (p) => {
      await services.usage.importCallRecords({ userId: payload.parse(p)?.userId ?? null });
    },
  };
}

/** Every five minutes: new calls show up on the dashboards without anyone asking. */
export const usageCrontab = [`*/5 * * * * ${IMPORT_CDRS_TASK} ?jobKey=${IMPORT_CDRS_TASK}:all&max=3`];
