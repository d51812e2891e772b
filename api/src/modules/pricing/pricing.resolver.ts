import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import type { Result } from '../../graphql/errors';
import { DidGroupSummary, PricingPreview, PricingRule, PricingRuleInput, PricingRulePayload } from './pricing.types';

function payload(result: Result<PricingRule>): PricingRulePayload {
  return result.ok ? { rule: result.value, errors: [] } : { rule: null, errors: result.errors };
}

@Resolver()
export class PricingResolver {
  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => [PricingRule], { description: 'Staff only: pricing rules, global first, newest first within a scope.' })
  pricingRules(
    @Ctx() ctx: GraphQLContext,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Also list rules that have ended.' }) includeRetired: boolean,
  ): Promise<PricingRule[]> {
    return ctx.services.pricing.rules({ includeRetired });
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => PricingPreview, { description: 'Staff only: what saving a rule would do to prices, and why it would be refused. Writes nothing.' })
  previewPricingRule(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => PricingRuleInput, { description: 'The rule as it would be saved.' }) input: PricingRuleInput,
    @Arg('replacingRuleId', () => ID, { nullable: true, description: 'Preview an update of this rule instead of a new rule.' })
    replacingRuleId?: string | null,
  ): Promise<PricingPreview> {
    return ctx.services.pricing.preview(input, replacingRuleId ?? null);
  }

  @Authorized(Role.SUPPORT, Role.ADMIN)
  @Query(() => [DidGroupSummary], { description: 'Staff only: the DID groups of a country, by area name, for choosing a rule\'s scope.' })
  didGroups(@Ctx() ctx: GraphQLContext, @Arg('countryId', () => ID, { description: 'The country.' }) countryId: string): Promise<DidGroupSummary[]> {
    return ctx.services.pricing.didGroups(countryId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PricingRulePayload, { description: 'Admin only: add a pricing rule, now or from a future instant. Prices follow within seconds.' })
  async createPricingRule(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => PricingRuleInput, { description: 'The rule.' }) input: PricingRuleInput,
  ): Promise<PricingRulePayload> {
    return payload(await ctx.services.pricing.createRule(actorOf(ctx), input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PricingRulePayload, {
    description: 'Admin only: change a rule. A rule in force ends now and a successor takes over (returned); a scheduled rule is edited in place.',
  })
  async updatePricingRule(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The rule to change.' }) id: string,
    @Arg('input', () => PricingRuleInput, { description: 'The rule as it should be (all fields).' }) input: PricingRuleInput,
  ): Promise<PricingRulePayload> {
    return payload(await ctx.services.pricing.updateRule(actorOf(ctx), id, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PricingRulePayload, {
    description: 'Admin only: end a rule now (a scheduled one never takes effect). The last global rule cannot be retired.',
  })
  async retirePricingRule(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The rule to retire.' }) id: string,
  ): Promise<PricingRulePayload> {
    return payload(await ctx.services.pricing.retireRule(actorOf(ctx), id));
  }
}
