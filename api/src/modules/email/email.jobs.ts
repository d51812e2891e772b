import type { TaskList } from 'graphile-worker';
import type { Services } from '../../services';

/** graphile-worker tasks of the email module. */
export function emailTasks(_services: Services): TaskList {
  return {};
}

/** crontab lines of the email module. */
export const emailCrontab: string[] = [];
