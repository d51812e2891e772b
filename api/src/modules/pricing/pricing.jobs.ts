import type { TaskList } from 'graphile-worker';
import type { Services } from '../../services';

/** graphile-worker tasks of the pricing module. */
export function pricingTasks(_services: Services): TaskList {
  return {};
}

/** crontab lines of the pricing module. */
export const pricingCrontab: string[] = [];
