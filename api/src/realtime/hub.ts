import { createPubSub, type Repeater } from '@graphql-yoga/subscription';
import type { ConfigChanged, NumberChanged, OrderChanged, RealtimeEvent } from './events';

type Topics = {
  order: [orderId: string, event: OrderChanged | NumberChanged];
  userNumbers: [userId: string, event: NumberChanged];
  numberConfig: [numberId: string, event: ConfigChanged];
  /** The listener lost and regained its connection: events may have been missed. */
  resync: [true];
};

/**
 * In-process fan-out of database events to the subscriptions of this process. Fed by the
 * LISTEN connection (events committed by any process); knows nothing of GraphQL or who may see what.
 */
export class RealtimeHub {
  // No shared `repeaterBuffer`: createPubSub hands the one buffer object to every subscription,
  // which then steal each other's events. Unbuffered, a subscription queues up to 1,024 events
  // while its consumer (a reload) is busy; order streams collapse bursts (realtime/streams.ts).
  private readonly pubsub = createPubSub<Topics>();

  publish(event: RealtimeEvent): void {
    if (event.kind === 'config') {
      this.pubsub.publish('numberConfig', event.numberId, event);
      return;
    }
    this.pubsub.publish('order', event.orderId ?? '', event);
    if (event.kind === 'number' && event.userId) this.pubsub.publish('userNumbers', event.userId, event);
  }

  /** Everything that changes what an order looks like: its status, timeline, lines and numbers. */
  orderEvents(orderId: string): Repeater<OrderChanged | NumberChanged> {
    return this.pubsub.subscribe('order', orderId);
  }

  numberEventsOf(userId: string): Repeater<NumberChanged> {
    return this.pubsub.subscribe('userNumbers', userId);
  }

  /** Sync-state changes of one number's configuration. */
  configEventsOf(numberId: string): Repeater<ConfigChanged> {
    return this.pubsub.subscribe('numberConfig', numberId);
  }

  resynced(): Repeater<true> {
    return this.pubsub.subscribe('resync');
  }

  announceResync(): void {
    this.pubsub.publish('resync', true);
  }
}
