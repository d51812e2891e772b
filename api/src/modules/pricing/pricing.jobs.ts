import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { REPRICE_TASK } from './rule-changes';

const payloadSchema = z.object({ at: z.iso.datetime().optional() }).catch({});

/** Reprices the catalog; re-running it (after a crash, or twice) changes nothing more. */
export function repriceCatalogTask(services: Services): Task {
  return async (payload, helpers) => {
    const { at } = payloadSchema.parse(payload ?? {});
    const result = await services.pricing.repriceNow(at ? new Date(at) : undefined);
    helpers.logger.info(`repriced: ${result.priceChanges} SKU price changes, ${result.numbersUpdated} numbers in stock updated`);
  };
}

/** graphile-worker tasks of the pricing module. */
export function pricingTasks(services: Services): TaskList {
  return { [REPRICE_TASK]: repriceCatalogTask(services) };
}

/**
 * crontab lines of the pricing module. Rule changes enqueue reprices themselves; this catches
 * anything else (a job lost with a crashed worker, new stock arriving at a stale price). Same
 * key as those jobs, so a pending one and the cron's collapse into one run.
 */
export const pricingCrontab: string[] = [`*/15 * * * * ${REPRICE_TASK} ?jobKey=${REPRICE_TASK}`];
