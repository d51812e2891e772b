import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { SmsMessageFilter } from '../messaging/messaging.types';
import { viewerScope } from '../../graphql/context';
import { CallRecordFilter } from '../usage/usage.types';
import { ExportPayload } from './exports.types';

type Outcome = Awaited<ReturnType<GraphQLContext['services']['exports']['exportCallRecords']>>;
const payload = (r: Outcome): ExportPayload => (r.ok ? { ...r.value, errors: [] } : { export: null, url: null, errors: r.errors });

@Resolver()
export class ExportsResolver {
  @Authorized()
  @Mutation(() => ExportPayload, { description: 'Prepare a CSV of call records (same filter as callRecords); download it from `url`.' })
  async exportCallRecords(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => CallRecordFilter, { nullable: true, description: 'Which calls.' }) filter?: CallRecordFilter | null,
  ): Promise<ExportPayload> {
    return payload(await ctx.services.exports.exportCallRecords(viewerScope(ctx), filter));
  }

  @Authorized()
  @Mutation(() => ExportPayload, { description: 'Prepare a CSV of text messages (same filter as smsMessages); download it from `url`.' })
  async exportSmsMessages(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SmsMessageFilter, { nullable: true, description: 'Which messages.' }) filter?: SmsMessageFilter | null,
  ): Promise<ExportPayload> {
    return payload(await ctx.services.exports.exportSmsMessages(viewerScope(ctx), filter));
  }
}
