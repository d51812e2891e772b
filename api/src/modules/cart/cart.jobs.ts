import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Services } from '../../services';
import { RELEASE_RESERVATION_TASK, RESERVE_TASK } from './holds';

const reservePayload = z.object({ cartItemId: z.uuid() });
const releasePayload = z.object({ reservationId: z.string().min(1) });

export function cartTasks(services: Services): TaskList {
  return {
    [RESERVE_TASK]: async (payload) => {
      await services.reservations.reserve(reservePayload.parse(payload).cartItemId);
    },
    [RELEASE_RESERVATION_TASK]: async (payload) => {
      await services.reservations.release(releasePayload.parse(payload).reservationId);
    },
    'expire-holds': async (_payload, helpers) => {
      let total = 0;
      for (let dropped = -1; dropped !== 0; total += dropped) dropped = await services.cart.expireHolds();
      if (total) helpers.logger.info(`released ${total} expired holds`);
    },
  };
}

export const cartCrontab = ['* * * * * expire-holds ?max=1'];
