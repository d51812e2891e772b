import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DidGroupKind, NumberFeature } from '../../generated/prisma/enums';
import { Money } from '../../graphql/money.type';
import { Connection } from '../../graphql/pagination';

registerEnumType(NumberFeature, {
  name: 'NumberFeature',
  description: 'What a number can do.',
  valuesConfig: {
    VOICE: { description: 'Receives calls.' },
    SMS: { description: 'Receives text messages.' },
    T38: { description: 'Receives faxes (T.38).' },
  },
});

registerEnumType(DidGroupKind, {
  name: 'NumberKind',
  description: 'The kind of number.',
  valuesConfig: {
    LOCAL: { description: 'A geographic number tied to a city or area code.' },
    MOBILE: { description: 'A mobile-range number.' },
    NATIONAL: { description: 'A non-geographic national number.' },
    TOLL_FREE: { description: 'Free for callers; voice only.' },
  },
});

export enum AvailableNumberSort {
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NUMBER_ASC = 'NUMBER_ASC',
}
registerEnumType(AvailableNumberSort, {
  name: 'AvailableNumberSort',
  description: 'Order of search results.',
  valuesConfig: {
    PRICE_ASC: { description: 'Cheapest monthly price first, then by number (the default).' },
    PRICE_DESC: { description: 'Dearest monthly price first, then by number.' },
    NUMBER_ASC: { description: 'By number, ascending.' },
  },
});

@ObjectType({ description: 'A country we sell numbers in.' })
export class Country {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. "US".' })
  isoCode!: string;

  @Field(() => String, { description: 'English name.' })
  name!: string;

  @Field(() => String, { description: 'International calling code without "+", e.g. "1".' })
  callingCode!: string;

  @Field(() => Boolean, { description: 'Whether the storefront shows it (staff switch).' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Numbers in stock and not held (refreshed every few seconds).' })
  availableCount!: number;

  @Field(() => Money, { nullable: true, description: 'Cheapest monthly price in stock; null when none.' })
  lowestMonthlyPrice?: Money | null;
}

@ObjectType({ description: 'A state, province or region of a country.' })
export class Region {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Name, e.g. "California".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short code where one exists, e.g. "CA".' })
  code?: string | null;

  @Field(() => ID, { description: 'Id of its country.' })
  countryId!: string;

  @Field(() => Int, { description: 'Numbers in stock in this region.' })
  availableCount!: number;
}

@ObjectType({ description: 'An area code (or number prefix) with numbers in stock.' })
export class AreaCode {
  @Field(() => String, { description: 'The area code, e.g. "415".' })
  code!: string;

  @Field(() => String, { description: 'Where it is, e.g. "San Francisco".' })
  name!: string;

  @Field(() => Int, { description: 'Numbers in stock with this area code.' })
  availableCount!: number;
}

@ObjectType({ description: 'A phone number in stock that can be bought.' })
export class AvailableNumber {
  @Field(() => ID, { description: 'Stable id; pass it to addToCart.' })
  id!: string;

  @Field(() => String, { description: 'The number in E.164, e.g. "+14155550123".' })
  e164!: string;

  @Field(() => String, { description: 'The number as written in its country, e.g. "(415) 555-0123".' })
  nationalFormat!: string;

  @Field(() => String, { description: 'The number in international format, e.g. "+1 415 555 0123".' })
  internationalFormat!: string;

  @Field(() => Country, { description: 'Its country.' })
  country!: Country;

  @Field(() => Region, { nullable: true, description: 'Its region, when known.' })
  region?: Region | null;

  @Field(() => String, { nullable: true, description: 'Area code (US/CA) or prefix.' })
  areaCode?: string | null;

  @Field(() => String, { description: 'Area or city name, e.g. "San Francisco".' })
  areaName!: string;

  @Field(() => DidGroupKind, { description: 'Local, mobile, national or toll-free.' })
  kind!: DidGroupKind;

  @Field(() => [NumberFeature], { description: 'What it can do.' })
  features!: NumberFeature[];

  @Field(() => Money, { description: 'One-time setup price.' })
  setupPrice!: Money;

  @Field(() => Money, { description: 'Monthly price.' })
  monthlyPrice!: Money;

  @Field(() => Boolean, { description: 'False once held by someone, sold or withdrawn.' })
  available!: boolean;
}

@InputType({ description: 'What to search for. Every field narrows the result.' })
export class AvailableNumberFilter {
  @Field(() => ID, { nullable: true, description: 'Country id (see `countries`).' })
  countryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Country by ISO code instead of id, e.g. "US".' })
  countryIso?: string | null;

  @Field(() => ID, { nullable: true, description: 'Region id (see `regions`).' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Area code or prefix digits, e.g. "415".' })
  areaCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Digits the number must contain; letters map to keypad digits ("FLOWERS" → 3569377).',
  })
  contains?: string | null;

  @Field(() => [NumberFeature], { nullable: true, description: 'Features the number must all have.' })
  features?: NumberFeature[] | null;

  @Field(() => DidGroupKind, { nullable: true, description: 'Only numbers of this kind.' })
  kind?: DidGroupKind | null;

  @Field(() => Int, { nullable: true, description: 'Highest monthly price, in minor units.' })
  maxMonthlyPrice?: number | null;
}

export const AvailableNumberConnection = Connection('AvailableNumber', AvailableNumber, 'available number');
