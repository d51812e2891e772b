import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import { actorOf } from '../../graphql/context';
import { UserError } from '../../graphql/errors';
import { requireViewer, type GraphQLContext } from '../../graphql/context';
import { Order } from '../orders/orders.types';
import { OrderPayload, StartCheckoutPayload } from '../orders/orders.types';

@ObjectType({ description: 'Result of refundOrder.' })
class RefundPayload {
  @Field(() => Order, { nullable: true, description: 'The order as it is now.' })
  order?: Order | null;

  @Field(() => Int, { description: 'How many lines were refunded by this call.' })
  refundedLines!: number;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@Resolver()
export class CheckoutResolver {
  @Authorized()
  @Mutation(() => StartCheckoutPayload, {
    description: 'Create an order from the cart and a Stripe Checkout session. CART_EMPTY, or HOLD_EXPIRED naming each item whose hold ran out.',
  })
  async startCheckout(@Ctx() ctx: GraphQLContext): Promise<StartCheckoutPayload> {
    const viewer = requireViewer(ctx);
    const result = await ctx.services.checkout.start({ userId: viewer.userId, email: viewer.email });
    return result.ok ? { ...result.value, errors: [] } : { order: null, checkoutUrl: null, errors: result.errors };
  }

  @Authorized()
  @Mutation(() => OrderPayload, { description: 'Called by the checkout success page; idempotent. Returns the order as it is now.' })
  async confirmCheckout(
    @Ctx() ctx: GraphQLContext,
    @Arg('sessionId', () => String, { description: 'The `session_id` Stripe put in the success URL.' }) sessionId: string,
  ): Promise<OrderPayload> {
    const result = await ctx.services.checkout.confirm(requireViewer(ctx).userId, sessionId);
    return result.ok ? { order: result.value, errors: [] } : { order: null, errors: result.errors };
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => RefundPayload, {
    description: 'Staff only: refund a whole order (no lineIds) or some of its lines: setup plus first month. The numbers are released.',
  })
  async refundOrder(
    @Ctx() ctx: GraphQLContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lineIds', () => [ID], { nullable: true, description: 'Lines to refund; all refundable lines when omitted.' }) lineIds?: string[] | null,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept in the order timeline and the audit log).' }) reason?: string | null,
  ): Promise<RefundPayload> {
    const result = await ctx.services.refunds.refund(actorOf(ctx), orderId, lineIds ?? null, reason ?? null);
    const order = await ctx.services.orders.order({ userId: requireViewer(ctx).userId, staff: true }, orderId);
    return result.ok ? { order, refundedLines: result.value.refundedLines, errors: [] } : { order, refundedLines: 0, errors: result.errors };
  }
}
