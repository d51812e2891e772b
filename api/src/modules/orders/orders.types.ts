import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NumberStatus, OrderLineStatus, OrderStatus, PaymentKind, PaymentStatus } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Money } from '../../graphql/money.type';
import { Connection } from '../../graphql/pagination';
import { User } from '../auth/auth.types';

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for payment.' },
    PAID: { description: 'Paid; numbers are being set up.' },
    FULFILLED: { description: 'Every number is live.' },
    PARTIALLY_FULFILLED: { description: 'Some numbers are live, others failed (and were refunded).' },
    EXPIRED: { description: 'Checkout was abandoned or declined; nothing was charged.' },
    CANCELED: { description: 'Replaced by a newer checkout; nothing was charged.' },
    FAILED: { description: 'Could not be set up; refunded.' },
    REFUNDED: { description: 'Refunded in full.' },
    PARTIALLY_REFUNDED: { description: 'Some lines were refunded.' },
  },
});
registerEnumType(OrderLineStatus, { name: 'OrderLineStatus', description: 'Where one number of an order stands.' });
registerEnumType(PaymentKind, { name: 'PaymentKind', description: 'First payment or a renewal.' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus', description: 'Outcome of a payment.' });
registerEnumType(NumberStatus, {
  name: 'NumberStatus',
  description: 'Life of a purchased number.',
  valuesConfig: {
    PENDING: { description: 'Paid, waiting to be ordered from the carrier.' },
    PROVISIONING: { description: 'Being set up at the carrier.' },
    ACTIVE: { description: 'Live: calls and messages arrive.' },
    PAST_DUE: { description: 'A renewal payment failed; live during the grace period.' },
    SUSPENDED: { description: 'Unpaid past the grace period.' },
    RELEASING: { description: 'Being released at the carrier.' },
    RELEASED: { description: 'Gone.' },
    FAILED: { description: 'Could not be set up; the line was refunded.' },
  },
});

@ObjectType({ description: 'One number bought in an order, with the prices snapshotted at checkout.' })
export class OrderLine {
  @Field(() => ID, { description: 'Line id.' })
  id!: string;

  @Field(() => String, { description: 'The number, E.164.' })
  e164!: string;

  @Field(() => Money, { description: 'One-time setup price charged.' })
  setupPrice!: Money;

  @Field(() => Money, { description: 'Monthly price charged (after volume discount).' })
  monthlyPrice!: Money;

  @Field(() => OrderLineStatus, { description: 'State of this line.' })
  status!: OrderLineStatus;

  @Field(() => Money, { description: 'How much of this line was refunded.' })
  refunded!: Money;

  @Field(() => ID, { nullable: true, description: 'The purchased number, once paid.' })
  purchasedNumberId?: string | null;

  @Field(() => NumberStatus, { nullable: true, description: 'Status of the purchased number, once paid.' })
  numberStatus?: NumberStatus | null;
}

@ObjectType({ description: 'Something that happened to an order.' })
export class OrderEvent {
  @Field(() => String, { description: 'Machine name, e.g. "paid".' })
  type!: string;

  @Field(() => String, { description: 'What happened, for people.' })
  message!: string;

  @Field(() => Date, { description: 'When.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A payment taken for an order.' })
export class Payment {
  @Field(() => ID, { description: 'Payment id.' })
  id!: string;

  @Field(() => PaymentKind, { description: 'First payment or renewal.' })
  kind!: PaymentKind;

  @Field(() => PaymentStatus, { description: 'Outcome.' })
  status!: PaymentStatus;

  @Field(() => Money, { description: 'Amount charged.' })
  amount!: Money;

  @Field(() => Money, { description: 'Amount refunded so far.' })
  refunded!: Money;

  @Field(() => Date, { description: 'When.' })
  createdAt!: Date;
}

@ObjectType({ description: 'An order of one or more numbers.' })
export class Order {
  @Field(() => ID, { description: 'Order id.' })
  id!: string;

  @Field(() => String, { description: 'Human reference, e.g. "NN-000042".' })
  reference!: string;

  @Field(() => OrderStatus, { description: 'Where the order stands.' })
  status!: OrderStatus;

  @Field(() => [OrderLine], { description: 'The numbers.' })
  lines!: OrderLine[];

  @Field(() => Money, { description: 'Sum of setup prices.' })
  setupTotal!: Money;

  @Field(() => Money, { description: 'Sum of monthly prices.' })
  monthlyTotal!: Money;

  @Field(() => Money, { description: 'Charged at checkout: setup plus the first month.' })
  dueToday!: Money;

  @Field(() => String, { nullable: true, description: 'Where to pay, while the order is PENDING.' })
  checkoutUrl?: string | null;

  @Field(() => [OrderEvent], { description: 'Timeline, oldest first.' })
  timeline!: OrderEvent[];

  @Field(() => [Payment], { description: 'Payments, oldest first.' })
  payments!: Payment[];

  @Field(() => User, { nullable: true, description: 'Staff only: the customer (null for the customer themself).' })
  customer?: User | null;

  @Field(() => Date, { description: 'When the order was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was paid.' })
  paidAt?: Date | null;
}

export const OrderConnection = Connection('Order', Order, 'order');

@ObjectType({ description: 'Result of confirmCheckout and staff order actions.' })
export class OrderPayload {
  @Field(() => Order, { nullable: true, description: 'The order as it is now.' })
  order?: Order | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of startCheckout.' })
export class StartCheckoutPayload {
  @Field(() => Order, { nullable: true, description: 'The order awaiting payment.' })
  order?: Order | null;

  @Field(() => String, { nullable: true, description: 'Where to send the customer to pay (Stripe Checkout, or the offline checkout page).' })
  checkoutUrl?: string | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
