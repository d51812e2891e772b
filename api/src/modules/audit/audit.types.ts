import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination';
import { User } from '../auth/auth.types';

@ObjectType({ description: 'One staff action, as recorded.' })
export class AuditEntryView {
  @Field(() => ID, { description: 'Entry id.' })
  id!: string;

  @Field(() => String, { description: 'What was done, e.g. "order.refund".' })
  action!: string;

  @Field(() => String, { description: 'Kind of object acted on, e.g. "Order".' })
  targetType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the object acted on.' })
  targetId?: string | null;

  @Field(() => GraphQLJSON, { description: 'Details of the action (before/after, amounts, reasons).' })
  data!: unknown;

  @Field(() => User, { nullable: true, description: 'Who did it (null if the account was deleted).' })
  actor?: User | null;

  @Field(() => String, { nullable: true, description: 'From which IP address.' })
  ip?: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, to find the request in the logs.' })
  requestId?: string | null;

  @Field(() => Date, { description: 'When.' })
  createdAt!: Date;
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryView, 'audit entry');
