import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EmailStatus } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Connection } from '../../graphql/pagination';
import { User } from '../auth/auth.types';

registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description: 'Where an outgoing email is.',
  valuesConfig: {
    PENDING: { description: 'Queued; a worker sends it shortly, or retries it after a temporary failure (see `attempts`, `lastError`).' },
    SENT: { description: 'Accepted by the SMTP server.' },
    FAILED: { description: 'Refused for good by the SMTP server, or still failing after every retry; `lastError` says why. Can be resent.' },
    STORED: { description: 'Kept in the outbox only: no SMTP server is configured (offline demo). Readable here; resendable once SMTP is set up.' },
  },
});

@ObjectType({ description: 'One outgoing email, as rendered when it was queued.' })
export class Email {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { name: 'to', description: 'Recipient address.' })
  toAddress!: string;

  @Field(() => String, { description: 'Template it was rendered from, e.g. "orderConfirmation".' })
  template!: string;

  @Field(() => String, { description: 'Subject line.' })
  subject!: string;

  @Field(() => String, { description: 'Plain-text part, exactly as sent.' })
  textBody!: string;

  @Field(() => String, { nullable: true, description: 'HTML part, exactly as sent (render it sandboxed).' })
  htmlBody?: string | null;

  @Field(() => EmailStatus, { description: 'Delivery state.' })
  status!: EmailStatus;

  @Field(() => Int, { description: 'Delivery attempts made so far (across resends).' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Reply or error of the last failed attempt; kept after a later success.' })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it.' })
  sentAt?: Date | null;

  @Field(() => Date, { description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => User, { nullable: true, description: 'Account it was sent to; null for staff alerts or a deleted account.' })
  user?: User | null;
}

export const EmailConnection = Connection('Email', Email, 'outgoing email');

@ObjectType({ description: 'Result of resendEmail.' })
export class EmailPayload {
  @Field(() => Email, { nullable: true, description: 'The email, back in the queue; null on failure.' })
  email?: Email | null;

  @Field(() => [UserError], { description: 'Expected failures (not found, already sent, SMTP not configured); empty on success.' })
  errors!: UserError[];
}
