import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { PROVISION_TASK } from '../checkout/fulfilment';

const payload = z.object({ purchasedNumberId: z.uuid() });

/** graphile-worker retries a throwing task with exponential backoff: DIDWW outages and pending orders both wait. */
export function provisioningTasks(services: Services): TaskList {
  return {
    [PROVISION_TASK]: async (p) => {
      await services.provisioning.provision(payload.parse(p).purchasedNumberId);
    },
  };
}
