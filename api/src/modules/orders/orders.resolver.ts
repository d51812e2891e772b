import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { OrderStatus, Role } from '../../generated/prisma/enums';
import { requireViewer, type GraphQLContext } from '../../graphql/context';
import { scopedViewer } from '../auth/session.service';
import { pageSize } from '../../graphql/pagination';
import { Order, OrderConnection } from './orders.types';

@Resolver()
export class OrdersResolver {
  @Authorized()
  @Query(() => OrderConnection, { description: "The signed-in customer's orders, newest first." })
  myOrders(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.orders.myOrders(requireViewer(ctx).userId, pageSize(first), after);
  }

  @Authorized()
  @Query(() => Order, { nullable: true, description: "One order: the customer's own, or any for staff. Null when not found or not yours." })
  order(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'Order id.' }) id: string): Promise<Order | null> {
    const viewer = requireViewer(ctx);
    return ctx.services.orders.order(scopedViewer(viewer), id);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => OrderConnection, { description: 'Staff only: all orders, newest first, filtered by status and a search.' })
  orders(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Only orders in this status.' }) status?: OrderStatus | null,
    @Arg('search', () => String, { nullable: true, description: 'Order reference (NN-000042), customer email or phone number digits.' }) search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.orders.staffOrders({ status, search }, pageSize(first), after);
  }
}
