import { createPubSub, type Repeater } from '@graphql-yoga/subscription';
import type { NumberChanged, OrderChanged, RealtimeEvent } from './events';

type Topics = {
  order: [orderId: string, event: OrderChanged | NumberChanged];
  userNumbers: [userId: string, event: NumberChanged];
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

  resynced(): Repeater<true> {
    return this.pubsub.subscribe('resync');
  }

  announceResync(): void {
    this.pubsub.publish('resync', true);
  }
}
