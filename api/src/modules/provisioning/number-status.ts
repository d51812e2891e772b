import type { Prisma } from '../../generated/prisma/client';
import type { NumberStatus } from '../../generated/prisma/enums';

type Tx = Prisma.TransactionClient;

/**
 * The purchased number's life, in one place:
 *   PENDING → PROVISIONING → ACTIVE | FAILED
 *   ACTIVE ⇄ PAST_DUE → SUSPENDED → ACTIVE (paid) | RELEASING → RELEASED
 *   FAILED → PENDING (staff retry) | RELEASED (staff resolve)
 * Anything else is a bug, so it throws rather than quietly writing a status the rest of the code
 * does not expect.
 */
const NEXT: Record<NumberStatus, readonly NumberStatus[]> = {
  PENDING: ['PROVISIONING', 'FAILED', 'RELEASING'],
  PROVISIONING: ['ACTIVE', 'FAILED', 'RELEASING'],
  ACTIVE: ['PAST_DUE', 'SUSPENDED', 'RELEASING'],
  PAST_DUE: ['ACTIVE', 'SUSPENDED', 'RELEASING'],
  SUSPENDED: ['ACTIVE', 'RELEASING'],
  RELEASING: ['RELEASED'],
  RELEASED: [],
  FAILED: ['PENDING', 'RELEASED'],
};

export function canTransition(from: NumberStatus, to: NumberStatus): boolean {
  return NEXT[from].includes(to);
}

export interface Transition {
  numberId: string;
  /** The statuses the number may be in now; the change happens only from one of them. */
  from: NumberStatus | readonly NumberStatus[];
  to: NumberStatus;
  /** Why, in words for the timeline ("Payment received", "DIDWW refused the order: …"). */
  cause: string;
  /** Other columns that change with the status (activatedAt, failureReason, …). */
  data?: Omit<Prisma.PurchasedNumberUpdateManyMutationInput, 'status'>;
}

/**
 * Moves a number to `to` if it is still in one of `from`, and records the step in
 * number_status_events (whose trigger tells subscribers). Conditional on the current status, so
 * two workers racing over one number change it once; the loser gets `null`.
 */
export async function transition(tx: Tx, t: Transition): Promise<NumberStatus | null> {
  const froms = (Array.isArray(t.from) ? t.from : [t.from]) as NumberStatus[];
  for (const from of froms) {
    if (!canTransition(from, t.to)) throw new Error(`Illegal number status change ${from} → ${t.to}`);
  }
  const rows = await tx.$queryRaw<Array<{ status: NumberStatus }>>`
    SELECT status::text AS status FROM purchased_numbers WHERE id = ${t.numberId}::uuid FOR UPDATE`;
  const current = rows[0]?.status;
  if (!current || !froms.includes(current)) return null;
  await tx.purchasedNumber.update({ where: { id: t.numberId }, data: { ...t.data, status: t.to } });
  await tx.numberStatusEvent.create({ data: { purchasedNumberId: t.numberId, fromStatus: current, toStatus: t.to, cause: t.cause } });
  return current;
}

/** A timeline note that changes no status (e.g. "cancellation scheduled"). */
export async function note(tx: Tx, numberId: string, status: NumberStatus, cause: string): Promise<void> {
  await tx.numberStatusEvent.create({ data: { purchasedNumberId: numberId, fromStatus: status, toStatus: status, cause } });
}
