import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MessageDirection } from '../../generated/prisma/enums';
import { Connection } from '../../graphql/pagination';

registerEnumType(MessageDirection, {
  name: 'MessageDirection',
  description: 'Which way a text message went.',
  valuesConfig: { INBOUND: { description: 'Received by one of your numbers.' }, OUTBOUND: { description: 'Sent from one of your numbers.' } },
});

@InputType({ description: 'Which text messages to read or export. All conditions must hold.' })
export class SmsMessageFilter {
  @Field(() => ID, { nullable: true, description: 'Only messages of this purchased number.' })
  numberId?: string | null;

  @Field(() => ID, { nullable: true, description: "Staff only: only this customer's messages (ignored for customers)." })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Received at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Received before this instant.' })
  to?: Date | null;

  @Field(() => MessageDirection, { nullable: true, description: 'Only this direction.' })
  direction?: MessageDirection | null;

  @Field(() => String, { nullable: true, description: 'Full-text search of the text and sender: words, "quoted phrases", -excluded (at most 200 characters).' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Sender number contains these digits (2–20 digits).' })
  fromContains?: string | null;
}

@ObjectType({ description: 'One text message to or from a purchased number.' })
export class SmsMessage {
  @Field(() => ID, { description: 'Message id.' })
  id!: string;

  @Field(() => ID, { description: 'The purchased number that received (or sent) it.' })
  numberId!: string;

  @Field(() => String, { description: 'That number, E.164.' })
  numberE164!: string;

  @Field(() => MessageDirection, { description: 'Which way it went.' })
  direction!: MessageDirection;

  @Field(() => String, { description: 'Sender number.' })
  from!: string;

  @Field(() => String, { description: 'Recipient number.' })
  to!: string;

  @Field(() => String, { description: 'The text.' })
  body!: string;

  @Field(() => Date, { description: 'When it was received.' })
  receivedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Staff only: the customer who owns the number.' })
  userId?: string | null;
}

export const SmsMessageConnection = Connection('SmsMessage', SmsMessage, 'text message');
