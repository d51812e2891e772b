import type { TaskList } from 'graphile-worker';
import type { Services } from '../../services';

/** graphile-worker tasks of the catalog sync module. */
export function catalogSyncTasks(_services: Services): TaskList {
  return {};
}

/** crontab lines of the catalog sync module. */
export const catalogSyncCrontab: string[] = [];
