import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { BOUNDARY_TASK } from './boundary';
import { APPLY_CONFIG_TASK } from './number-config.service';
import { DELIVER_SMS_TASK } from './sms-delivery';

const applyPayload = z.object({ purchasedNumberId: z.uuid(), attempt: z.number().int().min(1).optional() });
const numberPayload = z.object({ purchasedNumberId: z.uuid() });
const smsPayload = z.object({ smsMessageId: z.uuid() });

/**
 * Configuration tasks. DIDWW trouble is retried inside the applier (its own backoff, then FAILED);
 * a throw here is our own fault and graphile-worker retries it. SMS deliveries throw while any is
 * still PENDING so graphile-worker's backoff paces the retries; the last attempt settles them.
 */
export function numberConfigTasks(services: Services): TaskList {
  return {
    [APPLY_CONFIG_TASK]: async (payload) => {
      const p = applyPayload.parse(payload);
      await services.configApplier.apply(p.purchasedNumberId, p.attempt ?? 1);
    },
    // Open ↔ closed: the same idempotent apply, which routes for "now" and schedules the next boundary.
    [BOUNDARY_TASK]: async (payload) => {
      await services.configApplier.apply(numberPayload.parse(payload).purchasedNumberId);
    },
    [DELIVER_SMS_TASK]: async (payload, helpers) => {
      const { smsMessageId } = smsPayload.parse(payload);
      const last = helpers.job.attempts >= helpers.job.max_attempts;
      const left = await services.smsDelivery.run(smsMessageId, last);
      if (left > 0) throw new Error(`${left} SMS deliveries of ${smsMessageId} still pending; retrying`);
    },
  };
}
