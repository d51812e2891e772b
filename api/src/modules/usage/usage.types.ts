import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CallDirection, CallStatus } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Connection } from '../../graphql/pagination';

registerEnumType(CallDirection, {
  name: 'CallDirection',
  description: 'Which way a call went.',
  valuesConfig: { INBOUND: { description: 'To one of your numbers.' }, OUTBOUND: { description: 'From one of your numbers.' } },
});
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: 'How a call ended.',
  valuesConfig: {
    ANSWERED: { description: 'Answered at the forwarding destination.' },
    MISSED: { description: 'Rang out unanswered.' },
    BUSY: { description: 'The destination was busy.' },
    FAILED: { description: 'Could not be connected.' },
    VOICEMAIL: { description: 'Went to voicemail.' },
  },
});

export enum StatsInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(StatsInterval, {
  name: 'StatsInterval',
  description: 'Width of one bucket of call statistics (UTC).',
  valuesConfig: {
    DAY: { description: 'One bucket per UTC day.' },
    WEEK: { description: 'One bucket per ISO week (Monday to Sunday, UTC).' },
    MONTH: { description: 'One bucket per calendar month (UTC).' },
  },
});

@InputType({ description: 'Which call records to read, count or export. All conditions must hold.' })
export class CallRecordFilter {
  @Field(() => ID, { nullable: true, description: 'Only calls to or from this purchased number.' })
  numberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff only: only this customer\'s calls (ignored for customers).' })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Calls that started at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Calls that started before this instant.' })
  to?: Date | null;

  @Field(() => CallDirection, { nullable: true, description: 'Only this direction.' })
  direction?: CallDirection | null;

  @Field(() => CallStatus, { nullable: true, description: 'Only calls that ended this way.' })
  status?: CallStatus | null;

  @Field(() => String, { nullable: true, description: 'Caller number contains these digits (2–20 digits).' })
  callerContains?: string | null;
}

@ObjectType({ description: 'One call to or from a purchased number, as the carrier recorded it.' })
export class CallRecord {
  @Field(() => ID, { description: 'Call record id.' })
  id!: string;

  @Field(() => ID, { description: 'The purchased number the call reached.' })
  numberId!: string;

  @Field(() => String, { description: 'That number, E.164.' })
  numberE164!: string;

  @Field(() => CallDirection, { description: 'Which way the call went.' })
  direction!: CallDirection;

  @Field(() => CallStatus, { description: 'How the call ended.' })
  status!: CallStatus;

  @Field(() => String, { description: 'Caller number as delivered by the carrier (E.164 when known).' })
  caller!: string;

  @Field(() => String, { description: 'Where the call was sent (forwarding number or SIP address); empty when unknown.' })
  destination!: string;

  @Field(() => Date, { description: 'When the call started.' })
  startedAt!: Date;

  @Field(() => Int, { description: 'Talk time in seconds (0 when not answered).' })
  durationSeconds!: number;

  @Field(() => String, { nullable: true, description: 'Carrier disconnect reason, e.g. "486 Busy Here".' })
  disconnectReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff only: the customer who owns the number.' })
  userId?: string | null;
}

export const CallRecordConnection = Connection('CallRecord', CallRecord, 'call record');

@ObjectType({ description: 'Call counts of one time bucket.' })
export class CallStatsBucket {
  @Field(() => Date, { description: 'Start of the bucket (UTC).' })
  start!: Date;

  @Field(() => Int, { description: 'Calls that started in the bucket.' })
  calls!: number;

  @Field(() => Int, { description: 'Of which answered.' })
  answered!: number;

  @Field(() => Int, { description: 'Talk time in seconds.' })
  seconds!: number;

  @Field(() => Float, { description: 'Talk time in minutes, one decimal.' })
  minutes!: number;

  @Field(() => Float, { description: 'answered / calls, 0 when there were no calls.' })
  answerRate!: number;
}

@ObjectType({ description: 'One of the most frequent callers in the period.' })
export class TopCaller {
  @Field(() => String, { description: 'Caller number.' })
  caller!: string;

  @Field(() => Int, { description: 'Calls from this number in the period.' })
  calls!: number;

  @Field(() => Int, { description: 'Of which answered.' })
  answered!: number;

  @Field(() => Float, { description: 'Talk time in minutes, one decimal.' })
  minutes!: number;
}

@ObjectType({ description: 'Call statistics of a period, in buckets, with totals and top callers.' })
export class CallStats {
  @Field(() => StatsInterval, { description: 'Width of each bucket.' })
  interval!: StatsInterval;

  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => CallStatsBucket, { description: 'The whole period in one bucket (start = from).' })
  totals!: CallStatsBucket;

  @Field(() => [CallStatsBucket], { description: 'One entry per bucket, oldest first, empty buckets included.' })
  buckets!: CallStatsBucket[];

  @Field(() => [TopCaller], { description: 'Up to ten callers with the most calls in topCallersFrom..topCallersTo.' })
  topCallers!: TopCaller[];

  @Field(() => Date, { description: 'Start of the period top callers count: `from`, or for periods over 62 days the start of its first calendar month.' })
  topCallersFrom!: Date;

  @Field(() => Date, { description: 'End of the period top callers count: `to`, or for periods over 62 days the end of its last calendar month.' })
  topCallersTo!: Date;
}

@ObjectType({ description: 'Result of refreshCallRecords.' })
export class RefreshCallRecordsPayload {
  @Field(() => Boolean, { description: "Whether an import was queued (a pending one for the same scope is replaced, not doubled)." })
  queued!: boolean;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'A purchased number as the usage pages list it (id and E.164), for filters.' })
export class UsageNumber {
  @Field(() => ID, { description: 'Purchased number id (the `numberId` of the filters).' })
  id!: string;

  @Field(() => String, { description: 'The number, E.164.' })
  e164!: string;

  @Field(() => String, { description: 'Its status, e.g. ACTIVE.' })
  status!: string;
}
