import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { PROVISION_TASK } from '../checkout/fulfilment';
import { RELEASE_NUMBER_TASK } from '../checkout/stripe-events';
import { GRACE_SWEEP_TASK } from './grace-sweep';
import { REFUND_FAILED_TASK } from './provisioning.service';

const provisionPayload = z.object({ purchasedNumberId: z.uuid(), attempt: z.number().int().min(1).optional() });
const numberPayload = z.object({ purchasedNumberId: z.uuid() });

/**
 * Tasks of the provisioning module. DIDWW trouble is handled inside the service (it re-queues the
 * number with backoff and jitter, or waits for the breaker); a throw here means our own fault — a
 * crash, the database — and graphile-worker's retries apply. If even those run out, the number
 * must not sit in PROVISIONING forever: it goes FAILED like any other give-up.
 */
export function provisioningTasks(services: Services): TaskList {
  return {
    [PROVISION_TASK]: async (payload, helpers) => {
      const p = provisionPayload.parse(payload);
      try {
        await services.provisioning.provision(p.purchasedNumberId, p.attempt ?? 1);
      } catch (err) {
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await services.provisioning.giveUp(p.purchasedNumberId, `Provisioning kept failing: ${err instanceof Error ? err.message : String(err)}`);
          return;
        }
        throw err;
      }
    },
    [RELEASE_NUMBER_TASK]: async (payload) => {
      await services.releases.release(numberPayload.parse(payload).purchasedNumberId);
    },
    [REFUND_FAILED_TASK]: async (payload) => {
      await services.provisioningStaff.refundFailed(numberPayload.parse(payload).purchasedNumberId);
    },
    [GRACE_SWEEP_TASK]: async (_payload, helpers) => {
      const { suspended, released } = await services.graceSweep.run();
      helpers.logger.info(`${GRACE_SWEEP_TASK}: ${suspended} suspended, ${released} queued for release`);
    },
  };
}

/** Daily at 03:10 UTC, unpaid numbers past their grace period move on (see grace-sweep.ts). */
export const provisioningCrontab: string[] = [`10 3 * * * ${GRACE_SWEEP_TASK} ?fill=1d&jobKey=${GRACE_SWEEP_TASK}&max=3`];
