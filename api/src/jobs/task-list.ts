import type { TaskList } from 'graphile-worker';
import { catalogSyncCrontab, catalogSyncTasks } from '../modules/catalog-sync/catalog-sync.jobs';
import { cartCrontab, cartTasks } from '../modules/cart/cart.jobs';
import { provisioningCrontab, provisioningTasks } from '../modules/provisioning/provisioning.jobs';
import { emailCrontab, emailTasks } from '../modules/email/email.jobs';
import { pricingCrontab, pricingTasks } from '../modules/pricing/pricing.jobs';
import { numberConfigTasks } from '../modules/number-config/number-config.jobs';
import type { Services } from '../services';
import { usageCrontab, usageTasks } from '../modules/usage/usage.jobs';
import { cleanupSessions } from './cleanup-sessions';

export function createTaskList(services: Services): TaskList {
  return {
    'cleanup-sessions': cleanupSessions(services),
    ...pricingTasks(services),
    ...catalogSyncTasks(services),
    ...emailTasks(services),
    ...cartTasks(services),
    ...provisioningTasks(services),
    ...usageTasks(services),
    ...numberConfigTasks(services),
  };
}

/** Every schedule, gathered from the modules. `?fill=` backfills a missed run after downtime. */
export const crontab = ['17 * * * * cleanup-sessions ?fill=2h', ...pricingCrontab, ...catalogSyncCrontab, ...emailCrontab, ...cartCrontab, ...provisioningCrontab, ...usageCrontab].join('\n');
