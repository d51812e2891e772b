import { Field, Int, ObjectType } from 'type-graphql';
import { formatMoney, type Money as MoneyValue } from '../lib/money';

@ObjectType({ description: 'An amount of money: integer minor units (cents) and an ISO 4217 currency.' })
export class Money {
  @Field(() => Int, { description: 'Amount in minor units, e.g. 1234 for $12.34.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. "USD".' })
  currency!: string;

  @Field(() => String, { description: 'Human-readable amount, e.g. "$12.34" (en-US).' })
  formatted!: string;
}

/** `formatted` is computed only when a query selects it: a search page carries forty prices. */
export function toMoney(value: MoneyValue): Money {
  return {
    amount: value.amount,
    currency: value.currency,
    get formatted() {
      return formatMoney(value);
    },
  };
}
