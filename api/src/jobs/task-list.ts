import type { TaskList } from 'graphile-worker';
import type { Services } from '../services';
import { cleanupSessions } from './cleanup-sessions';

export function createTaskList(services: Services): TaskList {
  return {
    'cleanup-sessions': cleanupSessions(services),
  };
}

/** Every schedule lives here. `?fill=` backfills a missed run after downtime. */
export const crontab = ['17 * * * * cleanup-sessions ?fill=2h'].join('\n');
