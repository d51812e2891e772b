import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import type { GraphQLContext } from '../../graphql/context';
import { StaffOverview } from './admin.types';

@Resolver()
export class AdminResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => StaffOverview, { description: 'Staff only: headline figures for the dashboard.' })
  staffOverview(@Ctx() ctx: GraphQLContext): Promise<StaffOverview> {
    return ctx.services.admin.overview();
  }
}
