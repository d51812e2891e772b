import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors';
import { Money } from '../../graphql/money.type';
import { AvailableNumber } from '../catalog/catalog.types';

@ObjectType({ description: 'A number held in the cart. The hold keeps it yours until `holdExpiresAt`.' })
export class CartItem {
  @Field(() => ID, { description: 'Id of the cart item; pass it to removeFromCart.' })
  id!: string;

  @Field(() => AvailableNumber, { description: 'The number held.' })
  availableNumber!: AvailableNumber;

  @Field(() => Date, { description: 'When the hold ends unless checkout has started.' })
  holdExpiresAt!: Date;

  @Field(() => Money, { description: 'One-time setup price, fixed when the number was added.' })
  setupPrice!: Money;

  @Field(() => Money, { description: 'Monthly price, fixed when the number was added (before any volume discount).' })
  monthlyPrice!: Money;

  @Field(() => Money, { description: 'Monthly price after the volume discount for the numbers in this cart.' })
  discountedMonthlyPrice!: Money;

  @Field(() => Boolean, { description: 'True once the hold ran out; the number must be added again.' })
  expired!: boolean;

  @Field(() => Boolean, { description: 'True while a checkout for this item is open.' })
  inCheckout!: boolean;
}

@ObjectType({ description: "The signed-in customer's cart." })
export class Cart {
  @Field(() => [CartItem], { description: 'Items, oldest first.' })
  items!: CartItem[];

  @Field(() => Money, { description: 'Sum of the setup prices.' })
  setupTotal!: Money;

  @Field(() => Money, { description: 'Sum of the monthly prices after volume discounts.' })
  monthlyTotal!: Money;

  @Field(() => Money, { description: 'Due at checkout: setup fees plus the first month.' })
  dueToday!: Money;

  @Field(() => Int, { description: 'How many numbers the cart can hold.' })
  itemLimit!: number;
}

@ObjectType({ description: 'Result of addToCart / removeFromCart.' })
export class CartPayload {
  @Field(() => Cart, { nullable: true, description: 'The cart as it is now.' })
  cart?: Cart | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
