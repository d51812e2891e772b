import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription, Authorized } from 'type-graphql';
import { viewerScope, type GraphQLContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { PurchasedNumber } from '../numbers/numbers.types';
import { Order, OrderLine } from './orders.types';

@Resolver()
export class OrderUpdatesResolver {
  @Authorized()
  @Subscription(() => Order, {
    description: "The order after each change to it or its numbers (payment, each number's progress, refunds). Customers may follow their own orders; staff any.",
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const updates = await ctx.services.orderUpdates.subscribe(viewerScope(ctx), String(args.orderId));
      if (!updates) throw notFound('Order not found.');
      return updates;
    },
  })
  orderUpdated(@Root() order: Order, @Arg('orderId', () => ID, { description: 'The order to follow.' }) _orderId: string): Order {
    return order;
  }
}

@Resolver(() => OrderLine)
export class OrderLineNumberResolver {
  @FieldResolver(() => PurchasedNumber, { nullable: true, description: 'The purchased number of this line, once paid.' })
  number(@Root() line: OrderLine, @Ctx() ctx: GraphQLContext): Promise<PurchasedNumber | null> | null {
    if (!line.purchasedNumberId) return null;
    return ctx.services.numbers.number(viewerScope(ctx), line.purchasedNumberId);
  }
}
