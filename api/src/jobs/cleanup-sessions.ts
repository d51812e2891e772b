import type { Task } from 'graphile-worker';
import type { Services } from '../services';

/** Deletes expired and long-revoked sessions. Re-running it is harmless: it deletes by predicate. */
export function cleanupSessions(services: Services): Task {
  return async (_payload, helpers) => {
    const deleted = await services.sessions.deleteStale();
    helpers.logger.info(`deleted ${deleted} stale sessions`);
  };
}
