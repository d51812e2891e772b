import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { viewerScope, type GraphQLContext } from '../../graphql/context';
import { CallRecordConnection, CallRecordFilter, CallStats, RefreshCallRecordsPayload, StatsInterval, UsageNumber } from './usage.types';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Query(() => CallRecordConnection, { description: "Call records of the signed-in customer's numbers (staff: anyone's), newest first. `totalCount` stops counting at 10,000 (show \"10,000+\")." })
  callRecords(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => CallRecordFilter, { nullable: true, description: 'Which calls.' }) filter?: CallRecordFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.usage.callRecords(viewerScope(ctx), filter, first, after);
  }

  @Authorized()
  @Query(() => CallStats, { description: 'Calls, answered calls, minutes and answer rate per bucket, plus top callers. Default period: the last 30 days.' })
  callStats(
    @Ctx() ctx: GraphQLContext,
    @Arg('interval', () => StatsInterval, { description: 'Bucket width.' }) interval: StatsInterval,
    @Arg('filter', () => CallRecordFilter, { nullable: true, description: 'Which calls.' }) filter?: CallRecordFilter | null,
  ): Promise<CallStats> {
    return ctx.services.usage.callStats(viewerScope(ctx), filter, interval);
  }

  @Authorized()
  @Query(() => [UsageNumber], { description: "Numbers whose calls and messages can be read: the customer's own (staff: pass userId). For the usage filters." })
  usageNumbers(
    @Ctx() ctx: GraphQLContext,
    @Arg('userId', () => ID, { nullable: true, description: 'Staff only: whose numbers.' }) userId?: string | null,
  ): Promise<UsageNumber[]> {
    return ctx.services.usage.numbers(viewerScope(ctx), userId);
  }

  @Authorized()
  @Mutation(() => RefreshCallRecordsPayload, { description: 'Fetch new call records from the carrier now (for your numbers; staff: a customer or everyone).' })
  async refreshCallRecords(
    @Ctx() ctx: GraphQLContext,
    @Arg('userId', () => ID, { nullable: true, description: 'Staff only: refresh this customer (default: every customer).' }) userId?: string | null,
  ): Promise<RefreshCallRecordsPayload> {
    const r = await ctx.services.usage.requestRefresh(viewerScope(ctx), userId);
    return r.ok ? { queued: r.value.queued, errors: [] } : { queued: false, errors: r.errors };
  }
}
