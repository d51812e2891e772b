import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConfigSyncState, DeliveryChannel, DeliveryStatus, ForwardTargetKind, OutOfHoursAction } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Connection } from '../../graphql/pagination';

registerEnumType(ConfigSyncState, {
  name: 'ConfigSyncState',
  description: 'Where a saved configuration stands at the carrier.',
  valuesConfig: {
    SAVED: { description: 'Saved here; waiting to be applied at the carrier.' },
    APPLYING: { description: 'Being applied at the carrier now.' },
    APPLIED: { description: 'Live at the carrier.' },
    FAILED: { description: 'The carrier refused it or kept failing; see `syncError`, then retry.' },
  },
});
registerEnumType(OutOfHoursAction, {
  name: 'OutOfHoursAction',
  description: 'What happens to calls outside business hours.',
  valuesConfig: {
    FORWARD: { description: 'Forward to `outOfHoursDestination`.' },
    VOICEMAIL: { description: 'Send to voicemail.' },
    REJECT: { description: 'Do not answer (the carrier rejects the call).' },
  },
});
registerEnumType(ForwardTargetKind, { name: 'ForwardTargetKind', description: 'A phone number (E.164) or a SIP URI.' });
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel', description: 'How an SMS is forwarded: EMAIL or WEBHOOK.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING (being tried), DELIVERED, or FAILED after the last try.' });

@ObjectType({ description: 'One place calls ring, in failover order.' })
export class ForwardTarget {
  @Field(() => Int, { description: 'Order in the failover list, from 0.' })
  position!: number;
  @Field(() => ForwardTargetKind, { description: 'Phone number or SIP URI.' })
  kind!: ForwardTargetKind;
  @Field(() => String, { description: 'E.164 number (+14155550123) or SIP URI (sip:alice@pbx.example.com).' })
  destination!: string;
}

@ObjectType({ description: 'Call forwarding of a number.' })
export class Forwarding {
  @Field(() => Boolean, { description: 'Whether calls are forwarded to the targets.' })
  enabled!: boolean;
  @Field(() => Int, { description: 'Seconds each target rings before the next one is tried.' })
  ringTimeoutSeconds!: number;
  @Field(() => [ForwardTarget], { description: 'Targets in failover order.' })
  targets!: ForwardTarget[];
}

@ObjectType({ description: 'An open interval on one weekday, in the schedule’s time zone.' })
export class BusinessHoursInterval {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;
  @Field(() => Int, { description: 'Opens at this many minutes after local midnight (0–1439).' })
  startMinute!: number;
  @Field(() => Int, { description: 'Closes at this many minutes after local midnight (1–1440).' })
  endMinute!: number;
}

@ObjectType({ description: 'A local date closed all day.' })
export class Holiday {
  @Field(() => String, { description: 'Local date, yyyy-MM-dd.' })
  date!: string;
  @Field(() => String, { nullable: true, description: 'Label, e.g. "Christmas".' })
  name?: string | null;
}

@ObjectType({ description: 'Weekly opening hours and what happens outside them.' })
export class BusinessHours {
  @Field(() => Boolean, { description: 'Whether the schedule applies; when off, the number is always "open".' })
  enabled!: boolean;
  @Field(() => String, { description: 'IANA time zone of the schedule, e.g. "America/New_York".' })
  timeZone!: string;
  @Field(() => [BusinessHoursInterval], { description: 'Open intervals.' })
  intervals!: BusinessHoursInterval[];
  @Field(() => [Holiday], { description: 'Dates closed all day.' })
  holidays!: Holiday[];
  @Field(() => OutOfHoursAction, { description: 'What calls outside the hours get.' })
  outOfHoursAction!: OutOfHoursAction;
  @Field(() => String, { nullable: true, description: 'Where out-of-hours calls go when the action is FORWARD.' })
  outOfHoursDestination?: string | null;
  @Field(() => Boolean, { description: 'Whether the number is open right now.' })
  openNow!: boolean;
  @Field(() => Date, { nullable: true, description: 'When routing next switches between open and closed; null if never.' })
  nextChangeAt?: Date | null;
}

@ObjectType({ description: 'Voicemail settings.' })
export class VoicemailSettings {
  @Field(() => Boolean, { description: 'Whether unanswered or out-of-hours calls may go to voicemail.' })
  enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'Greeting text read to callers.' })
  greeting?: string | null;
  @Field(() => String, { nullable: true, description: 'Where recordings are emailed; the account email when null.' })
  email?: string | null;
}

@ObjectType({ description: 'Where inbound SMS are forwarded.' })
export class SmsDeliverySettings {
  @Field(() => [String], { description: 'Email addresses each SMS is sent to.' })
  emails!: string[];
  @Field(() => String, { nullable: true, description: 'Customer webhook each SMS is POSTed to (JSON), signed with `webhookSecret`.' })
  webhookUrl?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'HMAC-SHA256 key of the `X-NumNinja-Signature` header (t=<unix>,v1=<hex of HMAC over "<t>.<body>">). Shown to the owner only.',
  })
  webhookSecret?: string | null;
}

@ObjectType({ description: 'How a purchased number handles calls and messages.' })
export class NumberConfiguration {
  /** Resolved by field resolvers (deliveries, voicemail) and subscriptions. */
  numberId!: string;
  @Field(() => Forwarding, { description: 'Call forwarding.' })
  forwarding!: Forwarding;
  @Field(() => BusinessHours, { description: 'Business hours.' })
  businessHours!: BusinessHours;
  @Field(() => VoicemailSettings, { description: 'Voicemail.' })
  voicemail!: VoicemailSettings;
  @Field(() => SmsDeliverySettings, { description: 'SMS forwarding.' })
  smsDelivery!: SmsDeliverySettings;
  @Field(() => ConfigSyncState, { description: 'Whether the saved configuration is live at the carrier.' })
  syncState!: ConfigSyncState;
  @Field(() => String, { nullable: true, description: 'Why the last apply failed, when FAILED.' })
  syncError?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was last applied at the carrier.' })
  appliedAt?: Date | null;
  @Field(() => Int, { description: 'Bumped on every save.' })
  version!: number;
  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'One forward target.' })
export class ForwardTargetInput {
  @Field(() => ForwardTargetKind, { description: 'Phone number or SIP URI.' })
  kind!: ForwardTargetKind;
  @Field(() => String, { description: 'E.164 number or SIP URI.' })
  destination!: string;
}

@InputType({ description: 'Call forwarding; replaces the whole section.' })
export class ForwardingInput {
  @Field(() => Boolean, { description: 'Forward calls to the targets.' })
  enabled!: boolean;
  @Field(() => Int, { description: 'Seconds each target rings (5–120).' })
  ringTimeoutSeconds!: number;
  @Field(() => [ForwardTargetInput], { description: 'Targets in failover order (at most 5).' })
  targets!: ForwardTargetInput[];
}

@InputType({ description: 'An open interval.' })
export class BusinessHoursIntervalInput {
  @Field(() => Int, { description: 'ISO weekday 1–7 (Monday = 1).' })
  weekday!: number;
  @Field(() => Int, { description: 'Minutes after local midnight, 0–1439.' })
  startMinute!: number;
  @Field(() => Int, { description: 'Minutes after local midnight, 1–1440; after the start.' })
  endMinute!: number;
}

@InputType({ description: 'A closed day.' })
export class HolidayInput {
  @Field(() => String, { description: 'Local date, yyyy-MM-dd.' })
  date!: string;
  @Field(() => String, { nullable: true, description: 'Label.' })
  name?: string | null;
}

@InputType({ description: 'Business hours; replaces the whole section.' })
export class BusinessHoursInput {
  @Field(() => Boolean, { description: 'Apply the schedule.' })
  enabled!: boolean;
  @Field(() => String, { description: 'IANA time zone.' })
  timeZone!: string;
  @Field(() => [BusinessHoursIntervalInput], { description: 'Open intervals; none may overlap on a day.' })
  intervals!: BusinessHoursIntervalInput[];
  @Field(() => [HolidayInput], { description: 'Closed dates.' })
  holidays!: HolidayInput[];
  @Field(() => OutOfHoursAction, { description: 'What calls outside the hours get.' })
  outOfHoursAction!: OutOfHoursAction;
  @Field(() => String, { nullable: true, description: 'E.164 or SIP URI, required for FORWARD.' })
  outOfHoursDestination?: string | null;
}

@InputType({ description: 'Voicemail settings.' })
export class VoicemailSettingsInput {
  @Field(() => Boolean, { description: 'Enable voicemail.' })
  enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'Greeting text (at most 500 characters).' })
  greeting?: string | null;
  @Field(() => String, { nullable: true, description: 'Email for recordings; the account email when null.' })
  email?: string | null;
}

@InputType({ description: 'SMS forwarding.' })
export class SmsDeliveryInput {
  @Field(() => [String], { description: 'Email addresses (at most 5).' })
  emails!: string[];
  @Field(() => String, { nullable: true, description: 'Public http(s) URL; internal addresses are refused.' })
  webhookUrl?: string | null;
}

@InputType({ description: 'A configuration edit: each section given replaces the saved one; omitted sections stay.' })
export class NumberConfigurationInput {
  @Field(() => ForwardingInput, { nullable: true, description: 'Call forwarding.' })
  forwarding?: ForwardingInput | null;
  @Field(() => BusinessHoursInput, { nullable: true, description: 'Business hours.' })
  businessHours?: BusinessHoursInput | null;
  @Field(() => VoicemailSettingsInput, { nullable: true, description: 'Voicemail.' })
  voicemail?: VoicemailSettingsInput | null;
  @Field(() => SmsDeliveryInput, { nullable: true, description: 'SMS forwarding.' })
  smsDelivery?: SmsDeliveryInput | null;
}

@ObjectType({ description: 'Result of a configuration change.' })
export class NumberConfigurationPayload {
  @Field(() => NumberConfiguration, { nullable: true, description: 'The configuration as saved; null on errors.' })
  configuration?: NumberConfiguration | null;
  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'One forward of an inbound SMS.' })
export class SmsDeliveryView {
  @Field(() => ID, { description: 'Delivery id.' })
  id!: string;
  @Field(() => ID, { description: 'The SMS forwarded.' })
  smsMessageId!: string;
  @Field(() => String, { description: 'Sender of the SMS, E.164.' })
  from!: string;
  @Field(() => DeliveryChannel, { description: 'EMAIL or WEBHOOK.' })
  channel!: DeliveryChannel;
  @Field(() => String, { description: 'Email address or webhook URL.' })
  target!: string;
  @Field(() => DeliveryStatus, { description: 'PENDING, DELIVERED or FAILED.' })
  status!: DeliveryStatus;
  @Field(() => Int, { description: 'Tries so far.' })
  attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError?: string | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last webhook try.' })
  responseCode?: number | null;
  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  deliveredAt?: Date | null;
  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
}
export const SmsDeliveryConnection = Connection('SmsDelivery', SmsDeliveryView, 'SMS delivery');

@ObjectType({ description: 'A voicemail left on a number.' })
export class VoicemailMessage {
  @Field(() => ID, { description: 'Voicemail id.' })
  id!: string;
  @Field(() => String, { description: 'Caller, E.164 when known.' })
  caller!: string;
  @Field(() => Int, { description: 'Length in seconds.' })
  durationSeconds!: number;
  @Field(() => String, { description: 'MIME type of the recording, e.g. audio/wav.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size of the recording in bytes.' })
  sizeBytes!: number;
  @Field(() => String, { description: 'Path of the authenticated download/stream route (relative to the API), e.g. /voicemails/<id>/audio.' })
  audioUrl!: string;
  @Field(() => Date, { description: 'When it was left.' })
  receivedAt!: Date;
}
export const VoicemailConnection = Connection('Voicemail', VoicemailMessage, 'voicemail');
