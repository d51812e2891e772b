import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PurchasedNumber } from '../numbers/numbers.types';
import { BreakerState, NumberStatus } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Connection } from '../../graphql/pagination';
// Registers the NumberStatus enum with type-graphql.
import '../orders/orders.types';

registerEnumType(BreakerState, {
  name: 'BreakerState',
  description: 'State of a circuit breaker around an upstream service.',
  valuesConfig: {
    CLOSED: { description: 'Calls flow normally.' },
    OPEN: { description: 'Too many failures: calls wait until `retryAt`.' },
    HALF_OPEN: { description: 'One probe call is testing whether the upstream recovered.' },
  },
});

@ObjectType({ description: 'A paid number still being set up, or one that failed and needs staff.' })
export class ProvisioningQueueItem {
  @Field(() => ID, { description: 'Purchased number id.' })
  id!: string;

  @Field(() => String, { description: 'The number, E.164.' })
  e164!: string;

  @Field(() => NumberStatus, { description: 'PENDING, PROVISIONING or FAILED.' })
  status!: NumberStatus;

  @Field(() => ID, { description: 'The order it was bought in.' })
  orderId!: string;

  @Field(() => String, { description: 'Human reference of that order, e.g. "NN-000042".' })
  orderReference!: string;

  @Field(() => String, { description: "Customer's email." })
  customerEmail!: string;

  @Field(() => Date, { description: 'When it was paid for (the start of provisioning).' })
  paidAt!: Date;

  @Field(() => Int, { description: 'Seconds since it was paid for.' })
  ageSeconds!: number;

  @Field(() => Int, { description: 'Steps tried at DIDWW so far (order, await completion, route), failed ones included.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'The most recent error from DIDWW or the reason it failed.' })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last step started.' })
  lastAttemptAt?: Date | null;

  @Field(() => Boolean, { description: 'Whether its order line was refunded already.' })
  refunded!: boolean;
}

export const ProvisioningQueueItemConnection = Connection('ProvisioningQueueItem', ProvisioningQueueItem, 'provisioning queue item');

@InputType({ description: 'Which queue items to list.' })
export class ProvisioningQueueFilter {
  @Field(() => [NumberStatus], { nullable: true, description: 'Any of PENDING, PROVISIONING, FAILED (default: all three).' })
  statuses?: NumberStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this purchased number (links from the staff alert email).' })
  numberId?: string | null;
}

@ObjectType({ description: 'The DIDWW circuit breaker, shared by every process.' })
export class CircuitBreakerStatus {
  @Field(() => BreakerState, { description: 'Current state.' })
  state!: BreakerState;

  @Field(() => Int, { description: 'Consecutive failures since the last success.' })
  failures!: number;

  @Field(() => Date, { nullable: true, description: 'When it last opened.' })
  openedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it next lets a probe through (open) or gives up on the probe (half-open).' })
  retryAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The last failure it counted.' })
  lastError?: string | null;
}

@ObjectType({ description: 'How provisioning performed for numbers paid within a window.' })
export class ProvisioningMetrics {
  @Field(() => Date, { description: 'Start of the window (numbers paid since then).' })
  since!: Date;

  @Field(() => Int, { description: 'Numbers that went live.' })
  activated!: number;

  @Field(() => Int, { description: 'Numbers that failed.' })
  failed!: number;

  @Field(() => Int, { description: 'Numbers still pending or provisioning.' })
  inProgress!: number;

  @Field(() => Float, { nullable: true, description: 'activated / (activated + failed), 0..1; null when none finished.' })
  successRate?: number | null;

  @Field(() => Int, { nullable: true, description: 'Median time from payment to ACTIVE, milliseconds.' })
  p50Ms?: number | null;

  @Field(() => Int, { nullable: true, description: '95th percentile of the time from payment to ACTIVE, milliseconds.' })
  p95Ms?: number | null;

  @Field(() => CircuitBreakerStatus, { description: 'The DIDWW circuit breaker right now.' })
  breaker!: CircuitBreakerStatus;
}

@ObjectType({ description: 'Result of a staff action on a queued number.' })
export class ProvisioningActionPayload {
  @Field(() => ID, { nullable: true, description: 'The number acted on.' })
  numberId?: string | null;

  @Field(() => NumberStatus, { nullable: true, description: 'Its status after the action.' })
  status?: NumberStatus | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of cancelNumber.' })
export class CancelNumberPayload {
  @Field(() => ID, { nullable: true, description: 'The number cancelled.' })
  numberId?: string | null;

  @Field(() => NumberStatus, { nullable: true, description: 'Its status now (it stays live until the paid period ends).' })
  status?: NumberStatus | null;

  @Field(() => Boolean, { description: 'Whether it will be released when the paid period ends.' })
  cancelAtPeriodEnd!: boolean;

  @Field(() => PurchasedNumber, { nullable: true, description: 'The number as it is now, with its timeline.' })
  number?: PurchasedNumber | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
