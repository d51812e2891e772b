import { Field, ID, ObjectType } from 'type-graphql';
import { NumberStatus } from '../../generated/prisma/enums';
import { Money } from '../../graphql/money.type';
import { Connection } from '../../graphql/pagination';

@ObjectType({ description: 'One status transition of a purchased number: its timeline.' })
export class NumberStatusChange {
  @Field(() => NumberStatus, { nullable: true, description: 'Status before; null for the first entry.' })
  fromStatus?: NumberStatus | null;

  @Field(() => NumberStatus, { description: 'Status after.' })
  toStatus!: NumberStatus;

  @Field(() => String, { description: 'Why, for people (e.g. "Live at the carrier").' })
  cause!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;
}

@ObjectType({ description: 'A phone number a customer bought, from payment to release.' })
export class PurchasedNumber {
  @Field(() => ID, { description: 'Purchased number id.' })
  id!: string;

  @Field(() => String, { description: 'The number, E.164 (e.g. "+14155550123").' })
  e164!: string;

  @Field(() => String, { description: 'As dialled inside its country, e.g. "(415) 555-0123".' })
  nationalFormat!: string;

  @Field(() => String, { description: 'As dialled from abroad, e.g. "+1 415 555 0123".' })
  internationalFormat!: string;

  /** Resolved to `country` by the numbers resolver. */
  countryId!: string;

  @Field(() => NumberStatus, { description: 'Where the number stands.' })
  status!: NumberStatus;

  @Field(() => [NumberStatusChange], { description: 'Every status transition, oldest first.' })
  statusEvents!: NumberStatusChange[];

  @Field(() => Date, { nullable: true, description: 'When it went live; null until ACTIVE.' })
  activatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the paid period: the renewal date.' })
  paidUntil?: Date | null;

  @Field(() => Boolean, { description: 'Whether it will be released at the end of the paid period instead of renewing.' })
  cancelAtPeriodEnd!: boolean;

  @Field(() => String, { nullable: true, description: 'Why setting it up failed, when status is FAILED.' })
  failureReason?: string | null;

  @Field(() => Money, { description: 'Monthly price, as paid in its order.' })
  monthlyPrice!: Money;

  @Field(() => ID, { description: 'The order it was bought in.' })
  orderId!: string;

  @Field(() => Date, { description: 'When it was bought.' })
  createdAt!: Date;
}

export const PurchasedNumberConnection = Connection('PurchasedNumber', PurchasedNumber, 'purchased number');
