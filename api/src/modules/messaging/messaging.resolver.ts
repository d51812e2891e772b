import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { viewerScope } from '../../graphql/context';
import { SmsMessageConnection, SmsMessageFilter } from './messaging.types';

@Resolver()
export class MessagingResolver {
  @Authorized()
  @Query(() => SmsMessageConnection, { description: "Text messages of the signed-in customer's numbers (staff: anyone's), newest first, with full-text search. `totalCount` stops counting at 10,000 (show \"10,000+\")." })
  smsMessages(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SmsMessageFilter, { nullable: true, description: 'Which messages.' }) filter?: SmsMessageFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.messaging.smsMessages(viewerScope(ctx), filter, first, after);
  }
}
