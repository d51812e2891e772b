import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { MailTransportError } from '../../integrations/email';
import { closedPort, parseMail, startTestSmtpServer, type TestSmtpServer } from '../../integrations/email/test-smtp-server';
import { SAMPLE } from '../../integrations/email/test-samples';
import { useTestDatabase } from '../../test/db';
import type { EmailService } from './email.service';
import { emailService, runEmailJobs, sendJobs } from './test-support';

const confirmation = (to = 'ada@example.com', name = 'Ada Lovelace') => ({ to, template: 'orderConfirmation' as const, data: { ...SAMPLE.orderConfirmation, name } });

describe('email outbox', () => {
  const db = useTestDatabase();
  let smtp: TestSmtpServer;
  let email: EmailService;
  let userId: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    email = emailService(db.prisma, db.url, smtp.url);
    userId = (await db.prisma.user.create({ data: { email: 'ada@example.com', name: 'Ada Lovelace', passwordHash: 'x' } })).id;
  });
  afterAll(async () => {
    email?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await db.prisma.emailOutbox.deleteMany();
    await db.prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    smtp.messages.length = 0;
    smtp.rules.rcpt = undefined;
  });

  it('queues nothing when the caller rolls back: no row, no job', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await email.queue(tx, { ...confirmation(), userId });
        throw new Error('payment not confirmed after all');
      }),
    ).rejects.toThrow('payment not confirmed');
    expect(await db.prisma.emailOutbox.count()).toBe(0);
    expect(await sendJobs(db.prisma)).toEqual([]);
  });

  it('commits the rendered email and its send job with the caller', async () => {
    const { email: row, created } = await db.prisma.$transaction((tx) => email.queue(tx, { ...confirmation(), userId, dedupeKey: 'order-confirmation:1' }));
    expect(created).toBe(true);
    expect(row).toMatchObject({ status: 'PENDING', toAddress: 'ada@example.com', userId, template: 'orderConfirmation', subject: 'Order NN-7Q2K9 confirmed', attempts: 0 });
    expect(row.textBody).toContain('Hi Ada Lovelace,');
    expect(row.htmlBody).toContain('<!doctype html>');
    expect(await sendJobs(db.prisma)).toMatchObject([{ key: `send-email:${row.id}`, payload: { emailId: row.id }, attempts: 0, maxAttempts: 8 }]);
  });

  it('returns the existing row for a known dedupe key and leaves the transaction usable', async () => {
    const [first, again, other] = await db.prisma.$transaction(async (tx) => [
      await email.queue(tx, { ...confirmation(), dedupeKey: 'order-confirmation:2' }),
      await email.queue(tx, { ...confirmation('someone@else.test'), dedupeKey: 'order-confirmation:2' }),
      // Still in the same transaction: a failed statement would make this one fail.
      await email.queue(tx, { ...confirmation(), dedupeKey: 'order-confirmation:3' }),
    ]);
    expect(again).toEqual({ email: first.email, created: false });
    expect(other.created).toBe(true);
    const later = await db.prisma.$transaction((tx) => email.queue(tx, { ...confirmation(), dedupeKey: 'order-confirmation:2' }));
    expect(later).toMatchObject({ created: false, email: { id: first.email.id } });
    expect(await db.prisma.emailOutbox.count()).toBe(2);
    expect(await sendJobs(db.prisma)).toHaveLength(2);
  });

  it('refuses bad data and a bad address at queue time, failing the caller', async () => {
    await expect(db.prisma.$transaction((tx) => email.queue(tx, { ...confirmation(), data: { ...SAMPLE.orderConfirmation, lines: [] } }))).rejects.toThrow(/lines/);
    await expect(db.prisma.$transaction((tx) => email.queue(tx, confirmation('not-an-address')))).rejects.toThrow(/to: not an email address/);
    expect(await db.prisma.emailOutbox.count()).toBe(0);
  });

  it('delivers through the worker over real SMTP, escaped, and marks it SENT once however often it runs', async () => {
    const { email: row } = await db.prisma.$transaction((tx) => email.queue(tx, { ...confirmation('ada@example.com', '<script>alert(1)</script>'), userId }));
    await runEmailJobs(db.url, email);

    const [got] = await smtp.waitForMessages(1);
    expect(got!.to).toEqual(['ada@example.com']);
    const mail = parseMail(got!.raw);
    expect(mail.headers.get('to')).toBe('ada@example.com');
    expect(mail.headers.get('from')).toBe('NumNinja <hello@numninja.test>');
    expect(mail.headers.get('subject')).toBe('Order NN-7Q2K9 confirmed');
    expect(mail.headers.get('message-id')).toBe(`<${row.id}@numninja.test>`);
    expect(mail.text).toContain('Hi <script>alert(1)</script>,');
    expect(mail.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(mail.html).not.toContain('<script>');

    const sent = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await sendJobs(db.prisma)).toEqual([]);

    expect(await email.send(row.id)).toMatchObject({ status: 'SKIPPED' });
    expect(smtp.messages).toHaveLength(1);
  });

  it('records a failed attempt and rethrows when SMTP is down; the worker backs off; the last attempt marks it FAILED', async () => {
    const down = emailService(db.prisma, db.url, `smtp://127.0.0.1:${await closedPort()}`);
    const { email: row } = await db.prisma.$transaction((tx) => down.queue(tx, confirmation()));

    const thrown = await down.send(row.id).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(MailTransportError);
    expect(thrown).toMatchObject({ kind: 'connection', retryable: true });
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringMatching(/^SMTP connection failed/) });

    await runEmailJobs(db.url, down);
    const [job] = await sendJobs(db.prisma);
    expect(job).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/SMTP connection failed/) });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', attempts: 2 });

    // Make the next run the job's last attempt, due now: it gives up visibly instead of leaving PENDING.
    await db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 2, run_at = now() WHERE key = ${`send-email:${row.id}`}`;
    await runEmailJobs(db.url, down);
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'FAILED', attempts: 3, lastError: expect.stringMatching(/^SMTP connection failed/) });
    expect(await sendJobs(db.prisma)).toEqual([]);
    down.close();
  });

  it('marks a permanently refused email FAILED with the server reply, without retrying', async () => {
    smtp.rules.rcpt = () => '550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown';
    const { email: row } = await db.prisma.$transaction((tx) => email.queue(tx, confirmation('gone@example.com')));
    await runEmailJobs(db.url, email);
    const failed = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/^SMTP rejected the message \(550\): .*User unknown/);
    // The job completed: nothing left to retry a message the server will never take.
    expect(await sendJobs(db.prisma)).toEqual([]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('only stores emails when SMTP is not configured: STORED, no job, resend refused', async () => {
    const offline = emailService(db.prisma, db.url, undefined);
    const { email: row } = await db.prisma.$transaction((tx) => offline.queue(tx, confirmation()));
    expect(row.status).toBe('STORED');
    expect(row.htmlBody).toContain('Thanks for your order');
    expect(await sendJobs(db.prisma)).toEqual([]);
    const staff = { userId, ip: null, requestId: null };
    const resent = await offline.resend(staff, row.id);
    expect(resent.ok).toBe(false);
    expect(!resent.ok && resent.errors[0]!.message).toMatch(/SMTP_URL is unset/);
  });

  it('re-enqueues PENDING emails that lost their job, once they are two minutes old, and only those', async () => {
    const clock = fixedClock(new Date());
    const timed = emailService(db.prisma, db.url, smtp.url, clock);
    const { email: lost } = await db.prisma.$transaction((tx) => timed.queue(tx, confirmation()));
    const { email: kept } = await db.prisma.$transaction((tx) => timed.queue(tx, confirmation('b@example.com')));
    await db.prisma.$executeRaw`SELECT graphile_worker.remove_job(${`send-email:${lost.id}`})`;

    expect(await timed.sweep()).toBe(0);
    clock.advance(3 * 60_000);
    expect(await timed.sweep()).toBe(1);
    expect((await sendJobs(db.prisma)).map((j) => j.key).sort()).toEqual([`send-email:${kept.id}`, `send-email:${lost.id}`].sort());
    expect(await timed.sweep()).toBe(0);
    timed.close();
  });
});
