import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import type { GraphQLContext } from '../../graphql/context';
import { pageSize } from '../../graphql/pagination';
import { AuditEntryConnection } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'Staff only: every staff action, newest first.' })
  auditLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('targetType', () => String, { nullable: true, description: 'Only actions on this kind of object, e.g. "Order".' }) targetType?: string | null,
    @Arg('targetId', () => String, { nullable: true, description: 'Only actions on this object.' }) targetId?: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only this action, or actions starting with it (e.g. "pricing_rule").' }) action?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.audit.list({ targetType, targetId, action }, pageSize(first), after);
  }
}
