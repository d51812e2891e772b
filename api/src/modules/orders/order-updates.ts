import { Repeater } from '@graphql-yoga/subscription';
import type { RealtimeHub } from '../../realtime/hub';
import { reloadOnEvents } from '../../realtime/streams';
import type { OrdersService, OrderViewer } from './orders.service';
import type { Order } from './orders.types';

/** Live updates of one order, for whoever may read it. */
export class OrderUpdates {
  constructor(
    private readonly orders: OrdersService,
    private readonly realtime: RealtimeHub,
  ) {}

  /**
   * The order as it is after each change (status, timeline, lines, their numbers), or null when the
   * viewer may not read it. Listening starts before the ownership check, so no change made
   * meanwhile is missed.
   */
  async subscribe(viewer: OrderViewer, orderId: string): Promise<AsyncIterable<Order> | null> {
    const events = Repeater.merge([this.realtime.orderEvents(orderId), this.realtime.resynced()]);
    if (!(await this.orders.order(viewer, orderId))) {
      await events.return();
      return null;
    }
    return reloadOnEvents(events, () => this.orders.order(viewer, orderId));
  }
}
