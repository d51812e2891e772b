import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer, viewerScope, type GraphQLContext } from '../../graphql/context';
import { pageSize } from '../../graphql/pagination';
import { Country } from '../catalog/catalog.types';
import { PurchasedNumber, PurchasedNumberConnection } from './numbers.types';

@Resolver(() => PurchasedNumber)
export class NumbersResolver {
  @Authorized()
  @Query(() => PurchasedNumberConnection, { description: "The signed-in customer's purchased numbers, newest first." })
  myNumbers(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.numbers.myNumbers(requireViewer(ctx).userId, pageSize(first), after);
  }

  @Authorized()
  @Query(() => PurchasedNumber, { nullable: true, description: "One purchased number: the customer's own, or any for staff. Null when not found or not yours." })
  number(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'Purchased number id.' }) id: string): Promise<PurchasedNumber | null> {
    return ctx.services.numbers.number(viewerScope(ctx), id);
  }

  @Authorized()
  @Subscription(() => PurchasedNumber, {
    description: "Each status change of the signed-in customer's numbers (PENDING → PROVISIONING → ACTIVE, …), as the number is right after it.",
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.numbers.statusChanges(requireViewer(ctx).userId);
    },
  })
  myNumberStatusChanged(@Root() number: PurchasedNumber): PurchasedNumber {
    return number;
  }

  @FieldResolver(() => Country, { description: 'The country the number belongs to.' })
  async country(@Root() number: PurchasedNumber, @Ctx() ctx: GraphQLContext): Promise<Country> {
    const country = await ctx.services.catalog.country(number.countryId);
    if (!country) throw new Error(`country ${number.countryId} of number ${number.id} not found`);
    return country;
  }
}
