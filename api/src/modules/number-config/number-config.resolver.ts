import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { actorOf, viewerScope, type GraphQLContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { pageSize } from '../../graphql/pagination';
import { PurchasedNumber } from '../numbers/numbers.types';
import {
  NumberConfiguration, NumberConfigurationInput, NumberConfigurationPayload, SmsDeliveryConnection, VoicemailConnection,
} from './number-config.types';

@Resolver(() => PurchasedNumber)
export class NumberConfigurationFieldResolver {
  @FieldResolver(() => NumberConfiguration, { description: 'How the number handles calls and messages, and whether that is live at the carrier.' })
  configuration(@Root() number: PurchasedNumber, @Ctx() ctx: GraphQLContext): Promise<NumberConfiguration> {
    // The number itself was only resolved for its owner or staff; the webhook secret is the owner's alone.
    return ctx.services.numberConfig.forVisibleNumber(number.id, !viewerScope(ctx).staff);
  }
}

@Resolver(() => NumberConfiguration)
export class NumberConfigResolver {
  @Authorized()
  @Mutation(() => NumberConfigurationPayload, { description: 'Change how a number handles calls and messages. Saved at once, then applied at the carrier (watch `syncState`).' })
  async updateNumberConfiguration(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Your purchased number (staff: any).' }) numberId: string,
    @Arg('input', () => NumberConfigurationInput, { description: 'The sections to replace.' }) input: NumberConfigurationInput,
  ): Promise<NumberConfigurationPayload> {
    const r = await ctx.services.numberConfig.update(viewerScope(ctx), actorOf(ctx), numberId, JSON.parse(JSON.stringify(input)));
    return r.ok ? { configuration: r.value, errors: [] } : { configuration: null, errors: r.errors };
  }

  @Authorized()
  @Mutation(() => NumberConfigurationPayload, { description: 'Apply the saved configuration at the carrier again, e.g. after it FAILED.' })
  async retryNumberConfiguration(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Your purchased number (staff: any).' }) numberId: string,
  ): Promise<NumberConfigurationPayload> {
    const r = await ctx.services.numberConfig.retry(viewerScope(ctx), actorOf(ctx), numberId);
    return r.ok ? { configuration: r.value, errors: [] } : { configuration: null, errors: r.errors };
  }

  @Authorized()
  @Query(() => SmsDeliveryConnection, { description: 'Forwards of inbound SMS to email and webhooks for one number, newest first.' })
  smsDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Your purchased number (staff: any).' }) numberId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.smsDelivery.list(viewerScope(ctx), numberId, pageSize(first), after);
  }

  @Authorized()
  @Query(() => VoicemailConnection, { description: 'Voicemails left on one number, newest first. Each has an `audioUrl` to stream it (same sign-in).' })
  voicemails(
    @Ctx() ctx: GraphQLContext,
    @Arg('numberId', () => ID, { description: 'Your purchased number (staff: any).' }) numberId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' }) after?: string | null,
  ) {
    return ctx.services.voicemail.list(viewerScope(ctx), numberId, pageSize(first), after);
  }

  @Authorized()
  @Subscription(() => NumberConfiguration, {
    description: "A number's configuration after each sync-state change (SAVED → APPLYING → APPLIED | FAILED).",
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const stream = await ctx.services.numberConfig.changes(viewerScope(ctx), String((args as { numberId: string }).numberId));
      if (!stream) throw notFound('No such number.');
      return stream;
    },
  })
  numberConfigurationChanged(
    @Root() configuration: NumberConfiguration,
    @Arg('numberId', () => ID, { description: 'Your purchased number (staff: any).' }) _numberId: string,
  ): NumberConfiguration {
    return configuration;
  }
}
