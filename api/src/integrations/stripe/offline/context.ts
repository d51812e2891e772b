import type { Clock } from '../../../clock';
import type { StripeLogger } from '../types';
import type { EventDelivery } from './events';
import type { StripeStore } from './store';

/** What every part of the twin shares. */
export interface TwinContext {
  store: StripeStore;
  clock: Clock;
  delivery: EventDelivery;
  /** Where browsers reach the API (the checkout page link in `session.url`). */
  publicBaseUrl: () => string;
  secretKey: string;
  logger?: StripeLogger | undefined;
}
