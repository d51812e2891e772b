import { Prisma } from '../../generated/prisma/client';
import type { PrismaClient } from '../../db/prisma';
import { enqueueJob } from '../../jobs/enqueue';

type Tx = Prisma.TransactionClient;

export const RESERVE_TASK = 'reserve-number';
export const RELEASE_RESERVATION_TASK = 'release-reservation';

/**
 * Takes the hold on a number for a cart, or reports why not. The unique index on
 * cart_items.available_number_id is what makes the hold exclusive: two buyers inserting at once
 * are serialised by PostgreSQL and exactly one row survives.
 */
export async function takeHold(
  tx: Tx,
  args: { cartId: string; availableNumberId: string; now: Date; expiresAt: Date },
): Promise<{ taken: true; itemId: string } | { taken: false }> {
  let itemId = await insertHold(tx, args);
  if (!itemId) {
    // Someone's hold is in the way; if it ran out (and is not under an open checkout) it no longer counts.
    if (await releaseExpiredHold(tx, args.availableNumberId, args.now)) itemId = await insertHold(tx, args);
  }
  return itemId ? { taken: true, itemId } : { taken: false };
}

/**
 * One statement: the hold row, the number marked HELD and the DIDWW reservation job — the hot path
 * of adding to a cart is a single round trip inside its transaction.
 */
async function insertHold(tx: Tx, args: { cartId: string; availableNumberId: string; now: Date; expiresAt: Date }): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string; jobs: number }>>`
    WITH ins AS (
      INSERT INTO cart_items (id, cart_id, available_number_id, setup_price, monthly_price, currency, hold_expires_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${args.cartId}::uuid, n.id, n.setup_price, n.monthly_price, n.currency, ${args.expiresAt}::timestamptz, ${args.now}::timestamptz, ${args.now}::timestamptz
      FROM available_numbers n
      WHERE n.id = ${args.availableNumberId}::uuid AND n.status IN ('AVAILABLE', 'HELD')
      ON CONFLICT (available_number_id) DO NOTHING
      RETURNING id, available_number_id),
    held AS (
      UPDATE available_numbers SET status = 'HELD', updated_at = ${args.now}::timestamptz
      WHERE id IN (SELECT available_number_id FROM ins)),
    job AS (
      SELECT graphile_worker.add_job(${RESERVE_TASK}, json_build_object('cartItemId', ins.id), job_key => 'reserve:' || ins.id, max_attempts => 5) FROM ins)
    SELECT ins.id, (SELECT count(*)::int FROM job) AS jobs FROM ins`;
  return rows[0]?.id ?? null;
}

async function releaseExpiredHold(tx: Tx, availableNumberId: string, now: Date): Promise<boolean> {
  const gone = await tx.$queryRaw<Array<{ didww_reservation_id: string | null }>>`
    DELETE FROM cart_items ci
    WHERE ci.available_number_id = ${availableNumberId}::uuid AND ci.hold_expires_at <= ${now}::timestamptz
      AND NOT ${inOpenCheckout(Prisma.sql`ci.available_number_id`)}
    RETURNING ci.didww_reservation_id`;
  for (const g of gone) await releaseReservationLater(tx, g.didww_reservation_id);
  return gone.length > 0;
}

/** Drops cart items (and their holds) and puts their numbers back on sale unless sold meanwhile. */
export async function dropItems(tx: Tx, itemIds: string[], now: Date): Promise<number> {
  if (itemIds.length === 0) return 0;
  const gone = await tx.$queryRaw<Array<{ available_number_id: string; didww_reservation_id: string | null }>>`
    DELETE FROM cart_items WHERE id = ANY(${itemIds}::uuid[]) RETURNING available_number_id, didww_reservation_id`;
  if (gone.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE available_numbers SET status = 'AVAILABLE', updated_at = ${now}::timestamptz
    WHERE id = ANY(${gone.map((g) => g.available_number_id)}::uuid[]) AND status = 'HELD'`;
  for (const g of gone) await releaseReservationLater(tx, g.didww_reservation_id);
  return gone.length;
}

async function releaseReservationLater(tx: Tx, reservationId: string | null): Promise<void> {
  if (!reservationId) return;
  await enqueueJob(tx, RELEASE_RESERVATION_TASK, { reservationId }, { jobKey: `release-reservation:${reservationId}`, maxAttempts: 5 });
}

/** SQL: the number is a line of an order still waiting for payment. */
export function inOpenCheckout(numberIdColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                           WHERE ol.available_number_id = ${numberIdColumn} AND o.status = 'PENDING')`;
}

/** Holds that ran out and are not under an open checkout, oldest first. */
export async function expiredItemIds(prisma: PrismaClient, now: Date, limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT ci.id FROM cart_items ci
    WHERE ci.hold_expires_at <= ${now}::timestamptz AND NOT ${inOpenCheckout(Prisma.sql`ci.available_number_id`)}
    ORDER BY ci.hold_expires_at LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
