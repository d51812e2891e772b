import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../graphql/context';
import { OrderPayload, StartCheckoutPayload } from '../orders/orders.types';

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
}
