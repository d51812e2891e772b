import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import { actorOf, requireViewer, type GraphQLContext } from '../../graphql/context';
import type { Result } from '../../graphql/errors';
import { pageSize } from '../../graphql/pagination';
import type { ActedOn } from './staff-actions';
import {
  CancelNumberPayload, ProvisioningActionPayload, ProvisioningMetrics, ProvisioningQueueFilter, ProvisioningQueueItemConnection,
} from './provisioning.types';

const acted = (r: Result<ActedOn>): ProvisioningActionPayload =>
  r.ok ? { ...r.value, errors: [] } : { numberId: null, status: null, errors: r.errors };

@Resolver()
export class ProvisioningResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => ProvisioningQueueItemConnection, { description: 'Staff only: paid numbers pending, provisioning or failed, longest waiting first.' })
  provisioningQueue(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ProvisioningQueueFilter, { nullable: true, description: 'Narrow by status or number.' }) filter?: ProvisioningQueueFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.provisioningQueue.list(filter ?? {}, pageSize(first), after);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => ProvisioningMetrics, { description: 'Staff only: provisioning success rate and paid→ACTIVE percentiles, and the DIDWW breaker.' })
  provisioningMetrics(
    @Ctx() ctx: GraphQLContext,
    @Arg('since', () => Date, { nullable: true, description: 'Start of the window (default: 7 days ago; at most 90 days).' }) since?: Date | null,
  ) {
    return ctx.services.provisioningQueue.metrics(since);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => ProvisioningActionPayload, { description: 'Staff only: start a FAILED number over, or run a waiting one now. Audited.' })
  async retryProvisioning(@Ctx() ctx: GraphQLContext, @Arg('numberId', () => ID, { description: 'Purchased number id.' }) numberId: string): Promise<ProvisioningActionPayload> {
    return acted(await ctx.services.provisioningStaff.retry(actorOf(ctx), { numberId }));
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => ProvisioningActionPayload, { description: 'Staff only: refund a queued number (setup fee and first month); it is then released. Audited.' })
  async refundProvisioning(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Purchased number id.' }) numberId: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept on the order timeline and in the audit log).' }) reason?: string | null,
  ): Promise<ProvisioningActionPayload> {
    return acted(await ctx.services.provisioningStaff.refund(actorOf(ctx), { numberId, reason }));
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => ProvisioningActionPayload, { description: 'Staff only: close a FAILED number handled outside NumNinja; it becomes RELEASED. Audited.' })
  async resolveProvisioning(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Purchased number id.' }) numberId: string,
    @Arg('note', () => String, { description: 'How it was resolved (kept on the timeline and in the audit log).' }) note: string,
  ): Promise<ProvisioningActionPayload> {
    return acted(await ctx.services.provisioningStaff.resolve(actorOf(ctx), { numberId, note }));
  }

  @Authorized()
  @Mutation(() => CancelNumberPayload, { description: 'Cancel one of your numbers at the end of its paid period: billing stops, the number stays live until then.' })
  async cancelNumber(@Ctx() ctx: GraphQLContext, @Arg('numberId', () => ID, { description: 'Your purchased number.' }) numberId: string): Promise<CancelNumberPayload> {
    const userId = requireViewer(ctx).userId;
    const r = await ctx.services.cancellation.cancel(userId, { numberId });
    if (!r.ok) return { numberId: null, status: null, cancelAtPeriodEnd: false, number: null, errors: r.errors };
    return { ...r.value, number: await ctx.services.numbers.number({ userId, staff: false }, r.value.numberId), errors: [] };
  }
}
