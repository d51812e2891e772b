import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DidGroupKind, PricingRuleScope } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Money } from '../../graphql/money.type';
import { User } from '../auth/auth.types';
// Registers DidGroupKind as `NumberKind`; registering it here again would clash.
import '../catalog/catalog.types';

registerEnumType(PricingRuleScope, {
  name: 'PricingRuleScope',
  description: 'What a pricing rule applies to. The most specific rule in force wins.',
  valuesConfig: {
    GLOBAL: { description: 'Every SKU without a more specific rule.' },
    COUNTRY: { description: 'The SKUs of one country (`countryId`).' },
    DID_GROUP: { description: 'The SKUs of one DID group (`didGroupId`).' },
  },
});

export enum PricingRuleStatus {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(PricingRuleStatus, {
  name: 'PricingRuleStatus',
  description: 'Where a rule is in its life, from its effective dates.',
  valuesConfig: {
    SCHEDULED: { description: 'Takes effect at `effectiveFrom`, in the future.' },
    ACTIVE: { description: 'In force now (a newer rule of the same scope and target may still override it).' },
    RETIRED: { description: 'Ended at `effectiveTo`, or retired before it ever took effect.' },
  },
});

@ObjectType({ description: 'A volume discount step: orders of at least `minQuantity` numbers pay less per month.' })
export class VolumeTier {
  @Field(() => Int, { description: 'Smallest order size (numbers in one order) that gets this discount; at least 2.' })
  minQuantity!: number;

  @Field(() => Int, { description: 'Discount off the monthly price, in basis points (1000 = 10 %).' })
  discountBasisPoints!: number;
}

@InputType({ description: 'A volume discount step.' })
export class VolumeTierInput {
  @Field(() => Int, { description: 'Smallest order size that gets this discount; at least 2, strictly increasing across tiers.' })
  minQuantity!: number;

  @Field(() => Int, { description: 'Discount off the monthly price in basis points, 0–10000; never smaller than a lower tier\'s.' })
  discountBasisPoints!: number;
}

@ObjectType({ description: 'A country, as the pricing screens name it.' })
export class CountrySummary {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. "US".' })
  isoCode!: string;

  @Field(() => String, { description: 'English name.' })
  name!: string;
}

@ObjectType({ description: 'A DIDWW DID group (an area and kind of number), as the pricing screens name it.' })
export class DidGroupSummary {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Area or city name, e.g. "San Francisco".' })
  areaName!: string;

  @Field(() => String, { description: 'Number prefix of the group, e.g. "1415".' })
  prefix!: string;

  @Field(() => String, { nullable: true, description: 'Area code (US/CA), when it has one.' })
  areaCode?: string | null;

  @Field(() => DidGroupKind, { description: 'Local, mobile, national or toll-free.' })
  kind!: DidGroupKind;

  @Field(() => Boolean, { description: 'Whether DIDWW still offers it.' })
  active!: boolean;
}

@ObjectType({ description: 'A markup rule turning wholesale SKU costs into sell prices, valid between two instants.' })
export class PricingRule {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => PricingRuleScope, { description: 'What it applies to.' })
  scope!: PricingRuleScope;

  @Field(() => CountrySummary, { nullable: true, description: 'The country (COUNTRY rules, and the group\'s country for DID_GROUP rules).' })
  country?: CountrySummary | null;

  @Field(() => DidGroupSummary, { nullable: true, description: 'The DID group (DID_GROUP rules only).' })
  didGroup?: DidGroupSummary | null;

  @Field(() => Int, { description: 'Percent markup on cost in basis points (4000 = 40 %).' })
  markupBasisPoints!: number;

  @Field(() => Money, { description: 'Added to the monthly price after the percent markup.' })
  fixedMarkup!: Money;

  @Field(() => Money, { description: 'The monthly price is at least cost plus this.' })
  minMargin!: Money;

  @Field(() => Int, { description: 'The monthly price is rounded up to a multiple of this many minor units (1 = the cent).' })
  roundTo!: number;

  @Field(() => Money, { description: 'Our fee added to the setup price.' })
  setupFee!: Money;

  @Field(() => Money, { description: 'Our fee added to the monthly price.' })
  monthlyFee!: Money;

  @Field(() => [VolumeTier], { description: 'Volume discounts on the monthly price, by order size, ascending.' })
  volumeTiers!: VolumeTier[];

  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' })
  currency!: string;

  @Field(() => Date, { description: 'When it takes effect (inclusive).' })
  effectiveFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops (exclusive); null while open-ended.' })
  effectiveTo?: Date | null;

  @Field(() => PricingRuleStatus, { description: 'Scheduled, active or retired, as of now.' })
  status!: PricingRuleStatus;

  @Field(() => String, { nullable: true, description: 'Why the rule exists, for the staff.' })
  note?: string | null;

  @Field(() => User, { nullable: true, description: 'The staff member who made it; null for seeded rules or deleted accounts.' })
  createdBy?: User | null;

  @Field(() => Date, { description: 'When it was saved.' })
  createdAt!: Date;
}

@InputType({ description: 'A pricing rule to create, to preview, or to replace an existing one with. Amounts are in minor units.' })
export class PricingRuleInput {
  @Field(() => PricingRuleScope, { description: 'What it applies to.' })
  scope!: PricingRuleScope;

  @Field(() => ID, { nullable: true, description: 'Required for COUNTRY; for DID_GROUP optional but must be the group\'s country; absent for GLOBAL.' })
  countryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for DID_GROUP; absent otherwise.' })
  didGroupId?: string | null;

  @Field(() => Int, { description: 'Percent markup in basis points, 0–100000 (4000 = 40 %).' })
  markupBasisPoints!: number;

  @Field(() => Int, { nullable: true, description: 'Added to the monthly price after the percent, minor units (default 0).' })
  fixedMarkup?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest monthly margin over cost, minor units (default 0).' })
  minMargin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Round the monthly price up to a multiple of this, 1–10000 minor units (default 1).' })
  roundTo?: number | null;

  @Field(() => Int, { nullable: true, description: 'Our fee on the setup price, minor units (default 0).' })
  setupFee?: number | null;

  @Field(() => Int, { nullable: true, description: 'Our fee on the monthly price, minor units (default 0).' })
  monthlyFee?: number | null;

  @Field(() => [VolumeTierInput], { nullable: true, description: 'Volume discounts, ascending by minQuantity (default none).' })
  volumeTiers?: VolumeTierInput[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency; only "USD" for now (the default).' })
  currency?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it takes effect; now by default, never more than a minute in the past.' })
  effectiveFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ends (exclusive); after effectiveFrom; open-ended by default.' })
  effectiveTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists, up to 500 characters.' })
  note?: string | null;
}

@ObjectType({ description: 'How one SKU\'s price would change under a previewed rule.' })
export class PricePreviewLine {
  @Field(() => ID, { description: 'The SKU.' })
  skuId!: string;

  @Field(() => String, { description: 'Area name of its DID group, e.g. "New York".' })
  areaName!: string;

  @Field(() => DidGroupKind, { description: 'Kind of number.' })
  kind!: DidGroupKind;

  @Field(() => String, { description: 'ISO code of its country.' })
  countryIso!: string;

  @Field(() => Money, { description: 'Wholesale monthly cost.' })
  cost!: Money;

  @Field(() => Money, { description: 'Wholesale setup cost.' })
  setupCost!: Money;

  @Field(() => Money, { description: 'Monthly price now.' })
  currentMonthly!: Money;

  @Field(() => Money, { description: 'Monthly price under the previewed rule.' })
  newMonthly!: Money;

  @Field(() => Money, { description: 'Setup price now.' })
  currentSetup!: Money;

  @Field(() => Money, { description: 'Setup price under the previewed rule.' })
  newSetup!: Money;

  @Field(() => Money, { description: 'Lowest monthly price at the rule\'s biggest volume discount.' })
  lowestMonthly!: Money;
}

@ObjectType({ description: 'What a rule would do to prices if saved. Nothing is written.' })
export class PricingPreview {
  @Field(() => Int, { description: 'Active SKUs the rule would govern at its effectiveFrom (more specific rules keep theirs).' })
  affectedSkuCount!: number;

  @Field(() => Int, { description: 'Of those, how many would cost more a month (or, at the same monthly price, more to set up).' })
  increasedCount!: number;

  @Field(() => Int, { description: 'Of those, how many would cost less.' })
  decreasedCount!: number;

  @Field(() => Int, { description: 'Of those, how many keep both prices.' })
  unchangedCount!: number;

  @Field(() => Boolean, { description: 'True when some SKU in scope would sell below cost at the biggest volume discount.' })
  belowCost!: boolean;

  @Field(() => [UserError], { description: 'What saving this input would be refused for; empty when it would be accepted.' })
  errors!: UserError[];

  @Field(() => [PricePreviewLine], { description: 'Up to 50 affected SKUs, biggest monthly change first.' })
  samples!: PricePreviewLine[];
}

@ObjectType({ description: 'Result of a pricing rule change.' })
export class PricingRulePayload {
  @Field(() => PricingRule, {
    nullable: true,
    description: 'The rule as it now stands: for an update of a rule in force, its successor; null on failure.',
  })
  rule?: PricingRule | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
