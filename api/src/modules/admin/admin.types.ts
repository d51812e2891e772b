import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Headline figures for the staff dashboard.' })
export class StaffOverview {
  @Field(() => Int, { description: 'Customer accounts.' })
  customers!: number;

  @Field(() => Int, { description: 'Orders of any status.' })
  orders!: number;

  @Field(() => Int, { description: 'Purchased numbers that are ACTIVE.' })
  activeNumbers!: number;

  @Field(() => Int, { description: 'Numbers in stock and not held.' })
  availableNumbers!: number;
}
