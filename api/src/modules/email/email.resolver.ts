import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EmailStatus, Role } from '../../generated/prisma/enums';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { pageSize } from '../../graphql/pagination';
import { Email, EmailConnection, EmailPayload } from './email.types';

@Resolver()
export class EmailResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => EmailConnection, { description: 'Staff only: the outgoing email outbox, newest first.' })
  emailOutbox(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => EmailStatus, { nullable: true, description: 'Only emails in this state.' }) status?: EmailStatus | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the recipient address or the subject (case-insensitive).' }) search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor (`endCursor`) of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.email.outbox({ status: status ?? null, search: search ?? null }, after ?? null, pageSize(first));
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => Email, { nullable: true, description: 'Staff only: one outgoing email with its text and HTML.' })
  email(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The email id.' }) id: string) {
    return ctx.services.email.email(id);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Mutation(() => EmailPayload, { description: 'Staff only: queue a stored or failed email again. Needs SMTP configured on the server.' })
  async resendEmail(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The email id.' }) id: string): Promise<EmailPayload> {
    const result = await ctx.services.email.resend(actorOf(ctx), id);
    return result.ok ? { email: result.value, errors: [] } : { email: null, errors: result.errors };
  }
}
