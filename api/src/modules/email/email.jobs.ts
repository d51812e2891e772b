import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { SEND_TASK, SWEEP_TASK } from './email.service';

const sendPayload = z.object({ emailId: z.uuid() });

/** graphile-worker tasks of the email module. */
export function emailTasks(services: Services): TaskList {
  return {
    /** Delivers one outbox row; throwing (retryable failures) makes graphile-worker back off and retry. */
    [SEND_TASK]: async (payload, helpers) => {
      const parsed = sendPayload.safeParse(payload);
      if (!parsed.success) {
        // Retrying a malformed payload cannot help; say so once and finish the job.
        helpers.logger.error(`${SEND_TASK}: bad payload ${JSON.stringify(payload)}`);
        return;
      }
      // On the last attempt a retryable failure marks the email FAILED instead of leaving it PENDING.
      const finalAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      const outcome = await services.email.send(parsed.data.emailId, { finalAttempt });
      if (outcome.status === 'SKIPPED') helpers.logger.info(`${SEND_TASK}: ${outcome.reason}`);
    },
    [SWEEP_TASK]: async () => {
      await services.email.sweep();
    },
  };
}

/**
 * crontab lines of the email module: every 5 minutes, re-enqueue PENDING emails that lost their
 * job. Keyed so ticks never pile up; one attempt, the next tick is the retry.
 */
export const emailCrontab: string[] = [`*/5 * * * * ${SWEEP_TASK} ?jobKey=${SWEEP_TASK}&max=1`];
