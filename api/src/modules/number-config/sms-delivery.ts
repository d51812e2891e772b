import type { Prisma } from '../../generated/prisma/client';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { enqueueJob } from '../../jobs/enqueue';
import { UUID } from '../../lib/ids';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import type { ConfigViewer } from './number-config.service';
import type { SmsDeliveryView } from './number-config.types';
import { postSignedWebhook } from './webhook-sender';

export const DELIVER_SMS_TASK = 'deliver-sms';
type DeliveryRow = Prisma.SmsDeliveryGetPayload<{ include: { smsMessage: { select: { fromNumber: true } } } }>;

/**
 * What happens to an inbound SMS once it is stored: one sms_deliveries row per email address and
 * per webhook of its number (the unique key makes a second fan-out a no-op), each tried until it
 * is DELIVERED. Email goes through the outbox (which has its own retries); webhooks are POSTed,
 * signed, here. The `deliver-sms` job retries what is still PENDING with graphile-worker's backoff;
 * its last attempt marks the rest FAILED with their last error.
 */
export class SmsDeliveryService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly email: EmailService,
  ) {}

  /** The seam for the inbound-SMS webhook: call it (in the storing transaction if you have one). */
  async deliverInbound(smsMessageId: string, tx: Pick<Prisma.TransactionClient, '$executeRaw'> = this.deps.prisma): Promise<void> {
    await enqueueJob(tx, DELIVER_SMS_TASK, { smsMessageId }, { jobKey: `deliver-sms:${smsMessageId}`, maxAttempts: this.deps.config.SMS_DELIVERY_MAX_ATTEMPTS });
  }

  /** One pass: fan out (once), try every PENDING delivery. Returns how many are still PENDING. */
  async run(smsMessageId: string, lastAttempt: boolean): Promise<number> {
    const { prisma, clock, config } = this.deps;
    const sms = await prisma.smsMessage.findUnique({ where: { id: smsMessageId }, include: { purchasedNumber: { include: { configuration: true } } } });
    if (!sms) return 0;
    const c = sms.purchasedNumber.configuration;
    if (c) {
      const targets = [
        ...c.smsEmails.map((target) => ({ channel: 'EMAIL' as const, target })),
        ...(c.smsWebhookUrl ? [{ channel: 'WEBHOOK' as const, target: c.smsWebhookUrl }] : []),
      ];
      if (targets.length) await prisma.smsDelivery.createMany({ data: targets.map((t) => ({ smsMessageId, ...t })), skipDuplicates: true });
    }
    const pending = await prisma.smsDelivery.findMany({ where: { smsMessageId, status: 'PENDING' }, orderBy: { createdAt: 'asc' } });
    let left = 0;
    for (const d of pending) {
      const now = clock.now();
      if (d.channel === 'EMAIL') {
        await prisma.$transaction(async (tx) => {
          await this.email.queue(tx, {
            to: d.target,
            userId: sms.userId,
            template: 'smsReceived',
            dedupeKey: `sms-delivery:${d.id}`,
            data: { to: sms.toNumber, from: sms.fromNumber, text: sms.body, receivedAt: sms.receivedAt },
          });
          await tx.smsDelivery.update({ where: { id: d.id }, data: { status: 'DELIVERED', attempts: { increment: 1 }, deliveredAt: now, lastError: null } });
        });
        continue;
      }
      const secret = c?.smsWebhookSecret;
      const body = JSON.stringify({
        id: sms.id, type: 'sms.received', numberId: sms.purchasedNumberId,
        from: sms.fromNumber, to: sms.toNumber, text: sms.body, receivedAt: sms.receivedAt.toISOString(),
      });
      const r = secret
        ? await postSignedWebhook(d.target, body, secret, now, { allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK })
        : { ok: false, status: null, error: 'no webhook secret' };
      const failedForGood = !r.ok && lastAttempt;
      await prisma.smsDelivery.update({
        where: { id: d.id },
        data: {
          attempts: { increment: 1 },
          responseCode: r.status,
          status: r.ok ? 'DELIVERED' : failedForGood ? 'FAILED' : 'PENDING',
          lastError: r.error?.slice(0, 500) ?? null,
          deliveredAt: r.ok ? now : null,
        },
      });
      if (!r.ok && !failedForGood) left++;
    }
    return left;
  }

  /** Deliveries of one number's messages, newest first; someone else's number lists nothing. */
  async list(viewer: ConfigViewer, numberId: string, limit: number, after: string | null | undefined): Promise<ConnectionShape<SmsDeliveryView>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const owned = UUID.test(numberId) ? { smsMessage: { purchasedNumberId: numberId, ...(viewer.staff ? {} : { userId: viewer.userId }) } } : { id: '00000000-0000-0000-0000-000000000000' };
    const where: Prisma.SmsDeliveryWhereInput = owned;
    const keyset: Prisma.SmsDeliveryWhereInput | undefined = cursor
      ? keysetAfter<Prisma.SmsDeliveryWhereInput>(cursor, 'createdAt')
      : undefined;
    const rows = await this.deps.prisma.smsDelivery.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      include: { smsMessage: { select: { fromNumber: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toConnection<DeliveryRow, SmsDeliveryView>(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r) => ({ ...r, from: r.smsMessage.fromNumber }),
      count: () => this.deps.prisma.smsDelivery.count({ where }),
    });
  }
}
