import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, ID, Info, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { isStaff } from '../auth/session.service';
import { forbidden, UserError } from '../../graphql/errors';
import { pageSize } from '../../graphql/pagination';
import {
  AreaCode,
  AvailableNumber,
  AvailableNumberConnection,
  AvailableNumberFilter,
  AvailableNumberSort,
  Country,
  Region,
} from './catalog.types';

@ObjectType({ description: 'Result of setCountryEnabled.' })
class CountryPayload {
  @Field(() => Country, { nullable: true, description: 'The country as it is now.' })
  country?: Country | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}


@Resolver()
export class CatalogResolver {
  @Query(() => [Country], { description: 'Countries with numbers for sale, by name. Staff may include hidden ones.' })
  countries(
    @Ctx() ctx: GraphQLContext,
    @Arg('includeDisabled', () => Boolean, { defaultValue: false, description: 'Staff only: also list countries switched off or out of stock.' })
    includeDisabled: boolean,
  ): Promise<Country[]> {
    if (includeDisabled && !(ctx.viewer && isStaff(ctx.viewer.role))) throw forbidden('Only staff can list hidden countries.');
    return ctx.services.catalog.countries({ includeDisabled });
  }

  @Query(() => [Region], { description: 'Regions of a country that have numbers in stock, by name.' })
  regions(@Ctx() ctx: GraphQLContext, @Arg('countryId', () => ID, { description: 'The country.' }) countryId: string): Promise<Region[]> {
    return ctx.services.catalog.regions(countryId);
  }

  @Query(() => [AreaCode], { description: 'Area codes (or prefixes) of a country with numbers in stock.' })
  areaCodes(
    @Ctx() ctx: GraphQLContext,
    @Arg('countryId', () => ID, { description: 'The country.' }) countryId: string,
    @Arg('regionId', () => ID, { nullable: true, description: 'Only this region.' }) regionId?: string | null,
  ): Promise<AreaCode[]> {
    return ctx.services.catalog.areaCodes(countryId, regionId ?? null);
  }

  @Query(() => AvailableNumberConnection, {
    description: 'Search numbers in stock. `totalCount` stops counting at 1,000 (show "1,000+").',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.max(1, Number(args.first ?? 20)),
  })
  availableNumbers(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AvailableNumberFilter, { description: 'What to look for.' }) filter: AvailableNumberFilter,
    @Arg('sort', () => AvailableNumberSort, { nullable: true, description: 'Order; cheapest first by default.' }) sort?: AvailableNumberSort | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor (`endCursor`) of the previous page.' }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return ctx.services.catalog.search(filter, sort, after, pageSize(first), { withCount: selects(info, 'totalCount') });
  }

  @Query(() => AvailableNumber, { nullable: true, description: 'One number by id (also after it sold: then `available` is false).' })
  availableNumber(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The number id.' }) id: string): Promise<AvailableNumber | null> {
    return ctx.services.catalog.number(id);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => CountryPayload, { description: 'Staff only: show or hide a country in the storefront.' })
  async setCountryEnabled(
    @Ctx() ctx: GraphQLContext,
    @Arg('countryId', () => ID, { description: 'The country.' }) countryId: string,
    @Arg('enabled', () => Boolean, { description: 'True to sell it, false to hide it.' }) enabled: boolean,
  ): Promise<CountryPayload> {
    const result = await ctx.services.catalog.setCountryEnabled(actorOf(ctx), countryId, enabled);
    return result.ok ? { country: result.value, errors: [] } : { country: null, errors: result.errors };
  }
}

/**
 * Whether the query selects `field` on this result, so the service can fetch it in the same round
 * trip. Fragments are not expanded: they count as "maybe", which only costs the count.
 */
function selects(info: GraphQLResolveInfo | undefined, field: string): boolean {
  return !!info?.fieldNodes.some((node) => node.selectionSet?.selections.some((sel) => (sel.kind === 'Field' ? sel.name.value === field : true)));
}
