import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { AuthPayload, SignInInput, SignOutPayload, SignUpInput, User } from './auth.types';
import type { SignedIn } from './auth.service';
import type { Result } from '../../graphql/errors';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in account, or null when signed out.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    if (!ctx.viewer) return null;
    return ctx.services.auth.account(ctx.viewer.userId);
  }

  @Mutation(() => AuthPayload, { description: 'Create a customer account and sign in.' })
  async signUp(
    @Arg('input', () => SignUpInput, { description: 'Email, password and name.' }) input: SignUpInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toPayload(await ctx.services.auth.signUp(input, ctx.meta), ctx);
  }

  @Mutation(() => AuthPayload, {
    description: 'Sign in with email and password. Repeated failures are throttled per email and per IP (RATE_LIMITED).',
  })
  async signIn(
    @Arg('input', () => SignInInput, { description: 'Email and password.' }) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toPayload(await ctx.services.auth.signIn(input, ctx.meta), ctx);
  }

  @Mutation(() => SignOutPayload, { description: 'End the current session (cookie or bearer token).' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    await ctx.services.auth.signOut(ctx.viewer?.sessionId);
    ctx.cookie?.clear();
    return { ok: true, errors: [] };
  }
}

function toPayload(result: Result<SignedIn>, ctx: GraphQLContext): AuthPayload {
  if (!result.ok) return { user: null, token: null, errors: result.errors };
  ctx.cookie?.set(result.value.token, result.value.expiresAt);
  return { user: result.value.user, token: result.value.token, errors: [] };
}
