import { z } from 'zod';
import type { NumberStatus } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, userError, zodUserErrors, type Result } from '../../graphql/errors';
import type { Actor } from '../audit/audit.service';
import type { Refunds } from '../checkout/refunds';
import type { ModuleDeps } from '../module-deps';
import { transition } from './number-status';
import type { ProvisioningService } from './provisioning.service';

const numberId = z.uuid({ message: 'Not a number id.' });
const retryInput = z.object({ numberId });
const refundInput = z.object({ numberId, reason: z.string().trim().max(500).nullish() });
const resolveInput = z.object({ numberId, note: z.string().trim().min(3, 'Say how it was resolved (at least 3 characters).').max(500) });

export interface ActedOn {
  numberId: string;
  status: NumberStatus;
}

/**
 * What staff do from the provisioning queue, each with an audit entry: retry a number (a FAILED
 * one starts over; one waiting on backoff runs now), refund it, or resolve a FAILED one (handled
 * outside NumNinja, e.g. a replacement number sold) so it leaves the queue as RELEASED.
 */
export class ProvisioningStaffActions {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly provisioning: ProvisioningService,
    private readonly refunds: Refunds,
  ) {}

  async retry(actor: Actor, raw: unknown): Promise<Result<ActedOn>> {
    const parsed = retryInput.safeParse(raw);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    const { prisma, clock } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({ where: { id: parsed.data.numberId }, include: { orderLine: true } });
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    if (!['FAILED', 'PENDING', 'PROVISIONING'].includes(number.status)) {
      return fail(userError(ErrorCode.VALIDATION, `A ${number.status.toLowerCase()} number has nothing to retry.`, ['numberId']));
    }
    if (number.orderLine.status === 'REFUNDED') {
      return fail(userError(ErrorCode.VALIDATION, 'This number was refunded; the customer would get it for free. Sell it again instead.', ['numberId']));
    }
    const status = await prisma.$transaction(async (tx) => {
      let attempt = 1;
      if (number.status === 'FAILED') {
        await transition(tx, { numberId: number.id, from: 'FAILED', to: 'PENDING', cause: 'Retried by staff', data: { failureReason: null } });
        await tx.orderLine.updateMany({ where: { id: number.orderLineId, status: 'FAILED' }, data: { status: 'PENDING' } });
      } else {
        const last = await tx.provisioningAttempt.aggregate({ where: { purchasedNumberId: number.id, step: { not: 'RELEASE' } }, _max: { attempt: true } });
        attempt = last._max.attempt ?? 1;
      }
      await this.provisioning.requeue(number.id, attempt, clock.now(), tx);
      await this.deps.audit.record(actor, { action: 'provisioning.retry', targetType: 'PurchasedNumber', targetId: number.id, data: { from: number.status, e164: number.e164 } }, tx);
      return number.status === 'FAILED' ? ('PENDING' as const) : number.status;
    });
    return ok({ numberId: number.id, status });
  }

  async refund(actor: Actor, raw: unknown): Promise<Result<ActedOn>> {
    const parsed = refundInput.safeParse(raw);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    const { prisma } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({ where: { id: parsed.data.numberId }, include: { orderLine: true } });
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    if (!['FAILED', 'PENDING', 'PROVISIONING'].includes(number.status)) {
      return fail(userError(ErrorCode.VALIDATION, 'Only a number in the provisioning queue can be refunded here; refund live numbers from their order.', ['numberId']));
    }
    if (number.orderLine.status === 'REFUNDED') return fail(userError(ErrorCode.VALIDATION, 'This number is already refunded.', ['numberId']));
    const refunded = await this.refunds.refund(actor, number.orderLine.orderId, [number.orderLineId], parsed.data.reason || 'Refunded from the provisioning queue');
    if (!refunded.ok) return refunded;
    await this.deps.audit.record(actor, { action: 'provisioning.refund', targetType: 'PurchasedNumber', targetId: number.id, data: { e164: number.e164, orderId: number.orderLine.orderId } });
    const after = await prisma.purchasedNumber.findUniqueOrThrow({ where: { id: number.id }, select: { status: true } });
    return ok({ numberId: number.id, status: after.status });
  }

  async resolve(actor: Actor, raw: unknown): Promise<Result<ActedOn>> {
    const parsed = resolveInput.safeParse(raw);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    const { prisma, clock } = this.deps;
    const { numberId: id, note } = parsed.data;
    const number = await prisma.purchasedNumber.findUnique({ where: { id } });
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    const done = await prisma.$transaction(async (tx) => {
      const was = await transition(tx, { numberId: id, from: 'FAILED', to: 'RELEASED', cause: `Resolved by staff: ${note}`, data: { releasedAt: clock.now() } });
      if (was) await this.deps.audit.record(actor, { action: 'provisioning.resolve', targetType: 'PurchasedNumber', targetId: id, data: { e164: number.e164, note } }, tx);
      return was;
    });
    if (!done) return fail(userError(ErrorCode.VALIDATION, 'Only a FAILED number can be resolved.', ['numberId']));
    return ok({ numberId: id, status: 'RELEASED' });
  }

  /** The `refund-failed-number` job: the customer cannot get the number, so they get their money back. */
  async refundFailed(id: string): Promise<'refunded' | 'skipped'> {
    const number = await this.deps.prisma.purchasedNumber.findUnique({ where: { id }, include: { orderLine: true } });
    if (!number || number.status !== 'FAILED' || number.orderLine.status === 'REFUNDED') return 'skipped';
    const result = await this.refunds.refund(null, number.orderLine.orderId, [number.orderLineId], `Automatic refund: ${number.e164} could not be provisioned`);
    if (result.ok) return 'refunded';
    if (result.errors.some((e) => e.code === ErrorCode.PAYMENT_FAILED)) throw new Error(`automatic refund of ${id} failed: ${result.errors[0]!.message}`);
    // "Nothing left to refund" / "no captured payment": nothing we can do automatically; staff see it in the queue.
    this.deps.log.warn({ numberId: id, errors: result.errors }, 'automatic refund not possible');
    return 'skipped';
  }
}
