import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Role, SyncRunKind } from '../../generated/prisma/enums';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { pageSize } from '../../graphql/pagination';
import { CatalogSyncPayload, CatalogSyncRun, CatalogSyncRunConnection } from './catalog-sync.types';

@Resolver()
export class CatalogSyncResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => CatalogSyncRunConnection, { description: 'Staff only: catalog sync runs, newest first.' })
  catalogSyncRuns(
    @Ctx() ctx: GraphQLContext,
    @Arg('kind', () => SyncRunKind, { nullable: true, description: 'Only runs of this kind.' }) kind?: SyncRunKind | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor (`endCursor`) of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.catalogSync.list(kind ?? null, after ?? null, pageSize(first));
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => CatalogSyncRun, { nullable: true, description: 'Staff only: one catalog sync run (poll it to follow progress).' })
  catalogSyncRun(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The run id.' }) id: string) {
    return ctx.services.catalogSync.run(id);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => CatalogSyncPayload, {
    description: 'Staff only: sync the catalog from DIDWW now. Returns the run already queued or running for this kind, if any.',
  })
  async startCatalogSync(
    @Ctx() ctx: GraphQLContext,
    @Arg('kind', () => SyncRunKind, { description: 'Reference data or stock.' }) kind: SyncRunKind,
  ): Promise<CatalogSyncPayload> {
    const result = await ctx.services.catalogSync.start(actorOf(ctx), kind);
    return result.ok ? { ...result.value, errors: [] } : { run: null, started: false, errors: result.errors };
  }
}
