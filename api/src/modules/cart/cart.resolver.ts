import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../graphql/context';
import { Cart, CartPayload } from './cart.types';

@Resolver()
export class CartResolver {
  @Authorized()
  @Query(() => Cart, { description: "The signed-in customer's cart (created empty on first use)." })
  cart(@Ctx() ctx: GraphQLContext): Promise<Cart> {
    return ctx.services.cart.cart(requireViewer(ctx).userId);
  }

  @Authorized()
  @Mutation(() => CartPayload, {
    description: 'Hold a number in the cart for a few minutes. NUMBER_UNAVAILABLE when someone else holds it or it sold.',
  })
  async addToCart(
    @Ctx() ctx: GraphQLContext,
    @Arg('availableNumberId', () => ID, { description: 'The number to hold (from availableNumbers).' }) availableNumberId: string,
  ): Promise<CartPayload> {
    const userId = requireViewer(ctx).userId;
    const result = await ctx.services.cart.add(userId, availableNumberId);
    return result.ok ? lazyCart(ctx, userId) : { cart: null, errors: result.errors };
  }

  @Authorized()
  @Mutation(() => CartPayload, { description: 'Take an item out of the cart and release its hold at once.' })
  async removeFromCart(
    @Ctx() ctx: GraphQLContext,
    @Arg('cartItemId', () => ID, { description: 'The cart item.' }) cartItemId: string,
  ): Promise<CartPayload> {
    const userId = requireViewer(ctx).userId;
    const result = await ctx.services.cart.remove(userId, cartItemId);
    return result.ok ? lazyCart(ctx, userId) : { cart: null, errors: result.errors };
  }
}

/** The cart is read only if the client selected it: adding to a cart should not cost a cart render. */
function lazyCart(ctx: GraphQLContext, userId: string): CartPayload {
  let cart: Promise<Cart> | undefined;
  return {
    get cart() {
      return (cart ??= ctx.services.cart.cart(userId)) as unknown as Cart;
    },
    errors: [],
  };
}
