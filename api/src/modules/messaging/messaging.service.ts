/** SMS for customers and staff: storing inbound messages from DIDWW and reading the history. */
import type pg from 'pg';
import type { Prisma } from '../../generated/prisma/client';
import { pageSize } from '../../graphql/pagination';
import type { ModuleDeps } from '../module-deps';
import { orThrow, parseSmsFilter, type UsageViewer } from '../usage/usage-filter';
import { storedAddress } from '../../lib/phone-format';
import type { InboundOutcome, InboundSms } from './inbound-sms';
import type { SmsMessageFilter } from './messaging.types';
import { SmsHistory } from './sms-history';

/**
 * Runs in the transaction that stored a new inbound message, once per message (never for a
 * duplicate delivery). The seam for SMS forwarding to email and webhooks: enqueue the delivery
 * jobs here (`enqueueJob(tx, …)`) so the message and its deliveries commit together.
 */
export type InboundSmsHook = (tx: Prisma.TransactionClient, message: { id: string; userId: string; purchasedNumberId: string }) => Promise<void>;

export class MessagingService {
  readonly history: SmsHistory;
  private readonly hooks: InboundSmsHook[] = [];

  constructor(private readonly deps: ModuleDeps, pool: pg.Pool) {
    this.history = new SmsHistory(pool);
  }

  onInbound(hook: InboundSmsHook): void {
    this.hooks.push(hook);
  }

  smsMessages(viewer: UsageViewer, filter: SmsMessageFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const f = orThrow(parseSmsFilter(viewer, filter));
    return this.history.page(f, pageSize(first), after, viewer.staff);
  }

  /** Stores a verified inbound SMS once per DIDWW message id, for the number's current owner. */
  async receiveInbound(sms: InboundSms): Promise<{ outcome: InboundOutcome; id?: string }> {
    const to = storedAddress(sms.to);
    const { prisma, clock, log } = this.deps;
    const number = await prisma.purchasedNumber.findFirst({
      where: { e164: to, didwwDidId: { not: null }, status: { notIn: ['RELEASED', 'FAILED'] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, userId: true },
    });
    if (!number) {
      log.warn({ to, smsId: sms.id }, 'inbound SMS for a number we do not run; dropped');
      return { outcome: 'unknown-number' };
    }
    return prisma.$transaction(async (tx) => {
      const created = await tx.smsMessage.createManyAndReturn({
        data: [{
          externalId: `didww:${sms.id}`, userId: number.userId, purchasedNumberId: number.id, direction: 'INBOUND',
          fromNumber: storedAddress(sms.from), toNumber: to, body: sms.text,
          receivedAt: sms.time ? new Date(sms.time) : clock.now(),
        }],
        skipDuplicates: true,
        select: { id: true },
      });
      const row = created[0];
      if (!row) return { outcome: 'duplicate' as const };
      for (const hook of this.hooks) await hook(tx, { id: row.id, userId: number.userId, purchasedNumberId: number.id });
      return { outcome: 'stored' as const, id: row.id };
    });
  }
}
