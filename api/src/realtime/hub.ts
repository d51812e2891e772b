import { createPubSub, Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
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
  // A slow WebSocket client drops its oldest queued events instead of growing memory: every
  // consumer reloads the current state on each event, so only the latest matters.
  private readonly pubsub = createPubSub<Topics>({ repeaterBuffer: new SlidingBuffer(64) });

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
