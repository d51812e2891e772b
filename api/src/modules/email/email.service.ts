import { z } from 'zod';
import { Prisma, type EmailOutbox } from '../../generated/prisma/client';
import type { EmailStatus } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, userError, type Result } from '../../graphql/errors';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { createMailTransport, EmailDataError, renderEmail, toMailTransportError, type MailTransport, type TemplateData, type TemplateName } from '../../integrations/email';
import { enqueueJob, type SqlRunner as JobRunner } from '../../jobs/enqueue';
import { jobRunner, type SqlRunner } from '../../db/sql-runner';
import type { Logger } from '../../logger';
import type { Actor } from '../audit/audit.service';
import type { ModuleDeps } from '../module-deps';
import { UUID } from '../../lib/ids';

/** The graphile-worker task that delivers one outbox row, and its key (one pending job per email). */
export const SEND_TASK = 'send-email';
export const SWEEP_TASK = 'sweep-email-outbox';
export const sendJobKey = (emailId: string) => `${SEND_TASK}:${emailId}`;
/** graphile-worker backs off exp(attempt) seconds: 8 attempts span about half an hour. */
export const SEND_MAX_ATTEMPTS = 8;
/** A PENDING email untouched this long with no live job lost it (e.g. enqueued by hand, job deleted). */
export const SWEEP_AFTER_MS = 2 * 60_000;

export type Tx = Prisma.TransactionClient;
export type EmailWithUser = Prisma.EmailOutboxGetPayload<{ include: { user: true } }>;

export interface QueueEmailInput<T extends TemplateName> {
  to: string;
  userId?: string | null;
  template: T;
  data: TemplateData[T];
  /** The same logical email queued twice (a webhook redelivered) is kept once, e.g. `order-confirmation:<orderId>`. */
  dedupeKey?: string | null;
}

export type SendOutcome =
  | { status: 'SENT'; email: EmailOutbox; messageId: string }
  | { status: 'SKIPPED'; reason: string }
  | { status: 'FAILED'; email: EmailOutbox; reason: string };

const address = z.email().max(320);

/**
 * Outgoing email through an outbox table. A service that wants an email sent queues it inside its
 * own transaction: the rendered email and the job that delivers it commit with the state change
 * that caused them, or not at all. The job then sends, retries with backoff, and leaves the row
 * SENT or FAILED (with the server's reply) for staff to read and resend.
 */
export class EmailService {
  private readonly log: Logger;
  private readonly messageDomain: string;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly transport: MailTransport = createMailTransport(deps.config.SMTP_URL),
  ) {
    this.log = deps.log.child({ component: 'email' });
    this.messageDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(deps.config.EMAIL_FROM)?.[1] ?? 'numninja.invalid';
  }

  /** Whether emails are delivered (SMTP_URL set) or only kept in the outbox as STORED. */
  get delivering(): boolean {
    return this.transport.configured;
  }

  /**
   * Renders now (the row shows exactly what will go out; bad data throws `EmailDataError` and so
   * fails the caller's transaction) and inserts the row, plus its send job when SMTP is configured,
   * in `tx`. A known `dedupeKey` returns the existing row: ON CONFLICT DO NOTHING never raises, so
   * the caller's transaction stays usable.
   */
  async queue<T extends TemplateName>(tx: Tx, input: QueueEmailInput<T>): Promise<{ email: EmailOutbox; created: boolean }> {
    const row = this.outboxRow(input);
    const [email] = await tx.emailOutbox.createManyAndReturn({ data: [row], skipDuplicates: true });
    if (!email) {
      // Only dedupe_key can collide (ids are fresh v7 uuids).
      const existing = await tx.emailOutbox.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey! } });
      return { email: existing, created: false };
    }
    if (email.status === 'PENDING') await this.enqueueSend(tx, email.id);
    return { email, created: true };
  }

  /** `queue` for a plain pg transaction (see db/sql-runner.ts): the webhook's hot path uses one. */
  async queueSql<T extends TemplateName>(sql: SqlRunner, input: QueueEmailInput<T>): Promise<{ id: string | null; created: boolean }> {
    const r = this.outboxRow(input);
    const [inserted] = await sql.query<{ id: string }>(Prisma.sql`
      INSERT INTO email_outbox (id, to_address, user_id, template, status, subject, text_body, html_body, dedupe_key, created_at, updated_at)
      VALUES (uuidv7(), ${r.toAddress}, ${r.userId}::uuid, ${r.template}, ${r.status}::"EmailStatus", ${r.subject}, ${r.textBody}, ${r.htmlBody},
              ${r.dedupeKey}, ${r.createdAt}::timestamptz, ${r.updatedAt}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!inserted) return { id: null, created: false };
    if (r.status === 'PENDING') await this.enqueueSend(jobRunner(sql), inserted.id);
    return { id: inserted.id, created: true };
  }

  /**
   * Renders now (the row shows exactly what will go out; bad data throws `EmailDataError` and so
   * fails the caller's transaction).
   */
  private outboxRow<T extends TemplateName>(input: QueueEmailInput<T>) {
    const to = address.safeParse(input.to.trim());
    if (!to.success) throw new EmailDataError(input.template, [{ path: 'to', message: 'not an email address' }]);
    const rendered = renderEmail(input.template, input.data);
    const now = this.deps.clock.now();
    const status: EmailStatus = this.transport.configured ? 'PENDING' : 'STORED';
    return {
      toAddress: to.data, userId: input.userId ?? null, template: input.template, status,
      subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html,
      dedupeKey: input.dedupeKey ?? null, createdAt: now, updatedAt: now,
    };
  }

  /**
   * The `send-email` job: delivers a PENDING email once. Retryable failures (connection, 4xx) are
   * recorded and rethrown so graphile-worker backs off and retries; a permanent one (5xx), or any
   * failure on the job's last attempt, marks the email FAILED and returns.
   */
  async send(emailId: string, opts: { finalAttempt?: boolean } = {}): Promise<SendOutcome> {
    const email = UUID.test(emailId) ? await this.deps.prisma.emailOutbox.findUnique({ where: { id: emailId } }) : null;
    if (!email) return { status: 'SKIPPED', reason: `no email ${emailId}` };
    if (email.status !== 'PENDING') return { status: 'SKIPPED', reason: `email ${email.id} is ${email.status}` };
    if (!this.transport.configured) {
      // Queued while SMTP was configured, run after it was removed: keep it readable, like the rest.
      await this.deps.prisma.emailOutbox.update({ where: { id: email.id }, data: { status: 'STORED', updatedAt: this.deps.clock.now() } });
      return { status: 'SKIPPED', reason: 'SMTP is not configured; stored' };
    }
    try {
      const { messageId } = await this.transport.send({
        from: this.deps.config.EMAIL_FROM, to: email.toAddress, subject: email.subject, text: email.textBody, html: email.htmlBody,
        // Stable across retries: a receiver that saw a delivery we failed to record can drop the copy.
        messageId: `<${email.id}@${this.messageDomain}>`,
      });
      const now = this.deps.clock.now();
      const sent = await this.deps.prisma.emailOutbox.update({
        where: { id: email.id },
        data: { status: 'SENT', sentAt: now, attempts: { increment: 1 }, updatedAt: now },
      });
      this.log.info({ emailId: email.id, template: email.template, messageId }, 'email sent');
      return { status: 'SENT', email: sent, messageId };
    } catch (err) {
      const error = toMailTransportError(err);
      const giveUp = !error.retryable || opts.finalAttempt === true;
      const failed = await this.deps.prisma.emailOutbox.update({
        where: { id: email.id },
        data: { status: giveUp ? 'FAILED' : 'PENDING', attempts: { increment: 1 }, lastError: error.message.slice(0, 2000), updatedAt: this.deps.clock.now() },
      });
      this.log.warn({ emailId: email.id, template: email.template, kind: error.kind, retry: !giveUp }, `email not sent: ${error.message}`);
      if (!giveUp) throw error;
      return { status: 'FAILED', email: failed, reason: error.message };
    }
  }

  /** Staff: put a STORED or FAILED email back in the queue. Needs SMTP; audited. */
  async resend(actor: Actor, id: string): Promise<Result<EmailWithUser>> {
    const notFound = () => fail<EmailWithUser>(userError(ErrorCode.NOT_FOUND, 'No such email.', ['id']));
    if (!UUID.test(id)) return notFound();
    if (!this.transport.configured) {
      return fail(userError(ErrorCode.VALIDATION, 'Email delivery is not configured on this server (SMTP_URL is unset), so emails are only stored. Set SMTP_URL to send them.'));
    }
    const outcome = await this.deps.prisma.$transaction(async (tx) => {
      const email = await tx.emailOutbox.findUnique({ where: { id } });
      if (!email) return 'missing' as const;
      // Conditional update: two staff clicking at once re-queue it once.
      const { count } = await tx.emailOutbox.updateMany({
        where: { id, status: { in: ['STORED', 'FAILED'] } },
        data: { status: 'PENDING', updatedAt: this.deps.clock.now() },
      });
      if (count === 0) return email.status;
      await this.enqueueSend(tx, id);
      await this.deps.audit.record(actor, { action: 'email.resend', targetType: 'EmailOutbox', targetId: id, data: { previousStatus: email.status } }, tx);
      return 'queued' as const;
    });
    if (outcome === 'missing') return notFound();
    if (outcome !== 'queued') {
      const why = outcome === 'SENT' ? 'was already sent' : 'is already waiting to be sent';
      return fail(userError(ErrorCode.VALIDATION, `This email ${why}; only stored or failed emails can be resent.`, ['id']));
    }
    return ok((await this.email(id))!);
  }

  /** Staff read of one outbox row. */
  async email(id: string): Promise<EmailWithUser | null> {
    if (!UUID.test(id)) return null;
    return this.deps.prisma.emailOutbox.findUnique({ where: { id }, include: { user: true } });
  }

  /** Staff list, newest first; `search` matches the address or the subject, case-insensitively. */
  async outbox(filter: { status?: EmailStatus | null; search?: string | null }, after: string | null, limit: number): Promise<ConnectionShape<EmailWithUser>> {
    const cursor = decodeCursor(after, timeIdCursor);
    // Prisma's `contains` is LIKE '%…%' and passes % and _ through as wildcards: make them literal.
    const search = filter.search?.trim().slice(0, 200).replace(/[\\%_]/g, '\\$&') || null;
    const where: Prisma.EmailOutboxWhereInput = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(search
        ? { OR: [{ toAddress: { contains: search, mode: 'insensitive' } }, { subject: { contains: search, mode: 'insensitive' } }] }
        : {}),
    };
    const rows = await this.deps.prisma.emailOutbox.findMany({
      where: cursor
        ? { AND: [where, keysetAfter<Prisma.EmailOutboxWhereInput>(cursor, 'createdAt')] }
        : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: { user: true },
    });
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r) => r,
      count: () => this.deps.prisma.emailOutbox.count({ where }),
    });
  }

  /**
   * The crontab safety net: PENDING emails untouched for SWEEP_AFTER_MS whose send job is gone (or
   * dead) get a new one. Job keys make a duplicate impossible; SKIP LOCKED lets two sweeps overlap.
   */
  async sweep(limit = 500): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - SWEEP_AFTER_MS);
    return this.deps.prisma.$transaction(async (tx) => {
      const lost = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT e.id FROM email_outbox e
        WHERE e.status = 'PENDING' AND e.updated_at < ${cutoff}
          AND NOT EXISTS (
            SELECT 1 FROM graphile_worker.jobs j
            WHERE j.key = ${`${SEND_TASK}:`} || e.id::text AND j.attempts < j.max_attempts)
        ORDER BY e.created_at
        LIMIT ${limit}
        FOR UPDATE OF e SKIP LOCKED`;
      for (const { id } of lost) await this.enqueueSend(tx, id);
      if (lost.length) this.log.warn({ count: lost.length }, 're-enqueued pending emails that had no send job');
      return lost.length;
    });
  }

  /** Closes pooled SMTP connections (process shutdown). */
  close(): void {
    this.transport.close();
  }

  private enqueueSend(tx: JobRunner, emailId: string): Promise<void> {
    return enqueueJob(tx, SEND_TASK, { emailId }, { jobKey: sendJobKey(emailId), maxAttempts: SEND_MAX_ATTEMPTS });
  }
}
